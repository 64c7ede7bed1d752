/**
 * What the search index holds of a book, and the filters: plain data and functions without
 * MiniSearch, so the browse page can use them without loading the engine (it runs in a worker).
 */
import { groupsOf, type AudienceGroup } from '../domain/audience.ts';
import type { Book, DirectoryEntry } from '../domain/catalog.ts';

/** One book as the index sees it (from the feed's books, or a split feed's directory). */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly authors: string;
  readonly subjects: string;
  readonly callNumber: string;
  readonly ddc: string;
  readonly description: string;
  readonly shelfId: string;
  readonly available: number;
  readonly language: string;
  /** The age groups the book is for, space-separated; empty when the catalogue does not say. */
  readonly audience: string;
}

export interface SearchFilters {
  readonly shelfId?: string;
  readonly availableOnly?: boolean;
  readonly language?: string;
  readonly audience?: AudienceGroup;
}

/** Whether a document passes the filters (the same test with and without words to search). */
export function passesFilters(
  document: Pick<SearchDocument, 'shelfId' | 'available' | 'language' | 'audience'>,
  filters: SearchFilters,
): boolean {
  return (
    (!filters.shelfId || document.shelfId === filters.shelfId) &&
    (!filters.availableOnly || document.available > 0) &&
    (!filters.language || document.language === filters.language) &&
    (!filters.audience || document.audience.split(' ').includes(filters.audience))
  );
}

/** Whether any filter is set. */
export const filtering = (filters: SearchFilters): boolean =>
  Boolean(filters.shelfId || filters.availableOnly || filters.language || filters.audience);

const joinText = (map: Readonly<Record<string, string>> | undefined) =>
  map ? Object.values(map).join(' ') : '';

export function documentOfBook(book: Book): SearchDocument {
  return {
    id: book.id,
    title: joinText(book.title),
    authors: book.authors.join(' '),
    subjects: book.subjects.map((subject) => joinText(subject.name)).join(' '),
    callNumber: book.callNumber,
    ddc: book.ddc ?? '',
    description: joinText(book.description),
    shelfId: book.shelfId,
    available: book.available,
    language: book.language ?? '',
    audience: book.audience ? groupsOf(book.audience).join(' ') : '',
  };
}

export function documentOfEntry(entry: DirectoryEntry): SearchDocument {
  return {
    id: entry.id,
    title: joinText(entry.title),
    authors: entry.authors.join(' '),
    subjects: '',
    callNumber: entry.callNumber,
    ddc: entry.ddc ?? '',
    description: '',
    shelfId: entry.shelfId,
    available: entry.available,
    language: entry.language ?? '',
    audience: entry.audience ? groupsOf(entry.audience).join(' ') : '',
  };
}
