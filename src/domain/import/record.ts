/**
 * One catalogue record, whatever it came from (OAI-PMH Dublin Core, MARC, a spreadsheet), in the
 * neutral shape the merge turns into a book. Mappers fill it and collect warnings; none of them
 * throws on a bad record.
 */
import type { Bilingual } from '../langmap.ts';

export const CATALOGUE_SYSTEMS = ['slims', 'inlislite', 'marc', 'csv'] as const;
export type CatalogueSystem = (typeof CATALOGUE_SYSTEMS)[number];

export interface CatalogueRecord {
  /** How staff find the record in their catalogue: "oai:slims/15", "marc.dat #3", "baris 4". */
  readonly label: string;
  readonly system: CatalogueSystem;
  /** The catalogue's own record id (SLiMS biblio id, INLISLite catalog id, MARC 001). */
  readonly recordId?: string;
  readonly oaiId?: string;
  /** The source says the record is gone (OAI `status="deleted"`; SLiMS also hides records so). */
  readonly deleted: boolean;
  readonly title?: string;
  /** As people read them ("Graham Hancock"), in the catalogue's order. */
  readonly authors: readonly string[];
  /** As catalogues file them ("Hancock, Graham"), for sorting. */
  readonly authorsSortAs: readonly string[];
  readonly publisher?: string;
  readonly year?: number;
  readonly language?: string;
  /** Who the book is for by age, from MARC 008/22. */
  readonly audience?: { readonly minAge?: number; readonly maxAge?: number };
  readonly ddc?: string;
  readonly callNumber?: string;
  readonly subjects: readonly string[];
  readonly description?: string;
  /** Valid ISBNs without hyphens, the record's order. */
  readonly isbns: readonly string[];
  readonly copies?: number;
  readonly available?: number;
  readonly coverUrl?: string;
  readonly opacUrl?: string;
}

export const WARNING_CODES = [
  'no_title',
  'bad_isbn',
  'bad_encoding',
  'mojibake_repaired',
  'no_ddc',
  'ddc_from_call_number',
  'bad_ddc',
  'no_call_number',
  'call_number_made',
  'no_author',
  'unknown_language',
  'no_shelf',
  'broken_record',
  'duplicate_record',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ImportWarning {
  /** The record's label (see CatalogueRecord.label). */
  readonly record: string;
  readonly code: WarningCode;
  /** The value at fault, as the source has it. */
  readonly detail?: string;
}

export const WARNING_TEXT: Readonly<Record<WarningCode, Bilingual>> = {
  no_title: { id: 'tanpa judul: tidak diimpor', en: 'no title: not imported' },
  bad_isbn: { id: 'ISBN salah (angka periksa tidak cocok): diabaikan', en: 'bad ISBN (check digit does not match): ignored' },
  bad_encoding: { id: 'huruf rusak di sumber (bukan UTF-8/MARC-8 yang sah)', en: 'broken characters in the source (not valid UTF-8/MARC-8)' },
  mojibake_repaired: { id: 'huruf yang rusak diperbaiki', en: 'garbled characters repaired' },
  no_ddc: { id: 'tanpa nomor kelas DDC: tidak bisa ditaruh di rak, tidak diimpor', en: 'no DDC class: cannot be placed on a shelf, not imported' },
  ddc_from_call_number: { id: 'kelas DDC diambil dari nomor panggil', en: 'DDC class taken from the call number' },
  bad_ddc: { id: 'nomor kelas DDC tidak terbaca', en: 'DDC class not readable' },
  no_call_number: { id: 'tanpa nomor panggil: tidak diimpor', en: 'no call number: not imported' },
  call_number_made: { id: 'nomor panggil disusun dari kelas, pengarang dan judul', en: 'call number made from class, author and title' },
  no_author: { id: 'tanpa pengarang', en: 'no author' },
  unknown_language: { id: 'bahasa tidak dikenal: memakai bahasa utama perpustakaan', en: "unknown language: the library's first language is used" },
  no_shelf: { id: 'tidak ada rak yang rentang DDC-nya mencakup buku ini: tidak diimpor', en: "no shelf's DDC range covers this book: not imported" },
  broken_record: { id: 'rekaman rusak: dilewati', en: 'broken record: skipped' },
  duplicate_record: { id: 'rekaman ganda dalam impor yang sama: yang terakhir dipakai', en: 'the same record twice in one import: the last one is used' },
}; // prettier-ignore

/** The warnings with each record's same warning once (a mapper and the merge may both see it). */
export function uniqueWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.record}\u0000${warning.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Collects a record's fields and its warnings while a mapper reads it. */
export class RecordDraft {
  readonly warnings: ImportWarning[] = [];
  constructor(readonly label: string) {}

  warn(code: WarningCode, detail?: string): void {
    this.warnings.push({ record: this.label, code, ...(detail === undefined ? {} : { detail }) });
  }
}
