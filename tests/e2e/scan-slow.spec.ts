import type { Page } from '@playwright/test';
import { withCamera } from './support/camera.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('cover-malay-archipelago'));

/**
 * A slower phone: busy workers on the same page take the CPU from the tracker worker. (DevTools'
 * CPU throttling slows a page's main thread only, and tracking no longer runs there.)
 */
async function occupyCpu(page: Page, threads: number): Promise<() => Promise<void>> {
  await page.evaluate((count) => {
    const url = URL.createObjectURL(new Blob(['for (;;) {}'], { type: 'text/javascript' }));
    (globalThis as unknown as { busy: Worker[] }).busy = Array.from(
      { length: count },
      () => new Worker(url),
    );
  }, threads);
  return () =>
    page.evaluate(() => {
      for (const worker of (globalThis as unknown as { busy: Worker[] }).busy) worker.terminate();
    });
}

test('on a slow phone the scanner drops to a smaller picture and one cover, then recovers', async ({
  page,
}) => {
  test.setTimeout(360_000);
  // The threshold is set well below what this machine manages unhindered, so the test depends on
  // the busy threads, not on how busy the machine is. Unhindered, tracking here has run at 25 to
  // 30 frames a second on some days and 9 to 16 on others (software WebGL, in the worker); with
  // the threshold at 10, a slow day stayed in the saving mode through the test's 90 s wait after
  // the threads ended. At 6 it did again in a clean run: after the threads ended, tracking at the
  // smaller picture ran at 6 to 12 a second, around the 7.2 that recovery then needed ten seconds
  // in a row (now nine in ten). At 4, recovery needs 4.8, and six busy threads (four gave 0 to 6)
  // take full quality under 4.
  await page.goto('/scan?shelf=sejarah&diagnostics&minfps=4');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await expect(page.getByTestId('diag-camera')).toHaveText('640×480');

  // A low-cost phone: six busy threads leave tracking a few frames a second.
  const release = await occupyCpu(page, 6);
  await expect(page.getByText(/Mode hemat/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('diag-quality')).toHaveText('reduced');
  await expect(page.getByTestId('diag-camera')).toHaveText('320×240', { timeout: 30_000 });
  // Still recognising at the lower resolution.
  await expect(
    page
      .getByRole('region', { name: 'Pemindai' })
      .getByRole('heading', { name: 'Kepulauan Nusantara' }),
  ).toBeVisible({
    timeout: 30_000,
  });

  await release();
  await expect(page.getByTestId('diag-quality')).toHaveText('full', { timeout: 90_000 });
  await expect(page.getByText(/Mode hemat/)).toHaveCount(0);
  await expect(page.getByTestId('diag-camera')).toHaveText('640×480', { timeout: 30_000 });
});
