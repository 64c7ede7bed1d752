import { withCamera } from './support/camera.ts';
import { held, heldMoved } from './support/clips.ts';
import {
  drawnBox,
  RECOGNITION_MS,
  scanStatus,
  screenBoxOf,
  waitUntilScanning,
} from './support/scan.ts';
import { waitForServiceWorker } from './support/offline.ts';
import { expect, test } from './support/test.ts';
import AxeBuilder from '@axe-core/playwright';

test.use(withCamera('cover-malay-archipelago'));

test('a demo cover is announced and its 3D model is drawn over it', async ({ page }) => {
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rak: Sejarah & Geografi');

  // The book's boat model is drawn where the clip holds the cover.
  const view = page.viewportSize()!;
  const cover = screenBoxOf([held, heldMoved], 300 / 450, view);
  // Measure the very frame that showed the model: tracking may drop a frame between two reads.
  let drawn = await drawnBox(page);
  await expect
    .poll(
      async () => {
        drawn = await drawnBox(page);
        return drawn.pixels;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(3000);
  const centre = { x: (drawn.x0 + drawn.x1) / 2, y: (drawn.y0 + drawn.y1) / 2 };
  expect(centre.x).toBeGreaterThan(cover.x0);
  expect(centre.x).toBeLessThan(cover.x1);
  expect(centre.y).toBeGreaterThan(cover.y0);
  expect(centre.y).toBeLessThan(cover.y1);
  // The model is about one cover wide (scale 0.9), not the whole screen.
  const coverWidth = cover.x1 - cover.x0;
  expect(drawn.x1 - drawn.x0).toBeGreaterThan(coverWidth * 0.4);
  expect(drawn.x1 - drawn.x0).toBeLessThan(coverWidth * 1.4);
});

for (const [lang, recognised] of [
  ['id', 'Dikenali: Kepulauan Nusantara'],
  ['en', 'Recognized: The Malay Archipelago'],
] as const) {
  test(`the scan view has no axe violations before and after a recognition (${lang})`, async ({
    page,
  }) => {
    const violations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    await page.goto(`/scan?shelf=sejarah&lang=${lang}`);
    await waitUntilScanning(page);
    expect(await violations(), 'scanning').toEqual([]);
    await expect(scanStatus(page)).toHaveText(recognised, { timeout: RECOGNITION_MS });
    expect(await violations(), 'recognised').toEqual([]);
  });
}

test('what the overlay shows is in the page too, with the story and a pin', async ({ page }) => {
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  const sheet = page.getByRole('region', { name: 'Pemindai' });
  await expect(sheet.getByRole('heading', { name: 'Kepulauan Nusantara' })).toBeVisible();
  await expect(sheet.getByText('1 dari 3 eksemplar tersedia')).toBeVisible();
  await expect(sheet.getByText('915.98 WAL m')).toBeVisible();
  await sheet.getByRole('button', { name: 'Detail' }).click();
  await expect(sheet.getByText(/Catatan perjalanan Wallace selama delapan tahun/)).toBeVisible();

  await sheet.getByRole('button', { name: 'Sematkan kartu' }).first().click();
  const pinned = page.getByRole('region', { name: 'Disematkan' });
  await expect(pinned.getByRole('heading', { name: 'Kepulauan Nusantara' })).toBeVisible();
  await pinned.getByRole('link', { name: 'Cerita: Wallace di Tangkoko' }).click();
  await expect(page).toHaveURL(/\/story\/wallace-di-tangkoko$/);
});

test('the camera stops while the page is hidden and when the visitor leaves', async ({ page }) => {
  // Keep a handle on every camera stream the page opens, to see whether it is still live.
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { streams: MediaStream[] }).streams = streams;
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
  });
  const liveTracks = () =>
    page.evaluate(
      () =>
        (window as unknown as { streams: MediaStream[] }).streams
          .flatMap((stream) => stream.getTracks())
          .filter((track) => track.readyState === 'live').length,
    );
  const setHidden = (hidden: boolean) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'hidden', { value, configurable: true });
      Object.defineProperty(document, 'visibilityState', {
        value: value ? 'hidden' : 'visible',
        configurable: true,
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  expect(await liveTracks()).toBe(1);

  await setHidden(true);
  await expect(page.getByText('Pemindai dijeda.')).toBeVisible();
  await expect.poll(liveTracks).toBe(0);

  await setHidden(false);
  await expect.poll(liveTracks, { timeout: 20_000 }).toBe(1);
  await waitUntilScanning(page);
  await expect(page.getByText('Pemindai dijeda.')).toHaveCount(0);

  await page.getByRole('link', { name: 'Tutup pemindai' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
  await expect.poll(liveTracks).toBe(0);
});

test("the card on the cover opens the book's story", async ({ page }) => {
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  // The card is hidden from screen readers (the sheet has the same button): find it by class.
  await page.locator('.ar-card button', { hasText: 'Cerita: Wallace di Tangkoko' }).click();
  await expect(page).toHaveURL(/\/story\/wallace-di-tangkoko$/);
});

test("in the saving mode, the card on the cover still takes the visitor's tap", async ({
  page,
}) => {
  // The saving mode's notice lies over the upper camera picture, where the card often is.
  await page.goto('/scan?shelf=sejarah&quality=reduced');
  await expect(page.getByText(/Mode hemat/)).toBeVisible();
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  // Where the card lies under the notice depends on where the cover is: a tap on the notice
  // itself must reach what is beneath it.
  const noticeTakesTap = await page.getByText(/Mode hemat/).evaluate((notice) => {
    const box = notice.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return notice.contains(hit);
  });
  expect(noticeTakesTap).toBe(false);
  await page.locator('.ar-card button', { hasText: 'Cerita: Wallace di Tangkoko' }).click();
  await expect(page).toHaveURL(/\/story\/wallace-di-tangkoko$/);
});

test('narration says when the device has no voice for the language', async ({ page }) => {
  await page.addInitScript(() => {
    speechSynthesis.getVoices = () => [];
  });
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await page.getByRole('button', { name: 'Dengarkan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'tidak punya suara' })).toHaveText(
    'Perangkat ini tidak punya suara untuk Bahasa Indonesia. Teksnya tetap bisa dibaca di sini.',
  );
});

test('narration reads the summary with a voice in its language', async ({ page }) => {
  await page.addInitScript(() => {
    const voice = {
      lang: 'id-ID',
      localService: true,
      name: 'Damayanti',
      voiceURI: 'id',
      default: true,
    };
    speechSynthesis.getVoices = () => [voice];
    (window as unknown as { spoken: string[] }).spoken = [];
    speechSynthesis.speak = (utterance) => {
      (window as unknown as { spoken: string[] }).spoken.push(
        `${utterance.lang}|${utterance.text}`,
      );
    };
  });
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await page.getByRole('button', { name: 'Dengarkan' }).first().click();
  const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
  expect(spoken).toEqual([expect.stringMatching(/^id-ID\|Catatan perjalanan Wallace/)]);
});

test('scanning, a book, a story and a model ask only GET of this origin, service worker included', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const requests: { url: string; method: string; body: boolean; worker: boolean }[] = [];
  // At the context, so that the service worker's own fetches are seen as well.
  context.on('request', (request) =>
    requests.push({
      url: request.url(),
      method: request.method(),
      body: request.postDataBuffer() !== null,
      worker: request.serviceWorker() !== null,
    }),
  );
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.goto('/book/malay-archipelago');
  await page
    .getByRole('region', { name: 'Model 3D' })
    .getByRole('button', { name: /^Tampilkan model 3D/ })
    .click();
  await expect(page.getByRole('region', { name: 'Model 3D' }).locator('canvas')).toBeVisible();
  await page.goto('/story/wallace-di-tangkoko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wallace di Tangkoko');
  await page.goto('/');
  await page.getByRole('link', { name: 'Pindai sampul atau rak' }).click();
  await waitUntilScanning(page);
  await page.getByRole('button', { name: 'Pilih rak' }).click();
  await page.getByRole('button', { name: /Sejarah & Geografi/ }).click();
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await page.waitForTimeout(3000);

  const origin = new URL(baseURL!).origin;
  const network = requests.filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  expect(network.filter((r) => new URL(r.url).origin !== origin)).toEqual([]);
  expect(network.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(network.filter((r) => r.body)).toEqual([]);
  // What was watched really happened: the service worker fetched, the scan loaded its targets.
  expect(network.some((r) => r.worker)).toBe(true);
  expect(network.some((r) => r.url.includes('/demo/targets/rak-sejarah.mind?sha256='))).toBe(true);
  expect(network.some((r) => r.url.includes('/demo/models/'))).toBe(true);
});
