import { waitUntilScanning } from './support/scan.ts';
import { withCamera } from './support/camera.ts';
import { expect, test } from './support/test.ts';

// A cover that is in no shelf: the camera sees covers to describe, but nothing that could move the
// scan to another set while memory is read (the sign-then-cover clip did, on some runs).
test.use(withCamera('unknown-cover'));

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
  // The tracker reports its count after a frame, when nothing of a frame is alive, from its first
  // frame on (the diagnostics show '–' until then). Its detector keeps a few tensors from the first
  // frame that finds features, so the count is read after a few seconds of frames.
  const tensors = async (shelf: string) => {
    const reading = page.getByTestId('diag-tensors');
    await expect(reading).toHaveText(/^\d+$/);
    await page.waitForTimeout(4000);
    await expect(page.getByTestId('diag-set')).toHaveText(`rak-${shelf}`);
    return Number(await reading.textContent());
  };

  // Warm up (first-time kernel compiles and caches), then measure on one shelf before and after
  // twenty switches that end on that same shelf.
  for (const shelf of shelves) await switchTo(shelf);
  const baseline = { tensors: await tensors('sains'), heap: await heap() };
  // A running tracker holds its targets' tensors.
  expect(baseline.tensors).toBeGreaterThan(0);
  for (let i = 0; i < 20; i++) await switchTo(shelves[(i + 1) % shelves.length]!);
  await switchTo('sains');
  const after = { tensors: await tensors('sains'), heap: await heap() };

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
  // leak of even one tensor per switch would add 21.
  expect(after.tensors).toBe(baseline.tensors);
  expect(after.heap).toBeLessThan(baseline.heap * 1.1 + 2_000_000);
});
