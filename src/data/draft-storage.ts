/** Where the editor's draft lives between visits: IndexedDB, written on every change. */
import { createStore, del, get, set } from 'idb-keyval';
import { DATABASES } from './storage-map.ts';

const drafts = () => createStore(DATABASES.draft.database, DATABASES.draft.objectStore);

export type DraftSaveProblem = 'full' | 'unavailable' | null;

const listeners = new Set<(problem: DraftSaveProblem) => void>();

/** Tells the page when saving fails (and when it works again), so staff are never left unaware. */
export function onDraftSaveProblem(listener: (problem: DraftSaveProblem) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// After a failed read, writing would replace a draft that may still be on disk with an empty one.
let readFailed = false;

/** True once the saved draft has been read without error (an empty store counts). */
export const draftReadSucceeded = () => readSucceeded;
let readSucceeded = false;

const report = (problem: DraftSaveProblem) => {
  for (const listener of listeners) listener(problem);
};

/** Shaped for zustand's persist middleware (an async StateStorage). */
export const draftStorage = {
  getItem: async (name: string): Promise<string | null> => {
    try {
      const saved = (await get<string>(name, drafts())) ?? null;
      readSucceeded = true;
      return saved;
    } catch {
      readFailed = true;
      report('unavailable');
      return null;
    }
  },
  setItem: async (name: string, value: string): Promise<void> => {
    if (readFailed) return;
    try {
      await set(name, value, drafts());
      report(null);
    } catch (error) {
      // The draft stays in memory; the next change tries again.
      report(
        error instanceof DOMException && error.name === 'QuotaExceededError'
          ? 'full'
          : 'unavailable',
      );
    }
  },
  removeItem: async (name: string): Promise<void> => {
    await del(name, drafts());
  },
};
