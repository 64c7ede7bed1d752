/**
 * Shelves: label, DDC range, place on the floor plan, highlighted books and the printed sign.
 */
import { addShelf, removeShelf, updateShelf } from '../../../domain/source/draft-edits.ts';
import { type SourceShelfInput } from '../../../domain/source/draft.ts';
import { CoverTool } from '../CoverTool.tsx';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, MultiChoice, NumberField, TextField } from '../fields.tsx';
import { numberOr, type FormProps, type SectionDefinition } from './EntitySection.tsx';

function ShelfForm({ entity: shelf, draft, issues, update, bind }: FormProps<SourceShelfInput>) {
  const t = useEditorT();
  const lang = useLang();
  const books = draft.source.books.filter((book) => book.shelf === shelf.id);
  const signPath = shelf.sign ?? `signs/${shelf.id}.jpg`;
  return (
    <>
      <LangMapField label={t('editor.field.label')} {...bind('label')} />
      <div className="field-row">
        <TextField
          label={t('editor.field.ddcFrom')}
          value={shelf.ddc.from}
          issues={issues}
          field="ddc.from"
          onChange={(from) => {
            update({ ddc: { ...shelf.ddc, from } });
          }}
        />
        <TextField
          label={t('editor.field.ddcTo')}
          value={shelf.ddc.to}
          issues={issues}
          field="ddc.to"
          onChange={(to) => {
            update({ ddc: { ...shelf.ddc, to } });
          }}
        />
      </div>
      <fieldset className="field">
        <legend>{t('editor.field.position')}</legend>
        <div className="field-row">
          {(['x', 'y', 'width', 'height'] as const).map((key) => (
            <NumberField
              key={key}
              label={t(`editor.plan.${key}`)}
              value={shelf.position[key]}
              onChange={(value) => {
                update({ position: { ...shelf.position, [key]: numberOr(value, 0) } });
              }}
            />
          ))}
        </div>
      </fieldset>
      {books.length > 0 ? (
        <MultiChoice
          label={t('editor.field.highlights')}
          value={shelf.highlights ?? []}
          options={books.map((book) => ({ value: book.id, label: pickText(book.title, lang) }))}
          onChange={(highlights) => {
            update({ highlights });
          }}
        />
      ) : (
        <p className="field-hint">{t('editor.shelf.noBooks')}</p>
      )}
      <div data-field="sign">
        <CoverTool
          picturePath={signPath}
          subject="sign"
          title={t('editor.field.sign')}
          onStored={() => {
            if (shelf.sign !== signPath) update({ sign: signPath });
          }}
        />
      </div>
    </>
  );
}

export const shelvesSection: SectionDefinition<SourceShelfInput> = {
  kind: 'shelf',
  heading: 'editor.section.shelves',
  entities: (draft) => draft.source.shelves,
  titleOf: (shelf) => shelf.label,
  add: addShelf,
  update: updateShelf,
  remove: removeShelf,
  Form: ShelfForm,
};
