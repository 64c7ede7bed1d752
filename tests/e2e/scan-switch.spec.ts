import { withCamera } from './support/camera.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
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
  ).toBeVisible({ timeout: RECOGNITION_MS });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rak: Sejarah & Geografi', {
    timeout: 30_000,
  });
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  // A way back to the shelf signs.
  await page.getByRole('button', { name: 'Semua rak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mengenali papan rak');
});
