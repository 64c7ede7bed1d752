// Importing twice: the catalogue's fields are refreshed, what staff authored stays, and a record
// gone from the catalogue is withdrawn (kept, left out of the feed), never deleted.
import { describe, expect, it } from 'vitest';
import { mapDublinCore, type DcElement } from '../../src/domain/import/dublin-core.ts';
import { mergeRecords } from '../../src/domain/import/merge.ts';
import { shelfForClass } from '../../src/domain/import/shelves.ts';
import { liveBooks } from '../../src/domain/source/build.ts';
import { SourceCatalog, type SourceCatalogData } from '../../src/domain/source/schema.ts';

const library: SourceCatalogData = SourceCatalog.parse({
  title: { id: 'Perpustakaan Uji' },
  library: {
    name: { id: 'Perpustakaan Uji' },
    address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
    languages: ['id', 'en'],
    floorPlan: 'denah.svg',
  },
  shelves: [
    {
      id: 'umum',
      label: { id: 'Karya Umum & Komputer' },
      ddc: { from: '000', to: '099' },
      position: { x: 10, y: 10 },
    },
    {
      id: 'sosial',
      label: { id: 'Ilmu Sosial' },
      ddc: { from: '300', to: '399' },
      position: { x: 60, y: 10 },
    },
  ],
  books: [],
});

const record = (id: string, title: string, extra: DcElement[] = []) =>
  mapDublinCore({ identifier: `oai:slims/${id}`, deleted: false }, [
    { name: 'dc:title', value: title },
    { name: 'dc:creator', value: 'Hirata, Andrea' },
    { name: 'dc:identifier', value: `http://opac.example/index.php?p=show_detail&id=${id}` },
    ...extra,
  ]).record;

const first = [
  record('1', 'PHP 5 for dummies', [
    { name: 'dc:subject', value: '005.13/3 22' },
    { name: 'dc:identifier', value: '005.13/3-22 Jan p' },
    { name: 'dc:identifier', value: '0764541668' },
  ]),
  record('2', 'Lords of poverty', [
    { name: 'dc:subject', value: '338.9/1/091724 20' },
    { name: 'dc:identifier', value: '338.9 Han l' },
  ]),
  record('3', 'Sejarah Minahasa', [
    { name: 'dc:subject', value: '959.8 23' },
    { name: 'dc:identifier', value: '959.8 HIR s' },
  ]),
  record('4', 'Perpustakaan dan masyarakat', [
    { name: 'dc:subject', value: '020 23' },
    { name: 'dc:identifier', value: '020 HIR p' },
  ]),
];
const options = { from: 'http://opac.example/oai2.php', system: 'slims' as const, complete: true };

describe('merging imports', () => {
  it('places new books by class and reports the one no shelf covers', () => {
    const { catalog, report } = mergeRecords(library, first, {
      ...options,
      importedAt: '2026-11-01T00:00:00Z',
    });
    expect(report.added.map((book) => book.title)).toEqual([
      'PHP 5 for dummies',
      'Lords of poverty',
      'Perpustakaan dan masyarakat',
    ]);
    expect(report.skipped).toEqual([{ record: 'oai:slims/3', code: 'no_shelf', detail: '959.8' }]);
    expect(catalog.books.map((book) => book.shelf)).toEqual(['umum', 'sosial', 'umum']);
    expect(SourceCatalog.safeParse(catalog).success).toBe(true);
  });

  it('a second import keeps the authored model and story, refreshes the changed fields and withdraws what vanished', () => {
    const once = mergeRecords(library, first, {
      ...options,
      importedAt: '2026-11-01T00:00:00Z',
    }).catalog;
    // Staff author on two books: a cover photo, a model placed on it, a story, an English title.
    const [php, lords] = once.books;
    if (!php || !lords) throw new Error('not imported');
    const authored = {
      ...once,
      stories: [
        {
          id: 'kisah-uji',
          title: { id: 'Kisah' },
          body: { id: 'Isi' },
          format: 'markdown' as const,
          topics: [],
          books: [lords.id],
          shelves: [],
          sources: [{ title: 'Sumber' }],
          featured: false,
        },
      ],
      books: once.books.map((book) =>
        book.id === php.id
          ? {
              ...book,
              cover: 'covers/php.jpg',
              track: true,
              model: {
                file: 'models/elephpant.glb',
                position: [0, 0.1, 0] as [number, number, number],
                scale: 0.8,
              },
              title: { ...book.title, en: 'PHP 5 for Dummies' },
            }
          : book.id === lords.id
            ? { ...book, stories: ['kisah-uji'], summary: { id: 'Ringkasan staf' } }
            : book,
      ),
    };

    // The catalogue changes: a new call number and copies for PHP, a new title for Lords, book 4 gone.
    const second = [
      record('1', 'PHP 5 for dummies', [
        { name: 'dc:subject', value: '005.13/3 22' },
        { name: 'dc:identifier', value: '005.133 VAL p' },
        { name: 'dc:identifier', value: '0764541668' },
        { name: 'dc:hasPart', value: 'B1' },
        { name: 'dc:hasPart', value: 'B2' },
        { name: 'dc:hasPart', value: 'B3' },
      ]),
      record('2', 'Lords of poverty: the power, prestige, and corruption', [
        { name: 'dc:subject', value: '338.9/1/091724 20' },
        { name: 'dc:identifier', value: '338.9 Han l' },
      ]),
    ];
    const { catalog, report } = mergeRecords(authored, second, {
      ...options,
      importedAt: '2026-12-01T00:00:00Z',
    });
    const phpAfter = catalog.books.find((book) => book.id === php.id);
    const lordsAfter = catalog.books.find((book) => book.id === lords.id);
    expect(phpAfter).toMatchObject({
      cover: 'covers/php.jpg',
      track: true,
      model: { file: 'models/elephpant.glb', position: [0, 0.1, 0], scale: 0.8 },
      title: { id: 'PHP 5 for dummies', en: 'PHP 5 for Dummies' },
      callNumber: '005.133 VAL p',
      copies: 3,
      shelf: 'umum',
    });
    expect(lordsAfter).toMatchObject({
      stories: ['kisah-uji'],
      summary: { id: 'Ringkasan staf' },
      title: { id: 'Lords of poverty: the power, prestige, and corruption' },
    });
    expect(report.updated.find((book) => book.id === php.id)?.fields).toEqual([
      'callNumber',
      'copies',
      'available',
    ]);
    expect(report.updated.find((book) => book.id === lords.id)?.fields).toEqual(['title']);
    expect(report.withdrawn.map((book) => book.title)).toEqual(['Perpustakaan dan masyarakat']);
    // Withdrawn, not deleted: still in the source, left out of the feed.
    expect(catalog.books).toHaveLength(3);
    expect(liveBooks(catalog).map((book) => book.id)).toEqual([php.id, lords.id]);
    expect(catalog.stories).toEqual(authored.stories);
  });

  it('an incremental import withdraws nothing, and a record that comes back is restored', () => {
    const once = mergeRecords(library, first, {
      ...options,
      importedAt: '2026-11-01T00:00:00Z',
    }).catalog;
    const partial = mergeRecords(once, first.slice(0, 1), {
      ...options,
      complete: false,
      importedAt: '2026-11-02T00:00:00Z',
    });
    expect(partial.report.withdrawn).toEqual([]);
    const full = mergeRecords(once, first.slice(0, 1), {
      ...options,
      importedAt: '2026-11-03T00:00:00Z',
    });
    expect(full.report.withdrawn).toHaveLength(2);
    const back = mergeRecords(full.catalog, first, {
      ...options,
      importedAt: '2026-11-04T00:00:00Z',
    });
    expect(back.report.restored.map((book) => book.title)).toEqual([
      'Lords of poverty',
      'Perpustakaan dan masyarakat',
    ]);
  });

  it('matches by ISBN when the record id is new (the book came from another system)', () => {
    const once = mergeRecords(library, first, {
      ...options,
      importedAt: '2026-11-01T00:00:00Z',
    }).catalog;
    const moved = record('901', 'PHP 5 for dummies', [
      { name: 'dc:subject', value: '005.13/3 22' },
      { name: 'dc:identifier', value: '005.13/3-22 Jan p' },
      { name: 'dc:identifier', value: '978-0-7645-4166-7' },
    ]);
    const { report } = mergeRecords(once, [moved], {
      ...options,
      complete: false,
      importedAt: '2026-11-05T00:00:00Z',
    });
    expect(report.added).toEqual([]);
    expect(report.updated.map((book) => book.title)).toEqual(['PHP 5 for dummies']);
  });
});

describe('shelf ranges', () => {
  const shelves = [
    { id: 'sastra', ddc: { from: '800', to: '898' } },
    { id: 'sastra-indonesia', ddc: { from: '899.2', to: '899.29' } },
    { id: 'anak', ddc: { from: '000', to: '999' } },
  ];
  it.each([
    ['899.221', 'sastra-indonesia'],
    ['899.29', 'sastra-indonesia'],
    ['813.54', 'sastra'],
    ['898.9', 'sastra'],
    ['005.133', 'anak'],
  ])('%s stands on %s', (ddc, shelf) => {
    expect(shelfForClass(ddc, shelves)).toBe(shelf);
  });
});
