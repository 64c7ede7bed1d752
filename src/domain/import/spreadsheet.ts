/**
 * Spreadsheets (CSV) into raw record values: SLiMS's bibliography export (with or without its header
 * row; several values in one cell as `<a><b>`), INLISLite's collection datasheet (one row per copy,
 * with availability), and a plain sheet with English or Indonesian column names.
 */
import { assembleRecord, emptyRaw, type RawRecord } from './assemble.ts';
import type { CatalogueRecord, ImportWarning } from './record.ts';

type Column =
  | 'title' | 'authors' | 'isbn' | 'publisher' | 'year' | 'language' | 'ddc' | 'callNumber'
  | 'subjects' | 'description' | 'copies' | 'available' | 'items' | 'recordId' | 'cover'
  | 'accession' | 'availability'; // prettier-ignore

/** Header names (lower case, spaces and punctuation folded) → what the column holds. */
const HEADERS: Readonly<Record<string, Column>> = {
  title: 'title', judul: 'title', judulutama: 'title',
  authors: 'authors', author: 'authors', sor: 'authors', pengarang: 'authors', tajukpengarang: 'authors',
  isbn: 'isbn', isbnissn: 'isbn',
  publisher: 'publisher', publishername: 'publisher', penerbit: 'publisher', namapenerbit: 'publisher',
  year: 'year', publishyear: 'year', tahun: 'year', tahunterbit: 'year',
  language: 'language', languagename: 'language', bahasa: 'language',
  ddc: 'ddc', classification: 'ddc', klasifikasi: 'ddc', noddc: 'ddc', nomorddc: 'ddc',
  callnumber: 'callNumber', nomorpanggil: 'callNumber', nomorpanggilkatalog: 'callNumber', nopanggil: 'callNumber',
  topics: 'subjects', subjects: 'subjects', subject: 'subjects', subjek: 'subjects', subjektopik: 'subjects',
  notes: 'description', description: 'description', abstract: 'description', abstrak: 'description', catatan: 'description',
  copies: 'copies', eksemplar: 'copies', jumlaheksemplar: 'copies',
  available: 'available', tersedia: 'available',
  itemcode: 'items',
  id: 'recordId', biblioid: 'recordId', recordid: 'recordId', catalogid: 'recordId', bibid: 'recordId',
  image: 'cover', cover: 'cover', sampul: 'cover',
  noinduk: 'accession', nomorinduk: 'accession',
  ketersediaan: 'availability',
}; // prettier-ignore

/** SLiMS's export columns, in order, for a file written without its header row. */
const SLIMS_ORDER: readonly (Column | null)[] = [
  'title', null, null, 'isbn', 'publisher', 'year', null, null, 'callNumber', 'language', null,
  'ddc', 'description', 'cover', null, 'authors', 'subjects', 'items',
]; // prettier-ignore

function fold(header: string): string {
  return header.toLowerCase().replace(/[^a-z]/g, '');
}

export interface SheetLayout {
  readonly columns: readonly (Column | null)[];
  readonly hasHeader: boolean;
  readonly kind: 'slims' | 'inlislite' | 'generic';
}

export function sheetLayout(firstRow: readonly string[]): SheetLayout | undefined {
  const columns = firstRow.map((cell) => HEADERS[fold(cell)] ?? null);
  if (columns.includes('title')) {
    const kind = columns.includes('accession')
      ? 'inlislite'
      : firstRow.some((c) => fold(c) === 'gmdname')
        ? 'slims'
        : 'generic';
    return { columns, hasHeader: true, kind };
  }
  if (firstRow.length === SLIMS_ORDER.length)
    return { columns: SLIMS_ORDER, hasHeader: false, kind: 'slims' };
  return undefined;
}

/** `<Siever, Ellen><Love, Robert>` (SLiMS), `a ; b` (INLISLite), `a | b`: the values in a cell. */
export function cellValues(cell: string): string[] {
  const text = cell.trim();
  if (!text) return [];
  if (text.startsWith('<') && text.endsWith('>')) {
    return text
      .slice(1, -1)
      .split('><')
      .map((value) => value.trim())
      .filter(Boolean);
  }
  return text
    .split(/\s+[;|]\s+|\s*\|\s*|\s+--\s+(?=[A-Z])/)
    .map((value) => value.trim())
    .filter(Boolean);
}

const AVAILABLE_WORDS = /^(tersedia|available|ada)$/i;

/**
 * The sheet's records. INLISLite's datasheet has one row per copy: rows with the same catalogue
 * call number and title are one book, whose copies and available copies are counted.
 */
export function mapSheet(
  rows: readonly (readonly string[])[],
  fileLabel: string,
): { records: CatalogueRecord[]; warnings: ImportWarning[]; layout?: SheetLayout } {
  const first = rows[0];
  const layout = first ? sheetLayout(first) : undefined;
  if (!layout) return { records: [], warnings: [] };
  const books = new Map<
    string,
    { raw: RawRecord; copies: number; available: number; perCopy: boolean }
  >();
  const order: string[] = [];
  rows.forEach((row, index) => {
    if (layout.hasHeader && index === 0) return;
    if (row.every((cell) => !cell.trim())) return;
    const label = `${fileLabel} baris/row ${String(index + 1)}`;
    const get = (column: Column) => {
      const at = layout.columns.indexOf(column);
      return at < 0 ? '' : (row[at] ?? '');
    };
    const key =
      layout.kind === 'inlislite'
        ? `${get('title').trim().toLowerCase()}|${get('callNumber').trim()}`
        : `row${String(index)}`;
    let book = books.get(key);
    if (!book) {
      const raw = emptyRaw(label, layout.kind === 'generic' ? 'csv' : layout.kind);
      raw.title = get('title');
      raw.people.push(...cellValues(get('authors')));
      raw.isbns.push(...cellValues(get('isbn')));
      raw.publisher = get('publisher') || undefined;
      raw.year = get('year') || undefined;
      raw.languages.push(...cellValues(get('language')));
      raw.ddc.push(...cellValues(get('ddc')));
      raw.callNumbers.push(...cellValues(get('callNumber')));
      raw.subjects.push(...cellValues(get('subjects')));
      raw.descriptions.push(get('description'));
      raw.recordId = get('recordId').trim() || undefined;
      const cover = get('cover').trim();
      if (/^https?:\/\//.test(cover)) raw.coverUrl = cover;
      const copies = Number.parseInt(get('copies'), 10);
      const available = Number.parseInt(get('available'), 10);
      const items = cellValues(get('items')).length;
      if (Number.isFinite(copies) && copies >= 0) raw.copies = copies;
      else if (items > 0) raw.copies = items;
      if (Number.isFinite(available) && available >= 0) raw.available = available;
      book = { raw, copies: 0, available: 0, perCopy: layout.kind === 'inlislite' };
      books.set(key, book);
      order.push(key);
    }
    if (book.perCopy) {
      book.copies += 1;
      if (AVAILABLE_WORDS.test(get('availability').trim())) book.available += 1;
    }
  });
  const records: CatalogueRecord[] = [];
  const warnings: ImportWarning[] = [];
  for (const key of order) {
    const book = books.get(key);
    if (!book) continue;
    if (book.perCopy) {
      book.raw.copies = book.copies;
      book.raw.available = book.available;
    }
    const result = assembleRecord(book.raw);
    records.push(result.record);
    warnings.push(...result.warnings);
  }
  return { records, warnings, layout };
}
