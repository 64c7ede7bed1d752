/**
 * `npm run catalog:build -- <source-dir> <out-dir>`: turns a folder with a source catalog
 * (`catalog.source.json`, the same shape the editor exports) and its cover photos, shelf signs and
 * models into a publishable feed: `<out-dir>/catalog.json`, the files under `<out-dir>/assets/`,
 * and the compiled target sets. Upload the output folder to any static host and open the app with
 * `?feed=<address>/catalog.json`. Without a floor plan in the folder, one is drawn from the shelves.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { drawnFloorPlan } from '../src/domain/floorplan.ts';
import { drawnCovers } from '../src/domain/source/drawn-cover.ts';
import { SourceCatalog } from '../src/domain/source/schema.ts';
import { FIRST_LOAD_FEED_BUDGET_BYTES, SPLIT_FROM_BOOKS } from '../src/domain/source/split.ts';
import { buildCatalog } from './lib/catalog-build.ts';

const USAGE = `Pemakaian / usage: npm run catalog:build -- <folder-sumber/source-dir> <folder-hasil/out-dir> [--split | --single]
  --split   umpan dibagi per rak / split the feed by shelf (otomatis di atas / automatic above ${SPLIT_FROM_BOOKS} buku/books)
  --single  selalu satu berkas / always one file`;

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

/**
 * What the build draws for files the folder does not have: the floor plan from the shelves, and a
 * plain cover for each book without a photograph (books from `catalog:import`, mostly).
 */
function generatedFiles(source: unknown): Map<string, Uint8Array> {
  const parsed = SourceCatalog.safeParse(source);
  if (!parsed.success) return new Map();
  const { library, shelves, books } = parsed.data;
  const encoder = new TextEncoder();
  const files = new Map([[library.floorPlan, encoder.encode(drawnFloorPlan(library, shelves))]]);
  for (const [file, svg] of drawnCovers(books, library.languages[0] ?? 'id')) {
    files.set(file, encoder.encode(svg));
  }
  return files;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [sourceDir, outDir] = args.filter((arg) => !arg.startsWith('--'));
  const unknownFlag = args.find(
    (arg) => arg.startsWith('--') && arg !== '--split' && arg !== '--single',
  );
  if (unknownFlag) fail([`Pilihan tidak dikenal / unknown option: ${unknownFlag}`, USAGE]);
  const split = args.includes('--split') ? true : args.includes('--single') ? false : 'auto';
  if (!sourceDir || !outDir) fail([USAGE]);
  const sourceFile = path.join(sourceDir, 'catalog.source.json');
  let source: unknown;
  try {
    source = JSON.parse(await readFile(sourceFile, 'utf8'));
  } catch (error) {
    fail([
      `Tidak bisa membaca ${sourceFile}: ${String(error)}`,
      `Could not read ${sourceFile}: ${String(error)}`,
      USAGE,
    ]);
  }
  const started = Date.now();
  const result = await buildCatalog({
    sourceDir,
    outDir,
    source,
    generated: generatedFiles(source),
    split,
    log: (line) => {
      console.log(line);
    },
  });
  if (!result.ok) {
    fail([
      `Katalog belum bisa diterbitkan: ${result.errors.length} masalah / The catalog cannot be published yet: ${result.errors.length} problems`,
      ...result.errors.map((error) => `  ${error.path}: ${error.message.id} / ${error.message.en}`),
    ]);
  }
  for (const file of result.split) console.log(`  ${file.file}: ${file.bytes} bytes`);
  if (result.split.length > 0 && result.bytes > FIRST_LOAD_FEED_BUDGET_BYTES) {
    console.warn(
      `Peringatan / warning: umpan utama ${result.bytes} byte, di atas anggaran ${FIRST_LOAD_FEED_BUDGET_BYTES} untuk kunjungan pertama / the main feed is ${result.bytes} bytes, over the first-load budget of ${FIRST_LOAD_FEED_BUDGET_BYTES}`,
    );
  }
  if (result.lookAlikes.length > 0) {
    const parsed = SourceCatalog.safeParse(source);
    const titles = new Map<string, string>(
      parsed.success
        ? [
            ...parsed.data.books.map((b) => [`book:${b.id}`, b.title.id ?? b.id] as const),
            ...parsed.data.shelves.map((s) => [`shelf:${s.id}`, s.label.id ?? s.id] as const),
          ]
        : [],
    );
    const name = (key: string) => `"${titles.get(key) ?? key}" (${key})`;
    console.warn(
      `Sampul yang mirip: kamera tidak dapat membedakannya, aplikasi menyebut yang lain di samping yang dikenali / Look-alike covers: the camera cannot tell them apart, the app names the others beside the one it recognises`,
    );
    for (const pair of result.lookAlikes) {
      console.warn(`  ${name(pair.a)} ≈ ${name(pair.b)}: ${pair.score.toFixed(2)}`);
    }
  }
  console.log(
    `${result.feedPath}: ${result.bytes} bytes${result.split.length > 0 ? `, split into ${result.split.length} more files` : ''}; target sets ${result.targetBytes} bytes; ${Date.now() - started} ms`,
  );
}

// What the build itself cannot do (a compiling thread that ran out of memory, a full disk): one line
// in both languages, not a stack trace.
await main().catch((error: unknown) => {
  fail([
    `Katalog tidak dapat dibuat / The catalog could not be built: ${error instanceof Error ? error.message : String(error)}`,
  ]);
});
