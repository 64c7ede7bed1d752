/**
 * Two editor tabs on one draft: one edits, the other says why it cannot save; nothing either of
 * them shows is lost, and the second can take over, starting from what the first saved.
 */
import type { Page } from '@playwright/test';
import { foreign } from './support/clips.ts';
import { addItem, section } from './support/editor.ts';
import { expect, test } from './support/test.ts';

const BOOK = 'Kisah Kapal Pinisi';
const OTHER_TAB = 'Draf ini sedang dibuka di tab atau jendela lain';

async function openEditor(page: Page) {
  await page.goto('/editor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penyunting katalog');
  await expect(section(page, 'Buku')).toBeVisible();
}

test('a second editor tab cannot overwrite the first, says why, and can take over', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const first = await context.newPage();
  await openEditor(first);
  const second = await context.newPage();
  await openEditor(second);
  await expect(second.getByRole('alert')).toContainText(OTHER_TAB);
  await expect(first.getByRole('alert')).toHaveCount(0);

  // The first tab adds a shelf, a book and its cover photo.
  await section(first, 'Rak').click();
  await addItem(first, 'Rak Bahari');
  await section(first, 'Buku').click();
  await addItem(first, BOOK);
  await first.getByRole('button', { name: new RegExp(BOOK) }).click();
  await first.locator('.cover-tool input[type=file]').setInputFiles(foreign('editor-cover-photo'));
  await first.getByRole('button', { name: 'Luruskan dan pakai' }).click();
  const rating = first.getByText(/Kualitas pelacakan: \d dari 5 bintang/);
  await expect(rating).toBeVisible({ timeout: 120_000 });

  // The second tab still shows the empty draft it opened; clicking about in it saves nothing.
  await section(second, 'Buku').click();
  await section(second, 'Rak').click();
  await expect(second.getByRole('alert')).toContainText('perubahan tidak disimpan');
  await expect(second.getByPlaceholder('Judul')).toBeDisabled();

  // Nothing the first tab made was lost.
  await first.reload();
  await expect(section(first, 'Buku')).toBeVisible();
  await section(first, 'Buku').click();
  await first.getByRole('button', { name: new RegExp(BOOK) }).click();
  await expect(rating).toBeVisible();

  // The second tab takes over from what was saved; the first now says why it cannot save.
  await second.getByRole('button', { name: 'Edit di tab ini' }).click();
  await expect(second.getByRole('alert')).toHaveCount(0);
  await section(second, 'Buku').click();
  await expect(second.getByRole('button', { name: new RegExp(BOOK) })).toBeVisible();
  await expect(first.getByRole('alert')).toContainText(OTHER_TAB);
});
