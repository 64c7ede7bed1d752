/**
 * The browse page's search, as a visitor without a camera uses it: results as they type, a typo
 * forgiven, an English title found for an Indonesian book, part of a call number, and filters that
 * narrow the list.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './support/test.ts';

/** A book in the results list, by the words of its link. */
const resultLink = (page: Page, name: RegExp) =>
  page.locator('.book-grid').first().getByRole('link', { name });

test('search forgives a typo, knows English titles and call numbers, and filters narrow it', async ({
  page,
}) => {
  await openApp(page, '/browse');
  const search = page.getByLabel('Cari buku');
  const status = page.getByRole('status').filter({ hasText: /cocok/ });
  const results = page.locator('.book-grid').first();

  await search.fill('pelangy');
  await expect(results.getByRole('link', { name: /Laskar Pelangi/ })).toBeVisible();

  await search.fill('rainbow');
  await expect(status).toHaveText('1 buku cocok');
  await expect(results.getByRole('link', { name: /Laskar Pelangi/ })).toBeVisible();

  await search.fill('899.2213');
  await expect(status).toHaveText(/^\d+ buku cocok$/);
  const all = Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  expect(all).toBeGreaterThan(3);
  await expect(results.getByRole('link', { name: /Bumi Manusia/ })).toBeVisible();

  // Only what can be borrowed now: Bumi Manusia is out.
  await page.getByLabel('Hanya yang tersedia untuk dipinjam').check();
  await expect(status).toHaveText(`${String(all - 1)} buku cocok`);
  await expect(results.getByRole('link', { name: /Bumi Manusia/ })).toHaveCount(0);

  // A shelf that holds none of them.
  await page.getByLabel('Rak', { exact: true }).selectOption('sains');
  await expect(page.getByRole('status').filter({ hasText: 'Tidak ada buku' })).toHaveText(
    'Tidak ada buku yang cocok.',
  );
});

test("home's search box opens the browse page with the visitor's words searched", async ({
  page,
}) => {
  await openApp(page);
  const home = page.getByRole('search');
  await home.getByLabel('Cari buku').fill('rainbow');
  await home.getByRole('button', { name: 'Cari' }).click();
  await expect(page).toHaveURL(/\/browse\?q=rainbow$/);
  await expect(page.getByLabel('Cari buku')).toHaveValue('rainbow');
  await expect(page.getByRole('status').filter({ hasText: /cocok/ })).toHaveText('1 buku cocok');
  await expect(resultLink(page, /Laskar Pelangi/)).toBeVisible();
});

test("filters alone list the books that pass them: children's books", async ({ page }) => {
  await openApp(page, '/browse');
  const status = page.getByRole('status').filter({ hasText: /cocok/ });
  await page.getByLabel('Untuk pembaca').selectOption('children');
  await expect(status).toHaveText('7 buku cocok');
  await expect(resultLink(page, /Pangeran Cilik/)).toBeVisible();
  // Words narrow them further.
  await page.getByLabel('Cari buku').fill('ulat');
  await expect(status).toHaveText('1 buku cocok');
  await page.getByLabel('Cari buku').fill('');
  await page.getByLabel('Rak', { exact: true }).selectOption('sains');
  await expect(page.getByRole('status').filter({ hasText: 'Tidak ada buku' })).toHaveText(
    'Tidak ada buku yang cocok.',
  );
});

test('the search index is kept on the device: the next visit searches with it, not by indexing again', async ({
  page,
}) => {
  const indexMarks = () =>
    page.evaluate(() =>
      performance
        .getEntriesByName('lp:search-index')
        .map((mark) => (mark as PerformanceMark).detail as { from: string }),
    );
  await openApp(page, '/browse');
  const status = page.getByRole('status').filter({ hasText: /cocok/ });
  await page.getByLabel('Cari buku').fill('pelangy');
  await expect(status).toHaveText('1 buku cocok');
  await expect.poll(indexMarks).toEqual([expect.objectContaining({ from: 'books' })]);
  // Saved after it was built; the privacy page's "clear my data" covers it (storage-map test).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('lensa-pustaka-search');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('index')) {
                resolve(0);
                return;
              }
              const count = db.transaction('index').objectStore('index').count();
              count.onsuccess = () => {
                resolve(count.result);
              };
            };
          }),
      ),
    )
    .toBe(1);

  await page.reload();
  await page.getByLabel('Cari buku').fill('pelangy');
  await expect(status).toHaveText('1 buku cocok');
  await expect(resultLink(page, /Laskar Pelangi/)).toBeVisible();
  await expect.poll(indexMarks).toEqual([expect.objectContaining({ from: 'saved' })]);
});
