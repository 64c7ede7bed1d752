/**
 * The one place where raw catalogue values become a CatalogueRecord: every mapper (Dublin Core,
 * MARC, spreadsheets) only says which value is which, and this cleans them, checks ISBNs and
 * classes, repairs mojibake and writes the warnings, the same way for every source.
 */
import { ddcClass, ddcFromCallNumber, isbn13, madeCallNumber, readIsbn } from './identifiers.ts';
import { languageTag, saysNoLanguage } from './language.ts';
import {
  RecordDraft,
  type CatalogueRecord,
  type CatalogueSystem,
  type ImportWarning,
} from './record.ts';
import { joinTitle, personName, repairMojibake, tidy, yearIn } from './text.ts';

export interface RawRecord {
  label: string;
  system: CatalogueSystem;
  recordId?: string | undefined;
  oaiId?: string | undefined;
  deleted?: boolean;
  title?: string | undefined;
  subtitle?: string | undefined;
  /** Personal headings, usually inverted. */
  people: string[];
  /** Corporate and meeting names, kept as written. */
  bodies: string[];
  publisher?: string | undefined;
  year?: string | undefined;
  languages: string[];
  /** MARC 008/22, the target audience code. */
  audienceCode?: string | undefined;
  ddc: string[];
  callNumbers: string[];
  subjects: string[];
  descriptions: string[];
  isbns: string[];
  copies?: number | undefined;
  available?: number | undefined;
  coverUrl?: string | undefined;
  opacUrl?: string | undefined;
  /** The reader found bytes that are not valid in the record's encoding. */
  badBytes?: boolean;
}

export function emptyRaw(label: string, system: CatalogueSystem): RawRecord {
  return {
    label,
    system,
    people: [],
    bodies: [],
    languages: [],
    ddc: [],
    callNumbers: [],
    subjects: [],
    descriptions: [],
    isbns: [],
  };
}

const MAX_TEXT = 280;
const MAX_DESCRIPTION = 3_900;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function assembleRecord(raw: RawRecord): {
  record: CatalogueRecord;
  warnings: ImportWarning[];
} {
  const draft = new RecordDraft(raw.label);
  const found = { mojibake: false };
  const clean = (value: string | undefined, multiline = false): string | undefined => {
    if (value === undefined) return undefined;
    const fixed = repairMojibake(value);
    if (fixed.repaired) found.mojibake = true;
    const text = tidy(fixed.text, multiline);
    return text || undefined;
  };
  if (raw.badBytes) draft.warn('bad_encoding');

  const mainTitle = clean(raw.title);
  // ISBD's spaced colon ("Lords of poverty : the power…") reads as a plain one.
  const title = mainTitle && joinTitle(mainTitle, clean(raw.subtitle)).replace(/\s+:\s+/g, ': ');
  if (!title) draft.warn('no_title');

  const names = raw.people.flatMap((heading) => {
    const text = clean(heading);
    return text ? [personName(text)] : [];
  });
  const bodies = raw.bodies.flatMap((body) => {
    const text = clean(body);
    return text ? [{ display: joinTitle(text), sortAs: joinTitle(text) }] : [];
  });
  const authors = dedupe([...names, ...bodies].map((name) => JSON.stringify(name))).map(
    (json) => JSON.parse(json) as { display: string; sortAs: string },
  );
  if (authors.length === 0 && title) draft.warn('no_author');

  const isbns: string[] = [];
  for (const value of raw.isbns) {
    const reading = readIsbn(value);
    if (!reading) continue;
    if (reading.kind === 'invalid') draft.warn('bad_isbn', reading.raw);
    else if (!isbns.some((known) => isbn13(known) === isbn13(reading.isbn)))
      isbns.push(reading.isbn);
  }

  const callNumber = raw.callNumbers.map((value) => clean(value)).find(Boolean);
  let ddc: string | undefined;
  for (const value of raw.ddc) {
    const text = clean(value);
    if (!text) continue;
    ddc = ddcClass(text);
    if (ddc) break;
    draft.warn('bad_ddc', text);
  }
  if (!ddc && callNumber) {
    ddc = ddcFromCallNumber(callNumber);
    if (ddc) draft.warn('ddc_from_call_number', callNumber);
  }
  if (!ddc && title) draft.warn('no_ddc');

  let language: string | undefined;
  for (const value of raw.languages) {
    language = languageTag(value);
    if (language) break;
  }
  if (!language && raw.languages.some((value) => !saysNoLanguage(value))) {
    draft.warn('unknown_language', raw.languages.join(', '));
  }

  let finalCallNumber = callNumber;
  if (!finalCallNumber && ddc && title) {
    finalCallNumber = madeCallNumber(ddc, authors[0]?.sortAs, title);
    draft.warn('call_number_made', finalCallNumber);
  } else if (!finalCallNumber && title) {
    draft.warn('no_call_number');
  }

  const description = raw.descriptions.map((value) => clean(value, true)).find(Boolean);
  const subjects = dedupe(
    raw.subjects.map((value) => clean(value)).filter((s): s is string => !!s),
  );
  const publisher = clean(raw.publisher);
  const yearText = clean(raw.year);
  const year = yearText ? yearIn(yearText) : undefined;
  if (found.mojibake) draft.warn('mojibake_repaired');

  const record: CatalogueRecord = {
    label: raw.label,
    system: raw.system,
    ...(raw.recordId ? { recordId: raw.recordId } : {}),
    ...(raw.oaiId ? { oaiId: raw.oaiId } : {}),
    deleted: raw.deleted ?? false,
    ...(title ? { title: clip(title, MAX_TEXT) } : {}),
    authors: authors.map((name) => clip(name.display, MAX_TEXT)).slice(0, 50),
    authorsSortAs: authors.map((name) => clip(name.sortAs, MAX_TEXT)).slice(0, 50),
    ...(publisher ? { publisher: clip(joinTitle(publisher), MAX_TEXT) } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(language ? { language } : {}),
    ...optionalAudience(raw.audienceCode),
    ...(ddc ? { ddc } : {}),
    ...(finalCallNumber ? { callNumber: clip(finalCallNumber, MAX_TEXT) } : {}),
    subjects: subjects.map((subject) => clip(joinTitle(subject), MAX_TEXT)).slice(0, 50),
    ...(description ? { description: clip(description, MAX_DESCRIPTION) } : {}),
    isbns: isbns.slice(0, 20),
    ...(raw.copies !== undefined ? { copies: raw.copies } : {}),
    ...(raw.available !== undefined ? { available: raw.available } : {}),
    ...(raw.coverUrl ? { coverUrl: raw.coverUrl } : {}),
    ...(raw.opacUrl ? { opacUrl: raw.opacUrl } : {}),
  };
  return { record, warnings: draft.warnings };
}

/**
 * MARC 008/22's audiences as ages (Library of Congress, MARC 21 Bibliographic, 008 Books): a
 * preschool 0–5, b primary 6–8, c pre-adolescent 9–13, d adolescent 14–17, e adult, j juvenile
 * 0–15. General, specialized and unknown say nothing about age.
 */
const MARC_AUDIENCE: Readonly<Record<string, { minAge?: number; maxAge?: number }>> = {
  a: { maxAge: 5 },
  b: { minAge: 6, maxAge: 8 },
  c: { minAge: 9, maxAge: 13 },
  d: { minAge: 14, maxAge: 17 },
  e: { minAge: 18 },
  j: { maxAge: 15 },
};

function optionalAudience(code: string | undefined): {
  audience?: { minAge?: number; maxAge?: number };
} {
  const audience = code ? MARC_AUDIENCE[code] : undefined;
  return audience ? { audience } : {};
}

function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
