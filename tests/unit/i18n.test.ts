import { describe, expect, it } from 'vitest';
import { editorEn, editorId } from '../../src/i18n/editor-messages.ts';
import { en, id } from '../../src/i18n/messages.ts';
import { tourEn, tourId } from '../../src/i18n/tour-messages.ts';
import { languageFromBrowser, translate } from '../../src/i18n/translate.ts';

describe('interface texts', () => {
  it.each([
    ['app', id, en],
    ['editor', editorId, editorEn],
    ['tour', tourId, tourEn],
  ] as [string, Record<string, string>, Record<string, string>][])(
    'has every %s text in both languages, each with the same placeholders',
    (_, indonesian, english) => {
      expect(Object.keys(english).sort()).toEqual(Object.keys(indonesian).sort());
      const names = (text = '') => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(indonesian)) {
        expect(names(english[key]), key).toEqual(names(indonesian[key]));
      }
    },
  );

  it('fills placeholders and formats numbers in the reader language', () => {
    expect(translate('id', 'book.available', { available: 2, copies: 3 })).toBe(
      '2 dari 3 eksemplar tersedia',
    );
    expect(translate('en', 'book.available', { available: 2, copies: 3 })).toBe(
      '2 of 3 copies available',
    );
    expect(
      translate('id', 'about.counts', { books: 1200, shelves: 6, stories: 14, tours: 3 }),
    ).toContain('1.200 buku');
    expect(
      translate('en', 'about.counts', { books: 1200, shelves: 6, stories: 14, tours: 3 }),
    ).toContain('1,200 books');
    // Small counts skip the formatter; fractions and large numbers still go through it.
    expect(translate('id', 'home.booksOnShelf', { count: 999 })).toBe('999 buku');
    expect(translate('id', 'home.booksOnShelf', { count: 2.5 })).toBe('2,5 buku');
    expect(translate('id', 'home.booksOnShelf', { count: 1000 })).toBe('1.000 buku');
  });

  it('chooses Bahasa Indonesia unless the browser prefers English', () => {
    expect(languageFromBrowser(['en-US', 'en'])).toBe('en');
    expect(languageFromBrowser(['id-ID'])).toBe('id');
    expect(languageFromBrowser(['fr-FR', 'en-GB'])).toBe('en');
    expect(languageFromBrowser(['fr-FR'])).toBe('id');
    expect(languageFromBrowser([])).toBe('id');
  });
});
