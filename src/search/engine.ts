/**
 * Full-text search over the catalog with MiniSearch: titles in every language, authors, subjects,
 * call numbers, DDC classes and descriptions; diacritics folded, prefixes matched as the visitor
 * types, one typo forgiven in words of five letters or more, results ranked (title first), and
 * filtered by shelf, availability and language. Pure: the worker and the tests use it alike.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { passesFilters, type SearchDocument, type SearchFilters } from './documents.ts';

export {
  documentOfBook,
  documentOfEntry,
  filtering,
  passesFilters,
  type SearchDocument,
  type SearchFilters,
} from './documents.ts';

/** Lower case without accents: "Exupéry" finds "exupery" and the other way round. */
export const foldTerm = (term: string): string =>
  term
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Words, and the parts of call numbers and classes ("899.221 HIR l" → "899", "221", "hir", "l"). */
const tokenize = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const FIELDS = ['title', 'authors', 'subjects', 'callNumber', 'ddc', 'description'] as const;

export type SearchIndex = MiniSearch<SearchDocument>;

/** Changes whenever the options below change, so that an index saved by an older app is rebuilt. */
export const SEARCH_ENGINE_VERSION = 'minisearch7/fields6/fold1';

const OPTIONS: Options<SearchDocument> = {
  fields: [...FIELDS],
  storeFields: ['shelfId', 'available', 'language', 'audience'],
  tokenize,
  processTerm: (term: string) => foldTerm(term) || null,
  searchOptions: {
    boost: { title: 3, authors: 2, callNumber: 2, subjects: 1.5 },
    prefix: true,
    // One edit forgiven in words of five letters or more; never in numbers ("02999" is exact).
    fuzzy: (term: string) => (term.length >= 5 && /^\p{L}+$/u.test(term) ? 1 : false),
    combineWith: 'AND',
  },
};

export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const index = new MiniSearch<SearchDocument>(OPTIONS);
  index.addAll(documents);
  return index;
}

/** The index as text, to be saved beside the feed (MiniSearch's own serialisation). */
export const serialiseSearchIndex = (index: SearchIndex): string => JSON.stringify(index);

/** An index saved by `serialiseSearchIndex`; throws when the text is not one. */
export function loadSearchIndex(text: string): SearchIndex {
  return MiniSearch.loadJSON<SearchDocument>(text, OPTIONS);
}

/** The ids of the books that match, best first, after the filters. */
export function searchBooks(
  index: SearchIndex,
  query: string,
  filters: SearchFilters = {},
): string[] {
  const results: SearchResult[] = index.search(query, {
    filter: (result) =>
      passesFilters(
        {
          shelfId: String(result['shelfId']),
          available: Number(result['available']),
          language: String(result['language']),
          audience: String(result['audience']),
        },
        filters,
      ),
  });
  return results.map((result) => String(result.id));
}
