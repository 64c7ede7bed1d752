/**
 * What every section of the editor shares: editing the draft, the selected item, the list of one
 * kind of thing with its form, and the remove button.
 */
import { Trash2 } from 'lucide-react';
import { useEffect, useRef, useState, type ComponentType, type RefObject } from 'react';
import type { FeedIssue } from '../../../domain/feed/issues.ts';
import { pickText, type Bilingual, type LangMap } from '../../../domain/langmap.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import { type Draft, type EntityKind } from '../../../domain/source/draft.ts';
import { useLang } from '../../context.tsx';
import type { EditorMessageKey } from '../../../i18n/editor-messages.ts';
import { useEditorT } from '../i18n.ts';
import { ListEditor } from '../ListEditor.tsx';
import { useEditor } from '../store.ts';

/** Applies a pure edit to the draft: saved at once; quick edits with one `key` are one undo step. */
export function useEdit(): (change: (draft: Draft) => Draft, key?: string) => void {
  return useEditor((state) => state.edit);
}

/**
 * Focuses the field a problem in the check list points at, once its form shows: the element with
 * `data-field` (a field's wrapper) inside `container`, scrolled into view.
 */
export function useFocusRequest(container: RefObject<HTMLElement | null>, ready: unknown) {
  const focus = useEditor((state) => state.focus);
  const focused = useEditor((state) => state.focused);
  useEffect(() => {
    if (!focus || !ready || !container.current) return;
    const wrapper = container.current.querySelector(`[data-field="${CSS.escape(focus)}"]`);
    const control =
      wrapper?.querySelector<HTMLElement>('input, textarea, select, button') ??
      (wrapper instanceof HTMLElement ? wrapper : null);
    if (control) {
      control.scrollIntoView({ block: 'center' });
      control.focus();
    }
    focused();
  }, [focus, ready, container, focused]);
}

export function useSelected(kind: EntityKind): [string | null, (id: string | null) => void] {
  const selected = useEditor((state) => (state.selected?.kind === kind ? state.selected.id : null));
  const section = useEditor((state) => state.section);
  const go = useEditor((state) => state.go);
  return [
    selected,
    (id) => {
      go(section, id ? { kind, id } : null);
    },
  ];
}

/** The props that tie a field to one property of the item: its value, problems and changes. */
export type Binder<T> = <K extends keyof T & string>(
  key: K,
) => {
  readonly value: T[K];
  readonly issues: readonly FeedIssue[];
  readonly field: K;
  readonly onChange: (value: T[K]) => void;
};

/** What a section's form gets: the item, its problems, and how to change it. */
export interface FormProps<T> {
  readonly entity: T;
  readonly draft: Draft;
  readonly issues: readonly FeedIssue[];
  /** One edit of the draft: saved at once, undoable. */
  readonly update: (patch: Partial<T>) => void;
  /** `<TextField label=… {...bind('callNumber')} />` */
  readonly bind: Binder<T>;
}

export function binder<T>(
  entity: T,
  issues: readonly FeedIssue[],
  update: (patch: Partial<T>) => void,
): Binder<T> {
  return (key) => ({
    value: entity[key],
    issues,
    field: key,
    onChange: (value) => {
      update({ [key]: value } as unknown as Partial<T>);
    },
  });
}

/**
 * A section's list of one kind of thing, with its problem counts and "Add", and the chosen one's
 * form under its title, with "Remove". `add` makes the new item in the current draft and says its
 * id; `remove` may refuse, with the reason.
 */
export interface SectionDefinition<T extends { readonly id: string }> {
  readonly kind: EntityKind;
  readonly heading: EditorMessageKey;
  readonly entities: (draft: Draft) => readonly T[];
  readonly titleOf: (entity: T) => LangMap;
  readonly add: (draft: Draft, title: string) => { draft: Draft; id: string };
  readonly update: (draft: Draft, id: string, patch: Partial<T>) => Draft;
  readonly remove: (draft: Draft, id: string) => { draft: Draft } | { refused: Bilingual };
  readonly Form: ComponentType<FormProps<T>>;
}

export function EntitySection<T extends { readonly id: string }>({
  kind,
  heading,
  entities,
  titleOf,
  add,
  update,
  remove,
  Form,
}: SectionDefinition<T>) {
  const t = useEditorT();
  const lang = useLang();
  const edit = useEdit();
  const draft = useEditor((state) => state.draft);
  const [selected, select] = useSelected(kind);
  const [refusal, setRefusal] = useState<{ id: string; reason: Bilingual } | null>(null);
  const list = entities(draft);
  const entity = list.find((item) => item.id === selected);
  const form = useRef<HTMLDivElement>(null);
  useFocusRequest(form, entity);
  return (
    <ListEditor
      heading={t(heading)}
      items={list.map((item) => ({
        id: item.id,
        title: titleOf(item),
        problems: validateEntity(kind, item, draft).length,
      }))}
      selected={selected}
      onSelect={select}
      onAdd={(title) => {
        let id = '';
        edit((current) => {
          const result = add(current, title);
          id = result.id;
          return result.draft;
        });
        select(id);
      }}
    >
      {entity && (
        <div className="editor-form" ref={form}>
          <h2>{pickText(titleOf(entity), lang) || entity.id}</h2>
          <EntityForm
            key={entity.id}
            entity={entity}
            draft={draft}
            issues={validateEntity(kind, entity, draft)}
            update={(patch) => {
              edit(
                (current) => update(current, entity.id, patch),
                `${kind}:${entity.id}:${Object.keys(patch).join(',')}`,
              );
            }}
            Form={Form}
          />
          <RemoveButton
            refusal={refusal?.id === entity.id ? refusal.reason[lang] : null}
            onRemove={() => {
              const outcome: { refused?: Bilingual } = {};
              edit((current) => {
                const result = remove(current, entity.id);
                if ('draft' in result) return result.draft;
                outcome.refused = result.refused;
                return current;
              });
              if (outcome.refused) setRefusal({ id: entity.id, reason: outcome.refused });
              else select(null);
            }}
          />
        </div>
      )}
    </ListEditor>
  );
}

function EntityForm<T>({
  entity,
  draft,
  issues,
  update,
  Form,
}: Omit<FormProps<T>, 'bind'> & { Form: ComponentType<FormProps<T>> }) {
  return (
    <Form
      entity={entity}
      draft={draft}
      issues={issues}
      update={update}
      bind={binder(entity, issues, update)}
    />
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
