import { withCamera } from './support/camera.ts';
import { scanStatus, waitUntilScanning } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('unknown-cover'));

test('a cover that is not in the library is never announced', async ({ page }) => {
  await page.goto('/scan?shelf=sejarah&diagnostics');
  await waitUntilScanning(page);
  // The tracker is really processing frames while the foreign cover is in view.
  await expect
    .poll(async () => Number(await page.getByTestId('diag-fps').textContent()), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await page.waitForTimeout(10_000);
  await expect(scanStatus(page)).toHaveText('');
  await expect(
    page.getByText('Arahkan kamera ke sampul buku di rak Sejarah & Geografi.'),
  ).toBeVisible();
  // The recognition index did guess covers for it, and the geometric check refused every guess:
  // no set was changed for it.
  const marks = await page.evaluate(() => ({
    checks: performance.getEntriesByName('lp:check').length,
    identified: performance.getEntriesByName('lp:identified').length,
  }));
  expect(marks.checks).toBeGreaterThan(0);
  expect(marks.identified).toBe(0);
});
