import { RECOGNITION_MS } from './support/scan.ts';
import { withCamera } from './support/camera.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('two-covers'));

test('two covers in view are both recognised', async ({ page }) => {
  // Saving mode tracks one cover at a time: hold full quality, so that a busy test machine
  // (where the scanner would rightly save effort) does not switch in the middle.
  await page.goto('/scan?shelf=sejarah&quality=full');
  const sheet = page.getByRole('region', { name: 'Pemindai' });
  await expect(page.locator('.scan-status')).toHaveText(/^Dikenali: /, { timeout: RECOGNITION_MS });
  await sheet.getByRole('button', { name: 'Detail' }).click();
  await expect(sheet.getByRole('heading', { name: 'Kepulauan Nusantara' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(sheet.getByRole('heading', { name: 'Indonesia Etc.' })).toBeVisible({
    timeout: 30_000,
  });
  // Both are in view at the same time, not one after the other.
  await expect(sheet.locator('li.is-visible')).toHaveCount(2);
});
