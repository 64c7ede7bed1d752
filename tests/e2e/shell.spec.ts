import { expect, openApp, test } from './support/test.ts';

// Monday 30 November 2026, 10:00 in Bitung (WITA): the library is open and December's events are ahead.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T02:00:00Z'));
});

test('the demo library opens in Bahasa Indonesia with its name, hours, stories and events', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
  await expect(page.getByText('Buka sekarang, tutup pukul 16:00')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cerita dari Bitung' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Tangkasi, Tarsius dari Tangkoko/ })).toBeVisible();
  const events = page.getByRole('region', { name: 'Acara mendatang' });
  await expect(
    events.getByRole('heading', { name: 'Dongeng Sabtu: Si Tangkasi dari Tangkoko' }),
  ).toBeVisible();
  await expect(events.getByText('5 Desember 2026, 09.00–10.00')).toBeVisible();
  await expect(page.getByRole('link', { name: /Ilmu Alam/ })).toBeVisible();
});

test('the language can be switched to English and is remembered', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Welcome to Bitung City Library',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Welcome to Bitung City Library',
  );
});

test('?lang=en forces English', async ({ page }) => {
  await openApp(page, '/?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Welcome to Bitung City Library',
  );
  await expect(page.getByText('Open now, closes at 16:00')).toBeVisible();
});

test('a book page shows what a visitor needs to find and borrow it', async ({ page }) => {
  await openApp(page, '/shelf/sejarah');
  await page.getByRole('link', { name: /Kepulauan Nusantara/ }).click();
  await expect(page).toHaveURL(/\/book\/malay-archipelago$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kepulauan Nusantara');
  await expect(page.getByText('oleh Alfred Russel Wallace')).toBeVisible();
  await expect(page.getByText('1 dari 3 eksemplar tersedia')).toBeVisible();
  await expect(page.getByText('915.98 WAL m')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sejarah & Geografi' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Sampul Kepulauan Nusantara' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Denah perpustakaan; rak Sejarah & Geografi ditandai/ }),
  ).toBeVisible();
  await page.getByRole('link', { name: /Wallace di Tangkoko/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wallace di Tangkoko');
});

test('a book that is out on loan says so', async ({ page }) => {
  await openApp(page, '/book/bumi-manusia');
  await expect(page.getByText('Semua 4 eksemplar sedang dipinjam')).toBeVisible();
});

test('a story reads in Bahasa Indonesia and in English, with its sources', async ({ page }) => {
  await openApp(page, '/story/tarsius-tangkoko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Tangkasi, Tarsius dari Tangkoko',
  );
  await expect(page.getByText(/Satwa resmi Kota Bitung adalah/)).toBeVisible();
  await page.getByRole('button', { name: 'Baca dalam English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Tangkasi, the Tarsier of Tangkoko',
  );
  await expect(page.getByText(/Bitung's official city animal is the/)).toBeVisible();
  await expect(page.locator('.story-body')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('link', { name: "Wikipedia: Gursky's spectral tarsier" }),
  ).toHaveAttribute('rel', 'noopener noreferrer');

  await page.goto('/story/kolintang?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kolintang, the Singing Wooden Bars',
  );
  await expect(page.locator('.story-body strong').first()).toHaveText('kolintang');
});

test('the tours page lists each tour with its audience and stops', async ({ page }) => {
  await openApp(page, '/tours');
  const tour = page.getByRole('article', { name: 'Jejak Si Tangkasi' });
  await expect(tour.getByText('Anak 7–12 tahun')).toBeVisible();
  await expect(tour.getByRole('listitem')).toHaveCount(5);
  await expect(
    tour.getByRole('link', { name: 'Temukan buku: The Spectral Tarsier' }),
  ).toBeVisible();
  // Each tour has its own address, for a link or a QR code, and a teacher mode.
  await expect(tour.getByRole('link', { name: 'Mulai tur' })).toHaveAttribute(
    'href',
    '/tours/jejak-tangkasi',
  );
  await tour.getByRole('link', { name: 'Mode guru' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mode guru: Jejak Si Tangkasi');
});

test('an unknown address or book says it is not found, with a way home', async ({ page }) => {
  await openApp(page, '/book/tidak-ada');
  await expect(page.getByText('Buku ini tidak ada di katalog.')).toBeVisible();
  await page.getByRole('link', { name: 'Ke beranda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
});

test('text up to 200% and high contrast are chosen in the display panel and remembered', async ({
  page,
}) => {
  await openApp(page);
  const size = () =>
    page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  await page.getByRole('button', { name: 'Tampilan', exact: true }).click();
  await page.getByRole('radio', { name: /Sangat besar \(200%\)/ }).check();
  expect(await size()).toBe(normal * 2);
  await page.getByRole('checkbox', { name: 'Kontras tinggi' }).check();
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.reload();
  expect(await size()).toBe(normal * 2);
  expect(await background()).toBe('rgb(255, 255, 255)');
});

test('the display panel works from the keyboard alone, with a visible focus', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole('button', { name: 'Tampilan', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  // Focus moves to the chosen size; arrows choose another, as radio buttons do.
  await expect(page.getByRole('radio', { name: /Biasa/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Besar \(125%\)/ })).toBeChecked();
  const outline = await page.evaluate(
    () => getComputedStyle(document.activeElement as Element).outlineStyle,
  );
  expect(outline).not.toBe('none');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
});

test('a shelf page says how to walk there from the entrance and shows its printed sign', async ({
  page,
}) => {
  await openApp(page, '/shelf/anak');
  await expect(page.locator('.route-text')).toHaveText(
    'Dari pintu masuk, lewati meja layanan, lalu berjalanlah ke bagian depan ruangan: rak pertama di sebelah kiri.',
  );
  await expect(
    page.getByRole('img', { name: 'Papan rak Koleksi Anak seperti tercetak di perpustakaan' }),
  ).toBeVisible();
  // Read off the plan, not fixed: the science shelf is the third on the left, at the back.
  await openApp(page, '/book/spectral-tarsier?lang=en');
  await expect(page.locator('.route-text')).toHaveText(
    'From the entrance, walk past the service desk to the back of the room: the third shelf on your left.',
  );
});

test('the about page names the catalog source and its contents', async ({ page }) => {
  await openApp(page, '/about');
  await expect(page.getByText(/40 buku, 6 rak, 16 cerita, 3 tur/)).toBeVisible();
  await expect(page.getByText(/\/catalog\.json$/)).toBeVisible();
  await expect(page.getByText(/katalog demo: jam buka/)).toBeVisible();
});

test('the app is served with its security headers and runs under them', async ({ page }) => {
  const response = await page.goto('/book/malay-archipelago');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['permissions-policy']).toMatch(/^camera=\(self\), xr-spatial-tracking=\(self\)/);
  // Styles set by React (where the shelf is on the floor plan) still apply: the console stays
  // free of policy errors (checked after every test), and the marker sits where it should.
  const marker = page.locator('.floor-plan-marker');
  await expect(marker).toHaveAttribute('style', /left: \d+(\.\d+)?%/);
  expect((await marker.boundingBox())?.width).toBeGreaterThan(10);
});
