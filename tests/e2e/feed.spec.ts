import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { waitForServiceWorker } from './support/offline.ts';
import { expect, openApp, test } from './support/test.ts';

const demo = () =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/catalog.json'), 'utf8'));

/** Matches one path exactly (a glob would also match `?feed=/feeds/…` in the page's own URL). */
const atPath = (pathname: string) => (url: URL) => url.pathname === pathname;

/**
 * The demo's files, for feeds served from /feeds/ whose relative URLs point there. Routed on the
 * context where the service worker fetches them too.
 */
async function serveDemoAssets(page: Page | BrowserContext): Promise<void> {
  await page.route(
    (url) => url.pathname.startsWith('/feeds/demo/'),
    (route) => {
      const file = new URL(route.request().url()).pathname.replace('/feeds/', '');
      return route.fulfill({ path: path.resolve(import.meta.dirname, '../../public', file) });
    },
  );
}

/** Serves a feed from another "library" at /feeds/<name>.json. */
async function serveFeed(page: Page | BrowserContext, name: string, body: string): Promise<void> {
  await page.route(atPath(`/feeds/${name}.json`), (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
}

function library(id: string, en: string): string {
  const feed = demo();
  feed.ar.library.name = { id, en };
  return JSON.stringify(feed);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const switchDialog = (page: Page) =>
  page.getByRole('dialog', { name: 'Buka katalog perpustakaan lain?' });

test('a broken ?feed= shows what is wrong and keeps the catalog on screen', async ({ page }) => {
  await openApp(page);
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');

  const broken = demo();
  broken.publications[0].ar.shelf = 'gudang';
  broken.ar.events[0].end = '2020-01-01T00:00:00+08:00';
  await serveFeed(page, 'rusak', JSON.stringify(broken));
  await page.goto('/?feed=/feeds/rusak.json');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Katalog dari http://localhost:4173/feeds/rusak.json tidak dapat dimuat',
  );
  await expect(alert).toContainText('2 masalah');
  await expect(alert).toContainText(
    '$.publications[0].ar.shelf: rak "gudang" tidak ada di katalog',
  );
  await expect(alert).toContainText('$.ar.events[0].end: acara berakhir sebelum dimulai');
  await expect(alert).toContainText('Sebagai gantinya ditampilkan katalog demo.');
  await expect(switchDialog(page)).toHaveCount(0);
  // The app keeps working on the catalog it had.
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
  await page.getByRole('link', { name: /Ilmu Alam/ }).click();
  await expect(heading(page)).toHaveText('Ilmu Alam');
});

test('a feed that is not JSON at all is explained in English too', async ({ page }) => {
  await openApp(page, '/?lang=en');
  await serveFeed(page, 'html', '<!doctype html><title>Not found</title>');
  await page.goto('/?feed=/feeds/html.json&lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('this address sent an HTML page, not a JSON feed');
  await expect(alert).toContainText('The demo catalog is shown instead.');
});

test.describe('an unreachable feed on a first visit', () => {
  test.use({
    expectedConsoleErrors: [/Failed to load resource: net::ERR_FAILED.*feeds\/hilang\.json/],
  });

  test('shows the demo catalog and tries the link again when asked', async ({ page }) => {
    await page.route(atPath('/feeds/hilang.json'), (route) => route.abort('failed'));
    await page.goto('/?feed=/feeds/hilang.json');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Alamat itu tidak dapat dihubungi');
    await expect(alert).toContainText('Sebagai gantinya ditampilkan katalog demo');
    await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');

    // Once the library fixes its server, "Coba lagi" loads it, and still asks before switching.
    await page.unrouteAll();
    await serveFeed(page, 'hilang', library('Perpustakaan Desa Lembeh', 'Lembeh Village Library'));
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await switchDialog(page)
      .getByRole('button', { name: 'Buka «Perpustakaan Desa Lembeh»' })
      .click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Desa Lembeh');
  });
});

test('a link to a library never opened asks first; no keeps the visitor\u2019s own', async ({
  page,
}) => {
  await openApp(page);
  await serveFeed(page, 'asing', library('Perpustakaan Tak Dikenal', 'Unknown Library'));
  await page.goto('/?feed=/feeds/asing.json');

  const dialog = switchDialog(page);
  await expect(dialog).toContainText(
    'Tautan ini membuka katalog «Perpustakaan Tak Dikenal» dari localhost:4173. Saat ini Anda memakai «Perpustakaan Kota Bitung».',
  );
  // Behind the question, nothing has changed yet.
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
  await dialog.getByRole('button', { name: 'Tetap di «Perpustakaan Kota Bitung»' }).click();
  await expect(dialog).toBeHidden();
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
  await expect(page.getByRole('banner')).toContainText('katalog demo');
  // The link is gone from the address bar: a reload does not ask again.
  expect(new URL(page.url()).searchParams.has('feed')).toBe(false);
  await page.reload();
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
  await expect(switchDialog(page)).toHaveCount(0);
});

test('feeds from data: and javascript: links are refused in words', async ({ page }) => {
  await openApp(page);
  await page.goto(`/?feed=${encodeURIComponent('data:application/json,{"ar":{}}')}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('bukan alamat umpan katalog');
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
  await page.goto(`/?feed=${encodeURIComponent('javascript:alert(1)')}`);
  await expect(page.getByRole('alert')).toContainText('bukan alamat umpan katalog');
});

test("another library's feed is shown once agreed, remembered, and left for the one before", async ({
  page,
}) => {
  await serveFeed(page, 'lembeh', library('Perpustakaan Desa Lembeh', 'Lembeh Village Library'));
  await serveDemoAssets(page);
  await page.goto('/?feed=/feeds/lembeh.json');
  await switchDialog(page).getByRole('button', { name: 'Buka «Perpustakaan Desa Lembeh»' }).click();
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Desa Lembeh');
  await expect(page.getByRole('banner')).toContainText('dari localhost:4173');
  // A cover in that feed resolves against the feed's own address.
  await page.goto('/book/malay-archipelago');
  await expect(page.getByRole('img', { name: 'Sampul Kepulauan Nusantara' })).toHaveAttribute(
    'src',
    /^http:\/\/localhost:4173\/feeds\/demo\/covers\/malay-archipelago\.jpg\?sha256=[0-9a-f]{64}$/,
  );
  // Opened before: the same link now opens it without asking.
  await page.goto('/?feed=/feeds/lembeh.json');
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Desa Lembeh');
  await expect(switchDialog(page)).toHaveCount(0);

  await page.goto('/about');
  await expect(page.getByText('http://localhost:4173/feeds/lembeh.json')).toBeVisible();
  await page.getByRole('button', { name: 'Kembali ke Perpustakaan Kota Bitung' }).click();
  await expect(page.getByText('http://localhost:4173/catalog.json')).toBeVisible();
  await page.getByRole('button', { name: 'Buka: Perpustakaan Desa Lembeh' }).click();
  await expect(page.getByText('http://localhost:4173/feeds/lembeh.json')).toBeVisible();
  await page.getByRole('button', { name: 'Kembali ke katalog demo' }).click();
  // The switch loads the demo feed first; leave the page only once it is on screen.
  await expect(page.getByText('http://localhost:4173/catalog.json')).toBeVisible();
  await page.goto('/');
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
});

test('offline, a link to a library opened before opens its saved copy', async ({
  page,
  context,
}) => {
  await serveFeed(context, 'lembeh', library('Perpustakaan Desa Lembeh', 'Lembeh Village Library'));
  await serveDemoAssets(context);
  await openApp(page);
  await waitForServiceWorker(page);
  await page.goto('/?feed=/feeds/lembeh.json');
  await switchDialog(page).getByRole('button', { name: 'Buka «Perpustakaan Desa Lembeh»' }).click();
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Desa Lembeh');
  await page.goto('/about');
  await page.getByRole('button', { name: 'Kembali ke Perpustakaan Kota Bitung' }).click();
  await expect(page.getByText('http://localhost:4173/catalog.json')).toBeVisible();

  await context.setOffline(true);
  await page.goto('/?feed=/feeds/lembeh.json');
  await expect(heading(page)).toHaveText('Selamat datang di Perpustakaan Desa Lembeh');
  await expect(page.getByRole('status').filter({ hasText: 'Sedang luring' })).toBeVisible();
  await expect(switchDialog(page)).toHaveCount(0);
});

test.describe('with no catalog at all', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: net::ERR_FAILED.*catalog\.json/] });

  test('the visitor gets a way on, and the privacy page still opens', async ({ page }) => {
    await page.route(atPath('/catalog.json'), (route) => route.abort('failed'));
    await page.goto('/');
    await expect(heading(page)).toHaveText('Belum ada katalog yang dapat ditampilkan.');
    await expect(page.getByRole('alert').getByRole('button', { name: 'Coba lagi' })).toBeEnabled();
    await page.getByRole('link', { name: 'Privasi' }).first().click();
    await expect(heading(page)).toHaveText('Privasi');
    await page.getByRole('button', { name: 'Hapus data tersimpan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'sudah dihapus' })).toBeVisible();
  });
});
