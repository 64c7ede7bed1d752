/**
 * The browse page's search index, saved beside the feed so that the next visit (offline too)
 * searches at once instead of indexing every book again. One index is kept: the last one built,
 * with the fingerprint of the books it holds; another feed, other books or a newer app replace it.
 */
import { createStore, get, set } from 'idb-keyval';
import { DATABASES } from './storage-map.ts';

const store = () => createStore(DATABASES.searchIndex.database, DATABASES.searchIndex.objectStore);
const [KEY] = DATABASES.searchIndex.keys;

interface SavedIndex {
  readonly fingerprint: string;
  readonly text: string;
}

const isSavedIndex = (value: unknown): value is SavedIndex =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['fingerprint'] === 'string' &&
  typeof (value as Record<string, unknown>)['text'] === 'string';

/** The saved index for these books, if there is one; never throws. */
export async function loadSearchIndexText(fingerprint: string): Promise<string | undefined> {
  try {
    const value: unknown = await get(KEY, store());
    return isSavedIndex(value) && value.fingerprint === fingerprint ? value.text : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when it could not be saved (storage full or blocked); search works regardless. */
export async function saveSearchIndexText(fingerprint: string, text: string): Promise<boolean> {
  try {
    await set(KEY, { fingerprint, text } satisfies SavedIndex, store());
    return true;
  } catch {
    return false;
  }
}
