/**
 * Where the editor's draft lives between visits: IndexedDB, written on every change, and guarded so
 * that nothing staff made is ever overwritten by mistake:
 *
 * - One tab edits at a time (a Web Lock); another tab opens read-only and says why, and can take
 *   over. A revision number stored beside the draft refuses a write from a tab that did not see the
 *   latest one (browsers without Web Locks, or a tab that lost the lock mid-write).
 * - A draft written by a newer version of the app is opened read-only and never written back
 *   (re-stamping it would drop what that version added); a draft that cannot be read is kept as it
 *   is until staff export it or choose to start again.
 * - A failed write says why (full, unavailable) and the draft stays on the page.
 */
import { createStore, del, get, set, setMany } from 'idb-keyval';
import { DATABASES } from './storage-map.ts';

const drafts = () => createStore(DATABASES.draft.database, DATABASES.draft.objectStore);
const [, REVISION_KEY] = DATABASES.draft.keys;

export type DraftSaveProblem = 'full' | 'unavailable' | null;

/**
 * Whether this tab may change the draft: `editing`, or read-only because another tab has it
 * (`other-tab`), another tab changed it since this one read it (`conflict`), a newer app version
 * wrote it (`newer`), or it could not be read (`unreadable`).
 */
export type DraftAccess = 'waiting' | 'editing' | 'other-tab' | 'conflict' | 'newer' | 'unreadable';

interface State {
  access: DraftAccess;
  problem: DraftSaveProblem;
  /** The draft as stored, kept for "export what is stored" when it cannot be opened here. */
  stored: string | null;
  /** The revision this tab last read or wrote. */
  revision: number;
  readSucceeded: boolean;
}

const state: State = {
  access: 'waiting',
  problem: null,
  stored: null,
  revision: 0,
  readSucceeded: false,
};
const listeners = new Set<() => void>();

const changed = (patch: Partial<State>) => {
  Object.assign(state, patch);
  for (const listener of listeners) listener();
};

/** Tells the page when access or saving changes, so staff are never left unaware. */
export function onDraftStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const draftAccess = (): DraftAccess => state.access;
export const draftSaveProblem = (): DraftSaveProblem => state.problem;
export const storedDraftText = (): string | null => state.stored;

/** True once the saved draft has been read without error (an empty store counts). */
export const draftReadSucceeded = () => state.readSucceeded;

/** The app version's draft format, and what a draft must look like to be opened at all. */
export function readableDraft(text: string, currentVersion: number): 'ok' | 'newer' | 'unreadable' {
  try {
    const value = JSON.parse(text) as { version?: unknown; state?: { draft?: unknown } };
    if (typeof value.version === 'number' && value.version > currentVersion) return 'newer';
    const draft = value.state?.draft as
      | { source?: { books?: unknown; shelves?: unknown }; files?: unknown; targets?: unknown }
      | undefined;
    const ok =
      typeof draft === 'object' &&
      Array.isArray(draft.source?.books) &&
      Array.isArray(draft.source.shelves) &&
      typeof draft.files === 'object' &&
      typeof draft.targets === 'object';
    return ok ? 'ok' : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

const isQuota = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError';

/** Shaped for zustand's persist middleware (an async StateStorage), for format `version`. */
export function createDraftStorage(version: number) {
  return {
    getItem: async (name: string): Promise<string | null> => {
      let saved: string | null;
      let revision: number;
      try {
        [saved, revision] = await Promise.all([
          get<string>(name, drafts()).then((value) => value ?? null),
          get<number>(REVISION_KEY, drafts()).then((value) => value ?? 0),
        ]);
      } catch {
        changed({ access: 'unreadable', problem: 'unavailable' });
        return null;
      }
      state.revision = revision;
      state.stored = saved;
      if (saved === null) {
        state.readSucceeded = true;
        return null;
      }
      const readable = readableDraft(saved, version);
      if (readable !== 'ok') {
        changed({ access: readable });
        // A newer draft is shown as it is; an unreadable one is not shown at all.
        return readable === 'newer' ? saved : null;
      }
      state.readSucceeded = true;
      return saved;
    },
    setItem: async (name: string, value: string): Promise<void> => {
      if (state.access !== 'editing') return;
      try {
        const stored = (await get<number>(REVISION_KEY, drafts())) ?? 0;
        if (stored !== state.revision) {
          changed({ access: 'conflict' });
          return;
        }
        await setMany(
          [
            [name, value],
            [REVISION_KEY, stored + 1],
          ],
          drafts(),
        );
        state.revision = stored + 1;
        state.stored = value;
        if (state.problem) changed({ problem: null });
      } catch (error) {
        // The draft stays in memory; the next change tries again.
        changed({ problem: isQuota(error) ? 'full' : 'unavailable' });
      }
    },
    removeItem: async (name: string): Promise<void> => {
      if (state.access !== 'editing') return;
      await del(name, drafts());
    },
  };
}

const HISTORY_KEY = 'editor-history';

/** The editor's undo history, kept beside the draft so that undo survives a reload. */
export const draftHistoryStorage = {
  load: async (): Promise<string | undefined> => {
    try {
      return await get<string>(HISTORY_KEY, drafts());
    } catch {
      return undefined;
    }
  },
  save: async (text: string): Promise<void> => {
    // Only the tab that edits writes; a full disk costs the history, never the draft.
    if (state.access !== 'editing') return;
    try {
      await set(HISTORY_KEY, text, drafts());
    } catch {
      // The history stays in memory.
    }
  },
};

/**
 * Staff chose to start again over a draft that cannot be read here (after exporting it): from now
 * on this tab may write, replacing it.
 */
export function discardUnreadableDraft(): void {
  if (state.access === 'unreadable' || state.access === 'newer') changed({ access: 'editing' });
}

const LOCK = 'lensa-pustaka-editor';

interface Locks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | null,
  ): Promise<void>;
}

// Older browsers have no Web Locks, whatever the DOM types say.
const locks = (): Locks | undefined => (navigator as Navigator & { locks?: Locks }).locks;

/**
 * Asks for the right to edit; `steal` takes it from another tab, which then turns read-only.
 * Resolves with the access this tab now has. Without Web Locks every tab may edit, and the
 * revision check catches the second writer.
 */
export function claimDraft(options: { steal?: boolean } = {}): Promise<DraftAccess> {
  const held = state.access === 'editing' && !options.steal;
  if (held || state.access === 'newer' || state.access === 'unreadable')
    return Promise.resolve(state.access);
  const api = locks();
  if (!api) {
    changed({ access: 'editing' });
    return Promise.resolve('editing');
  }
  return new Promise((resolve) => {
    api
      .request(LOCK, options.steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        if (!lock) {
          changed({ access: 'other-tab' });
          resolve('other-tab');
          return null;
        }
        changed({ access: 'editing' });
        resolve('editing');
        // Held until the tab closes, or until another tab takes it over.
        return new Promise<void>(() => undefined);
      })
      .catch(() => {
        // Taken over by another tab.
        if (state.access === 'editing') changed({ access: 'other-tab' });
      });
  });
}
