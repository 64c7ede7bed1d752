import type { Page } from '@playwright/test';
import { FEED_LIMITS } from '../../src/domain/feed/limits.ts';
import { feedWithBooks } from '../helpers/large-feed.ts';
import { expect, openApp, openLibrary, test } from './support/test.ts';

async function serve(page: Page, name: string, body: string): Promise<void> {
  await page.route(
    (url) => url.pathname === `/feeds/${name}.json`,
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
}

test('a library of 3,000 books on one shelf shows them a page at a time', async ({ page }) => {
  await serve(page, 'besar', JSON.stringify(feedWithBooks(3000)));
  await openApp(page);
  await openLibrary(page, '/feeds/besar.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Besar',
  );
  await page
    .getByRole('link', { name: /3\.000 buku/ })
    .first()
    .click();
  const grid = page.locator('.book-grid').first();
  await expect(grid.getByRole('listitem')).toHaveCount(24);
  await expect(page.getByText('Menampilkan 24 dari 3.000')).toBeVisible();
  await page.getByRole('button', { name: 'Tampilkan 24 lagi' }).click();
  await expect(grid.getByRole('listitem')).toHaveCount(48);

  await page.goto('/browse');
  await page.getByLabel('Cari buku').fill('buku nomor');
  await expect(page.getByRole('status')).toHaveText('3.000 buku cocok');
  await expect(page.locator('.book-grid').getByRole('listitem')).toHaveCount(24);
  await page.getByLabel('Cari buku').fill('buku nomor 02999');
  await expect(page.getByRole('status')).toHaveText('1 buku cocok');
});

test('a feed larger than a phone should download is refused while it arrives', async ({ page }) => {
  // Valid JSON that only says how large it is once it has all arrived.
  const padding = ' '.repeat(FEED_LIMITS.feedBytes + 1024);
  await serve(page, 'raksasa', `{${padding}}`);
  await openApp(page);
  await page.goto('/?feed=/feeds/raksasa.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/Umpan ini lebih besar dari 16\s?MB/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
});
