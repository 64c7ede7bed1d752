import AxeBuilder from '@axe-core/playwright';
import { withCamera } from './support/camera.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('cover-leaves'));

test('when the cover leaves, the loss is announced and a pinned card stays', async ({ page }) => {
  await page.goto('/scan?shelf=sastra-indonesia');
  await expect(scanStatus(page)).toHaveText('Dikenali: Laskar Pelangi', {
    timeout: RECOGNITION_MS,
  });
  // The 3D layer is composited over the camera picture only while something is on it.
  const layer = page.locator('.ar-canvas canvas');
  await expect(layer).toBeVisible();
  await page.getByRole('button', { name: 'Sematkan kartu' }).first().click();
  await expect(scanStatus(page)).toHaveText('Tidak terlihat lagi: Laskar Pelangi', {
    timeout: 30_000,
  });
  await expect(layer).toBeHidden();
  const pinned = page.getByRole('region', { name: 'Disematkan' });
  await expect(pinned.getByRole('heading', { name: 'Laskar Pelangi' })).toBeVisible();
  await expect(pinned.getByText('2 dari 6 eksemplar tersedia')).toBeVisible();
  await pinned.getByRole('button', { name: 'Lepas sematan' }).click();
  await expect(pinned).toHaveCount(0);
});

test('a cover put down stays listed as not in view, and its text keeps its contrast', async ({
  page,
}) => {
  await page.goto('/scan?shelf=sastra-indonesia');
  await expect(scanStatus(page)).toHaveText('Dikenali: Laskar Pelangi', {
    timeout: RECOGNITION_MS,
  });
  await expect(scanStatus(page)).toHaveText('Tidak terlihat lagi: Laskar Pelangi', {
    timeout: 30_000,
  });
  const sheet = page.getByRole('region', { name: 'Pemindai' });
  await expect(sheet.getByText('tidak terlihat', { exact: true })).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Laskar Pelangi' })).toBeVisible();
  // Faded as a whole, the item's grey text fell under 4.5:1.
  const violations = (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
});
