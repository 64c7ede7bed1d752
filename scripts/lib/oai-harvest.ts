/**
 * Harvesting an OAI-PMH endpoint (SLiMS's oai.php or oai2.php, INLISLite's OPAC): ListRecords page
 * by page, resumption tokens passed back exactly as the server wrote them, network errors and 503
 * answered with a wait (Retry-After when the server gives one) and a retry, and every OAI error
 * turned into a message that says what to do.
 */
import { NotOaiError, readOaiPage, type OaiRecord } from '../../src/import/xml.ts';

export interface HarvestOptions {
  readonly metadataPrefix?: string;
  readonly set?: string;
  readonly from?: string;
  readonly fetch?: typeof fetch;
  /** How long to wait before a retry, in ms (tests pass a short one). */
  readonly wait?: (ms: number) => Promise<void>;
  readonly retries?: number;
  /** Per request. */
  readonly timeoutMs?: number;
  readonly onPage?: (page: { number: number; records: number; completeListSize?: number }) => void;
}

/** The largest page the harvester reads (SLiMS pages 100 records, about 200 KB). */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
const MAX_PAGES = 100_000;

export class HarvestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ADVICE: Readonly<Record<string, string>> = {
  badVerb: 'the address is not an OAI-PMH endpoint or the server refused the request (check the URL ends in oai.php or oai2.php)',
  badArgument: 'the server refused the request arguments (check --set and --from-date)',
  badResumptionToken: 'the server no longer knows the page token (it expired or the catalogue changed): run the import again from the start',
  cannotDisseminateFormat: 'the server does not offer this metadata format',
  noSetHierarchy: 'the server has no sets: leave out --set',
  idDoesNotExist: 'the record does not exist',
}; // prettier-ignore

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfterMs(header: string | null, attempt: number): number {
  const seconds = header ? Number(header) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300) * 1000;
  const date = header ? Date.parse(header) : Number.NaN;
  if (Number.isFinite(date)) return Math.min(Math.max(date - Date.now(), 0), 300_000);
  return Math.min(1000 * 2 ** attempt, 60_000);
}

async function readBounded(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_PAGE_BYTES)
    throw new HarvestError('tooLarge', `page of ${String(declared)} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_PAGE_BYTES) {
      await reader.cancel();
      throw new HarvestError('tooLarge', `page larger than ${String(MAX_PAGE_BYTES)} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Fetches one page, retrying network errors and 503s; returns the body and status. */
async function fetchPage(
  url: string,
  options: HarvestOptions,
): Promise<{ status: number; body: string }> {
  const doFetch = options.fetch ?? fetch;
  const wait = options.wait ?? sleep;
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'text/xml, application/xml' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      });
    } catch (error) {
      if (attempt >= retries) {
        throw new HarvestError(
          'network',
          `${url}: ${error instanceof Error ? error.message : String(error)} (after ${String(retries + 1)} tries)`,
        );
      }
      await wait(retryAfterMs(null, attempt));
      continue;
    }
    if (response.status === 503 && attempt < retries) {
      await response.body?.cancel();
      await wait(retryAfterMs(response.headers.get('retry-after'), attempt));
      continue;
    }
    return { status: response.status, body: await readBounded(response) };
  }
}

function pageUrl(endpoint: string, options: HarvestOptions, token: string | undefined): string {
  const url = new URL(endpoint);
  url.search = '';
  url.searchParams.set('verb', 'ListRecords');
  if (token !== undefined) {
    url.searchParams.set('resumptionToken', token);
  } else {
    url.searchParams.set('metadataPrefix', options.metadataPrefix ?? 'oai_dc');
    if (options.set) url.searchParams.set('set', options.set);
    if (options.from) url.searchParams.set('from', options.from);
  }
  return url.href;
}

/** Every record of the endpoint, page by page. Ends quietly on noRecordsMatch. */
export async function* harvest(
  endpoint: string,
  options: HarvestOptions = {},
): AsyncGenerator<OaiRecord> {
  let token: string | undefined;
  const tokensSeen = new Set<string>();
  for (let number = 1; number <= MAX_PAGES; number++) {
    const url = pageUrl(endpoint, options, token);
    const { status, body } = await fetchPage(url, options);
    let page;
    try {
      page = readOaiPage(body);
    } catch (error) {
      if (error instanceof NotOaiError) {
        const what =
          error.kind === 'html'
            ? `an HTML error page ("${error.message}")`
            : `no OAI-PMH (${error.message})`;
        const hint = /oai\.php/.test(endpoint)
          ? "; SLiMS's oai.php fails a whole page when one record is broken or hidden: try oai2.php"
          : '';
        throw new HarvestError(
          error.kind === 'html' ? 'htmlError' : 'notOai',
          `page ${String(number)} (HTTP ${String(status)}) is ${what}${hint}`,
        );
      }
      throw error;
    }
    const error = page.errors[0];
    if (error) {
      if (error.code === 'noRecordsMatch') return;
      throw new HarvestError(
        error.code,
        `${error.code}: ${error.message} — ${ADVICE[error.code] ?? 'the server refused the request'}`,
      );
    }
    if (status >= 400)
      throw new HarvestError('http', `page ${String(number)}: HTTP ${String(status)}`);
    options.onPage?.({
      number,
      records: page.records.length,
      ...(page.completeListSize !== undefined ? { completeListSize: page.completeListSize } : {}),
    });
    yield* page.records;
    token = page.resumptionToken;
    if (token === undefined) return;
    if (tokensSeen.has(token))
      throw new HarvestError('loop', `the server sent the page token "${token}" twice`);
    tokensSeen.add(token);
  }
  throw new HarvestError('tooManyPages', `more than ${String(MAX_PAGES)} pages`);
}
