import { downloadShelfPack, waitForServiceWorker } from './support/offline.ts';
import { demoFeed } from '../helpers/demo-feed.ts';
import { expect, openApp, test } from './support/test.ts';

test('after one visit, home, a book and a story open without a network', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  // Seen once online, so its cover is cached as well.
  await openApp(page, '/book/malay-archipelago');
  const cover = page.getByRole('img', { name: 'Sampul Kepulauan Nusantara' });
  const coverUrl = await cover.getAttribute('src');
  await expect
    .poll(() => page.evaluate(async (url) => (await caches.match(url!)) !== undefined, coverUrl))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kepulauan Nusantara');
  await expect(page.getByRole('status').filter({ hasText: 'Sedang luring' })).toContainText(
    'Sedang luring: menampilkan konten tersimpan dari',
  );
  // The cover was seen online, so it is shown.
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  // A book never opened online: its cover is not on the device, so a placeholder stands in for it
  // instead of a broken image.
  await page.goto('/book/laskar-pelangi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laskar Pelangi');
  await expect(page.getByRole('img', { name: 'Sampul Laskar Pelangi' })).toHaveClass(
    /asset-placeholder/,
  );

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
  await page.goto('/story/kolintang');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kolintang, Bilah Kayu yang Bernyanyi',
  );
  await expect(page.getByText(/UNESCO mencatat kolintang/)).toBeVisible();

  // A 3D model never fetched online says so, and comes by itself once back online.
  await page.goto('/book/laskar-pelangi');
  const model = page.getByRole('region', { name: 'Model 3D' });
  await model.getByRole('button', { name: /^Tampilkan model 3D/ }).click();
  await expect(model.getByRole('alert')).toContainText(
    'Model 3D belum tersimpan di perangkat ini. Sambungkan ke internet untuk melihatnya.',
  );
  await expect(model.getByRole('button', { name: 'Coba lagi' })).toBeVisible();

  // Back online, the saved copy is refreshed and the note goes away.
  await context.setOffline(false);
  await expect(page.getByText(/Sedang luring/)).toHaveCount(0);
  await expect(model.getByRole('img', { name: 'Buku terbuka' })).toBeVisible();
  await expect(model.getByRole('alert')).toHaveCount(0);
});

test('a broken feed on the second visit leaves the saved catalog in place, with the alert', async ({
  page,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.route(
    (url) => url.pathname === '/catalog.json',
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"metadata": {"title": "x"}}',
      }),
  );
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Katalog dari http://localhost:4173/catalog.json tidak dapat dimuat',
  );
  await expect(alert).toContainText('$.ar: umpan ini tidak punya ekstensi "ar" Lensa Pustaka');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
  await page.unrouteAll();
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
});

test('on a slow network the saved catalog stays in use, says it is still trying, and the new one replaces it', async ({
  page,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  const feed = demoFeed();
  feed.ar.library.name = { id: 'Perpustakaan Kota Bitung Baru', en: 'Bitung City Library New' };
  // The server starts answering after 7 s: longer than the 4 s after which the app says so.
  await page.route(
    (url) => url.pathname === '/catalog.json',
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 7000));
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(feed),
      });
    },
  );
  await page.reload();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Selamat datang di Perpustakaan Kota Bitung');
  await expect(page.getByRole('status').filter({ hasText: 'Jaringan lambat' })).toContainText(
    'menampilkan konten tersimpan dari',
  );
  await expect(heading).toHaveText('Selamat datang di Perpustakaan Kota Bitung Baru');
  await expect(page.getByText(/Jaringan lambat|Sedang luring/)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('offline packs are listed with their size and can be removed', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadShelfPack(page, 'sosial', { models: false });
  await expect(
    page.getByText(/^Tersimpan untuk luring · [\d,]+ MB · .* \(tanpa model 3D\)$/),
  ).toBeVisible();

  await page.goto('/storage');
  await expect(
    page.getByText(/^Terpakai .* dari .* yang tersedia untuk aplikasi ini\./),
  ).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: 'Ilmu Sosial' });
  await expect(item).toContainText(/[\d,]+ MB/);
  await item.getByRole('button', { name: 'Hapus dari perangkat' }).click();
  await expect(page.getByText('Belum ada paket yang disimpan.')).toBeVisible();
  const left = await page.evaluate(
    async () => (await (await caches.open('lp-packs-v1')).keys()).length,
  );
  expect(left).toBe(0);
});

test('a full device says so, keeps nothing half-done, and the app goes on', async ({ page }) => {
  await page.addInitScript(() => {
    Cache.prototype.put = function put() {
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    };
  });
  await openApp(page, '/shelf/sains');
  const pack = page.getByRole('region', { name: 'Simpan untuk luring' });
  await pack.getByRole('button', { name: /^Unduh/ }).click();
  await expect(pack.getByRole('alert')).toHaveText(/^Penyimpanan perangkat penuh\./);
  await page.goto('/storage');
  await expect(page.getByText('Belum ada paket yang disimpan.')).toBeVisible();
  await page.getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
});

test('a cached file someone tampered with is dropped and fetched again, never shown', async ({
  page,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.goto('/book/malay-archipelago');
  const model = page.getByRole('region', { name: 'Model 3D' });
  await model.getByRole('button', { name: /^Tampilkan model 3D/ }).click();
  await expect(model.locator('canvas')).toBeVisible();
  const cached = () =>
    page.evaluate(async () => {
      const cache = await caches.open('lp-assets-v1');
      const request = (await cache.keys()).find((r) => r.url.includes('/demo/models/'));
      if (!request) return null;
      const response = await cache.match(request);
      return { url: request.url, bytes: (await response?.arrayBuffer())?.byteLength ?? 0 };
    });
  await expect.poll(cached).not.toBeNull();
  const original = await cached();

  // Someone (or a broken disk) swaps the cached model for other bytes.
  await page.evaluate(async (url) => {
    const cache = await caches.open('lp-assets-v1');
    await cache.put(url, new Response(new Uint8Array([1, 2, 3, 4]), { status: 200 }));
  }, original!.url);
  await page.reload();
  await model.getByRole('button', { name: /^Tampilkan model 3D/ }).click();
  await expect(model.locator('canvas')).toBeVisible();
  await expect(model.getByRole('alert')).toHaveCount(0);
  // The service worker refused the tampered copy and cached the real one again.
  await expect.poll(async () => (await cached())?.bytes).toBe(original!.bytes);
});

test('a saved pack whose files changed in a republished feed says so and updates', async ({
  page,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadShelfPack(page, 'sosial', { models: false });

  // The library republishes: one book on that shelf now has another cover.
  const feed = JSON.parse(await (await page.request.get('/catalog.json')).text()) as Record<
    string,
    any
  >;
  const onShelf = feed.publications.filter((p: any) => p.ar.shelf === 'sosial');
  const elsewhere = feed.publications.find((p: any) => p.ar.shelf !== 'sosial');
  onShelf[0].images = elsewhere.images;
  await page.route(
    (url) => url.pathname === '/catalog.json',
    (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) }),
  );
  await page.goto('/shelf/sosial');
  const pack = page.getByRole('region', { name: 'Simpan untuk luring' });
  await expect(pack).toContainText('Katalog sudah diperbarui sejak paket ini diunduh');
  await pack.getByRole('button', { name: 'Perbarui paket' }).click();
  await expect(pack.getByRole('status')).toHaveText(/^Selesai: .* bisa dipakai tanpa internet\.$/, {
    timeout: 60_000,
  });
  await expect(pack).not.toContainText('Katalog sudah diperbarui');
  await page.goto('/storage');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ilmu Sosial' })).toHaveCount(1);
});
