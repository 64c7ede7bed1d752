/**
 * The staff editor, end to end: a new book gets a photographed cover (straightened by dragging its
 * corners, compiled into a target, rated with stars) and a 3D model; the draft survives a reload
 * and a crashed tab; "Try it" recognises the cover with the camera; the exported ZIP, served as a
 * static site, is a feed the visitor app loads with ?feed= and whose cover the camera recognises.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { decodeIndex } from '../../src/domain/recognition/index-file.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import { withCamera } from './support/camera.ts';
import { foreign, PHOTO } from './support/clips.ts';
import { addItem, savedDraftContains, section } from './support/editor.ts';
import { drawnBox, RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { serveFolder } from './support/static-host.ts';
import { expect, openLibrary, test } from './support/test.ts';

test.use(withCamera('editor-cover'));

const BOOK = 'Kisah Kapal Pinisi';
const LIBRARY = 'Perpustakaan Pelabuhan';

/** Drags the four corner handles onto the cover's corners in the photo. */
async function straightenCover(page: Page) {
  const editor = page.locator('svg.corner-editor');
  await editor.scrollIntoViewIfNeeded();
  const box = (await editor.boundingBox())!;
  const [x, y, width, height] = PHOTO.cover;
  const corners = [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ] as const;
  for (const [index, [cx, cy]] of corners.entries()) {
    const handle = (await editor.getByRole('slider').nth(index).boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(
      box.x + (cx / PHOTO.width) * box.width,
      box.y + (cy / PHOTO.height) * box.height,
      { steps: 4 },
    );
    await page.mouse.up();
  }
  // Each handle now sits on its corner (to within the drag's pixel rounding).
  const placed = await editor
    .getByRole('slider')
    .evaluateAll((handles) => handles.map((h) => h.getAttribute('aria-valuetext')));
  for (const [index, text] of placed.entries()) {
    const [px, py] = (text ?? '').split(',').map(Number) as [number, number];
    expect(Math.abs(px - (corners[index]?.[0] ?? 0))).toBeLessThan(6);
    expect(Math.abs(py - (corners[index]?.[1] ?? 0))).toBeLessThan(6);
  }
}

test('staff add a book with a cover and a model, try it, and publish a feed visitors scan', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  // The "static host" the export is uploaded to; routed from the start, so that the service
  // worker's own requests reach it too.
  const uploaded = new Map<string, Uint8Array>();
  await serveFolder(context, 'unggahan', uploaded);
  await page.goto('/about');
  await page.getByRole('link', { name: 'Untuk petugas: penyunting katalog' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penyunting katalog');

  // The library's name, a shelf, and a book on it.
  await page
    .getByRole('group', { name: 'Nama perpustakaan', exact: true })
    .getByLabel('Bahasa Indonesia')
    .fill(LIBRARY);
  await section(page, 'Rak').click();
  await addItem(page, 'Rak Bahari');
  await section(page, 'Buku').click();
  await addItem(page, BOOK);
  await page.getByRole('button', { name: new RegExp(BOOK) }).click();

  // The form says what is missing, field by field, with the schema's own messages.
  const callNumber = page.getByLabel('Nomor panggil');
  await expect(callNumber).toHaveAttribute('aria-invalid', 'true');
  await callNumber.fill('387.2 KIS');
  await expect(callNumber).not.toHaveAttribute('aria-invalid');
  await page.getByLabel('Pengarang (pisahkan dengan koma)').fill('Petugas Perpustakaan');
  await page
    .getByRole('group', { name: 'Deskripsi', exact: true })
    .getByLabel('Bahasa Indonesia')
    .fill('Perahu layar tradisional dan para pembuatnya.');
  await page.getByLabel('Rak', { exact: true }).selectOption({ label: 'Rak Bahari' });

  // The cover photo: crop and straighten it, then it compiles in a worker, with progress.
  await page.locator('.cover-tool input[type=file]').setInputFiles(foreign('editor-cover-photo'));
  await straightenCover(page);
  await page.getByRole('button', { name: 'Luruskan dan pakai' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  const rating = page.getByText(/Kualitas pelacakan: \d dari 5 bintang/);
  await expect(rating).toBeVisible({ timeout: 120_000 });
  const stars = Number(/(\d) dari 5/.exec((await rating.textContent()) ?? '')?.[1]);
  expect(stars).toBeGreaterThanOrEqual(4);
  await expect(
    page.getByRole('img', { name: 'Sampul dengan titik-titik ciri yang ditemukan' }),
  ).toBeVisible();
  expect(await page.locator('.feature-points circle').count()).toBeGreaterThan(100);

  // A model, checked and placed: the 3D preview is there, and the size is set by number.
  await page.locator('.model-tool input[type=file]').setInputFiles('public/demo/models/boat.glb');
  await expect(page.getByText(/segitiga, 0 tekstur/)).toBeVisible();
  await page.getByRole('button', { name: 'Optimalkan untuk ponsel' }).click();
  await expect(page.getByText(/^Dioptimalkan: [\d,.]+ kB → [\d,.]+ kB$/)).toBeVisible();
  await expect(page.locator('.placement-canvas canvas')).toBeVisible();
  // Numbers take the Indonesian decimal comma: "0,7" is 0.7, "0,2" is 0.2.
  await page.getByLabel('Skala', { exact: true }).fill('0,7');
  await savedDraftContains(page, '"scale":0.7');
  await page
    .getByRole('group', { name: 'Posisi (lebar sampul)' })
    .getByLabel('ke atas')
    .fill('0,2');
  await savedDraftContains(page, '"position":[0,0.2,0.1]');
  // Dragging the model itself slides it across the cover; it never turns the view instead.
  const canvas = page.locator('.placement-canvas canvas');
  const area = (await canvas.boundingBox())!;
  const modelAt = await page
    .getByRole('group', { name: 'Posisi (lebar sampul)' })
    .getByLabel('ke kanan')
    .inputValue();
  expect(modelAt).toBe('0');
  await page.mouse.move(area.x + area.width / 2, area.y + area.height * 0.42);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width / 2 + 80, area.y + area.height * 0.42, { steps: 5 });
  await page.mouse.up();
  await expect(
    page.getByRole('group', { name: 'Posisi (lebar sampul)' }).getByLabel('ke kanan'),
  ).not.toHaveValue('0');
  // Moved to the right, and saved.
  await savedDraftContains(page, '"position":[0.');
  // How far a drag moves it varies with the frames drawn during it; the scan below needs the
  // model where the portrait crop of the camera picture shows it, so the field sets it exactly.
  await page
    .getByRole('group', { name: 'Posisi (lebar sampul)' })
    .getByLabel('ke kanan')
    .fill('0,1');
  await savedDraftContains(page, '"position":[0.1,');
  // Scale 0 is no size: the field says so and the model keeps its size.
  await page.getByLabel('Skala', { exact: true }).fill('0');
  await expect(
    page.getByText('Di luar rentang yang wajar (0,05 sampai 5); periksa lagi.'),
  ).toBeVisible();
  // Nine cover widths is stored but out of the sensible range: the preview is tinted as well.
  await page.getByLabel('Skala', { exact: true }).fill('9');
  await expect(page.locator('.placement-canvas')).toHaveAttribute('data-out-of-range', 'true');
  await page.getByLabel('Skala', { exact: true }).fill('0,7');
  await savedDraftContains(page, '"scale":0.7');
  await expect(page.locator('.placement-canvas')).not.toHaveAttribute('data-out-of-range');

  // A reload keeps everything.
  await page.reload();
  await section(page, 'Buku').click();
  await page.getByRole('button', { name: new RegExp(BOOK) }).click();
  await expect(page.getByLabel('Nomor panggil')).toHaveValue('387.2 KIS');
  await expect(rating).toBeVisible();
  await expect(page.getByLabel('Skala', { exact: true })).toHaveValue('0,7');

  // So does a crashed tab: the draft was saved as it was typed.
  await page.getByLabel('Tahun terbit').fill('2024');
  await savedDraftContains(page, '"year":2024');
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The renderer dies before it could answer, so the command itself never returns.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close();
  const fresh = await context.newPage();
  // The fixture watches the first page; this one's console must stay as clean.
  const freshErrors: string[] = [];
  fresh.on('console', (message) => {
    if (message.type() === 'error') freshErrors.push(message.text());
  });
  fresh.on('pageerror', (error) => freshErrors.push(error.message));
  await fresh.goto('/editor');
  await section(fresh, 'Buku').click();
  await fresh.getByRole('button', { name: new RegExp(BOOK) }).click();
  await expect(fresh.getByLabel('Tahun terbit')).toHaveValue('2024');

  // Try it: the visitor scan view on the draft recognises the cover and draws the model on it.
  await fresh.getByRole('link', { name: 'Coba dengan kamera' }).click();
  await expect(scanStatus(fresh)).toHaveText(`Dikenali: ${BOOK}`, { timeout: RECOGNITION_MS });
  await expect
    .poll(async () => (await drawnBox(fresh)).pixels, { timeout: 20_000 })
    .toBeGreaterThan(1000);
  await fresh.getByRole('link', { name: 'Tutup pemindai' }).click();
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Penyunting katalog');

  // Publish: the check passes, and the ZIP holds a valid feed with the files it names.
  await section(fresh, 'Periksa & terbitkan').click();
  await fresh.getByRole('button', { name: 'Periksa draf' }).click();
  await expect(fresh.getByText('Draf siap diterbitkan.')).toBeVisible();
  const downloading = fresh.waitForEvent('download');
  await fresh.getByRole('button', { name: 'Ekspor ZIP' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^perpustakaan-pelabuhan-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = new Map(Object.entries(unzipSync(await readFile(await download.path()))));
  const feed: unknown = JSON.parse(new TextDecoder().decode(files.get('catalog.json')));
  const parsed = parseFeed(feed, 'https://perpustakaan-pelabuhan.example/catalog.json');
  expect(parsed.ok && parsed.catalog.books.map((book) => book.id)).toEqual(['kisah-kapal-pinisi']);
  expect([...files.keys()].sort()).toEqual([
    'catalog.json',
    'catalog.source.json',
    'covers/kisah-kapal-pinisi.jpg',
    'floorplan.svg',
    'models/kisah-kapal-pinisi.glb',
    'targets/rak-rak-bahari.mind',
    'targets/recognition.idx',
  ]);
  // The recognition index the feed names holds the new cover.
  const indexBytes = files.get('targets/recognition.idx') ?? new Uint8Array();
  expect(decodeIndex(indexBytes.slice().buffer).targets).toEqual(['book:kisah-kapal-pinisi']);

  // Served as a static site, the visitor app opens it and the camera recognises the new cover.
  for (const [name, bytes] of files) uploaded.set(name, bytes);
  await openLibrary(fresh, '/unggahan/catalog.json');
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText(`Selamat datang di ${LIBRARY}`);
  await fresh.goto('/scan?shelf=rak-bahari');
  await expect(scanStatus(fresh)).toHaveText(`Dikenali: ${BOOK}`, { timeout: RECOGNITION_MS });
  expect(freshErrors).toEqual([]);
  await fresh.close();
});
