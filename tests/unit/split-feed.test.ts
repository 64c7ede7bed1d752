/**
 * A split feed (schema 1.2): the feed keeps what carries AR, each shelf's other books are a page
 * fetched when the shelf is opened, and a directory lists every book. The store brings pages into
 * the catalog; the parsers refuse pages that do not belong to the feed.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { indexCatalog, shelfBookCount, bookCount } from '../../src/domain/catalog.ts';
import { parseDirectory, parseShelfPage } from '../../src/domain/feed/pages.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import type { FeedInput } from '../../src/domain/feed/schema.ts';
import {
  booksKeptInFeed,
  feedText,
  INDENTED_FEED_MAX_CHARS,
  splitFeed,
} from '../../src/domain/source/split.ts';
import { readFeed } from '../../src/data/feed-read.ts';
import { documentOfEntry, passesFilters } from '../../src/search/engine.ts';
import { createCatalogStore } from '../../src/state/catalog-store.ts';
import { demoFeed } from '../helpers/demo-feed.ts';

const BASE = 'https://perpustakaan.example/';
const FEED = `${BASE}catalog.json`;

/** The demo feed with `extra` plain books (no target, model or story) on its first shelf. */
function bigFeed(extra: number): FeedInput {
  const feed = demoFeed();
  const template = feed.publications.find((p: any) => !p.ar.target) ?? feed.publications[0];
  const shelf = feed.ar.shelves[0].id as string;
  for (let i = 0; i < extra; i++) {
    const copy = structuredClone(template);
    const number = String(i + 1).padStart(4, '0');
    copy.ar.id = `buku-${number}`;
    copy.metadata.title = { id: `Buku Nomor ${number}`, en: `Book Number ${number}` };
    copy.ar.callNumber = `577 BUK ${number}`;
    copy.ar.shelf = shelf;
    delete copy.ar.target;
    delete copy.ar.overlays.model;
    copy.ar.overlays.stories = [];
    feed.publications.push(copy);
  }
  return feed as FeedInput;
}

function split(feed: FeedInput) {
  const whole = parseFeed(feed, FEED);
  if (!whole.ok) throw new Error(JSON.stringify(whole.errors.slice(0, 3)));
  const parts = splitFeed(feed, whole.catalog, 'catalog.json', (file, text) => ({
    href: file,
    type: 'application/json',
    size: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  }));
  const main = parseFeed(parts.feed, FEED);
  if (!main.ok) throw new Error(JSON.stringify(main.errors.slice(0, 3)));
  return { whole: whole.catalog, parts, main: main.catalog };
}

describe('a split feed', () => {
  const feed = bigFeed(600);
  const { whole, parts, main } = split(feed);
  const firstShelf = main.shelves[0];

  it('keeps every book with a target, model or story in the feed and moves the rest to pages', () => {
    const kept = booksKeptInFeed(whole);
    expect(kept.size).toBeGreaterThan(0);
    expect(main.books.map((book) => book.id).sort()).toEqual([...kept].sort());
    expect(main.books.some((book) => book.id.startsWith('buku-'))).toBe(false);
    expect(main.targetSets).toEqual(whole.targetSets);
    expect(bookCount(main)).toBe(whole.books.length);
    // The first load is the feed alone: a small part of the single file.
    expect(JSON.stringify(parts.feed).length).toBeLessThan(JSON.stringify(feed).length / 5);
  });

  it('has a page for the shelf whose books moved, and its books read back unchanged', () => {
    expect(firstShelf?.books?.count).toBeGreaterThanOrEqual(600);
    const name = new URL(firstShelf?.books?.href ?? '').pathname.slice(1);
    const index = indexCatalog(main);
    const page = parseShelfPage(
      parts.files.get(name) ?? '',
      `${BASE}${name}`,
      main,
      index,
      firstShelf?.id ?? '',
    );
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const original = whole.books.find((book) => book.id === 'buku-0042');
    expect(page.value.find((book) => book.id === 'buku-0042')).toEqual(original);
  });

  it('lists every book in the directory with its shelf and call number', () => {
    const directory = parseDirectory(parts.files.get('catalog.directory.json') ?? '', main);
    expect(directory.ok).toBe(true);
    if (!directory.ok) return;
    expect(directory.value).toHaveLength(whole.books.length);
    expect(directory.value.find((entry) => entry.id === 'buku-0600')).toMatchObject({
      title: { id: 'Buku Nomor 0600', en: 'Book Number 0600' },
      callNumber: '577 BUK 0600',
      shelfId: firstShelf?.id,
    });
  });

  it('says in the directory who a book is for, so a split feed can be filtered by age', () => {
    const directory = parseDirectory(parts.files.get('catalog.directory.json') ?? '', main);
    if (!directory.ok) throw new Error('directory');
    const forChildren = whole.books.filter((book) => book.audience?.maxAge === 12);
    expect(forChildren.length).toBeGreaterThan(0);
    for (const book of forChildren) {
      expect(directory.value.find((entry) => entry.id === book.id)?.audience).toEqual({
        maxAge: 12,
      });
    }
    // Books that do not say carry no 11th field: a feed without ages is unchanged.
    const text = parts.files.get('catalog.directory.json') ?? '';
    const rows = (JSON.parse(text) as { books: unknown[][] }).books;
    expect(rows.find((row) => row[0] === 'buku-0042')).toHaveLength(10);
    const children = directory.value
      .filter((entry) => passesFilters(documentOfEntry(entry), { audience: 'children' }))
      .map((entry) => entry.id)
      .sort();
    expect(children).toEqual(forChildren.map((book) => book.id).sort());
  });

  it('refuses a page whose books belong elsewhere, repeat the feed, or carry a target', () => {
    const index = indexCatalog(main);
    const name = new URL(firstShelf?.books?.href ?? '').pathname.slice(1);
    const page = JSON.parse(parts.files.get(name) ?? '{}');
    const wrongShelf = structuredClone(page);
    wrongShelf.publications[0].ar.shelf = main.shelves[1]?.id;
    const repeated = structuredClone(page);
    repeated.publications.push(feed.publications[0]);
    const targeted = structuredClone(page);
    targeted.publications[0].ar.target = { set: 'rak-x', index: 0 };
    for (const bad of [wrongShelf, repeated, targeted]) {
      const result = parseShelfPage(
        JSON.stringify(bad),
        `${BASE}${name}`,
        main,
        index,
        firstShelf?.id ?? '',
      );
      expect(result.ok).toBe(false);
    }
  });

  it('never throws on any page or directory text, and ends with a message', () => {
    const index = indexCatalog(main);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const page = parseShelfPage(text, `${BASE}x.json`, main, index, firstShelf?.id ?? '');
        const directory = parseDirectory(text, main);
        if (!page.ok) expect(page.errors[0]?.message.id).toBeTruthy();
        if (!directory.ok) expect(directory.errors[0]?.message.en).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a split feed without its directory', () => {
    const withoutDirectory = structuredClone(parts.feed) as any;
    delete withoutDirectory.ar.directory;
    const result = parseFeed(withoutDirectory, FEED);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('$.ar.directory');
  });

  it('the store brings a shelf page and the directory in when asked, and says why when it cannot', async () => {
    const files = new Map([...parts.files].map(([name, text]) => [`${BASE}${name}`, text]));
    const loadBookFile = vi.fn((file: { href: string }) => {
      const url = new URL(file.href);
      url.search = '';
      const text = files.get(url.href);
      return Promise.resolve(
        text === undefined
          ? ({ ok: false, problem: 'offline' } as const)
          : { ok: true as const, text },
      );
    });
    const mainText = JSON.stringify(parts.feed);
    const store = createCatalogStore({
      defaultUrl: FEED,
      fetchFeed: (url) => {
        const read = readFeed(mainText, url);
        return Promise.resolve(read.ok ? { ...read, finalUrl: url } : read);
      },
      readFeed,
      loadSaved: () => Promise.resolve(undefined),
      save: () => Promise.resolve(true),
      libraries: { read: () => [], write: () => undefined },
      rememberFeedUrl: () => undefined,
      now: () => new Date('2026-11-30T10:00:00Z'),
      loadBookFile,
    });
    await store.getState().launch(undefined, undefined);
    const shelf = store.getState().catalog?.shelves[0];
    if (!shelf) throw new Error('no shelf');
    expect(store.getState().index?.books.has('buku-0042')).toBe(false);
    expect(shelfBookCount(store.getState().index ?? indexCatalog(main), shelf)).toBe(
      whole.books.filter((book) => book.shelfId === shelf.id).length,
    );
    expect(loadBookFile).not.toHaveBeenCalled();

    const loading = store.getState().loadShelfBooks(shelf.id);
    expect(store.getState().shelfPages[shelf.id]).toEqual({ state: 'loading' });
    await loading;
    const index = store.getState().index;
    expect(index?.books.get('buku-0042')?.callNumber).toBe('577 BUK 0042');
    expect(index?.loadedShelves.has(shelf.id)).toBe(true);
    expect(shelfBookCount(index ?? indexCatalog(main), shelf)).toBe(
      whole.books.filter((book) => book.shelfId === shelf.id).length,
    );
    await store.getState().loadShelfBooks(shelf.id);
    expect(loadBookFile).toHaveBeenCalledTimes(1);

    await store.getState().loadDirectory();
    expect(store.getState().directory).toHaveLength(whole.books.length);

    files.clear();
    await store.getState().open(FEED);
    expect(store.getState().index?.books.has('buku-0042')).toBe(false);
    await store.getState().loadShelfBooks(shelf.id);
    expect(store.getState().shelfPages[shelf.id]).toEqual({ state: 'failed', problem: 'offline' });
    expect(store.getState().catalog?.books.length).toBe(main.books.length);
  });
});

describe('a published feed text', () => {
  it('is indented while it is small enough to read, and compact for a large library', () => {
    const small = demoFeed() as FeedInput;
    const smallText = feedText(small);
    expect(smallText).toContain('\n "metadata": {');
    expect(JSON.parse(smallText)).toEqual(small);

    // 2,000 books unsplit (the 10,000-cover bench library's feed is 14.4 MB indented).
    const large = bigFeed(2000);
    const indented = JSON.stringify(large, null, 1).length;
    const largeText = feedText(large);
    expect(indented).toBeGreaterThan(INDENTED_FEED_MAX_CHARS);
    expect(largeText.length).toBeLessThan(indented * 0.8);
    expect(largeText.split('\n')).toHaveLength(2);
    const read = readFeed(largeText, FEED);
    expect(read.ok && bookCount(read.catalog)).toBe(large.publications.length);
  });
});
