/**
 * The last catalog that loaded and validated, kept in IndexedDB so the app can start and keep
 * working when a new feed is broken or the network is gone. It is stored as received and validated
 * again when read, because the app may have been updated since.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { SavedFeed } from '../domain/feed/loaded.ts';
import { DATABASES } from './storage-map.ts';

const store = () => createStore(DATABASES.catalog.database, DATABASES.catalog.objectStore);
const [KEY] = DATABASES.catalog.keys;

function isSavedFeed(value: unknown): value is SavedFeed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['url'] === 'string' &&
    typeof v['text'] === 'string' &&
    typeof v['savedAt'] === 'string'
  );
}

export async function loadLastGoodFeed(): Promise<SavedFeed | undefined> {
  try {
    const value: unknown = await get(KEY, store());
    return isSavedFeed(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the copy could not be saved (storage full or blocked); the app goes on. */
export async function saveLastGoodFeed(feed: SavedFeed): Promise<boolean> {
  try {
    await set(KEY, feed, store());
    return true;
  } catch {
    return false;
  }
}

export async function forgetLastGoodFeed(): Promise<void> {
  try {
    await del(KEY, store());
  } catch {
    // Nothing saved, or storage unavailable: nothing to forget.
  }
}
