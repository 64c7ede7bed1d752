import { withCamera } from './support/camera.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('two-covers'));

test('two covers in view are both recognised', async ({ page }) => {
  await page.goto('/scan?shelf=sejarah');
  const sheet = page.getByRole('region', { name: 'Pemindai' });
  await expect(page.locator('.scan-status')).toHaveText(/^Dikenali: /, { timeout: 60_000 });
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
