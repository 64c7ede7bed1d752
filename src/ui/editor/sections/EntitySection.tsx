/**
 * What every section of the editor shares: editing the draft, the selected item, the list of one
 * kind of thing with its form, and the remove button.
 */
import { Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import type { LangMap } from '../../../domain/langmap.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import { type Draft, type EntityKind } from '../../../domain/source/draft.ts';
import { useEditorT } from '../i18n.ts';
import { ListEditor } from '../ListEditor.tsx';
import { editorStore, useEditor } from '../store.ts';

export const edit = (change: (draft: Draft) => Draft) => {
  editorStore.getState().edit(change);
};

export function useSelected(kind: EntityKind): [string | null, (id: string | null) => void] {
  const selected = useEditor((state) => (state.selected?.kind === kind ? state.selected.id : null));
  const section = useEditor((state) => state.section);
  return [
    selected,
    (id) => {
      editorStore.getState().go(section, id ? { kind, id } : null);
    },
  ];
}

/**
 * A section's list of one kind of thing, with its problem counts, "Add", and the selected one's
 * form. `add` makes the new entity in the current draft and says its id.
 */
export function EntitySection<T extends { readonly id: string }>({
  kind,
  heading,
  entities,
  titleOf,
  add,
  form,
}: {
  kind: EntityKind;
  heading: string;
  entities: (draft: Draft) => readonly T[];
  titleOf: (entity: T) => LangMap;
  add: (draft: Draft, title: string) => { draft: Draft; id: string };
  form: (entity: T, draft: Draft) => ReactNode;
}) {
  const draft = useEditor((state) => state.draft);
  const [selected, select] = useSelected(kind);
  const list = entities(draft);
  const entity = list.find((item) => item.id === selected);
  return (
    <ListEditor
      heading={heading}
      items={list.map((item) => ({
        id: item.id,
        title: titleOf(item),
        problems: validateEntity(kind, item, draft).length,
      }))}
      selected={selected}
      onSelect={select}
      onAdd={(title) => {
        const result = add(editorStore.getState().draft, title);
        edit(() => result.draft);
        select(result.id);
      }}
    >
      {entity && form(entity, draft)}
    </ListEditor>
  );
}

export function RemoveButton({
  onRemove,
  refusal,
}: {
  onRemove: () => void;
  refusal?: string | null;
}) {
  const t = useEditorT();
  return (
    <div className="remove-row">
      <button type="button" className="button button-quiet" onClick={onRemove}>
        <Trash2 aria-hidden="true" />
        {t('editor.remove')}
      </button>
      {refusal && (
        <p role="alert" className="pack-problem">
          {refusal}
        </p>
      )}
    </div>
  );
}

export const numberOr = (value: number | undefined, fallback: number) =>
  value === undefined ? fallback : value;
