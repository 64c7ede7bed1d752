import { withCamera } from './support/camera.ts';
import { drawnBox, RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('cover-malay-archipelago'));

test('the main path tracks in a worker, so the page keeps its thread', async ({ page }) => {
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  expect(page.workers().map((worker) => worker.url())).toContainEqual(
    expect.stringContaining('tracker.worker'),
  );
});

test('a browser whose workers cannot draw (no OffscreenCanvas) still scans, on the page', async ({
  page,
}) => {
  // Safari before 16.4 and some WebViews have no OffscreenCanvas: tfjs cannot use WebGL in a
  // worker there.
  await page.addInitScript(() => {
    delete (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
  });
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await expect
    .poll(async () => (await drawnBox(page)).pixels, { timeout: 20_000 })
    .toBeGreaterThan(3000);
  expect(page.workers().map((worker) => worker.url())).not.toContainEqual(
    expect.stringContaining('tracker.worker'),
  );
});
