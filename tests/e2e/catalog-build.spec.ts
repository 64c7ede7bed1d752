/**
 * `npm run catalog:build` on a folder of new covers: the feed it writes validates, and the visitor
 * app, pointed at it with ?feed=, recognises one of the new covers from the fake camera.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import { withCamera } from './support/camera.ts';
import { BUILD_SOURCE_DIR, ROOT } from './support/clips.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { serveFolder } from './support/static-host.ts';
import { expect, openLibrary, test } from './support/test.ts';
import { section } from './support/editor.ts';
import { fileExists } from '../../scripts/lib/catalog-build.ts';

const run = promisify(execFile);

test.use(withCamera('build-cover'));

async function build(sourceDir: string, outDir: string) {
  return run('npx', ['tsx', 'scripts/catalog-build.ts', sourceDir, outDir], {
    cwd: ROOT,
    timeout: 180_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
}

let outDir = '';
test.beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'lensa-build-'));
});
test.afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

test('a folder of new covers becomes a feed whose covers the camera recognises', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const result = await build(BUILD_SOURCE_DIR, outDir);
  expect(result.code, result.stderr).toBe(0);
  // The second volume of one book has the first's design: staff are told the camera cannot
  // tell the two apart.
  expect(result.stderr).toContain('Look-alike covers');
  expect(result.stderr).toMatch(
    /"Resep Dapur Minahasa" \(book:build-cover-b\) ≈ "Resep Dapur Minahasa 2" \(book:build-cover-b2\)/,
  );
  expect(result.stderr).not.toContain('Burung-Burung Tangkoko');

  // The feed validates with the app's own parser, and names the new books in one target set.
  const feed: unknown = JSON.parse(await readFile(path.join(outDir, 'catalog.json'), 'utf8'));
  const parsed = parseFeed(feed, 'https://perpustakaan-uji.example/catalog.json');
  expect(parsed.ok && parsed.catalog.books.map((book) => book.id)).toEqual([
    'build-cover-a',
    'build-cover-b',
    'build-cover-b2',
  ]);
  expect(parsed.ok && parsed.catalog.targetSets.map((set) => set.targets.length)).toEqual([3]);

  await serveFolder(context, 'terbitan', outDir);
  await openLibrary(page, '/terbitan/catalog.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Uji',
  );
  await page.goto('/scan?shelf=rak-pilihan');
  // Either volume may be the one mind-ar matches; the sheet names the other beside it.
  await expect(scanStatus(page)).toHaveText(/^Dikenali: Resep Dapur Minahasa( 2)?$/, {
    timeout: RECOGNITION_MS,
  });
  const note = page.getByRole('note').filter({ hasText: 'kamera tidak dapat membedakannya' });
  await expect(note.first()).toBeVisible();
  await expect(note.first().getByRole('link')).toHaveText(/^Resep Dapur Minahasa( 2)?$/);
});

test('staff who start the editor from that catalogue are told which covers look alike', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  if (!(await fileExists(path.join(outDir, 'catalog.json')))) {
    const result = await build(BUILD_SOURCE_DIR, outDir);
    expect(result.code, result.stderr).toBe(0);
  }
  await serveFolder(context, 'terbitan', outDir);
  await openLibrary(page, '/terbitan/catalog.json');
  await page.goto('/editor');
  await page.getByRole('button', { name: 'Katalog yang terbit sekarang' }).click();
  await expect(page.getByRole('region', { name: 'Mulai dari mana?' })).toHaveCount(0, {
    timeout: 120_000,
  });
  await section(page, 'Periksa & terbitkan').click();
  await page.getByRole('button', { name: 'Periksa draf' }).click();
  await expect(page.getByText('Draf siap diterbitkan.')).toBeVisible({ timeout: 60_000 });
  // A warning, not an error: the draft can be published, and staff know what visitors will see.
  const warnings = page.locator('.publish-warnings');
  const item = warnings.getByRole('button', { name: /^Buku «Resep Dapur Minahasa»/ });
  await expect(item).toContainText(
    'sampulnya tampak sama dengan "Resep Dapur Minahasa 2", sehingga kamera tidak dapat membedakan keduanya',
  );
  await expect(warnings).not.toContainText('Burung-Burung Tangkoko');
  await item.click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Resep Dapur Minahasa', exact: true }),
  ).toBeVisible();
});

test('a folder with problems is refused with every problem, in both languages', async () => {
  const broken = await mkdtemp(path.join(tmpdir(), 'lensa-broken-'));
  try {
    await cp(BUILD_SOURCE_DIR, broken, { recursive: true });
    const source = JSON.parse(await readFile(path.join(broken, 'catalog.source.json'), 'utf8')) as {
      books: { callNumber: string; cover: string }[];
    };
    source.books[0]!.callNumber = '';
    source.books[1]!.cover = 'sampul/hilang.jpg';
    await writeFile(path.join(broken, 'catalog.source.json'), JSON.stringify(source));
    const result = await build(broken, path.join(broken, 'keluar'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('books[0].callNumber');
    expect(result.stderr).toMatch(/tidak boleh kosong \/ must not be empty/);

    // Fixed the call number; the missing photo is still named, by its file.
    source.books[0]!.callNumber = '641.5 TIM 1';
    await writeFile(path.join(broken, 'catalog.source.json'), JSON.stringify(source));
    const second = await build(broken, path.join(broken, 'keluar'));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('berkas "sampul/hilang.jpg" tidak ditemukan');
    expect(second.stderr).toContain('file "sampul/hilang.jpg" was not found');
  } finally {
    await rm(broken, { recursive: true, force: true });
  }
});
