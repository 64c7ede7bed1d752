/**
 * The demo children's tour with the camera: one clip shows each stop's sign or cover in order, with
 * another children's book held up first at the caterpillar stop, which gives a hint. A reload in
 * the middle resumes at the same stop.
 */
import type { Page } from '@playwright/test';
import { withCamera } from './support/camera.ts';
import { RECOGNITION_MS } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('tour-walk'));

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Kemajuan tur' });
const scanner = (page: Page) => page.getByRole('dialog', { name: 'Pindai dengan kamera' });

/** Opens the scanner and waits for the stop's confirmation, which closes it. */
async function scanUntilFound(page: Page, found: string): Promise<void> {
  await page.getByRole('button', { name: 'Pindai dengan kamera' }).click();
  await expect(scanner(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: found })).toHaveText(found, {
    timeout: 2 * RECOGNITION_MS,
  });
  await expect(scanner(page)).toBeHidden();
}

test('the children’s tour is walked with the camera from the start screen to the badge', async ({
  page,
}) => {
  test.setTimeout(1_200_000);
  await page.goto('/tours/jejak-tangkasi');
  await page.getByLabel('Nama kelompok').fill('Kelompok Cakalang');
  await page.getByRole('button', { name: 'Mulai tur' }).click();

  // Stop 1: the children's corner sign.
  await expect(heading(page)).toHaveText('Perhentian 1 dari 5');
  await scanUntilFound(page, 'Ketemu! rak Koleksi Anak');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '1');
  await page.getByRole('button', { name: 'Lanjut ke perhentian berikutnya' }).click();

  // Stop 2: another children's book first, which is named in a hint; then the right one.
  await expect(heading(page)).toHaveText('Perhentian 2 dari 5');
  await page.getByRole('button', { name: 'Pindai dengan kamera' }).click();
  await expect(scanner(page).getByRole('status')).toContainText(
    'Itu Pangeran Cilik, bukan yang kita cari. Petunjuk: Cari buku tentang ulat yang sangat lapar',
    { timeout: 2 * RECOGNITION_MS },
  );
  await expect(page.getByRole('status').filter({ hasText: 'Ketemu!' })).toHaveText(
    'Ketemu! Ulat yang Sangat Lapar',
    { timeout: 2 * RECOGNITION_MS },
  );
  await page.getByRole('button', { name: 'Kupu-kupu' }).click();
  await expect(page.getByText('Benar!', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut ke perhentian berikutnya' }).click();

  // The phone locks, the page is reloaded: the group is back at stop 3, with what it did.
  await expect(heading(page)).toHaveText('Perhentian 3 dari 5');
  await page.reload();
  await expect(heading(page)).toHaveText('Perhentian 3 dari 5');
  await expect(
    page.getByText('Melanjutkan tur kelompok Kelompok Cakalang di perhentian 3.'),
  ).toBeVisible();
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '2');
  await scanUntilFound(page, 'Ketemu! rak Ilmu Alam');
  await page.getByRole('button', { name: 'Lanjut ke perhentian berikutnya' }).click();

  // Stops 4 and 5: the camera stayed open between them.
  await expect(heading(page)).toHaveText('Perhentian 4 dari 5');
  await scanUntilFound(page, 'Ketemu! The Spectral Tarsier');
  await page.getByRole('button', { name: 'Sekitar 100 gram' }).click();
  await page.getByRole('button', { name: 'Lanjut ke perhentian berikutnya' }).click();
  await expect(heading(page)).toHaveText('Perhentian 5 dari 5');
  await scanUntilFound(page, 'Ketemu! 20.000 Mil di Bawah Laut');
  await page.getByRole('button', { name: 'Gajah' }).click();
  await expect(page.getByText('Belum tepat. Jawabannya: Ular laut.')).toBeVisible();
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '5');
  await page.getByRole('button', { name: 'Selesai' }).click();

  await expect(heading(page)).toHaveText('Tur selesai!');
  await expect(page.getByText('2 dari 3 jawaban benar')).toBeVisible();
  await expect(page.getByText('5 dari 5 perhentian ditemukan')).toBeVisible();
  await expect(
    page.getByRole('img', {
      name: /^Lencana Jejak Si Tangkasi untuk Kelompok Cakalang: 2\/3 benar/,
    }),
  ).toBeVisible();
  // The badge was drawn: its canvas is not blank.
  const inked = await page.locator('canvas.tour-badge').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100) dark++;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
});
