/**
 * `catalog:import --covers`: downloads the cover pictures the catalogue has for books that have no
 * photograph yet, so `catalog:build` can draw them on pages and compile them into targets. A
 * failed or odd download is reported and the book keeps its drawn cover.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceCatalogData } from '../../src/domain/source/schema.ts';

const MAX_COVER_BYTES = 5 * 1024 * 1024;
const TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

async function fetchCover(url: string): Promise<{ bytes: Uint8Array; extension: string } | string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) return `HTTP ${String(response.status)}`;
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const extension = TYPES[type];
    if (!extension) return `not a picture (${type || 'no type'})`;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_COVER_BYTES) return `larger than 5 MB`;
    if (bytes.byteLength < 200) return 'empty picture';
    return { bytes, extension };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function downloadCovers(
  catalog: SourceCatalogData,
  into: string,
  log: (line: string) => void,
): Promise<{ catalog: SourceCatalogData; fetched: number; failed: number }> {
  const wanted = catalog.books.filter(
    (book) => !book.cover && !book.withdrawn && book.catalogue?.coverUrl,
  );
  const books = new Map(catalog.books.map((book) => [book.id, book]));
  let fetched = 0;
  let failed = 0;
  const queue = [...wanted];
  const worker = async () => {
    for (let book = queue.shift(); book; book = queue.shift()) {
      const result = await fetchCover(book.catalogue?.coverUrl as string);
      if (typeof result === 'string') {
        failed += 1;
        log(`  sampul / cover ${book.id}: ${result}`);
        continue;
      }
      const file = `covers/${book.id}.${result.extension}`;
      await mkdir(path.join(into, 'covers'), { recursive: true });
      await writeFile(path.join(into, file), result.bytes);
      books.set(book.id, { ...book, cover: file, track: true });
      fetched += 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  log(`Sampul diunduh / covers downloaded: ${String(fetched)}, gagal / failed: ${String(failed)}`);
  return {
    catalog: { ...catalog, books: catalog.books.map((book) => books.get(book.id) ?? book) },
    fetched,
    failed,
  };
}
