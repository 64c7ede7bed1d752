/** "Delete saved data" on the privacy page: everything this app keeps on the device. */
import { forgetLastGoodFeed } from './catalog-cache.ts';
import { clearSettings } from './local-settings.ts';

export async function clearSavedData(): Promise<void> {
  clearSettings();
  await forgetLastGoodFeed();
}
