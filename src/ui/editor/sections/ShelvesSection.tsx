/**
 * Shelves: label, DDC range, place on the floor plan, highlighted books and the printed sign.
 */
import { useState } from 'react';
import { addShelf, removeShelf, updateShelf } from '../../../domain/source/draft-edits.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import { type Draft, type SourceShelfInput } from '../../../domain/source/draft.ts';
import { CoverTool } from '../CoverTool.tsx';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, MultiChoice, NumberField, TextField } from '../fields.tsx';
import { editorStore } from '../store.ts';
import { edit, EntitySection, numberOr, RemoveButton, useSelected } from './EntitySection.tsx';

function ShelfForm({ shelf, draft }: { shelf: SourceShelfInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('shelf');
  const [refusal, setRefusal] = useState<string | null>(null);
  const issues = validateEntity('shelf', shelf, draft);
  const update = (patch: Partial<SourceShelfInput>) => {
    edit((d) => updateShelf(d, shelf.id, patch));
  };
  const books = draft.source.books.filter((book) => book.shelf === shelf.id);
  const signPath = shelf.sign ?? `signs/${shelf.id}.jpg`;
  return (
    <div className="editor-form">
      <h2>{pickText(shelf.label, lang) || shelf.id}</h2>
      <LangMapField
        label={t('editor.field.label')}
        value={shelf.label}
        issues={issues}
        field="label"
        onChange={(label) => {
          update({ label });
        }}
      />
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
              label={key}
              value={shelf.position[key]}
              onChange={(value) => {
                update({ position: { ...shelf.position, [key]: numberOr(value, 0) } });
              }}
            />
          ))}
        </div>
      </fieldset>
      <MultiChoice
        label={t('editor.field.highlights')}
        value={shelf.highlights ?? []}
        options={books.map((book) => ({ value: book.id, label: pickText(book.title, lang) }))}
        onChange={(highlights) => {
          update({ highlights });
        }}
      />
      <CoverTool
        picturePath={signPath}
        title={t('editor.field.sign')}
        onStored={() => {
          if (shelf.sign !== signPath) update({ sign: signPath });
        }}
      />
      <RemoveButton
        refusal={refusal}
        onRemove={() => {
          const result = removeShelf(editorStore.getState().draft, shelf.id);
          if ('refused' in result) {
            setRefusal(result.refused[lang]);
            return;
          }
          editorStore.getState().edit(() => result.draft);
          select(null);
        }}
      />
    </div>
  );
}

export function ShelvesEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="shelf"
      heading={t('editor.section.shelves')}
      entities={(draft) => draft.source.shelves}
      titleOf={(shelf) => shelf.label}
      add={addShelf}
      form={(shelf, draft) => <ShelfForm key={shelf.id} shelf={shelf} draft={draft} />}
    />
  );
}
