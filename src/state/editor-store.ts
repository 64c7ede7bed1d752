/**
 * The staff editor's state: the draft, its undo history, and what is selected. The draft is
 * persisted to IndexedDB on every change; undo keeps the last 100 changes in memory, with quick
 * successive edits (typing a word) grouped into one step.
 */
import { temporal } from 'zundo';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import {
  DRAFT_FORMAT_VERSION,
  emptyDraft,
  type Draft,
  type EntityKind,
} from '../domain/source/draft.ts';

export type EditorSection =
  'library' | 'shelves' | 'books' | 'stories' | 'tours' | 'events' | 'publish';

export interface EditorState {
  readonly draft: Draft;
  readonly section: EditorSection;
  readonly selected: { readonly kind: EntityKind; readonly id: string } | null;
  /** Applies a pure edit to the draft (one undo step). */
  readonly edit: (change: (draft: Draft) => Draft) => void;
  readonly replace: (draft: Draft) => void;
  readonly go: (section: EditorSection, selected?: { kind: EntityKind; id: string } | null) => void;
}

/**
 * Groups edits that follow each other within `ms` (typing a word) into one undo step: only the
 * first of a burst records the state before it. `reset` starts a new step whatever the time.
 */
export function groupEdits<T extends (...args: never[]) => void>(
  apply: T,
  ms: number,
): T & { reset: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  const grouped = (...args: Parameters<T>) => {
    const now = Date.now();
    if (now - last >= ms) apply(...args);
    last = now;
  };
  return Object.assign(grouped as T, {
    reset: () => {
      last = Number.NEGATIVE_INFINITY;
    },
  });
}

export function createEditorStore(storage: StateStorage, groupMs = 800) {
  let group: ReturnType<typeof groupEdits> | undefined;
  const store = createStore<EditorState>()(
    persist(
      temporal(
        (set) => ({
          draft: emptyDraft(),
          section: 'library',
          selected: null,
          edit: (change) => {
            set((state) => ({ draft: change(state.draft) }));
          },
          replace: (draft) => {
            // A whole new draft is a step of its own, never merged with typing around it.
            group?.reset();
            set({ draft, selected: null });
            group?.reset();
          },
          go: (section, selected = null) => {
            set({ section, selected });
          },
        }),
        {
          // Only the draft is history: moving between sections is not an edit.
          partialize: (state) => ({ draft: state.draft }),
          equality: (a, b) => a.draft === b.draft,
          limit: 100,
          handleSet: (handleSet) => (group = groupEdits(handleSet, groupMs)),
        },
      ),
      {
        name: 'editor',
        version: DRAFT_FORMAT_VERSION,
        storage: createJSONStorage(() => storage),
        partialize: (state) => ({ draft: state.draft, section: state.section }),
        // A later app version that changes the draft's shape migrates it here; nothing is dropped.
        migrate: (persisted) => persisted as { draft: Draft; section: EditorSection },
      },
    ),
  );
  return Object.assign(store, {
    /** Forgets the undo history (after loading the saved draft, which is not an edit). */
    clearHistory: () => {
      store.temporal.getState().clear();
      group?.reset();
    },
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;
