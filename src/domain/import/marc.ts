/**
 * MARC 21 bibliographic records (read from ISO 2709, MARCXML or MARC-in-JSON by src/import) into
 * raw record values. INLISLite writes the DDC class in 082, its call number in 084 and one 990 per
 * copy; SLiMS's MARC export puts the class in 084; Library of Congress records use 050 and 082.
 */
import { assembleRecord, emptyRaw } from './assemble.ts';
import { ddcClass } from './identifiers.ts';
import type { CatalogueRecord, CatalogueSystem, ImportWarning } from './record.ts';

export interface MarcField {
  readonly tag: string;
  readonly ind1?: string;
  readonly ind2?: string;
  /** Control fields (001–009). */
  readonly value?: string;
  readonly subfields?: ReadonlyArray<readonly [code: string, value: string]>;
}

export interface MarcRecord {
  readonly leader: string;
  readonly fields: readonly MarcField[];
}

function all(record: MarcRecord, tag: string): MarcField[] {
  return record.fields.filter((field) => field.tag === tag);
}

function sub(field: MarcField | undefined, codes: string): string[] {
  if (!field?.subfields) return [];
  return field.subfields.filter(([code]) => codes.includes(code)).map(([, value]) => value);
}

function firstSub(record: MarcRecord, tag: string, code: string): string | undefined {
  for (const field of all(record, tag)) {
    const value = sub(field, code)[0];
    if (value?.trim()) return value;
  }
  return undefined;
}

function control(record: MarcRecord, tag: string): string | undefined {
  return all(record, tag)[0]?.value;
}

/** A call number as a reader sees it on the spine: class part and item part joined. */
function callNumberOf(
  field: MarcField | undefined,
  classCodes: string,
  itemCodes: string,
): string | undefined {
  const parts = [...sub(field, classCodes), ...sub(field, itemCodes)].map((part) => part.trim());
  const text = parts.filter(Boolean).join(' ');
  return text || undefined;
}

export interface MarcSource {
  /** "marc.dat #3": where staff find the record. */
  readonly label: string;
  readonly system?: CatalogueSystem;
  /** The reader found bytes not valid in the record's encoding (U+FFFD in the text). */
  readonly badBytes?: boolean;
}

export function mapMarc(
  record: MarcRecord,
  source: MarcSource,
): { record: CatalogueRecord; warnings: ImportWarning[] } {
  const controlNumber = control(record, '001')?.trim();
  const system = source.system ?? (all(record, '990').length > 0 ? 'inlislite' : 'marc');
  const raw = emptyRaw(
    controlNumber ? `${source.label} (001 ${controlNumber})` : source.label,
    system,
  );
  raw.recordId = controlNumber || firstSub(record, '035', 'a')?.trim();
  raw.deleted = record.leader[5] === 'd';
  raw.badBytes =
    source.badBytes ??
    record.fields.some(
      (field) =>
        (field.value ?? '').includes('\uFFFD') ||
        (field.subfields ?? []).some(([c, v]) => c.includes('\uFFFD') || v.includes('\uFFFD')),
    );

  const title = all(record, '245')[0];
  raw.title = sub(title, 'a')[0];
  raw.subtitle = [...sub(title, 'b'), ...sub(title, 'np')].join(' ') || undefined;

  for (const tag of ['100', '700'])
    for (const field of all(record, tag)) raw.people.push(...sub(field, 'a'));
  for (const tag of ['110', '111', '710', '711']) {
    for (const field of all(record, tag)) raw.bodies.push(sub(field, 'ab').join(' '));
  }

  const imprint =
    all(record, '264').find((field) => field.ind2 === '1') ??
    all(record, '260')[0] ??
    all(record, '264')[0];
  raw.publisher = sub(imprint, 'b')[0];
  const fixed = control(record, '008') ?? '';
  raw.year =
    sub(imprint, 'c')[0] ?? (/^\d{4}$/.test(fixed.slice(7, 11)) ? fixed.slice(7, 11) : undefined);
  if (fixed.length >= 38) raw.languages.push(fixed.slice(35, 38));
  // 008/22: target audience (books, music, computer files, visual materials).
  if (fixed.length >= 23) raw.audienceCode = fixed.charAt(22);
  for (const field of all(record, '041')) raw.languages.push(...sub(field, 'a'));

  for (const field of all(record, '020')) raw.isbns.push(...sub(field, 'a'));

  for (const field of all(record, '082')) raw.ddc.push(...sub(field, 'a'));
  // 084: INLISLite's call number ("123 PRA m"), or SLiMS's class ("005.13/3 22").
  for (const field of all(record, '084')) {
    const value = sub(field, 'a')[0]?.trim();
    if (!value) continue;
    if (ddcClass(value)) raw.ddc.push(value);
    else raw.callNumbers.push(callNumberOf(field, 'a', 'b') ?? value);
  }
  for (const [tag, classCodes, itemCodes] of [
    ['090', 'a', 'b'],
    ['852', 'khi', 'm'],
    ['092', 'a', 'b'],
    ['050', 'a', 'b'],
  ] as const) {
    for (const field of all(record, tag)) {
      const value = callNumberOf(field, classCodes, itemCodes);
      if (value) raw.callNumbers.push(value);
    }
  }

  for (const tag of ['600', '610', '611', '630', '650', '651']) {
    for (const field of all(record, tag)) {
      const heading = sub(field, 'abxyz')
        .map((part) => part.trim().replace(/\.$/, ''))
        .join(' -- ');
      if (heading) raw.subjects.push(heading);
    }
  }
  for (const field of all(record, '520')) raw.descriptions.push(sub(field, 'a').join(' '));

  // One field per copy: INLISLite's 990, Koha's 952, holdings in 852.
  const copies = ['990', '952', '852']
    .map((tag) => all(record, tag).length)
    .find((count) => count > 0);
  if (copies) raw.copies = copies;

  for (const field of all(record, '856')) {
    const url = sub(field, 'u')[0];
    const label = sub(field, '3yz').join(' ');
    if (
      url &&
      /^https?:\/\//.test(url) &&
      (/cover|sampul/i.test(label) || /\.(jpe?g|png)$/i.test(url))
    ) {
      raw.coverUrl ??= url;
    }
  }
  return assembleRecord(raw);
}
