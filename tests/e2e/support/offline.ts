/** Helpers for tests that go offline. */
import type { Page } from '@playwright/test';
import { expect } from './test.ts';

/** Waits until the service worker controls the page and has precached the app. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          const precache = (await caches.keys()).find((name) =>
            name.startsWith('workbox-precache'),
          );
          if (!precache) return false;
          // The AR engine chunk is the largest precached file: once it is in, the install is done.
          const keys = await (await caches.open(precache)).keys();
          return keys.some((request) => /\/assets\/runtime-[^/]+\.js/.test(request.url));
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Downloads a shelf's offline pack from its page. */
export async function downloadShelfPack(
  page: Page,
  shelf: string,
  options: { models: boolean },
): Promise<void> {
  await page.goto(`/shelf/${shelf}`);
  const pack = page.getByRole('region', { name: 'Simpan untuk luring' });
  const models = pack.getByRole('checkbox', { name: /Sertakan model 3D/ });
  if (!options.models) await models.uncheck();
  await pack.getByRole('button', { name: /^Unduh/ }).click();
  await expect(pack.getByRole('status')).toHaveText(/^Selesai: .* bisa dipakai tanpa internet\.$/, {
    timeout: 60_000,
  });
}
