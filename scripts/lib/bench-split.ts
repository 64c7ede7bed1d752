/**
 * Split-feed figures for `npm run bench`: a generated 10,000-book library built by `catalog:build`
 * (drawn covers, no targets), the sizes a visitor downloads (the feed on the first load, a shelf
 * page, the directory), and how long the app's own parsers and a search over the directory take.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { indexCatalog } from '../../src/domain/catalog.ts';
import { parseDirectory, parseShelfPage } from '../../src/domain/feed/pages.ts';
import { parseFeedText } from '../../src/domain/feed/parse.ts';
import { FIRST_LOAD_FEED_BUDGET_BYTES } from '../../src/domain/source/split.ts';
import {
  buildSearchIndex,
  documentOfEntry,
  loadSearchIndex,
  searchBooks,
  serialiseSearchIndex,
} from '../../src/search/engine.ts';
import { buildCatalog } from './catalog-build.ts';
import { generatedLibrary } from './generated-library.ts';
import { drawnCovers } from '../../src/domain/source/drawn-cover.ts';
import { drawnFloorPlan } from '../../src/domain/floorplan.ts';
import { SourceCatalog } from '../../src/domain/source/schema.ts';

export interface SplitFigures {
  readonly books: number;
  readonly buildSeconds: number;
  readonly feed: { raw: number; gzip: number };
  readonly singleFeed: { raw: number; gzip: number };
  readonly largestPage: { raw: number; gzip: number; books: number };
  readonly directory: { raw: number; gzip: number };
  readonly parseMs: { feed: number; page: number; directory: number };
  readonly searchMsP95: number;
  readonly searchQueries: number;
  readonly indexMs: number;
  /** The index saved on the device: its size, and reading it back on the next visit. */
  readonly savedIndex: { readonly bytes: number; readonly loadMs: number };
  readonly budgetBytes: number;
}

const sizes = (text: string) => ({
  raw: Buffer.byteLength(text),
  gzip: gzipSync(text, { level: 9 }).byteLength,
});

const time = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

export async function benchSplit(cacheDir: string, books = 10_000): Promise<SplitFigures> {
  const out = path.join(cacheDir, `split-${books}`);
  await rm(out, { recursive: true, force: true });
  const source = SourceCatalog.parse(generatedLibrary(books));
  const encoder = new TextEncoder();
  const generated = new Map([
    [source.library.floorPlan, encoder.encode(drawnFloorPlan(source.library, source.shelves))],
  ]);
  for (const [file, svg] of drawnCovers(source.books, 'id'))
    generated.set(file, encoder.encode(svg));

  const started = performance.now();
  const split = await buildCatalog({ sourceDir: out, outDir: out, source, generated, split: true });
  const buildSeconds = (performance.now() - started) / 1000;
  if (!split.ok) throw new Error(`split build failed: ${JSON.stringify(split.errors.slice(0, 3))}`);
  const single = await buildCatalog({
    sourceDir: out,
    outDir: out,
    source,
    generated,
    split: false,
    feedFile: 'single.json',
  });
  if (!single.ok) throw new Error('single build failed');

  const feedText = await readFile(path.join(out, 'catalog.json'), 'utf8');
  const url = `file://${path.join(out, 'catalog.json')}`;
  const [parsed, feedMs] = time(() => parseFeedText(feedText, url));
  if (!parsed.ok) throw new Error('split feed does not parse');
  const { catalog } = parsed;
  const index = indexCatalog(catalog);

  const pages = (await readdir(out)).filter((name) => name.startsWith('catalog.shelf-'));
  let largest = { raw: 0, gzip: 0, books: 0, name: '' };
  for (const name of pages) {
    const text = await readFile(path.join(out, name), 'utf8');
    if (Buffer.byteLength(text) > largest.raw) {
      largest = { ...sizes(text), books: 0, name };
    }
  }
  const pageText = await readFile(path.join(out, largest.name), 'utf8');
  const shelfId = largest.name.replace(/^catalog\.shelf-|\.json$/g, '');
  const [page, pageMs] = time(() =>
    parseShelfPage(pageText, `file://${path.join(out, largest.name)}`, catalog, index, shelfId),
  );
  if (!page.ok) throw new Error('shelf page does not parse');
  largest.books = page.value.length;

  const directoryText = await readFile(path.join(out, 'catalog.directory.json'), 'utf8');
  const [directory, directoryMs] = time(() => parseDirectory(directoryText, catalog));
  if (!directory.ok) throw new Error('directory does not parse');

  // The browse page's search (MiniSearch, as its worker runs it) over every book of the directory.
  const [searchIndex, indexMs] = time(() => buildSearchIndex(directory.value.map(documentOfEntry)));
  const savedText = serialiseSearchIndex(searchIndex);
  const [, savedLoadMs] = time(() => loadSearchIndex(savedText));
  const queries = [
    'tarsius',
    'laut bitung',
    'sondakh',
    '599',
    'kamus bahasa sangihe',
    'zzz',
    'pelabuhn',
    'sej',
  ];
  const times: number[] = [];
  for (let round = 0; round < 25; round++) {
    for (const query of queries) {
      const [, ms] = time(() => searchBooks(searchIndex, query));
      times.push(ms);
    }
  }
  times.sort((a, b) => a - b);

  return {
    books,
    buildSeconds,
    feed: sizes(feedText),
    singleFeed: sizes(await readFile(path.join(out, 'single.json'), 'utf8')),
    largestPage: { raw: largest.raw, gzip: largest.gzip, books: largest.books },
    directory: sizes(directoryText),
    parseMs: { feed: feedMs, page: pageMs, directory: directoryMs },
    searchMsP95: times[Math.floor(times.length * 0.95)] ?? 0,
    searchQueries: times.length,
    indexMs,
    savedIndex: { bytes: Buffer.byteLength(savedText), loadMs: savedLoadMs },
    budgetBytes: FIRST_LOAD_FEED_BUDGET_BYTES,
  };
}
