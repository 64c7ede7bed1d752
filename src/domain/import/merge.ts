/**
 * Merging imported catalogue records into the source catalog. The catalogue owns its fields (title,
 * authors, identifiers, class, call number, copies); staff own everything they authored (cover
 * photographs, targets, models and placements, summaries, stories, the shelf they put a book on),
 * and a merge never touches those. A record is matched by its catalogue id, then ISBN, then OAI
 * identifier. Books gone from the catalogue are marked withdrawn, never deleted.
 */
import type { SourceBookData, SourceCatalogData } from '../source/schema.ts';
import { isbn13 } from './identifiers.ts';
import type { CatalogueRecord, CatalogueSystem, ImportWarning } from './record.ts';
import { shelfForClass } from './shelves.ts';

export interface MergeOptions {
  /** The endpoint or file, recorded on each book. */
  readonly from: string;
  readonly system: CatalogueSystem;
  readonly importedAt: string;
  /**
   * A full import (not `--from-date`, not `--set`): books of this catalogue system that it did not
   * bring are withdrawn.
   */
  readonly complete: boolean;
  /** Put books no shelf's range covers here instead of leaving them out. */
  readonly fallbackShelf?: string;
}

export interface BookChange {
  readonly id: string;
  readonly title: string;
  /** Which catalogue fields changed (for updates). */
  readonly fields: readonly string[];
}

export interface MergeReport {
  readonly added: BookChange[];
  readonly updated: BookChange[];
  readonly unchanged: number;
  readonly withdrawn: BookChange[];
  /** Withdrawn before, in the catalogue again. */
  readonly restored: BookChange[];
  /** Records not imported, with why (no title, no shelf). */
  readonly skipped: ImportWarning[];
}

/** The catalogue's fields of a book: what an import may change. */
const CATALOGUE_FIELDS = [
  'title',
  'description',
  'authors',
  'publisher',
  'year',
  'language',
  'audience',
  'subjects',
  'ddc',
  'isbn',
  'slimsBiblioId',
  'callNumber',
  'copies',
  'available',
] as const;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function firstTitle(book: SourceBookData): string {
  return Object.values(book.title)[0] ?? book.id;
}

class BookIndex {
  private readonly byRecord = new Map<string, SourceBookData>();
  private readonly byIsbn = new Map<string, SourceBookData>();
  private readonly byOai = new Map<string, SourceBookData>();
  readonly ids = new Set<string>();

  constructor(books: readonly SourceBookData[]) {
    for (const book of books) this.add(book);
  }

  add(book: SourceBookData): void {
    this.ids.add(book.id);
    if (book.catalogue?.recordId) {
      this.byRecord.set(`${book.catalogue.system}:${book.catalogue.recordId}`, book);
    }
    if (book.slimsBiblioId) this.byRecord.set(`slims:${book.slimsBiblioId}`, book);
    if (book.isbn) this.byIsbn.set(isbn13(book.isbn), book);
    if (book.catalogue?.oaiId) this.byOai.set(book.catalogue.oaiId, book);
  }

  find(record: CatalogueRecord): SourceBookData | undefined {
    const byId = record.recordId && this.byRecord.get(`${record.system}:${record.recordId}`);
    if (byId) return byId;
    for (const isbn of record.isbns) {
      const found = this.byIsbn.get(isbn13(isbn));
      if (found) return found;
    }
    return record.oaiId ? this.byOai.get(record.oaiId) : undefined;
  }

  freshId(record: CatalogueRecord & { title: string }): string {
    const base = slug(record.title) || 'buku';
    const suffix = record.recordId ? slug(record.recordId) : '';
    const candidate = suffix ? `${base}-${suffix}`.slice(0, 64) : base;
    let id = candidate;
    for (let n = 2; this.ids.has(id); n++) id = `${candidate.slice(0, 58)}-${String(n)}`;
    return id;
  }
}

/** The record's values for the catalogue's fields of a book. */
function catalogueFields(
  record: CatalogueRecord & { title: string; ddc: string; callNumber: string },
  lang: string,
  current: SourceBookData | undefined,
): Pick<SourceBookData, (typeof CATALOGUE_FIELDS)[number]> {
  const copies = record.copies ?? current?.copies ?? 1;
  // OAI-PMH carries no loan status: without figures, a book's copies count as available.
  const available = Math.min(record.available ?? copies, copies);
  return {
    // Only the catalogue's own language is refreshed; a translation staff wrote stays.
    title: { ...current?.title, [lang]: record.title },
    description: record.description
      ? { ...current?.description, [lang]: record.description }
      : current?.description,
    authors: [...record.authors],
    publisher: record.publisher,
    year: record.year,
    language: record.language ?? current?.language ?? lang,
    // A catalogue that says nothing about the audience leaves what staff chose.
    audience: record.audience ?? current?.audience,
    subjects: record.subjects.map((subject) => ({ [lang]: subject })),
    ddc: record.ddc,
    isbn: record.isbns[0] ?? current?.isbn,
    slimsBiblioId:
      record.system === 'slims'
        ? (record.recordId ?? current?.slimsBiblioId)
        : current?.slimsBiblioId,
    callNumber: record.callNumber,
    copies,
    available,
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function mergeRecords(
  source: SourceCatalogData,
  records: readonly CatalogueRecord[],
  options: MergeOptions,
): { catalog: SourceCatalogData; report: MergeReport } {
  const report = {
    added: [] as BookChange[],
    updated: [] as BookChange[],
    unchanged: 0,
    withdrawn: [] as BookChange[],
    restored: [] as BookChange[],
    skipped: [] as ImportWarning[],
  };
  const books = source.books.map((book) => ({ ...book }));
  const index = new BookIndex(books);
  const seen = new Set<string>();
  const libraryLang = source.library.languages[0] ?? 'id';

  for (const record of records) {
    const current = index.find(record);
    if (record.deleted) {
      if (current && !current.withdrawn) {
        current.withdrawn = true;
        report.withdrawn.push({ id: current.id, title: firstTitle(current), fields: [] });
      }
      if (current) seen.add(current.id);
      continue;
    }
    const { title, ddc, callNumber } = record;
    if (!title) {
      report.skipped.push({ record: record.label, code: 'no_title' });
      continue;
    }
    if (!ddc || !callNumber) {
      report.skipped.push({ record: record.label, code: ddc ? 'no_call_number' : 'no_ddc' });
      continue;
    }
    const lang =
      record.language && source.library.languages.includes(record.language)
        ? record.language
        : libraryLang;
    const complete = { ...record, title, ddc, callNumber };
    const origin = {
      system: record.system,
      ...(record.recordId ? { recordId: record.recordId } : {}),
      ...(record.oaiId ? { oaiId: record.oaiId } : {}),
      from: options.from,
      importedAt: options.importedAt,
      ...(record.coverUrl ? { coverUrl: record.coverUrl } : {}),
      ...(record.authorsSortAs.length > 0 ? { authorsSortAs: [...record.authorsSortAs] } : {}),
    };
    if (current) {
      if (seen.has(current.id))
        report.skipped.push({ record: record.label, code: 'duplicate_record' });
      seen.add(current.id);
      const fresh = withoutUndefined(catalogueFields(complete, lang, current));
      const changed = CATALOGUE_FIELDS.filter(
        (field) => JSON.stringify(fresh[field]) !== JSON.stringify(current[field]),
      );
      for (const field of CATALOGUE_FIELDS) Reflect.deleteProperty(current, field);
      Object.assign(current, fresh, { catalogue: { ...current.catalogue, ...origin } });
      if (current.withdrawn) {
        current.withdrawn = false;
        report.restored.push({ id: current.id, title, fields: changed });
      } else if (changed.length > 0)
        report.updated.push({ id: current.id, title, fields: changed });
      else report.unchanged += 1;
      continue;
    }
    const shelf = shelfForClass(ddc, source.shelves) ?? options.fallbackShelf;
    if (!shelf) {
      report.skipped.push({ record: record.label, code: 'no_shelf', detail: ddc });
      continue;
    }
    const book: SourceBookData = {
      id: index.freshId(complete),
      ...withoutUndefined(catalogueFields(complete, lang, undefined)),
      shelf,
      track: false,
      stories: [],
      catalogue: origin,
      withdrawn: false,
    };
    books.push(book);
    index.add(book);
    seen.add(book.id);
    report.added.push({ id: book.id, title, fields: [] });
  }

  if (options.complete) {
    for (const book of books) {
      if (book.withdrawn || seen.has(book.id) || book.catalogue?.system !== options.system)
        continue;
      book.withdrawn = true;
      report.withdrawn.push({ id: book.id, title: firstTitle(book), fields: [] });
    }
  }
  return { catalog: { ...source, books }, report };
}
