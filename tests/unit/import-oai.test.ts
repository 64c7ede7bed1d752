// Harvesting the real SLiMS 9 answers in tests/fixtures/slims, replayed by a local server:
// both endpoints, paged harvests that follow opaque tokens, incremental and set harvests, every
// error answer, and the waits and retries a slow server needs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { mapDublinCore } from '../../src/domain/import/dublin-core.ts';
import type { CatalogueRecord } from '../../src/domain/import/record.ts';
import { repairMojibake } from '../../src/domain/import/text.ts';
import { readCatalogue } from '../../scripts/lib/catalog-import.ts';
import { harvest, HarvestError } from '../../scripts/lib/oai-harvest.ts';
import {
  startFixtureServer,
  type FixtureAnswer,
  type FixtureServer,
} from '../../scripts/lib/oai-fixture-server.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/slims');
/** The two large HTML error pages are stored gzipped. */
const fixture = (name: string) => {
  const gzipped = path.join(FIXTURES, `${name}.gz`);
  return existsSync(gzipped)
    ? gunzipSync(readFileSync(gzipped)).toString('utf8')
    : readFileSync(path.join(FIXTURES, name), 'utf8');
};
const xml = (name: string, status = 200): FixtureAnswer => ({ status, body: fixture(name) });

/** What SLiMS answered, by endpoint and request, as captured in the fixtures. */
function slims(paged: boolean) {
  return (url: URL): FixtureAnswer => {
    const endpoint = url.pathname.endsWith('oai2.php') ? 'oai2' : 'oai';
    const q = url.searchParams;
    if (q.get('verb') !== 'ListRecords') return xml(`${endpoint}_error_badVerb_Bogus.xml`);
    const token = q.get('resumptionToken');
    if (token !== null) {
      const page = { 'oai_dc/5': 2, 'oai_dc/10': 3, '5____oai_dc': 2, '10____oai_dc': 3 }[token];
      if (!page) return xml('oai2_ListRecords_badResumptionToken.xml', 500);
      return xml(`paging5/${endpoint}_ListRecords_per5_page0${String(page)}.xml`);
    }
    if (q.get('metadataPrefix') !== 'oai_dc')
      return xml('oai2_error_cannotDisseminate_marcxml.xml');
    if (q.get('set') === '2005') return xml('oai2_ListRecords_set_2005.xml');
    if (q.get('set')) return xml('oai2_ListRecords_set_class_collection.xml');
    if (q.get('from')?.startsWith('2030')) return xml('oai2_ListRecords_from_until_noMatch.xml');
    if (q.get('from')) return xml('oai2_ListRecords_from_20071129T160000Z.xml');
    if (paged) return xml(`paging5/${endpoint}_ListRecords_per5_page01.xml`);
    return xml(`${endpoint}_ListRecords_oai_dc.xml`);
  };
}

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function records(endpoint: string, options: Parameters<typeof harvest>[1] = {}) {
  const found: CatalogueRecord[] = [];
  for await (const record of harvest(endpoint, options))
    found.push(mapDublinCore(record.header, record.dc).record);
  return found;
}

describe('harvesting SLiMS over OAI-PMH', () => {
  it.each(['oai.php', 'oai2.php'])('%s: all 15 sample records come out complete', async (file) => {
    server = await startFixtureServer(slims(false));
    const books = await records(`${server.url}/${file}`);
    expect(books).toHaveLength(15);
    for (const book of books) {
      expect(book.title, book.label).toBeTruthy();
      expect(book.authors.length, book.label).toBeGreaterThan(0);
      expect(book.isbns.length, book.label).toBe(1);
      expect(book.callNumber, book.label).toMatch(/^\d{3}/);
      expect(book.ddc, book.label).toMatch(/^\d{3}(\.\d+)?$/);
      expect(book.language).toBe('en'); // "English" from oai.php, "en" from oai2.php
      expect(book.system).toBe('slims');
    }
    const linux = books.find((book) => book.recordId === '2');
    expect(linux).toMatchObject({
      title: 'Linux In a Nutshell',
      authors: ['Ellen Siever', 'Robert Love', 'Arnold Robbins', 'Stephen Figgins', 'Aaron Weber'],
      authorsSortAs: [
        'Siever, Ellen',
        'Love, Robert',
        'Robbins, Arnold',
        'Figgins, Stephen',
        'Weber, Aaron',
      ],
      isbns: ['9780596009304'],
      callNumber: '005.4/32-22 Ell l',
      ddc: '005.432',
      publisher: 'OReilly',
      year: 2005,
    });
    expect(linux?.coverUrl).toContain('linux_in_a_nutshell.jpg');
    expect(linux?.opacUrl).toMatch(/index\.php\?p=show_detail&id=2$/);
  });

  it('both endpoints give the same books, matched by the SLiMS record id', async () => {
    server = await startFixtureServer(slims(false));
    const one = await records(`${server.url}/oai.php`);
    const two = await records(`${server.url}/oai2.php`);
    for (const book of one) {
      const other = two.find((candidate) => candidate.recordId === book.recordId);
      expect(other, book.label).toBeDefined();
      expect(other?.title).toBe(book.title);
      expect(other?.isbns).toEqual(book.isbns);
      expect(other?.callNumber).toBe(book.callNumber);
      expect(other?.ddc).toBe(book.ddc);
    }
  });

  it('oai.php counts copies from the item barcodes it lists; its CR line ends become paragraphs', async () => {
    server = await startFixtureServer(slims(false));
    const books = await records(`${server.url}/oai.php`);
    expect(books.find((book) => book.recordId === '2')?.copies).toBe(2);
    const crlf = books.find((book) => book.description?.includes('Web application development'));
    expect(crlf?.description).not.toMatch(/\r/);
  });

  it.each([
    ['oai.php', ['oai_dc/5', 'oai_dc/10']],
    ['oai2.php', ['5____oai_dc', '10____oai_dc']],
  ])('%s paged by 5: follows the tokens exactly as written', async (file, tokens) => {
    server = await startFixtureServer(slims(true));
    const pages: number[] = [];
    const books = await records(`${server.url}/${file}`, {
      onPage: ({ records: count }) => pages.push(count),
    });
    expect(pages).toEqual([5, 5, 5]);
    expect(new Set(books.map((book) => book.recordId)).size).toBe(15);
    expect(
      server.requests
        .slice(1)
        .map((request) => new URL(request, server?.url).searchParams.get('resumptionToken')),
    ).toEqual(tokens);
  });

  it('a set and an incremental harvest ask the server for them', async () => {
    server = await startFixtureServer(slims(false));
    expect(await records(`${server.url}/oai2.php`, { set: '2005' })).toHaveLength(3);
    expect(await records(`${server.url}/oai2.php`, { from: '2007-11-29T16:00:00Z' })).toHaveLength(
      13,
    );
    expect(server.requests.at(-1)).toContain('from=2007-11-29T16%3A00%3A00Z');
  });

  it('noRecordsMatch is an empty harvest, not a failure', async () => {
    server = await startFixtureServer(slims(false));
    expect(await records(`${server.url}/oai2.php`, { from: '2030-01-01' })).toEqual([]);
    expect(await records(`${server.url}/oai2.php`, { set: 'class:collection' })).toEqual([]);
  });

  it('a format the server does not offer is reported with what it means', async () => {
    server = await startFixtureServer(slims(false));
    const run = records(`${server.url}/oai2.php`, { metadataPrefix: 'marcxml' });
    await expect(run).rejects.toMatchObject({ code: 'cannotDisseminateFormat' });
    await expect(records(`${server.url}/oai2.php`, { metadataPrefix: 'marcxml' })).rejects.toThrow(
      /does not offer this metadata format/,
    );
  });

  it.each(['oai.php', 'oai2.php'])(
    '%s: badVerb says the address is not an OAI endpoint',
    async (file) => {
      const endpoint = file.replace('.php', '');
      server = await startFixtureServer(() => xml(`${endpoint}_error_badVerb_Bogus.xml`));
      const error = await records(`${server.url}/${file}`).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'badVerb' });
      expect(String(error)).toMatch(/not an OAI-PMH endpoint/);
    },
  );

  it('an expired token answered with an HTML error page (HTTP 500) says to start again', async () => {
    server = await startFixtureServer((url) =>
      url.searchParams.get('resumptionToken')
        ? xml('oai2_ListRecords_badResumptionToken.xml', 500)
        : xml('paging5/oai2_ListRecords_per5_page01.xml'),
    );
    const error = await records(`${server.url}/oai2.php`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HarvestError);
    expect((error as HarvestError).code).toBe('htmlError');
    expect((error as HarvestError).message).toContain('Oops Error');
    expect((error as HarvestError).message).toContain('HTTP 500');
  });

  it("oai.php's HTML after an XML prolog (one broken record) points to oai2.php", async () => {
    server = await startFixtureServer(() => xml('oai_GetRecord_nonexistent_id9999.xml', 500));
    await expect(records(`${server.url}/oai.php`)).rejects.toThrow(
      /HTML error page.*try oai2\.php/,
    );
  });

  it('waits as long as a 503 Retry-After says, and retries a dropped connection', async () => {
    let calls = 0;
    server = await startFixtureServer((url) => {
      calls += 1;
      if (calls === 1) return { status: 503, body: 'busy', headers: { 'retry-after': '7' } };
      if (calls === 2) return 'drop';
      return slims(false)(url);
    });
    const waits: number[] = [];
    const books = await records(`${server.url}/oai2.php`, {
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(books).toHaveLength(15);
    expect(waits[0]).toBe(7000);
    expect(waits).toHaveLength(2);
  });

  it('gives up after the retries with a message naming the address', async () => {
    server = await startFixtureServer(() => 'drop');
    await expect(
      records(`${server.url}/oai2.php`, { retries: 2, wait: () => Promise.resolve() }),
    ).rejects.toThrow(/oai2\.php.*after 3 tries/);
  });

  it('a token sent twice stops the harvest instead of looping', async () => {
    server = await startFixtureServer(() => xml('paging5/oai2_ListRecords_per5_page01.xml'));
    await expect(records(`${server.url}/oai2.php`)).rejects.toMatchObject({ code: 'loop' });
  });

  it('the import command reads the endpoint into records with their warnings', async () => {
    server = await startFixtureServer(slims(true));
    const read = await readCatalogue('oai', `${server.url}/oai.php`, {});
    expect(read.system).toBe('slims');
    expect(read.records).toHaveLength(15);
  });
});

/** UTF-8 read as Windows-1252: how mojibake is made. */
const garble = (text: string) =>
  new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));

describe("the sample data's own faults", () => {
  it('repairs the doubly stored mojibake in SLiMS sample series', () => {
    expect(repairMojibake('DeveloperÃ¢â‚¬â„¢s library')).toEqual({
      text: 'Developer’s library',
      repaired: true,
    });
    expect(repairMojibake('Bruce PerensÃ¢â‚¬â„¢ Open Source series').text).toBe(
      'Bruce Perens’ Open Source series',
    );
    // Real letters stay: a name with "Ã" that is not mojibake is left alone.
    expect(repairMojibake('SÃO PAULO').repaired).toBe(false);
    expect(repairMojibake('Pramoedya Ananta Toer').repaired).toBe(false);
  });

  it('a title stored twice-encoded by oai.php is repaired and reported', () => {
    const { record, warnings } = mapDublinCore({ identifier: 'oai:slims/99', deleted: false }, [
      { name: 'dc:title', value: garble(garble('“Laskar Pelangi”')) },
      { name: 'dc:creator', value: 'Hirata, Andrea' },
      { name: 'dc:subject', value: '899.221 23' },
      { name: 'dc:identifier', value: '899.221 HIR l' },
    ]);
    expect(record.title).toBe('“Laskar Pelangi”');
    expect(warnings.map((warning) => warning.code)).toContain('mojibake_repaired');
  });

  it('a record hidden from the OPAC (reported as deleted) is marked so', () => {
    const { record } = mapDublinCore(
      { identifier: 'oai:127.0.0.1:8088:slims-7', deleted: true },
      [],
    );
    expect(record).toMatchObject({ recordId: '7', deleted: true });
  });
});
