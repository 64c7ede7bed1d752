/**
 * OAI-PMH Dublin Core (oai_dc) from SLiMS's `oai.php` and `oai2.php` and from INLISLite, into raw
 * record values. Each server bends Dublin Core its own way (see ../shared/fixtures/slims/README.md
 * and docs/import.md): identifiers hold the OPAC link, the ISBN, the call number and the cover;
 * the DDC class is a subject; INLISLite adds `dc:publishYear`.
 */
import { assembleRecord, emptyRaw } from './assemble.ts';
import { isbnCandidate, looksLikeCallNumber, looksLikeDdcSubject } from './identifiers.ts';
import type { CatalogueRecord, CatalogueSystem, ImportWarning } from './record.ts';

export interface OaiHeader {
  readonly identifier: string;
  readonly datestamp?: string;
  readonly deleted: boolean;
}

export interface DcElement {
  /** The element's qualified name as written: `dc:title`, `dc:identifier_isbn`, `image`. */
  readonly name: string;
  readonly value: string;
}

const IMAGE_URL = /\.(?:jpe?g|png|gif|webp)(?:$|[?&#])|createthumb\.php|\/images\/docs\//i;

/** `oai:slims/15`, `oai:host:slims-15`, `oai:host:1234` → the catalogue's record id. */
export function recordIdFromOai(identifier: string): string | undefined {
  const match = /(?:slims[/-]|:)(\d+)$/.exec(identifier.trim());
  return match?.[1];
}

export function systemOfOai(identifier: string, elements: readonly DcElement[]): CatalogueSystem {
  if (/slims/i.test(identifier)) return 'slims';
  if (elements.some((e) => /show_detail/.test(e.value))) return 'slims';
  return 'inlislite';
}

function opacRecordId(url: string): string | undefined {
  return /[?&]id=(\d+)/.exec(url)?.[1];
}

export function mapDublinCore(
  header: OaiHeader,
  elements: readonly DcElement[],
): { record: CatalogueRecord; warnings: ImportWarning[] } {
  const system = systemOfOai(header.identifier, elements);
  const raw = emptyRaw(header.identifier, system);
  raw.oaiId = header.identifier;
  raw.recordId = recordIdFromOai(header.identifier);
  raw.deleted = header.deleted;
  let copies = 0;
  for (const { name, value } of elements) {
    const local = name.replace(/^[\w-]+:/, '').toLowerCase();
    const text = value.trim();
    if (!text) continue;
    switch (local) {
      case 'title':
        raw.title ??= text;
        break;
      case 'creator':
      case 'contributor':
        // SLiMS and INLISLite write people inverted; a body has no comma before a given name.
        raw.people.push(text);
        break;
      case 'publisher':
        raw.publisher ??= text;
        break;
      case 'date':
      case 'publishyear':
        raw.year ??= text;
        break;
      case 'language':
        raw.languages.push(text);
        break;
      case 'description':
      case 'abstract':
        raw.descriptions.push(value);
        break;
      case 'subject':
        if (looksLikeDdcSubject(text)) raw.ddc.push(text);
        else raw.subjects.push(text);
        break;
      case 'identifier_isbn':
        raw.isbns.push(text);
        break;
      case 'identifier':
        readIdentifier(raw, text);
        break;
      case 'relation':
      case 'image':
        if (/^https?:\/\//i.test(text) && IMAGE_URL.test(text)) raw.coverUrl ??= text;
        break;
      case 'source':
        // INLISLite puts its OPAC page here (SLiMS's oai2.php, the series).
        if (/^https?:\/\/.*detail-opac/i.test(text)) {
          raw.opacUrl ??= text;
          raw.recordId ??= opacRecordId(text);
        }
        break;
      case 'haspart':
        // SLiMS's oai.php lists each copy's barcode.
        copies += 1;
        break;
      default:
        break;
    }
  }
  if (copies > 0) raw.copies = copies;
  return assembleRecord(raw);
}

function readIdentifier(raw: ReturnType<typeof emptyRaw>, text: string): void {
  if (/^https?:\/\//i.test(text)) {
    if (IMAGE_URL.test(text)) raw.coverUrl ??= text;
    else if (/show_detail|detail-opac/.test(text)) {
      raw.opacUrl ??= text;
      raw.recordId ??= opacRecordId(text);
    }
    return;
  }
  // INLISLite V33 prefixes: "ISBN: …", "Call Number: …".
  const prefixed = /^(ISBN|ISSN|Call Number|No\.? Panggil)\s*:\s*(.+)$/i.exec(text);
  if (prefixed) {
    const kind = (prefixed[1] as string).toLowerCase();
    if (kind === 'isbn') raw.isbns.push(prefixed[2] as string);
    else if (kind !== 'issn') raw.callNumbers.push(prefixed[2] as string);
    return;
  }
  if (isbnCandidate(text) && /^[\d\sXx-]+$/.test(text)) raw.isbns.push(text);
  else if (looksLikeCallNumber(text)) raw.callNumbers.push(text);
}
