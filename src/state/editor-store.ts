/**
 * The staff editor's state: the draft, its undo history, and what is selected. The draft is
 * persisted to IndexedDB on every change; undo keeps the last 100 changes, with quick successive
 * edits of one field (typing a word) grouped into one step, and the latest of them (bounded in
 * size) are saved beside the draft, so undo survives a reload.
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
  /** A field to focus once its form shows (a problem in the check list was clicked). */
  readonly focus: string | null;
  /** Staff chose where to start (the published catalog, a ZIP, an empty draft). */
  readonly started: boolean;
  readonly start: () => void;
  /**
   * Applies a pure edit to the draft (one undo step). Edits with the same `key` (one field) in
   * quick succession are one step; another key starts a new one.
   */
  readonly edit: (change: (draft: Draft) => Draft, key?: string) => void;
  readonly replace: (draft: Draft) => void;
  readonly go: (
    section: EditorSection,
    selected?: { kind: EntityKind; id: string } | null,
    focus?: string | null,
  ) => void;
  /** The form has focused the field. */
  readonly focused: () => void;
}

/** Where the undo history is kept between visits (IndexedDB beside the draft). */
export interface HistoryStorage {
  readonly load: () => Promise<string | undefined>;
  readonly save: (text: string) => Promise<void>;
}

/** The saved history never grows past this many characters of drafts (a few of a big library). */
export const SAVED_HISTORY_CHARS = 20_000_000;
export const SAVED_HISTORY_STEPS = 50;

/**
 * Groups edits that follow each other within `ms` (typing a word) into one undo step: only the
 * first of a burst records the state before it. `reset` starts a new step whatever the time.
 */
export function groupEdits<T extends (...args: never[]) => void>(
  apply: T,
  ms: number,
): T & { reset: () => void; key: (key: string | undefined) => void } {
  let last = Number.NEGATIVE_INFINITY;
  let lastKey: string | undefined;
  let nextKey: string | undefined;
  const grouped = (...args: Parameters<T>) => {
    const now = Date.now();
    // Typing in one field is one step; a change to another field, or after a pause, is its own.
    if (now - last >= ms || nextKey === undefined || nextKey !== lastKey) apply(...args);
    last = now;
    lastKey = nextKey;
    nextKey = undefined;
  };
  return Object.assign(grouped as T, {
    reset: () => {
      last = Number.NEGATIVE_INFINITY;
      lastKey = undefined;
    },
    key: (key: string | undefined) => {
      nextKey = key;
    },
  });
}

/** A cheap fingerprint of a draft: the saved history is used only with the draft it belongs to. */
export function draftFingerprint(draft: Draft): string {
  const text = JSON.stringify(draft);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (hash * 33 + text.charCodeAt(i)) | 0;
  return `${String(text.length)}:${String(hash >>> 0)}`;
}

/** The latest steps of a history that fit the bound, newest kept. */
function bounded(states: readonly { draft: Draft }[], newestLast: boolean) {
  const ordered = newestLast ? [...states].reverse() : [...states];
  const kept: { draft: Draft }[] = [];
  let chars = 0;
  for (const state of ordered.slice(0, SAVED_HISTORY_STEPS)) {
    chars += JSON.stringify(state.draft).length;
    if (chars > SAVED_HISTORY_CHARS) break;
    kept.push(state);
  }
  return newestLast ? kept.reverse() : kept;
}

export function createEditorStore(
  storage: StateStorage,
  groupMs = 800,
  historyStorage?: HistoryStorage,
) {
  let group: ReturnType<typeof groupEdits> | undefined;
  const store = createStore<EditorState>()(
    persist(
      temporal(
        (set) => ({
          draft: emptyDraft(),
          section: 'library',
          selected: null,
          focus: null,
          started: false,
          start: () => {
            set({ started: true });
          },
          edit: (change, key) => {
            group?.key(key);
            set((state) => ({ draft: change(state.draft) }));
          },
          replace: (draft) => {
            // A whole new draft is a step of its own, never merged with typing around it.
            group?.reset();
            set({ draft, selected: null });
            group?.reset();
          },
          go: (section, selected = null, focus = null) => {
            set({ section, selected, focus });
          },
          focused: () => {
            set({ focus: null });
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
        partialize: (state) => ({
          draft: state.draft,
          section: state.section,
          started: state.started,
        }),
        // A later app version that changes the draft's shape migrates it here; nothing is dropped.
        migrate: (persisted) =>
          persisted as { draft: Draft; section: EditorSection; started: boolean },
      },
    ),
  );
  let restored = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveHistory = () => {
    if (!historyStorage || !restored) return;
    clearTimeout(saveTimer);
    // After the burst of changes, not on every keystroke.
    saveTimer = setTimeout(() => {
      const { pastStates, futureStates } = store.temporal.getState();
      const text = JSON.stringify({
        fingerprint: draftFingerprint(store.getState().draft),
        pastStates: bounded(pastStates as { draft: Draft }[], true),
        futureStates: bounded(futureStates as { draft: Draft }[], false),
      });
      void historyStorage.save(text);
    }, 400);
  };
  store.temporal.subscribe(saveHistory);
  store.subscribe((state, previous) => {
    if (state.draft !== previous.draft) saveHistory();
  });

  return Object.assign(store, {
    /** Forgets the undo history (after loading the saved draft, which is not an edit). */
    clearHistory: () => {
      store.temporal.getState().clear();
      group?.reset();
    },
    /**
     * After the saved draft is loaded: the undo history saved with it, if it belongs to this
     * draft; otherwise none (loading is not an edit).
     */
    restoreHistory: async () => {
      group?.reset();
      const text = await historyStorage?.load();
      let saved: { fingerprint?: unknown; pastStates?: unknown; futureStates?: unknown } = {};
      try {
        saved = text ? (JSON.parse(text) as typeof saved) : {};
      } catch {
        saved = {};
      }
      const fits =
        saved.fingerprint === draftFingerprint(store.getState().draft) &&
        Array.isArray(saved.pastStates) &&
        Array.isArray(saved.futureStates);
      store.temporal.setState(
        fits
          ? {
              pastStates: saved.pastStates as { draft: Draft }[],
              futureStates: saved.futureStates as { draft: Draft }[],
            }
          : { pastStates: [], futureStates: [] },
      );
      restored = true;
    },
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;
