/**
 * Books: catalogue fields, the cover that becomes a target, the 3D model, and "Try it".
 */
import { Camera } from 'lucide-react';
import { Link } from 'wouter';
import { addBook, removeBook, updateBook } from '../../../domain/source/draft-edits.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import { type Draft, type SourceBookInput } from '../../../domain/source/draft.ts';
import { authorsToText, textToAuthors } from '../../../editor/form-text.ts';
import { paths } from '../../paths.ts';
import { CoverTool } from '../CoverTool.tsx';
import { ModelTool } from '../ModelTool.tsx';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, MultiChoice, NumberField, SelectField, TextField } from '../fields.tsx';
import { edit, EntitySection, numberOr, RemoveButton, useSelected } from './EntitySection.tsx';

function BookForm({ book, draft }: { book: SourceBookInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('book');
  const issues = validateEntity('book', book, draft);
  const update = (patch: Partial<SourceBookInput>) => {
    edit((d) => updateBook(d, book.id, patch));
  };
  return (
    <div className="editor-form">
      <h2>{pickText(book.title, lang) || book.id}</h2>
      <p className="field-hint">
        {t('editor.field.id')}: <code>{book.id}</code>
      </p>
      <LangMapField
        label={t('editor.field.title')}
        value={book.title}
        issues={issues}
        field="title"
        onChange={(title) => {
          update({ title });
        }}
      />
      <TextField
        label={t('editor.field.authors')}
        value={authorsToText(book.authors)}
        issues={issues}
        field="authors"
        onChange={(text) => {
          update({ authors: textToAuthors(text) });
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
        <TextField
          label={t('editor.field.language')}
          value={book.language}
          issues={issues}
          field="language"
          onChange={(language) => {
            update({ language });
          }}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('editor.field.ddc')}
          value={book.ddc}
          issues={issues}
          field="ddc"
          onChange={(ddc) => {
            update({ ddc });
          }}
        />
        <TextField
          label={t('editor.field.callNumber')}
          value={book.callNumber}
          issues={issues}
          field="callNumber"
          onChange={(callNumber) => {
            update({ callNumber });
          }}
        />
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
        <NumberField
          label={t('editor.field.width')}
          value={book.physicalWidthMm}
          issues={issues}
          field="physicalWidthMm"
          onChange={(physicalWidthMm) => {
            update({ physicalWidthMm });
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
      <CoverTool picturePath={book.cover} title={t('editor.cover.title')} />
      <ModelTool book={book} />
      <p>
        {/* Scanning starts on this book's shelf, so its cover is recognised at once. */}
        <Link
          href={`${paths.editorTry}?shelf=${encodeURIComponent(book.shelf)}`}
          className="button"
        >
          <Camera aria-hidden="true" />
          {t('editor.publish.try')}
        </Link>
      </p>
      <RemoveButton
        onRemove={() => {
          edit((d) => removeBook(d, book.id));
          select(null);
        }}
      />
    </div>
  );
}

export function BooksEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="book"
      heading={t('editor.section.books')}
      entities={(draft) => draft.source.books}
      titleOf={(book) => book.title}
      add={(draft, title) => addBook(draft, title, draft.source.shelves[0]?.id ?? '')}
      form={(book, draft) => <BookForm key={book.id} book={book} draft={draft} />}
    />
  );
}
