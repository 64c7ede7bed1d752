/**
 * Search over the demo catalog's real books: misspelt words, English titles of Indonesian books,
 * parts of call numbers, folded diacritics, and filters.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import {
  buildSearchIndex,
  documentOfBook,
  passesFilters,
  searchBooks,
} from '../../src/search/engine.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
if (!parsed.ok) throw new Error('demo feed does not parse');
const { catalog } = parsed;
const index = buildSearchIndex(catalog.books.map(documentOfBook));

describe('search', () => {
  it("filters by who a book is for: the children's collection, not the books that say nothing", () => {
    const forChildren = catalog.books
      .filter((book) => passesFilters(documentOfBook(book), { audience: 'children' }))
      .map((book) => book.id);
    expect(forChildren.sort()).toEqual(
      catalog.books
        .filter((book) => book.shelfId === 'anak')
        .map((book) => book.id)
        .sort(),
    );
    expect(forChildren).toHaveLength(7);
    expect(searchBooks(index, 'laut', { audience: 'adults' })).toEqual([]);
    expect(searchBooks(index, 'pangeran', { audience: 'children' })).toEqual(['little-prince']);
  });

  it('forgives one typo in a longer word, but not in a short one', () => {
    expect(searchBooks(index, 'pelangy')[0]).toBe('laskar-pelangi');
    expect(searchBooks(index, 'nusantra')[0]).toBe('malay-archipelago');
    expect(searchBooks(index, 'lqut')).toEqual([]);
  });

  it('finds an Indonesian book by the English words of its title', () => {
    expect(searchBooks(index, 'rainbow troops')).toEqual(['laskar-pelangi']);
    expect(searchBooks(index, 'sinking')).toEqual(['van-der-wijck']);
  });

  it('finds books by part of a call number, and by the start of a word as it is typed', () => {
    const byClass = searchBooks(index, '2213');
    expect(byClass).toContain('laskar-pelangi');
    expect(byClass).toHaveLength(
      catalog.books.filter((book) => book.callNumber.includes('.2213')).length,
    );
    expect(searchBooks(index, 'hir')).toContain('laskar-pelangi');
    expect(searchBooks(index, 'laska')[0]).toBe('laskar-pelangi');
  });

  it('folds diacritics both ways and ranks a title match above a description match', () => {
    expect(searchBooks(index, 'saint exupery')).toContain('little-prince');
    // Two titles have "Laut"; they come before the books that only mention the sea.
    expect(searchBooks(index, 'laut').slice(0, 2).sort()).toEqual([
      'old-man-and-the-sea',
      'twenty-thousand-leagues',
    ]);
  });

  it('narrows by shelf, availability and language', () => {
    const all = searchBooks(index, '899');
    const available = searchBooks(index, '899', { availableOnly: true });
    expect(available.length).toBeLessThan(all.length);
    expect(available).not.toContain('bumi-manusia');
    const onShelf = searchBooks(index, 'sea', { shelfId: 'sains' });
    expect(onShelf[0]).toBe('sea-around-us');
    expect(onShelf.every((id) => catalog.books.find((b) => b.id === id)?.shelfId === 'sains')).toBe(
      true,
    );
    expect(searchBooks(index, 'sea').length).toBeGreaterThan(onShelf.length);
    expect(searchBooks(index, 'sitti', { language: 'en' })).toEqual([]);
  });
});
