/**
 * A large catalog published as a split feed (schema 1.2): the feed keeps the library, shelves,
 * stories, tours, events, target sets and every book that carries AR or that something names; the
 * other books go into one OPDS 2.0 page per shelf, and a directory lists every book in short. A
 * visitor's first load is then the small feed, whatever the size of the collection.
 */
import type { Catalog } from '../catalog.ts';
import { directoryRow } from '../feed/pages.ts';
import type { FeedInput } from '../feed/schema.ts';

/** Past this many books `catalog:build` splits the feed unless told otherwise. */
export const SPLIT_FROM_BOOKS = 500;

/**
 * What a split feed's first load may download as the feed, whatever the size of the collection
 * (uncompressed; a 10,000-book library without authored AR needs about 8 KB of it).
 */
export const FIRST_LOAD_FEED_BUDGET_BYTES = 64 * 1024;

/** Feeds up to this many characters are written indented, for the people who read them. */
export const INDENTED_FEED_MAX_CHARS = 1024 * 1024;

/**
 * A feed's text as published: indented while it is small enough to read, compact past that, where
 * indentation is about a third of the text (10,000 books: 14.4 MB indented, 9.9 MB compact), and
 * every visit reads, stores and checks it again.
 */
export function feedText(feed: FeedInput): string {
  const indented = `${JSON.stringify(feed, null, 1)}\n`;
  return indented.length <= INDENTED_FEED_MAX_CHARS ? indented : `${JSON.stringify(feed)}\n`;
}

export interface FileRef {
  readonly href: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
}

export interface SplitFeed {
  readonly feed: FeedInput;
  /** File name (beside the feed) to its text. */
  readonly files: ReadonlyMap<string, string>;
}

type Publication = FeedInput['publications'][number];

/** Ids of the books that must stay in the feed itself: their targets, models and links live there. */
export function booksKeptInFeed(catalog: Catalog): Set<string> {
  const keep = new Set<string>();
  for (const book of catalog.books) {
    if (book.target || book.model || book.storyIds.length > 0) keep.add(book.id);
  }
  for (const shelf of catalog.shelves) for (const id of shelf.highlights) keep.add(id);
  for (const story of catalog.stories) for (const id of story.books) keep.add(id);
  for (const tour of catalog.tours) {
    for (const stop of tour.stops) if (stop.find.kind === 'book') keep.add(stop.find.id);
  }
  return keep;
}

/**
 * Splits a built feed. `catalog` is the same feed after `parseFeed` (so it is valid); `describe`
 * hashes and measures a file's text; `feedFile` is the feed's own file name, e.g. `catalog.json`.
 */
export function splitFeed(
  feed: FeedInput,
  catalog: Catalog,
  feedFile: string,
  describe: (file: string, text: string) => FileRef,
): SplitFeed {
  const keep = booksKeptInFeed(catalog);
  const base = feedFile.replace(/\.json$/i, '');
  const lang = catalog.library.languages[0] ?? 'id';
  const files = new Map<string, string>();

  const byShelf = new Map<string, Publication[]>();
  const kept: Publication[] = [];
  for (const publication of feed.publications) {
    if (keep.has(publication.ar.id)) {
      kept.push(publication);
      continue;
    }
    const list = byShelf.get(publication.ar.shelf) ?? [];
    list.push(publication);
    byShelf.set(publication.ar.shelf, list);
  }

  const pageRefs = new Map<string, FileRef & { count: number }>();
  for (const shelf of feed.ar.shelves) {
    const publications = byShelf.get(shelf.id);
    if (!publications) continue;
    // Beside the feed, so the relative addresses of covers resolve the same way in both.
    const file = `${base}.shelf-${shelf.id}.json`;
    const label = shelf.label[lang] ?? Object.values(shelf.label)[0] ?? shelf.id;
    const text = `${JSON.stringify({
      metadata: { title: label, modified: feed.metadata.modified },
      links: [
        { rel: 'self', href: file, type: 'application/opds+json' },
        { rel: 'up', href: feedFile, type: 'application/opds+json' },
      ],
      publications,
    })}\n`;
    files.set(file, text);
    pageRefs.set(shelf.id, { ...describe(file, text), count: publications.length });
  }

  const directoryFile = `${base}.directory.json`;
  const directoryText = `${JSON.stringify({
    lensaPustakaDirectory: 1,
    books: catalog.books.map((book) => directoryRow(book, lang)),
  })}\n`;
  files.set(directoryFile, directoryText);

  const shelves = feed.ar.shelves.map((shelf) => {
    const page = pageRefs.get(shelf.id);
    return page ? { ...shelf, books: page } : shelf;
  });
  return {
    feed: {
      ...feed,
      publications: kept,
      // OPDS readers browse by shelf through the pages instead of 10,000 navigation links.
      groups: feed.ar.shelves.map((shelf) => ({
        metadata: { title: shelf.label[lang] ?? Object.values(shelf.label)[0] ?? shelf.id },
        navigation: pageRefs.has(shelf.id)
          ? [
              {
                href: pageRefs.get(shelf.id)?.href ?? '',
                title: shelf.label[lang] ?? shelf.id,
                type: 'application/opds+json',
              },
            ]
          : [],
      })),
      ar: {
        ...feed.ar,
        shelves,
        directory: {
          ...describe(directoryFile, directoryText),
          count: catalog.books.length,
        },
      },
    },
    files,
  };
}
