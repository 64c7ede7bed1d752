/**
 * Staff import a catalogue file in the editor: real Library of Congress MARC records, read in a worker
 * with the same mappers as `npm run catalog:import`, previewed with what will be added and what is
 * skipped and why, applied as one step that Undo takes back.
 */
import path from 'node:path';
import { ROOT } from './support/clips.ts';
import { addItem, section } from './support/editor.ts';
import { expect, test } from './support/test.ts';

test('a MARCXML file brings its books into the list, with the skipped record explained', async ({
  page,
}) => {
  await page.goto('/editor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penyunting katalog');
  await section(page, 'Rak').click();
  await addItem(page, 'Rak Sejarah');
  await section(page, 'Buku').click();

  await page
    .locator('.catalogue-import input[type=file]')
    .setInputFiles(path.join(ROOT, 'tests/fixtures/marc/batch.xml'));
  const preview = page.locator('.catalogue-preview');
  await expect(preview).toContainText(
    '1 buku baru, 0 diperbarui, 0 tidak berubah, 0 ditarik, 1 dilewati.',
  );
  // The Ray Charles record has no class: it is named, with why it was left out.
  await expect(
    preview.getByText(
      'batch.xml #1 (001 5637241): tanpa nomor kelas DDC: tidak bisa ditaruh di rak, tidak diimpor',
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Terapkan ke draf' }).click();
  await expect(page.getByText(/Impor diterapkan: 1 buku baru/)).toBeVisible();
  const imported = page.getByRole('button', { name: /The White House/ });
  await expect(imported).toBeVisible();

  // One undo takes the whole import back.
  await page.getByRole('button', { name: 'Urungkan' }).click();
  await expect(imported).toHaveCount(0);
});

test('a binary MARC 21 file (ISO 2709) is read in the browser too', async ({ page }) => {
  await page.goto('/editor');
  await section(page, 'Rak').click();
  await addItem(page, 'Rak Komputer');
  await section(page, 'Buku').click();
  await page
    .locator('.catalogue-import input[type=file]')
    .setInputFiles(path.join(ROOT, 'tests/fixtures/marc/marc.dat'));
  // Twenty Library of Congress records; the two without a DDC class cannot stand on a shelf.
  await expect(page.locator('.catalogue-preview')).toContainText(
    '18 buku baru, 0 diperbarui, 0 tidak berubah, 0 ditarik, 2 dilewati.',
  );
  await page.getByRole('button', { name: 'Terapkan ke draf' }).click();
  await expect(page.getByRole('button', { name: /Programming Python/ })).toBeVisible();
});

test('a file that is no catalogue is explained, not read as garbage', async ({ page }) => {
  await page.goto('/editor');
  await section(page, 'Buku').click();
  await page.locator('.catalogue-import input[type=file]').setInputFiles({
    name: 'catatan.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('tanggal,jumlah\n2026-11-30,4\n'),
  });
  await expect(page.getByRole('alert')).toContainText('bukan MARC, MARCXML atau CSV yang dikenal');
});
