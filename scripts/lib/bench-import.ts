/**
 * Import figures for `npm run bench`: 50,000 generated MARC 21 records read, mapped and merged
 * (goal: under 30 s here, with the reader's memory flat), and a harvest of 10,000 Dublin Core
 * records in pages of 100 from a local OAI-PMH server.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { mergeRecords } from '../../src/domain/import/merge.ts';
import { SourceCatalog } from '../../src/domain/source/schema.ts';
import { readCatalogue } from './catalog-import.ts';
import { startFixtureServer } from './oai-fixture-server.ts';

const FIELD_END = '\x1e';
const SUBFIELD = '\x1f';

/** One ISO 2709 record (the bench's generator; the importer reads it with marcjs). */
function marcRecord(fields: [string, string][]): Buffer {
  const bodies = fields.map(([, body]) => Buffer.from(body + FIELD_END, 'utf8'));
  let offset = 0;
  const directory = fields
    .map(([tag], i) => {
      const length = (bodies[i] as Buffer).length;
      const entry = `${tag}${String(length).padStart(4, '0')}${String(offset).padStart(5, '0')}`;
      offset += length;
      return entry;
    })
    .join('');
  const base = 24 + directory.length + 1;
  const total = base + offset + 1;
  const leader = `${String(total).padStart(5, '0')}nam a22${String(base).padStart(5, '0')} a 4500`;
  return Buffer.concat([
    Buffer.from(leader + directory + FIELD_END, 'utf8'),
    ...bodies,
    Buffer.from('\x1d'),
  ]);
}

const WORDS = [
  'laut',
  'Lembeh',
  'Tangkoko',
  'Minahasa',
  'Sangihe',
  'tarsius',
  'perahu',
  'ikan',
  'hutan',
  'cerita',
  'sejarah',
  'budaya',
];

function isbn13For(n: number): string {
  const body = `978602${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${String((10 - (sum % 10)) % 10)}`;
}

function generated(n: number): Buffer {
  const word = (k: number) => WORDS[(n * 7 + k) % WORDS.length] as string;
  const ddc = `${String((n * 37) % 1000).padStart(3, '0')}.${String(n % 97)}`;
  return marcRecord([
    ['001', `GEN${String(n)}`],
    ['008', '200101s2020    io            000 0 ind  '],
    ['020', `  ${SUBFIELD}a${isbn13For(n)}`],
    ['082', `04${SUBFIELD}a${ddc}${SUBFIELD}223`],
    ['084', `  ${SUBFIELD}a${ddc} ${word(1).slice(0, 3).toUpperCase()} ${word(2).slice(0, 1)}`],
    ['100', `1 ${SUBFIELD}a${word(1)}, ${word(3)}`],
    ['245', `10${SUBFIELD}a${word(2)} ${word(4)} ${word(5)} /${SUBFIELD}c${word(3)} ${word(1)}`],
    ['264', ` 1${SUBFIELD}aBitung :${SUBFIELD}bPenerbit ${word(6)},${SUBFIELD}c2020.`],
    ['650', ` 4${SUBFIELD}a${word(7)}`],
    ['990', `  ${SUBFIELD}a${String(n)}/1`],
  ]);
}

async function writeMarcFile(file: string, count: number): Promise<void> {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (let n = 1; n <= count; n++) {
    if (!out.write(generated(n)))
      await new Promise<void>((resolve) =>
        out.once('drain', () => {
          resolve();
        }),
      );
  }
  await new Promise<void>((resolve) =>
    out.end(() => {
      resolve();
    }),
  );
}

function dcPage(from: number, count: number, total: number): string {
  const records: string[] = [];
  for (let n = from; n < Math.min(from + count, total); n++) {
    records.push(
      `<record><header><identifier>oai:bench:slims-${String(n)}</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header><metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Buku ${String(n)} tentang ${WORDS[n % WORDS.length] ?? ''}</dc:title><dc:creator>Penulis, Nama ${String(n % 500)}</dc:creator><dc:subject>${String((n * 37) % 1000).padStart(3, '0')}.1 23</dc:subject><dc:identifier>http://bench.invalid/index.php?p=show_detail&amp;id=${String(n)}</dc:identifier><dc:identifier>${isbn13For(n)}</dc:identifier><dc:identifier>${String((n * 37) % 1000).padStart(3, '0')}.1 PEN b</dc:identifier><dc:language>ind</dc:language></oai_dc:dc></metadata></record>`,
    );
  }
  const next =
    from + count < total
      ? `<resumptionToken completeListSize="${String(total)}" cursor="${String(from)}">${String(from + count)}____oai_dc</resumptionToken>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-30T00:00:00Z</responseDate><request verb="ListRecords">http://bench.invalid/oai2.php</request><ListRecords>${records.join('')}${next}</ListRecords></OAI-PMH>`;
}

const everyShelf = SourceCatalog.parse({
  title: { id: 'Bench' },
  library: {
    name: { id: 'Bench' },
    address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
    languages: ['id'],
    floorPlan: 'denah.svg',
  },
  shelves: Array.from({ length: 10 }, (_, i) => ({
    id: `rak-${String(i)}`,
    label: { id: `Rak ${String(i)}` },
    ddc: { from: `${String(i)}00`, to: `${String(i)}99` },
    position: { x: i * 10, y: 0 },
  })),
  books: [],
});

export interface ImportFigures {
  readonly marc: {
    records: number;
    seconds: number;
    mergeSeconds: number;
    heapMbAt10k: number;
    heapMbAtEnd: number;
    readerHeapMb: number;
  };
  readonly harvest: { records: number; pages: number; seconds: number };
}

export async function benchImport(cacheDir: string): Promise<ImportFigures> {
  const file = path.join(cacheDir, 'bench-50000.mrc');
  await writeMarcFile(file, 50_000);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapAt10k = 0;
  let readerPeak = 0;
  const started = performance.now();
  const read = await readCatalogue('marc', file, {
    onProgress: (records) => {
      const heap = process.memoryUsage().heapUsed - heapBefore;
      if (records >= 10_000 && heapAt10k === 0) heapAt10k = heap;
      readerPeak = Math.max(readerPeak, heap);
    },
  });
  const readSeconds = (performance.now() - started) / 1000;
  const mergeStarted = performance.now();
  const merged = mergeRecords(everyShelf, read.records, {
    from: file,
    system: read.system,
    importedAt: new Date().toISOString(),
    complete: true,
  });
  const mergeSeconds = (performance.now() - mergeStarted) / 1000;
  const heapAtEnd = process.memoryUsage().heapUsed - heapBefore;
  if (merged.catalog.books.length !== 50_000)
    throw new Error(`merged ${String(merged.catalog.books.length)} of 50,000`);

  const total = 10_000;
  const server = await startFixtureServer((url) => {
    const token = url.searchParams.get('resumptionToken');
    return { body: dcPage(token ? Number.parseInt(token, 10) : 0, 100, total) };
  });
  let pages = 0;
  const harvestStarted = performance.now();
  const harvested = await readCatalogue('oai', `${server.url}/oai2.php`, {
    onPage: () => (pages += 1),
  });
  const harvestSeconds = (performance.now() - harvestStarted) / 1000;
  await server.close();
  return {
    marc: {
      records: read.records.length,
      seconds: readSeconds + mergeSeconds,
      mergeSeconds,
      heapMbAt10k: heapAt10k / 2 ** 20,
      heapMbAtEnd: heapAtEnd / 2 ** 20,
      readerHeapMb: readerPeak / 2 ** 20,
    },
    harvest: { records: harvested.records.length, pages, seconds: harvestSeconds },
  };
}
