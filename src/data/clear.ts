/**
 * "Hapus data tersimpan" on the privacy page: every place in storage-map.ts marked
 * `clearedByVisitor`, and only those (the staff editor's draft stays).
 */
import { clear, createStore } from 'idb-keyval';
import { removeStoredKey } from './local-settings.ts';
import { ALL_CACHES, ALL_DATABASES, ALL_KEYS } from './storage-map.ts';

export async function clearSavedData(): Promise<void> {
  for (const entry of ALL_KEYS) if (entry.clearedByVisitor) removeStoredKey(entry);
  for (const db of ALL_DATABASES) {
    if (!db.clearedByVisitor) continue;
    try {
      await clear(createStore(db.database, db.objectStore));
    } catch {
      // Storage unavailable: nothing was kept there.
    }
  }
  if (typeof caches === 'undefined') return;
  for (const cache of ALL_CACHES) {
    if (cache.clearedByVisitor) await caches.delete(cache.cache);
  }
}
