import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from './support/test.ts';

const demo = () =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/catalog.json'), 'utf8'));

/** Matches one path exactly (a glob would also match `?feed=/feeds/…` in the page's own URL). */
const atPath = (pathname: string) => (url: URL) => url.pathname === pathname;

/** The demo's files, for feeds served from /feeds/ whose relative URLs point there. */
async function serveDemoAssets(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname.startsWith('/feeds/demo/'),
    (route) => {
      const file = new URL(route.request().url()).pathname.replace('/feeds/', '');
      return route.fulfill({ path: path.resolve(import.meta.dirname, '../../public', file) });
    },
  );
}

/** Serves a feed from another "library" at /feeds/<name>.json. */
async function serveFeed(page: Page, name: string, body: string): Promise<void> {
  await page.route(atPath(`/feeds/${name}.json`), (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
}

test('a broken ?feed= shows what is wrong and keeps the last good catalog', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );

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
  await expect(alert).toContainText(
    'Yang ditampilkan masih katalog terakhir yang berhasil dimuat: Perpustakaan Kota Bitung',
  );
  // The app keeps working on the last good catalog.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
  await page.getByRole('link', { name: /Ilmu Alam/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ilmu Alam');
});

test('a feed that is not JSON at all is explained in English too', async ({ page }) => {
  await openApp(page, '/?lang=en');
  await serveFeed(page, 'html', '<!doctype html><title>Not found</title>');
  await page.goto('/?feed=/feeds/html.json&lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('this address sent an HTML page, not a JSON feed');
  await expect(alert).toContainText(
    'You are still seeing the last catalog that loaded: Bitung City Library',
  );
});

test.describe('an unreachable feed on a first visit', () => {
  test.use({
    expectedConsoleErrors: [/Failed to load resource: net::ERR_FAILED.*feeds\/hilang\.json/],
  });

  test('falls back to the demo catalog and offers to try again', async ({ page }) => {
    await page.route(atPath('/feeds/hilang.json'), (route) => route.abort('failed'));
    await page.goto('/?feed=/feeds/hilang.json');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Alamat itu tidak dapat dihubungi');
    await expect(alert).toContainText('Sebagai gantinya ditampilkan katalog demo');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Selamat datang di Perpustakaan Kota Bitung',
    );

    // Once the library fixes its server, "Coba lagi" loads it.
    const other = demo();
    other.ar.library.name = { id: 'Perpustakaan Desa Lembeh', en: 'Lembeh Village Library' };
    await page.unrouteAll();
    await serveFeed(page, 'hilang', JSON.stringify(other));
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Selamat datang di Perpustakaan Desa Lembeh',
    );
  });
});

test("another library's feed is shown, remembered, and can be left for the demo", async ({
  page,
}) => {
  const other = demo();
  other.ar.library.name = { id: 'Perpustakaan Desa Lembeh', en: 'Lembeh Village Library' };
  await serveFeed(page, 'lembeh', JSON.stringify(other));
  await serveDemoAssets(page);
  await openApp(page, '/?feed=/feeds/lembeh.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Desa Lembeh',
  );
  // A cover in that feed resolves against the feed's own address.
  await page.goto('/book/malay-archipelago');
  await expect(page.getByRole('img', { name: 'Sampul Kepulauan Nusantara' })).toHaveAttribute(
    'src',
    /^http:\/\/localhost:4173\/feeds\/demo\/covers\/malay-archipelago\.jpg\?sha256=[0-9a-f]{64}$/,
  );

  await page.goto('/about');
  await expect(page.getByText('http://localhost:4173/feeds/lembeh.json')).toBeVisible();
  await page.getByRole('button', { name: 'Kembali ke katalog demo' }).click();
  await expect(page.getByText('http://localhost:4173/catalog.json')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
});
