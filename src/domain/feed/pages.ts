/**
 * The other files of a split feed (schema 1.2), validated at the same boundary as the feed: a
 * shelf's page of books (an OPDS 2.0 feed of publications) and the directory, a short line per book
 * for browsing and search. A 10,000-book library opens with a small feed; a shelf's books arrive
 * when the shelf, or one of its books, is opened. Both parsers are total, like `parseFeed`.
 */
import { z } from 'zod';
import {
  feedLanguage,
  toBook,
  type Book,
  type Catalog,
  type CatalogIndex,
  type DirectoryEntry,
} from '../catalog.ts';
import { fromZodIssues, issue, type FeedIssue } from './issues.ts';
import { FEED_LIMITS as LIMIT } from './limits.ts';
import { readJson, tooDeep } from './parse.ts';
import { publicationChecks } from './references.ts';
import { Id, LangMapOrString, Link, Publication } from './schema.ts';

const Name = z.string().min(1).max(LIMIT.shortText);
const Count = z.number().int().min(0).max(100_000);

export const ShelfPageFeed = z.object({
  metadata: z.object({ title: LangMapOrString, modified: z.string().max(64).optional() }),
  links: z.array(Link).max(LIMIT.listItems).default([]),
  publications: z.array(Publication).max(LIMIT.books, { error: 'lp.too_many_books' }),
});

/** One book in the directory: a tuple, because 10,000 of them travel to the phone. */
const AGE = z.number().int().min(0).max(120);

export const DirectoryRow = z.tuple([
  Id,
  LangMapOrString,
  z.array(Name).max(LIMIT.listItems),
  Name,
  Id,
  z.number().int().min(0).max(2100).nullable(),
  z.string().max(LIMIT.shortText).nullable(),
  z.string().max(35).nullable(),
  Count,
  Count,
  // 1.2, optional: who the book is for, [minAge, maxAge] (either null when open), for the filter.
  z.tuple([AGE.nullable(), AGE.nullable()]).optional(),
]);
export type DirectoryRowData = z.output<typeof DirectoryRow>;

export const DirectoryFile = z.object({
  lensaPustakaDirectory: z.literal(1),
  books: z.array(DirectoryRow).max(LIMIT.directoryBooks),
});
export type DirectoryFileData = z.output<typeof DirectoryFile>;

export type PageResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly FeedIssue[] };

const failed = (path: string, id: string, en: string): PageResult<never> => ({
  ok: false,
  errors: [issue(path, id, en)],
});

/** JSON text, bounded in size and depth; the shared first steps of both files. */
function readBounded(text: string, maxBytes: number): PageResult<unknown> {
  if (text.length > maxBytes) {
    return failed('$', 'berkas daftar buku terlalu besar', 'the book list file is too large');
  }
  const json = readJson(text);
  if (!json.ok) return { ok: false, errors: [json.issue] };
  const deep = tooDeep(json.value, LIMIT.depth);
  if (deep !== null) {
    return failed(
      deep.slice(0, 120),
      'berkas bersarang terlalu dalam',
      'the file is nested too deeply',
    );
  }
  return { ok: true, value: json.value };
}

const total = <T>(work: () => PageResult<T>): PageResult<T> => {
  try {
    return work();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(
      '$',
      `berkas tidak dapat dibaca (${detail.slice(0, 200)})`,
      `the file cannot be read (${detail.slice(0, 200)})`,
    );
  }
};

/**
 * A shelf's page of books, checked against the catalog it belongs to: every book on this shelf,
 * none already in the feed, none with a target (targets live in the feed, beside their sets).
 */
export function parseShelfPage(
  text: string,
  pageUrl: string,
  catalog: Catalog,
  index: CatalogIndex,
  shelfId: string,
): PageResult<readonly Book[]> {
  return total<readonly Book[]>(() => {
    const json = readBounded(text, LIMIT.feedBytes);
    if (!json.ok) return json;
    const parsed = ShelfPageFeed.safeParse(json.value);
    if (!parsed.success) {
      return { ok: false, errors: fromZodIssues(parsed.error.issues, json.value).slice(0, 20) };
    }
    const storyIds = new Set(catalog.stories.map((story) => story.id));
    const seen = new Set<string>();
    const errors: FeedIssue[] = [];
    parsed.data.publications.forEach((publication, i) => {
      const book = publication.ar;
      const path = `$.publications[${i}]`;
      if (book.shelf !== shelfId) {
        errors.push(
          issue(
            `${path}.ar.shelf`,
            `buku "${book.id}" ada di halaman rak "${shelfId}" tetapi tercatat di rak "${book.shelf}"`,
            `book "${book.id}" is on the page of shelf "${shelfId}" but belongs to shelf "${book.shelf}"`,
          ),
        );
      }
      if (seen.has(book.id) || index.books.has(book.id)) {
        errors.push(
          issue(
            `${path}.ar.id`,
            `id buku "${book.id}" dipakai lebih dari sekali`,
            `book id "${book.id}" is used more than once`,
          ),
        );
      }
      seen.add(book.id);
      if (book.target) {
        errors.push(
          issue(
            `${path}.ar.target`,
            'buku bertarget harus ada di umpan utama, bukan di halaman rak',
            'a book with a target belongs in the main feed, not in a shelf page',
          ),
        );
      }
      errors.push(...publicationChecks(publication, path));
      book.overlays.stories.forEach((storyId, j) => {
        if (!storyIds.has(storyId)) {
          errors.push(
            issue(
              `${path}.ar.overlays.stories[${j}]`,
              `cerita "${storyId}" tidak ada di katalog`,
              `story "${storyId}" is not in the catalog`,
            ),
          );
        }
      });
    });
    if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) };
    const lang = feedLanguage(catalog);
    const template = catalog.library.catalogue?.opacTemplate;
    return {
      ok: true,
      value: parsed.data.publications.map((publication) =>
        toBook(publication, lang, pageUrl, template),
      ),
    };
  });
}

/** The directory of every book, checked against the catalog's shelves. */
export function parseDirectory(
  text: string,
  catalog: Catalog,
): PageResult<readonly DirectoryEntry[]> {
  return total<readonly DirectoryEntry[]>(() => {
    const json = readBounded(text, 16 * 1024 * 1024);
    if (!json.ok) return json;
    const parsed = DirectoryFile.safeParse(json.value);
    if (!parsed.success) {
      return { ok: false, errors: fromZodIssues(parsed.error.issues, json.value).slice(0, 20) };
    }
    const shelves = new Set(catalog.shelves.map((shelf) => shelf.id));
    const lang = feedLanguage(catalog);
    const entries: DirectoryEntry[] = [];
    const seen = new Set<string>();
    for (const [i, row] of parsed.data.books.entries()) {
      const [
        id,
        title,
        authors,
        callNumber,
        shelfId,
        year,
        ddc,
        language,
        copies,
        available,
        ages,
      ] = row;
      if (!shelves.has(shelfId)) {
        return failed(
          `$.books[${i}][4]`,
          `rak "${shelfId}" tidak ada di katalog`,
          `shelf "${shelfId}" is not in the catalog`,
        );
      }
      if (seen.has(id)) {
        return failed(
          `$.books[${i}][0]`,
          `id buku "${id}" dipakai lebih dari sekali`,
          `book id "${id}" is used more than once`,
        );
      }
      seen.add(id);
      entries.push({
        id,
        title: typeof title === 'string' ? { [lang]: title } : title,
        authors,
        callNumber,
        shelfId,
        ...(year === null ? {} : { year }),
        ...(ddc === null ? {} : { ddc }),
        ...(language === null ? {} : { language }),
        copies,
        available: Math.min(available, copies),
        ...(ages && (ages[0] !== null || ages[1] !== null)
          ? {
              audience: {
                ...(ages[0] === null ? {} : { minAge: ages[0] }),
                ...(ages[1] === null ? {} : { maxAge: ages[1] }),
              },
            }
          : {}),
      });
    }
    return { ok: true, value: entries };
  });
}

/** A book's directory line, as the build writes it. */
export function directoryRow(book: Book, lang: string): DirectoryRowData {
  const title =
    Object.keys(book.title).length === 1 ? (book.title[lang] ?? book.title) : book.title;
  const row: DirectoryRowData = [
    book.id,
    title,
    [...book.authors],
    book.callNumber,
    book.shelfId,
    book.year ?? null,
    book.ddc ?? null,
    book.language ?? null,
    book.copies,
    book.available,
  ];
  const { minAge, maxAge } = book.audience ?? {};
  // Only books that say who they are for carry the 11th field, so other feeds stay as they were.
  if (minAge !== undefined || maxAge !== undefined) row.push([minAge ?? null, maxAge ?? null]);
  return row;
}
