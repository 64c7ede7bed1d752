/**
 * OAI-PMH responses and MARCXML read with saxes (a streaming, non-validating XML parser): what a
 * harvest page holds (records, the resumption token, OAI errors) and MARCXML records, chunk by
 * chunk, so a large file never sits in memory as a tree.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { DcElement, OaiHeader } from '../domain/import/dublin-core.ts';
import type { MarcField, MarcRecord } from '../domain/import/marc.ts';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const MARC_NS = 'http://www.loc.gov/MARC21/slim';

/**
 * Streams MARCXML records (with or without the `marc:` prefix, inside a collection, an OAI
 * response or alone) to `onRecord`. Feed it text with `write`, then call `close`.
 */
export class MarcXmlReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private leader = '';
  private fields: MarcField[] = [];
  private field: { tag: string; ind1: string; ind2: string; subfields: [string, string][] } | null =
    null;
  private control: string | null = null;
  private code: string | null = null;
  private text = '';
  private inRecord = false;

  constructor(onRecord: (record: MarcRecord) => void) {
    const isMarc = (tag: SaxesTagNS) => tag.uri === MARC_NS || tag.uri === '';
    this.parser.on('opentag', (tag) => {
      if (!isMarc(tag)) return;
      const attr = (name: string) => tag.attributes[name]?.value ?? '';
      switch (tag.local) {
        case 'record':
          this.inRecord = true;
          this.leader = '';
          this.fields = [];
          break;
        case 'leader':
          this.text = '';
          break;
        case 'controlfield':
          this.control = attr('tag');
          this.text = '';
          break;
        case 'datafield':
          this.field = { tag: attr('tag'), ind1: attr('ind1'), ind2: attr('ind2'), subfields: [] };
          break;
        case 'subfield':
          this.code = attr('code');
          this.text = '';
          break;
        default:
          break;
      }
    });
    this.parser.on('text', (text) => {
      this.text += text;
    });
    this.parser.on('closetag', (tag) => {
      if (!isMarc(tag) || !this.inRecord) return;
      switch (tag.local) {
        case 'leader':
          this.leader = this.text;
          break;
        case 'controlfield':
          if (this.control) this.fields.push({ tag: this.control, value: this.text });
          this.control = null;
          break;
        case 'subfield':
          if (this.field && this.code !== null) this.field.subfields.push([this.code, this.text]);
          this.code = null;
          break;
        case 'datafield':
          if (this.field) this.fields.push(this.field);
          this.field = null;
          break;
        case 'record':
          this.inRecord = false;
          onRecord({ leader: this.leader, fields: this.fields });
          break;
        default:
          break;
      }
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  close(): void {
    this.parser.close();
  }
}

export interface OaiRecord {
  readonly header: OaiHeader;
  /** Dublin Core elements (oai_dc). */
  readonly dc: DcElement[];
  /** MARC records (marcxml), when the metadata is MARC. */
  readonly marc: MarcRecord[];
}

export interface OaiPage {
  readonly records: OaiRecord[];
  /** Header identifiers (ListIdentifiers). */
  readonly identifiers: OaiHeader[];
  /** The token for the next page, as the server wrote it (an opaque string); absent at the end. */
  readonly resumptionToken?: string;
  readonly completeListSize?: number;
  readonly errors: { code: string; message: string }[];
}

/** Thrown for a response that is not OAI-PMH (an HTML error page, broken XML). */
export class NotOaiError extends Error {
  constructor(
    message: string,
    readonly kind: 'html' | 'xml',
  ) {
    super(message);
  }
}

/** The title of an HTML page, for the message when a server answers with one. */
function htmlTitle(text: string): string | undefined {
  return /<title>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.trim();
}

/** Reads one OAI-PMH response. Throws NotOaiError when it is not one. */
export function readOaiPage(body: string): OaiPage {
  if (/<!DOCTYPE\s+html|<html[\s>]/i.test(body.slice(0, 4000))) {
    throw new NotOaiError(htmlTitle(body) ?? 'HTML', 'html');
  }
  const page = {
    records: [] as OaiRecord[],
    identifiers: [] as OaiHeader[],
    errors: [] as { code: string; message: string }[],
  };
  let token: string | undefined;
  let listSize: number | undefined;
  const seen = { root: false };
  const stack: string[] = [];
  let header: { identifier: string; datestamp?: string; deleted: boolean } | null = null;
  let dc: DcElement[] | null = null;
  let marc: MarcRecord[] = [];
  let text = '';
  let errorCode = '';
  const parser = new SaxesParser({ xmlns: true });
  // MARCXML inside <metadata> (SLiMS's oai.php offers it) is collected here directly.
  let marcDepth = -1;
  let marcRecord: { leader: string; fields: MarcField[] } | null = null;
  let dataField: { tag: string; ind1: string; ind2: string; subfields: [string, string][] } | null =
    null;
  let attrTag = '';
  let attrCode = '';
  parser.on('opentag', (tag) => {
    stack.push(tag.local);
    text = '';
    const attr = (name: string) => tag.attributes[name]?.value ?? '';
    if (tag.local === 'OAI-PMH' && tag.uri === OAI_NS) seen.root = true;
    if (tag.uri === OAI_NS) {
      if (tag.local === 'header')
        header = { identifier: '', deleted: attr('status') === 'deleted' };
      if (tag.local === 'metadata') {
        dc = [];
        marc = [];
      }
      if (tag.local === 'resumptionToken') {
        const size = Number.parseInt(attr('completeListSize'), 10);
        if (Number.isFinite(size)) listSize = size;
      }
      if (tag.local === 'error') errorCode = attr('code');
      return;
    }
    if (tag.uri === MARC_NS) {
      if (tag.local === 'record') {
        marcDepth = stack.length;
        marcRecord = { leader: '', fields: [] };
      } else if (tag.local === 'datafield') {
        dataField = { tag: attr('tag'), ind1: attr('ind1'), ind2: attr('ind2'), subfields: [] };
      } else if (tag.local === 'controlfield') attrTag = attr('tag');
      else if (tag.local === 'subfield') attrCode = attr('code');
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    const value = text;
    text = '';
    if (tag.uri === OAI_NS) {
      if (header && tag.local === 'identifier') header.identifier = value.trim();
      else if (header && tag.local === 'datestamp') header.datestamp = value.trim();
      else if (tag.local === 'header' && header) {
        if (!stack.includes('record')) page.identifiers.push(header);
      } else if (tag.local === 'record' && header) {
        page.records.push({ header, dc: dc ?? [], marc });
        header = null;
        dc = null;
        marc = [];
      } else if (tag.local === 'resumptionToken') {
        token = value.trim() || undefined;
      } else if (tag.local === 'error') {
        page.errors.push({ code: errorCode || 'unknown', message: value.trim() });
      } else if (dc && stack.at(-1) !== 'metadata' && stack.includes('metadata')) {
        // An unprefixed element in the OAI namespace inside metadata: SLiMS's <image>.
        dc.push({ name: tag.local, value });
      }
      return;
    }
    if (tag.uri === MARC_NS && marcRecord) {
      if (tag.local === 'leader') marcRecord.leader = value;
      else if (tag.local === 'controlfield') marcRecord.fields.push({ tag: attrTag, value });
      else if (tag.local === 'subfield' && dataField) dataField.subfields.push([attrCode, value]);
      else if (tag.local === 'datafield' && dataField) {
        marcRecord.fields.push(dataField);
        dataField = null;
      } else if (tag.local === 'record' && stack.length + 1 === marcDepth) {
        marc.push(marcRecord);
        marcRecord = null;
      }
      return;
    }
    // Dublin Core and the non-standard elements beside it, under <oai_dc:dc>.
    if (dc && stack.includes('metadata') && tag.local !== 'dc') {
      dc.push({ name: tag.prefix ? `${tag.prefix}:${tag.local}` : tag.local, value });
    }
  });
  try {
    parser.write(body);
    parser.close();
  } catch (error) {
    throw new NotOaiError(
      error instanceof Error ? error.message.slice(0, 200) : String(error),
      'xml',
    );
  }
  if (!seen.root) throw new NotOaiError('no OAI-PMH root element', 'xml');
  return {
    ...page,
    ...(token ? { resumptionToken: token } : {}),
    ...(listSize !== undefined ? { completeListSize: listSize } : {}),
  };
}
