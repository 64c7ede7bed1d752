/**
 * Identify, then track: the recognition index tells which cover the camera shows even when its
 * shelf's set is not loaded, so a book picked up from another shelf (a returns trolley, a display
 * table) comes alive without scanning a shelf sign first. A cover outside the collection is never
 * recognised (scan-unknown.spec.ts).
 */
import { withCamera } from './support/camera.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('cover-malay-archipelago'));

test('a cover from a shelf other than the active one is recognised without scanning a sign', async ({
  page,
}) => {
  // What the page asked of the history shelf's set file: the Range header of each request.
  const historySet: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/demo/targets/rak-sejarah.mind')) {
      historySet.push(request.headers()['range']);
    }
  });
  // The science shelf has one set, so without the index its covers are all that is searched.
  await page.goto('/scan?shelf=sains&diagnostics');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rak: Ilmu Alam');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  // The history shelf is now scanned because the index named this cover, which is tracked alone
  // (a one-target Controller) while it stays in view.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rak: Sejarah & Geografi');
  await expect(page.getByTestId('diag-set')).toHaveText('rak-sejarah');
  await expect(page.getByTestId('diag-only')).toHaveText('book:malay-archipelago');
  const identified = await page.evaluate(() =>
    performance
      .getEntriesByName('lp:identified')
      .map((mark) => (mark as PerformanceMark).detail as { key: string }),
  );
  expect(identified.map((detail) => detail.key)).toContain('book:malay-archipelago');
  // Every check had the frame's picture to compare with the cover's, beside its points.
  const checks = await page.evaluate(() =>
    performance
      .getEntriesByName('lp:check')
      .map((measure) => (measure as PerformanceMeasure).detail as { picture: boolean }),
  );
  expect(checks.length).toBeGreaterThan(0);
  expect(checks.every((check) => check.picture)).toBe(true);
  // Checked and tracked from its own part of that set (0.2 MB), never the whole file (1.3 MB).
  expect(historySet.length).toBeGreaterThan(0);
  expect(historySet.every((range) => /^bytes=\d+-\d+$/.test(range ?? ''))).toBe(true);
});

test('scanning signs, a cover is recognised without its sign', async ({ page }) => {
  await page.goto('/scan');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
});
