/** "Delete saved data" on the privacy page: everything this app keeps on the device. */
import { PACK_CACHE, RUNTIME_CACHE } from './cache-names.ts';
import { forgetLastGoodFeed } from './catalog-cache.ts';
import { clearSettings } from './local-settings.ts';
import { listPacks, removePack } from './offline-packs.ts';

export async function clearSavedData(): Promise<void> {
  clearSettings();
  await forgetLastGoodFeed();
  for (const pack of await listPacks()) await removePack(pack.id);
  if (typeof caches !== 'undefined') {
    await caches.delete(PACK_CACHE);
    await caches.delete(RUNTIME_CACHE);
  }
}
