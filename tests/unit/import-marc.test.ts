// The real MARC records in tests/fixtures/marc (pymarc's test data: Library of Congress records
// and known-bad ones) and spreadsheets as SLiMS and INLISLite write them.
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mapMarc } from '../../src/domain/import/marc.ts';
import { mapSheet } from '../../src/domain/import/spreadsheet.ts';
import { ddcClass, madeCallNumber } from '../../src/domain/import/identifiers.ts';
import { personName } from '../../src/domain/import/text.ts';
import { readIso2709, readMij } from '../../src/import/node/marc-file.ts';
import { MarcXmlReader } from '../../src/import/xml.ts';
import { readCatalogue } from '../../scripts/lib/catalog-import.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/marc');
const file = (name: string) => path.join(FIXTURES, name);

async function binary(name: string) {
  const out = [];
  for await (const reading of readIso2709(createReadStream(file(name)))) out.push(reading);
  return out;
}

describe('MARC 21 binary', () => {
  it('reads a MARC-8 record with its diacritics turned into Unicode', async () => {
    const [reading] = await binary('marc8.dat');
    expect(reading?.kind).toBe('record');
    if (reading?.kind !== 'record') return;
    expect(reading.record.leader[9]).toBe(' ');
    const { record } = mapMarc(reading.record, { label: 'marc8.dat #1' });
    expect(record).toMatchObject({
      title: 'Escape from loneliness',
      authors: ['Paul Tournier'],
      year: 1962,
      language: 'en',
    });
    const note = reading.record.fields.find((field) => field.tag === '500');
    expect(note?.subfields?.[0]?.[1]).toBe('Translation of De la solitude à la communauté.');
  });

  it('reads UTF-8 records with class, call number, ISBN and subjects', async () => {
    const readings = await binary('marc.dat');
    expect(readings).toHaveLength(20);
    const first = readings[0];
    if (first?.kind !== 'record') throw new Error('not read');
    expect(mapMarc(first.record, { label: 'marc.dat #1' }).record).toMatchObject({
      title: 'The pragmatic programmer: from journeyman to master',
      authors: ['Andrew Hunt', 'David Thomas'],
      authorsSortAs: ['Hunt, Andrew', 'Thomas, David'],
      isbns: ['020161622X'],
      ddc: '005.1',
      callNumber: 'QA76.6 .H857 2000',
      publisher: 'Addison-Wesley',
      year: 2000,
      subjects: ['Computer programming'],
      recordId: '11778504',
    });
  });

  it('reads the target audience from 008/22, and says nothing for a general book', async () => {
    const [first] = await binary('marc.dat');
    if (first?.kind !== 'record') throw new Error('not read');
    // The Library of Congress record is for a general audience (008/22 blank).
    expect(mapMarc(first.record, { label: 'marc.dat #1' }).record.audience).toBeUndefined();
    const withCode = (code: string) => ({
      ...first.record,
      fields: first.record.fields.map((field) =>
        field.tag === '008' && field.value
          ? { ...field, value: `${field.value.slice(0, 22)}${code}${field.value.slice(23)}` }
          : field,
      ),
    });
    expect(mapMarc(withCode('j'), { label: 'j' }).record.audience).toEqual({ maxAge: 15 });
    expect(mapMarc(withCode('d'), { label: 'd' }).record.audience).toEqual({
      minAge: 14,
      maxAge: 17,
    });
    expect(mapMarc(withCode('g'), { label: 'g' }).record.audience).toBeUndefined();
  });

  it('keeps every valid ISBN of a record with several, and its class with slashes', async () => {
    const [reading] = await binary('multi_isbn.dat');
    if (reading?.kind !== 'record') throw new Error('not read');
    const { record, warnings } = mapMarc(reading.record, { label: 'multi_isbn.dat #1' });
    expect(record.isbns).toEqual(['0914378287', '0914378295', '0914378260']);
    expect(record.ddc).toBe('811.54');
    expect(warnings).toEqual([]);
  });

  it('reports broken records and reads the rest of the file', async () => {
    const readings = await binary('bad_records.mrc');
    expect(readings.map((reading) => reading.kind)).toEqual([
      'record', 'broken', 'broken', 'broken', 'broken', 'broken', 'record', 'record',
    ]); // prettier-ignore
    const broken = readings.flatMap((reading) =>
      reading.kind === 'broken' ? [reading.reason] : [],
    );
    expect(broken[0]).toMatch(/base address 99937/);
    const good = readings[7];
    if (good?.kind !== 'record') throw new Error('not read');
    expect(mapMarc(good.record, { label: 'x' }).record.title).toBe(
      'The pragmatic programmer: from journeyman to master',
    );
  });

  it('reports invalid UTF-8 instead of passing it on silently', async () => {
    const [reading] = await binary('utf8_invalid.mrc');
    if (reading?.kind !== 'record') throw new Error('not read');
    const { warnings } = mapMarc(reading.record, {
      label: 'utf8_invalid.mrc #1',
      badBytes: reading.badBytes,
    });
    expect(warnings.map((warning) => warning.code)).toContain('bad_encoding');
  });

  it('the import command counts the broken records among its warnings and goes on', async () => {
    const read = await readCatalogue('marc', file('bad_records.mrc'), {});
    expect(read.records).toHaveLength(3);
    expect(read.warnings.filter((warning) => warning.code === 'broken_record')).toHaveLength(5);
  });
});

describe('MARCXML and MARC-in-JSON', () => {
  it('streams MARCXML records in any chunks', () => {
    const records: string[] = [];
    const reader = new MarcXmlReader((record) =>
      records.push(mapMarc(record, { label: 'batch.xml' }).record.title ?? ''),
    );
    const text = readFileSync(file('batch.xml'), 'utf8');
    for (let at = 0; at < text.length; at += 97) reader.write(text.slice(at, at + 97));
    reader.close();
    expect(records).toEqual(['The Great Ray Charles', 'The White House']);
  });

  it('reads MARC-in-JSON', () => {
    const [reading] = readMij(readFileSync(file('one.json'), 'utf8'));
    if (reading?.kind !== 'record') throw new Error('not read');
    expect(mapMarc(reading.record, { label: 'one.json' }).record).toMatchObject({
      title: 'ActivePerl with ASP and ADO',
      isbns: ['0471383147'],
      ddc: '005.133',
    });
  });

  it('reports a JSON file that is not MARC-in-JSON', () => {
    expect(readMij('{"nope": 1}')[0]?.kind).toBe('broken');
    expect(readMij('not json')[0]?.kind).toBe('broken');
  });
});

describe('INLISLite MARC', () => {
  it('takes the class from 082, the call number from 084 and one copy per 990', () => {
    const { record } = mapMarc(
      {
        leader: '00000nam  2200000   4500',
        fields: [
          { tag: '001', value: 'INLIS000000000001234' },
          { tag: '008', value: '200101s2019    io            000 0 ind  ' },
          { tag: '020', ind1: ' ', ind2: ' ', subfields: [['a', '978-602-03-3295-6']] },
          { tag: '082', ind1: ' ', ind2: ' ', subfields: [['a', '899.221 3']] },
          { tag: '084', ind1: ' ', ind2: ' ', subfields: [['a', '899.221 3 TOE b']] },
          { tag: '100', ind1: '0', ind2: ' ', subfields: [['a', 'Toer, Pramoedya Ananta']] },
          {
            tag: '245',
            ind1: '1',
            ind2: '0',
            subfields: [
              ['a', 'Bumi manusia /'],
              ['c', 'Pramoedya Ananta Toer'],
            ],
          },
          { tag: '990', ind1: ' ', ind2: ' ', subfields: [['a', '0001/2019']] },
          { tag: '990', ind1: ' ', ind2: ' ', subfields: [['a', '0002/2019']] },
        ],
      },
      { label: 'inlislite' },
    );
    expect(record).toMatchObject({
      system: 'inlislite',
      title: 'Bumi manusia',
      authors: ['Pramoedya Ananta Toer'],
      isbns: ['9786020332956'],
      ddc: '899.2213',
      callNumber: '899.221 3 TOE b',
      copies: 2,
      language: 'id',
    });
  });
});

describe('spreadsheets', () => {
  const slimsRow =
    '"Linux In a Nutshell","Text","Fifth Edition","9780596009304","OReilly","2005","xiv, 925 p. : ill. ; 23 cm.","In a Nutshell","005.4/32-22 Ell l","English","Sebastopol, CA","005.4/32 22","","linux_in_a_nutshell.jpg","","<Siever, Ellen><Love, Robert><Robbins, Arnold><Figgins, Stephen><Weber, Aaron>","<Operating System><Linux><Computer>","<B00009><B00010>"';

  it("reads SLiMS's export without its header row", () => {
    const rows = Papa.parse<string[]>(slimsRow).data;
    const { records, layout } = mapSheet(rows, 'biblio.csv');
    expect(layout?.kind).toBe('slims');
    expect(records[0]).toMatchObject({
      title: 'Linux In a Nutshell',
      authors: ['Ellen Siever', 'Robert Love', 'Arnold Robbins', 'Stephen Figgins', 'Aaron Weber'],
      isbns: ['9780596009304'],
      ddc: '005.432',
      callNumber: '005.4/32-22 Ell l',
      subjects: ['Operating System', 'Linux', 'Computer'],
      copies: 2,
      language: 'en',
    });
  });

  it("counts copies and available ones in INLISLite's datasheet (one row per copy)", () => {
    const csv = [
      'NO. INDUK,KETERSEDIAAN,JUDUL UTAMA,TAJUK PENGARANG,NO DDC,NOMOR PANGGIL KATALOG,BAHASA,SUBJEK TOPIK',
      '0001/2020,Tersedia,Mahligai Biru,"Pradana, Mamik",123,123 PRA m,ind,Rumah Tangga',
      '0002/2020,Dipinjam,Mahligai Biru,"Pradana, Mamik",123,123 PRA m,ind,Rumah Tangga',
      '0003/2020,Tersedia,Mahligai Biru,"Pradana, Mamik",123,123 PRA m,ind,Rumah Tangga',
    ].join('\n');
    const { records } = mapSheet(Papa.parse<string[]>(csv).data, 'koleksi.csv');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      system: 'inlislite',
      title: 'Mahligai Biru',
      authors: ['Mamik Pradana'],
      ddc: '123',
      callNumber: '123 PRA m',
      copies: 3,
      available: 2,
      language: 'id',
    });
  });

  it('a sheet without a known column is refused with a clear message', () => {
    expect(mapSheet([['a', 'b']], 'x.csv').layout).toBeUndefined();
  });
});

describe('catalogue values', () => {
  it.each([
    ['005.13/3 22', '005.133'],
    ['338.9/1/091724 20', '338.91091724'],
    ['811/.5/4', '811.54'],
    ['[899.221]', '899.221'],
    ['Fiksi', undefined],
  ])('DDC %s → %s', (raw, expected) => {
    expect(ddcClass(raw)).toBe(expected);
  });

  it('turns inverted names round and drops life dates', () => {
    expect(personName('Tournier, Paul, 1898-1986.')).toEqual({
      display: 'Paul Tournier',
      sortAs: 'Tournier, Paul',
    });
    expect(personName('Toer, Pramoedya Ananta')).toEqual({
      display: 'Pramoedya Ananta Toer',
      sortAs: 'Toer, Pramoedya Ananta',
    });
    expect(personName('Multatuli').display).toBe('Multatuli');
  });

  it('makes an Indonesian call number when the record has none', () => {
    expect(madeCallNumber('123', 'Pradana, Mamik', 'Mahligai Biru')).toBe('123 PRA m');
  });
});
