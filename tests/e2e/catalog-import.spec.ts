/**
 * `npm run catalog:import` from what a real SLiMS 9 answers on oai2.php (replayed by a local
 * server), then `catalog:build`: the visitor app shows an imported book with a link to its page in
 * the library's own catalogue, where loans and reservations are made, and how old its figures are.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/oai-fixture-server.ts';
import { ROOT } from './support/clips.ts';
import { serveFolder } from './support/static-host.ts';
import { expect, openLibrary, test } from './support/test.ts';

const run = promisify(execFile);
const SLIMS = path.resolve(ROOT, 'tests/fixtures/slims');

const SOURCE = {
  title: { id: 'Perpustakaan Uji Impor', en: 'Import Test Library' },
  library: {
    name: { id: 'Perpustakaan Uji Impor', en: 'Import Test Library' },
    address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
    languages: ['id', 'en'],
    floorPlan: 'denah.svg',
  },
  shelves: [
    { id: 'komputer', label: { id: 'Komputer & Informasi', en: 'Computers & Information' }, ddc: { from: '000', to: '099' }, position: { x: 100, y: 100 } },
    { id: 'sosial', label: { id: 'Ilmu Sosial', en: 'Social Sciences' }, ddc: { from: '300', to: '399' }, position: { x: 300, y: 100 } },
  ],
  books: [],
}; // prettier-ignore

let folder = '';
let slims: FixtureServer | undefined;
test.beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'lensa-import-'));
  slims = await startFixtureServer(() => ({
    body: readFileSync(path.join(SLIMS, 'oai2_ListRecords_oai_dc.xml'), 'utf8'),
  }));
});
test.afterAll(async () => {
  await slims?.close();
  await rm(folder, { recursive: true, force: true });
});

test('a book imported from SLiMS links to its record in the catalogue for loans', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const source = path.join(folder, 'sumber');
  const out = path.join(folder, 'terbit');
  await run('mkdir', ['-p', source]);
  await writeFile(path.join(source, 'catalog.source.json'), JSON.stringify(SOURCE));
  const imported = await run(
    'npx',
    [
      'tsx',
      'scripts/catalog-import.ts',
      '--from',
      'oai',
      `${slims?.url ?? ''}/oai2.php`,
      '--into',
      source,
    ],
    { cwd: ROOT, timeout: 120_000 },
  );
  expect(imported.stdout).toMatch(/Ditambahkan \/ added\s*: 15/);
  await run('npx', ['tsx', 'scripts/catalog-build.ts', source, out], {
    cwd: ROOT,
    timeout: 120_000,
  });

  await serveFolder(context, 'impor', out);
  await openLibrary(page, '/impor/catalog.json');
  await page.goto('/book/linux-in-a-nutshell-2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linux In a Nutshell');
  await expect(page.getByText('Nomor panggil')).toBeVisible();
  await expect(page.locator('.call-number')).toHaveText('005.4/32-22 Ell l');
  const opac = page.getByRole('link', { name: 'Pinjam / reservasi di katalog SLiMS' });
  await expect(opac).toHaveAttribute('href', 'http://127.0.0.1:8088/index.php?p=show_detail&id=2');
  await expect(page.getByText(/Angka eksemplar dari katalog per .* \(hari ini\)/)).toBeVisible();
  // The drawn cover stands in for a photograph nobody has taken yet.
  await expect(page.getByRole('img', { name: /Linux In a Nutshell/ })).toBeVisible();
});
