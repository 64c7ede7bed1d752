/**
 * Books: catalogue fields, the cover that becomes a target, the 3D model, and "Try it".
 */
import { Camera } from 'lucide-react';
import { Link } from 'wouter';
import { addBook, removeBook, updateBook } from '../../../domain/source/draft-edits.ts';
import { type SourceBookInput } from '../../../domain/source/draft.ts';
import { authorsToText, textToAuthors } from '../../../editor/form-text.ts';
import { paths } from '../../paths.ts';
import { CoverTool } from '../CoverTool.tsx';
import { ModelTool } from '../ModelTool.tsx';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, MultiChoice, NumberField, SelectField, TextField } from '../fields.tsx';
import { numberOr, type FormProps, type SectionDefinition } from './EntitySection.tsx';

type Ages = { readonly minAge?: number | undefined; readonly maxAge?: number | undefined };
type AudiencePreset = 'children' | 'teens' | 'adults';
const AUDIENCE_PRESETS: Record<AudiencePreset, Ages> = {
  children: { maxAge: 12 },
  teens: { minAge: 13, maxAge: 17 },
  adults: { minAge: 18 },
};

/** Who the book is for: a few age groups, or the catalogue's own range kept as it came. */
function AudienceField({
  value,
  onChange,
}: {
  value: Ages | undefined;
  onChange: (audience: Ages | undefined) => void;
}) {
  const t = useEditorT();
  const preset = (Object.keys(AUDIENCE_PRESETS) as AudiencePreset[]).find(
    (key) =>
      AUDIENCE_PRESETS[key].minAge === value?.minAge &&
      AUDIENCE_PRESETS[key].maxAge === value?.maxAge,
  );
  const chosen = !value ? 'none' : (preset ?? 'custom');
  return (
    <SelectField
      label={t('editor.field.audience')}
      value={chosen}
      options={[
        { value: 'none', label: t('editor.audience.none') },
        ...(Object.keys(AUDIENCE_PRESETS) as AudiencePreset[]).map((key) => ({
          value: key,
          label: t(`editor.audience.${key}`),
        })),
        ...(chosen === 'custom'
          ? [
              {
                value: 'custom',
                label: t('editor.audience.custom', {
                  from: value?.minAge ?? 0,
                  to: value?.maxAge ?? '…',
                }),
              },
            ]
          : []),
      ]}
      onChange={(key) => {
        if (key === 'custom') return;
        onChange(key in AUDIENCE_PRESETS ? AUDIENCE_PRESETS[key as AudiencePreset] : undefined);
      }}
    />
  );
}

function BookForm({ entity: book, draft, issues, update, bind }: FormProps<SourceBookInput>) {
  const t = useEditorT();
  const lang = useLang();
  return (
    <>
      <p className="field-hint">
        {t('editor.field.id')}: <code>{book.id}</code>
      </p>
      <LangMapField label={t('editor.field.title')} {...bind('title')} />
      <TextField
        label={t('editor.field.authors')}
        value={authorsToText(book.authors ?? [])}
        issues={issues}
        field="authors"
        onChange={(text) => {
          update({ authors: textToAuthors(text) });
        }}
      />
      <TextField
        label={t('editor.field.publisher')}
        value={book.publisher ?? ''}
        issues={issues}
        field="publisher"
        onChange={(publisher) => {
          update({ publisher: publisher || undefined });
        }}
      />
      <div className="field-row">
        <NumberField
          label={t('editor.field.year')}
          value={book.year}
          issues={issues}
          field="year"
          onChange={(year) => {
            update(year === undefined ? { year: undefined } : { year });
          }}
        />
        <TextField label={t('editor.field.language')} {...bind('language')} />
      </div>
      <div className="field-row">
        <TextField label={t('editor.field.ddc')} {...bind('ddc')} />

        <TextField label={t('editor.field.callNumber')} {...bind('callNumber')} />
      </div>
      <SelectField
        label={t('editor.field.shelf')}
        value={book.shelf}
        issues={issues}
        field="shelf"
        options={[
          { value: '', label: '—' },
          ...draft.source.shelves.map((s) => ({ value: s.id, label: pickText(s.label, lang) })),
        ]}
        onChange={(shelf) => {
          update({ shelf });
        }}
      />
      <div className="field-row">
        <NumberField
          label={t('editor.field.copies')}
          value={book.copies}
          issues={issues}
          field="copies"
          onChange={(copies) => {
            update({ copies: numberOr(copies, 0) });
          }}
        />
        <NumberField
          label={t('editor.field.available')}
          value={book.available}
          issues={issues}
          field="available"
          onChange={(available) => {
            update({ available: numberOr(available, 0) });
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.description')}
        value={book.description}
        multiline
        issues={issues}
        field="description"
        onChange={(description) => {
          update({ description });
        }}
      />
      <LangMapField
        label={t('editor.field.summary')}
        value={book.summary}
        multiline
        onChange={(summary) => {
          update(Object.keys(summary).length ? { summary } : { summary: undefined });
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.isbn')}
          value={book.isbn ?? ''}
          field="isbn"
          onChange={(isbn) => {
            update({ isbn: isbn || undefined });
          }}
        />
        <TextField
          label={t('editor.field.slims')}
          value={book.slimsBiblioId ?? ''}
          onChange={(slimsBiblioId) => {
            update({ slimsBiblioId: slimsBiblioId || undefined });
          }}
        />
        <NumberField label={t('editor.field.width')} {...bind('physicalWidthMm')} />
        <AudienceField
          value={book.audience}
          onChange={(audience) => {
            update({ audience });
          }}
        />
      </div>
      <MultiChoice
        label={t('editor.field.stories')}
        value={book.stories ?? []}
        options={(draft.source.stories ?? []).map((s) => ({
          value: s.id,
          label: pickText(s.title, lang),
        }))}
        onChange={(stories) => {
          update({ stories });
        }}
      />
      <div data-field="cover">
        <CoverTool
          picturePath={book.cover ?? `covers/${book.id}.jpg`}
          title={t('editor.cover.title')}
          {...(book.cover
            ? {}
            : {
                onStored: () => {
                  update({ cover: `covers/${book.id}.jpg`, track: true });
                },
              })}
        />
      </div>
      <div data-field="model">
        <ModelTool book={book} />
      </div>
      <p>
        {/* Scanning starts on this book's shelf, so its cover is recognised at once. */}
        <Link
          href={`${paths.editorTry}?shelf=${encodeURIComponent(book.shelf)}&book=${encodeURIComponent(book.id)}`}
          className="button"
        >
          <Camera aria-hidden="true" />
          {t('editor.publish.try')}
        </Link>
      </p>
    </>
  );
}

export const booksSection: SectionDefinition<SourceBookInput> = {
  kind: 'book',
  heading: 'editor.section.books',
  entities: (draft) => draft.source.books,
  titleOf: (book) => book.title,
  add: (draft, title) => addBook(draft, title, draft.source.shelves[0]?.id ?? ''),
  update: updateBook,
  remove: (d, id) => ({ draft: removeBook(d, id) }),
  Form: BookForm,
};
