// @vitest-environment jsdom
/**
 * The search index kept on the device between visits: it answers exactly as a freshly built one,
 * it is used only for the same books and engine, and a damaged copy is rebuilt, never trusted.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadSearchIndexText, saveSearchIndexText } from '../../src/data/search-cache.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import {
  buildSearchIndex,
  documentOfBook,
  searchBooks,
  serialiseSearchIndex,
} from '../../src/search/engine.ts';
import { fingerprintOf, indexFrom } from '../../src/search/saved-index.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
if (!parsed.ok) throw new Error('demo feed does not parse');
const documents = parsed.catalog.books.map(documentOfBook);
const QUERIES = ['pelangy', 'nusantra', '899.221', 'laut', 'sea', 'exupery', 'sej'];

describe('the saved search index', () => {
  it('answers every question as the index built from the books does, filters included', () => {
    const built = buildSearchIndex(documents);
    const { index, from } = indexFrom(documents, serialiseSearchIndex(built));
    expect(from).toBe('saved');
    for (const query of QUERIES) {
      expect(searchBooks(index, query)).toEqual(searchBooks(built, query));
      expect(searchBooks(index, query, { availableOnly: true })).toEqual(
        searchBooks(built, query, { availableOnly: true }),
      );
    }
    expect(searchBooks(index, 'pelangy')[0]).toBe('laskar-pelangi');
  });

  it('is rebuilt from the books when the copy is damaged or not an index', () => {
    const text = serialiseSearchIndex(buildSearchIndex(documents));
    for (const damaged of [text.slice(0, text.length / 2), '{}', 'null', '[]', '']) {
      const { index, from } = indexFrom(documents, damaged);
      expect(from).toBe('books');
      expect(searchBooks(index, 'pelangy')[0]).toBe('laskar-pelangi');
    }
  });

  it('belongs to the books it was built from: one changed book changes the fingerprint', async () => {
    const same = await fingerprintOf(documents.map((d) => ({ ...d })));
    expect(same).toBe(await fingerprintOf(documents));
    const changed = documents.map((d, i) => (i === 3 ? { ...d, available: d.available + 1 } : d));
    expect(await fingerprintOf(changed)).not.toBe(same);
  });

  it('is kept on the device and handed back only for the same fingerprint', async () => {
    const text = serialiseSearchIndex(buildSearchIndex(documents));
    expect(await saveSearchIndexText('a'.repeat(64), text)).toBe(true);
    expect(await loadSearchIndexText('a'.repeat(64))).toBe(text);
    expect(await loadSearchIndexText('b'.repeat(64))).toBeUndefined();
    // One index is kept: a later feed's replaces it.
    expect(await saveSearchIndexText('b'.repeat(64), '{"other":1}')).toBe(true);
    expect(await loadSearchIndexText('a'.repeat(64))).toBeUndefined();
  });
});
