/**
 * The saved copy of each catalog feed the visitor opened, kept in IndexedDB by the address they
 * asked for, so the app starts and keeps working when a feed is broken or the network is gone, and
 * a link to a library opened before works offline too. Copies are stored as received and validated
 * again when read, because the app may have been updated since.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { SavedFeed } from '../domain/feed/loaded.ts';
import { DATABASES } from './storage-map.ts';

const store = () => createStore(DATABASES.catalog.database, DATABASES.catalog.objectStore);
/** Before copies were kept per feed, one copy lived under this key. */
const [LEGACY_KEY] = DATABASES.catalog.keys;
const keyOf = (url: string) => `${DATABASES.catalog.keyPrefix}${url}`;

function isSavedFeed(value: unknown): value is SavedFeed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['url'] === 'string' &&
    typeof v['text'] === 'string' &&
    typeof v['savedAt'] === 'string' &&
    (v['finalUrl'] === undefined || typeof v['finalUrl'] === 'string')
  );
}

export async function loadSavedFeed(url: string): Promise<SavedFeed | undefined> {
  try {
    const value: unknown = await get(keyOf(url), store());
    if (isSavedFeed(value)) return value;
    const legacy: unknown = await get(LEGACY_KEY, store());
    return isSavedFeed(legacy) && legacy.url === url ? legacy : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the copy could not be saved (storage full or blocked); the app goes on. */
export async function saveFeed(feed: SavedFeed): Promise<boolean> {
  try {
    await set(keyOf(feed.url), feed, store());
    return true;
  } catch {
    return false;
  }
}

export async function forgetSavedFeed(url: string): Promise<void> {
  try {
    await del(keyOf(url), store());
  } catch {
    // Nothing saved, or storage unavailable: nothing to forget.
  }
}
