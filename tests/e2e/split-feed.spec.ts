/**
 * A 10,000-book library published by `catalog:build` as a split feed: the visitor's first load is
 * the small feed alone; a shelf's books arrive when the shelf is opened, the directory when the
 * visitor browses, and a book linked directly is found through them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIRST_LOAD_FEED_BUDGET_BYTES } from '../../src/domain/source/split.ts';
import {
  GENERATED_LIBRARY_NAME,
  generatedLibrary,
  writeGeneratedLibrary,
} from '../../scripts/lib/generated-library.ts';
import { ROOT } from './support/clips.ts';
import { serveFolder } from './support/static-host.ts';
import { expect, openLibrary, test } from './support/test.ts';

const run = promisify(execFile);
const BOOKS = 10_000;
let folder = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  folder = await mkdtemp(path.join(tmpdir(), 'lensa-split-'));
  await writeGeneratedLibrary(path.join(folder, 'sumber'), BOOKS);
  await run(
    'npx',
    ['tsx', 'scripts/catalog-build.ts', path.join(folder, 'sumber'), path.join(folder, 'terbit')],
    { cwd: ROOT, timeout: 200_000 },
  );
});
test.afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a 10,000-book library opens with a small feed, then browses and searches', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const fetched: { file: string; bytes: number }[] = [];
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/sepuluh-ribu/') || !url.pathname.endsWith('.json')) return;
    void response.body().then(
      (body) =>
        fetched.push({ file: url.pathname.slice('/sepuluh-ribu/'.length), bytes: body.byteLength }),
      () => undefined,
    );
  });
  await serveFolder(context, 'sepuluh-ribu', path.join(folder, 'terbit'));
  await openLibrary(page, '/sepuluh-ribu/catalog.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Selamat datang di ${GENERATED_LIBRARY_NAME}`,
  );
  // The home page shows every shelf with its count, from the feed alone.
  await expect(page.getByRole('link', { name: /Sains.*1\.000 buku/ })).toBeVisible();
  await expect
    .poll(() => fetched.filter((f) => f.file === 'catalog.json').length)
    .toBeGreaterThan(0);
  const firstLoad = fetched.reduce((sum, f) => sum + f.bytes, 0);
  expect(fetched.map((f) => f.file)).toEqual(fetched.map(() => 'catalog.json'));
  expect(firstLoad).toBeLessThan(FIRST_LOAD_FEED_BUDGET_BYTES);

  // A shelf: its page of books arrives now, a screenful at a time.
  await page.getByRole('link', { name: /Sains.*1\.000 buku/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sains');
  await expect(page.getByText('1.000 buku di rak ini')).toBeVisible();
  const grid = page.locator('.book-grid').first();
  await expect(grid.getByRole('listitem')).toHaveCount(24);
  await expect(page.getByText('Menampilkan 24 dari 1.000')).toBeVisible();
  expect(fetched.map((f) => f.file)).toContain('catalog.shelf-sains.json');
  expect(fetched.map((f) => f.file)).not.toContain('catalog.shelf-sastra.json');

  // Search over all 10,000 books, from the directory.
  const wanted = generatedLibrary(BOOKS).books[7340];
  const title = wanted?.title.id ?? '';
  await page.goto('/browse');
  await expect(page.getByText('10.000 buku di perpustakaan ini')).toBeVisible();
  await page.getByLabel('Cari buku').fill(title.toLowerCase());
  await expect(page.getByRole('status')).toHaveText('1 buku cocok');
  await page.getByRole('link', { name: new RegExp(title) }).click();
  // Its shelf was never opened: the book page brings that shelf's page in.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(wanted?.callNumber ?? '-')).toBeVisible();
  await page.goto('/browse');
  await page.getByLabel('Cari buku').fill('tidak ada judul seperti ini');
  await expect(page.getByRole('status')).toHaveText('Tidak ada buku yang cocok.');
});

test('a book linked directly opens even though its shelf was never opened', async ({
  page,
  context,
}) => {
  await serveFolder(context, 'sepuluh-ribu', path.join(folder, 'terbit'));
  await openLibrary(page, '/sepuluh-ribu/catalog.json');
  const last = generatedLibrary(BOOKS).books[BOOKS - 1];
  await page.goto(`/book/${last?.id ?? ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last?.title.id ?? '');
  await page.goto('/book/buku-yang-tidak-ada');
  await expect(page.getByText('Buku ini tidak ada di katalog.')).toBeVisible();
});
