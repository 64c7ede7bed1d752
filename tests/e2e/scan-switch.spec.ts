import { withCamera } from './support/camera.ts';
import { scanStatus, waitUntilScanning } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('sign-then-cover'));

test('a shelf sign switches to that shelf, whose book is then recognised', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Pindai sampul atau rak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mengenali papan rak');
  await expect(
    page
      .getByText('Dikenali: rak Sejarah & Geografi')
      .or(page.getByText('Rak Sejarah & Geografi: sekarang arahkan ke sampul buku.')),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rak: Sejarah & Geografi', {
    timeout: 30_000,
  });
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', { timeout: 60_000 });
  // A way back to the shelf signs.
  await page.getByRole('button', { name: 'Semua rak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mengenali papan rak');
});

test('twenty shelf switches leave one tracker worker and no growing memory', async ({ page }) => {
  test.setTimeout(240_000);
  const client = await page.context().newCDPSession(page);
  const heap = async () => {
    await client.send('HeapProfiler.collectGarbage');
    const { metrics } = await client.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  };
  await client.send('Performance.enable');
  // Full quality held: the same shelf at the same camera size must cost the same memory.
  await page.goto('/scan?shelf=sains&diagnostics&quality=full');
  await waitUntilScanning(page);
  const shelves = ['sosial', 'sastra-indonesia', 'sastra-dunia', 'sejarah', 'anak', 'sains'];
  const labels: Record<string, string> = {
    sains: 'Ilmu Alam',
    sosial: 'Ilmu Sosial',
    'sastra-indonesia': 'Sastra Indonesia',
    'sastra-dunia': 'Sastra Dunia',
    sejarah: 'Sejarah & Geografi',
    anak: 'Koleksi Anak',
  };
  const switchTo = async (shelf: string) => {
    await page.getByRole('button', { name: 'Pilih rak' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: new RegExp(`^${labels[shelf]}`) })
      .click();
    await expect(page.getByTestId('diag-set')).toHaveText(`rak-${shelf}`);
    await waitUntilScanning(page);
  };
  // The count is read once a second at whatever point of a frame the tracker is in: while a frame
  // is being matched its input and intermediate tensors are alive too. The fewest over several
  // readings is the settled count.
  const tensors = async () => {
    const readings: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(1100);
      readings.push(Number(await page.getByTestId('diag-tensors').textContent()));
    }
    return Math.min(...readings);
  };

  // Warm up (first-time kernel compiles and caches), then measure on one shelf before and after
  // twenty switches that end on that same shelf.
  for (const shelf of shelves) await switchTo(shelf);
  const baseline = { tensors: await tensors(), heap: await heap() };
  for (let i = 0; i < 20; i++) await switchTo(shelves[(i + 1) % shelves.length]!);
  await switchTo('sains');
  const after = { tensors: await tensors(), heap: await heap() };

  // One tracker worker, mind-ar's matching worker inside it (a blob: URL), at most one worker
  // checking the index's guesses, and one that fetched the index: set changes never start another.
  const workers = page.workers().map((worker) => worker.url());
  const checkers = workers.filter((url) => url.includes('check.worker')).length;
  expect(workers.filter((url) => url.includes('tracker.worker'))).toHaveLength(1);
  expect(workers.filter((url) => url.startsWith('blob:'))).toHaveLength(1);
  expect(checkers).toBeLessThanOrEqual(1);
  expect(workers.filter((url) => url.includes('asset.worker'))).toHaveLength(1);
  expect(workers).toHaveLength(3 + checkers);
  // The same shelf has the same targets, so the same settled tensors, and about the same heap. A
  // leak of even one tensor per switch would add 21; two allow a frame caught mid-match.
  expect(after.tensors).toBeLessThanOrEqual(baseline.tensors + 2);
  expect(after.heap).toBeLessThan(baseline.heap * 1.1 + 2_000_000);
});
