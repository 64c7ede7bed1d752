import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedText } from '../../src/domain/feed/parse.ts';
import type { FeedIssue } from '../../src/domain/feed/issues.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

type Feed = ReturnType<typeof demoFeed>;

function errorsOf(feed: unknown): readonly FeedIssue[] {
  const result = parseFeed(feed, DEMO_FEED_URL);
  if (result.ok) throw new Error('expected the feed to be refused');
  return result.errors;
}

/** Asserts that an error at `path` says `id` (Bahasa Indonesia) and `en` (English). */
function expectError(errors: readonly FeedIssue[], path: string, id: RegExp, en: RegExp) {
  const atPath = errors.filter((error) => error.path === path);
  expect(atPath, `no error at ${path}; got ${JSON.stringify(errors, null, 1)}`).not.toHaveLength(0);
  expect(
    atPath.some((error) => id.test(error.message.id) && en.test(error.message.en)),
    JSON.stringify(atPath),
  ).toBe(true);
}

describe('the demo feed', () => {
  it('parses into the Bitung demo library', () => {
    const result = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    const { catalog } = result;
    expect(catalog.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(catalog.books.length).toBeGreaterThanOrEqual(36);
    expect(catalog.shelves.length).toBeGreaterThanOrEqual(6);
    expect(catalog.stories.length).toBeGreaterThanOrEqual(10);
    expect(catalog.tours).toHaveLength(3);
    expect(catalog.events).toHaveLength(6);
    for (const tour of catalog.tours) {
      expect(tour.stops.length).toBeGreaterThanOrEqual(5);
      expect(tour.stops.length).toBeLessThanOrEqual(8);
    }
  });

  it('resolves asset URLs against the address the feed came from', () => {
    const result = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!result.ok) throw new Error('demo feed refused');
    const book = result.catalog.books.find((b) => b.id === 'malay-archipelago');
    expect(book?.cover.href).toBe(
      `https://perpustakaan.example/demo/covers/malay-archipelago.jpg?sha256=${book?.cover.sha256}`,
    );
    expect(book?.shelfId).toBe('sejarah');
    expect(book?.ddc).toBe('915.98');
    expect(book?.target?.set).toBe('rak-sejarah');
  });

  it('has every story in both languages with sources, and distinct DDC classes on its shelves', () => {
    const result = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!result.ok) throw new Error('demo feed refused');
    for (const story of result.catalog.stories) {
      expect(story.body.id, story.id).toBeTruthy();
      expect(story.body.en, story.id).toBeTruthy();
      expect(story.sources.length, story.id).toBeGreaterThan(0);
    }
    const classes = new Set(result.catalog.books.map((book) => book.ddc?.charAt(0)));
    expect(classes.size).toBeGreaterThanOrEqual(4);
  });

  it('ignores fields it does not know', () => {
    const feed = demoFeed();
    feed.publications[0].ar.shelfColour = 'blue';
    feed.ar.futureFeature = { enabled: true };
    const result = parseFeed(feed, DEMO_FEED_URL);
    expect(result.ok).toBe(true);
  });

  it('migrates a 0.9 feed to the current version', () => {
    const feed = demoFeed();
    feed.ar.version = '0.9';
    delete feed.ar.metadata;
    for (const publication of feed.publications) {
      publication.ar.shelfId = publication.ar.shelf;
      delete publication.ar.shelf;
      publication.ar.copiesAvailable = publication.ar.available;
      delete publication.ar.available;
    }
    for (const set of feed.ar.targetSets) {
      set.items = set.targets.map((t: { kind: string; id: string }) => `${t.kind}:${t.id}`);
      delete set.targets;
    }
    const result = parseFeed(feed, DEMO_FEED_URL);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    expect(result.migratedFrom).toBe('0.9');
    expect(result.catalog.schemaVersion).toBe('1.2');
    expect(result.catalog.books[0]?.shelfId).toBe(demoFeed().publications[0].ar.shelf);
    expect(result.catalog.targetSets[0]?.targets[0]).toEqual(
      demoFeed().ar.targetSets[0].targets[0],
    );
  });

  it('accepts a newer minor version of the same major', () => {
    const feed = demoFeed();
    feed.ar.metadata.schemaVersion = '1.7';
    expect(parseFeed(feed, DEMO_FEED_URL).ok).toBe(true);
  });
});

interface Case {
  readonly name: string;
  readonly break: (feed: Feed) => unknown;
  readonly path: string;
  readonly id: RegExp;
  readonly en: RegExp;
}

const firstBookOnShelf = (feed: Feed, shelf: string) =>
  feed.publications.findIndex((p: Feed) => p.ar.shelf === shelf);

const cases: Case[] = [
  {
    name: 'a list instead of an object',
    break: () => [1, 2],
    path: '$',
    id: /bukan objek JSON/,
    en: /not a JSON object/,
  },
  {
    name: 'a plain OPDS feed without the ar extension',
    break: (f) => {
      delete f.ar;
      return f;
    },
    path: '$.ar',
    id: /tidak punya ekstensi "ar"/,
    en: /no Lensa Pustaka "ar" extension/,
  },
  {
    name: 'a newer major schema version',
    break: (f) => ((f.ar.metadata.schemaVersion = '2.0'), f),
    path: '$.ar.metadata.schemaVersion',
    id: /versi 2\.0.*perbarui aplikasi/,
    en: /version 2\.0, newer than this app understands/,
  },
  {
    name: 'a malformed schema version',
    break: (f) => ((f.ar.metadata.schemaVersion = 'one'), f),
    path: '$.ar.metadata.schemaVersion',
    id: /MAYOR\.MINOR/,
    en: /MAJOR\.MINOR/,
  },
  {
    name: 'a feed without a title',
    break: (f) => (delete f.metadata.title, f),
    path: '$.metadata.title',
    id: /wajib diisi/,
    en: /is required/,
  },
  {
    name: 'a modified date without a time zone',
    break: (f) => ((f.metadata.modified = '2026-11-28 10:00'), f),
    path: '$.metadata.modified',
    id: /ISO 8601 dengan zona waktu/,
    en: /ISO 8601 with a time zone/,
  },
  {
    name: 'no books',
    break: (f) => ((f.publications = []), f),
    path: '$.publications',
    id: /tidak berisi buku/,
    en: /holds no books/,
  },
  {
    name: 'a book id with spaces and capitals',
    break: (f) => ((f.publications[2].ar.id = 'Bad Id'), f),
    path: '$.publications[2].ar.id',
    id: /huruf kecil, angka, dan tanda hubung/,
    en: /lower-case letters, digits and hyphens/,
  },
  {
    name: 'two books with one id',
    break: (f) => ((f.publications[3].ar.id = f.publications[1].ar.id), f),
    path: '$.publications[3].ar.id',
    id: /dipakai lebih dari sekali/,
    en: /used more than once/,
  },
  {
    name: 'a book on a shelf that does not exist',
    break: (f) => ((f.publications[0].ar.shelf = 'gudang'), f),
    path: '$.publications[0].ar.shelf',
    id: /rak "gudang" tidak ada di katalog/,
    en: /shelf "gudang" is not in the catalog/,
  },
  {
    name: 'more copies available than owned',
    break: (f) => ((f.publications[0].ar.copies = 2), (f.publications[0].ar.available = 5), f),
    path: '$.publications[0].ar.available',
    id: /tersedia \(5\) melebihi jumlah eksemplar \(2\)/,
    en: /available copies \(5\) exceed copies \(2\)/,
  },
  {
    name: 'a negative number of copies',
    break: (f) => ((f.publications[0].ar.copies = -1), f),
    path: '$.publications[0].ar.copies',
    id: /harus ≥ 0/,
    en: /must be ≥ 0/,
  },
  {
    name: 'copies written as text',
    break: (f) => ((f.publications[0].ar.copies = 'three'), f),
    path: '$.publications[0].ar.copies',
    id: /harus angka, bukan teks/,
    en: /must be a number, not text/,
  },
  {
    name: 'a book without a cover',
    break: (f) => ((f.publications[4].images = []), f),
    path: '$.publications[4].images',
    id: /perlu gambar sampul/,
    en: /needs a cover image/,
  },
  {
    name: 'a cover with a malformed hash',
    break: (f) => ((f.publications[0].images[0].sha256 = 'abc123'), f),
    path: '$.publications[0].images[0].sha256',
    id: /64 digit heksadesimal/,
    en: /64 lower-case hex digits/,
  },
  {
    name: 'a javascript: URL as a cover',
    break: (f) => ((f.publications[0].images[0].href = 'javascript:alert(1)'), f),
    path: '$.publications[0].images[0].href',
    id: /javascript: ditolak/,
    en: /javascript: are refused/,
  },
  {
    name: 'a javascript: URL disguised with a tab',
    break: (f) => ((f.ar.targetSets[0].href = 'java\tscript:alert(1)'), f),
    path: '$.ar.targetSets[0].href',
    id: /skema lain/,
    en: /other schemes/,
  },
  {
    name: 'a data: URL as a 3D model',
    break: (f) => {
      const i = f.publications.findIndex((p: Feed) => p.ar.overlays.model);
      f.publications[i].ar.overlays.model.asset.href = 'data:model/gltf-binary;base64,AAAA';
      return f;
    },
    path: '$.publications[0].ar.overlays.model.asset.href',
    id: /URL harus relatif atau memakai http\(s\)/,
    en: /URL must be relative or use http\(s\)/,
  },
  {
    name: 'an ISBN with a wrong check digit',
    break: (f) => ((f.publications[0].metadata.identifier = 'urn:isbn:9786020332957'), f),
    path: '$.publications[0].metadata.identifier',
    id: /ISBN .* tidak valid/,
    en: /ISBN .* is not valid/,
  },
  {
    name: 'an empty language map as a title',
    break: (f) => ((f.publications[0].metadata.title = {}), f),
    path: '$.publications[0].metadata.title',
    id: /setidaknya dalam satu bahasa/,
    en: /at least one language/,
  },
  {
    name: 'a language map keyed by a language name',
    break: (f) => ((f.ar.shelves[0].label = { indonesian: 'Ilmu Alam' }), f),
    path: '$.ar.shelves[0].label.indonesian',
    id: /kode bahasa tidak valid/,
    en: /not a valid language code/,
  },
  {
    name: 'two shelves with one id',
    break: (f) => ((f.ar.shelves[1].id = f.ar.shelves[0].id), f),
    path: '$.ar.shelves[1].id',
    id: /id rak .* lebih dari sekali/,
    en: /shelf id .* more than once/,
  },
  {
    name: 'a book pointing at a target set that does not exist',
    break: (f) => ((f.publications[0].ar.target.set = 'rak-hilang'), f),
    path: '$.publications[0].ar.target.set',
    id: /set target "rak-hilang" tidak ada/,
    en: /target set "rak-hilang" is not in the catalog/,
  },
  {
    name: "a book pointing at another book's target",
    break: (f) => {
      const i = firstBookOnShelf(f, 'sains');
      f.publications[i].ar.target.index = Number(f.publications[i].ar.target.index) + 1;
      return f;
    },
    path: '$.publications[0].ar.target.index',
    id: /bukan buku "ecology-of-sulawesi"/,
    en: /is not book "ecology-of-sulawesi"/,
  },
  {
    name: 'a target set naming a book that does not exist',
    break: (f) => ((f.ar.targetSets[1].targets[2].id = 'buku-hantu'), f),
    path: '$.ar.targetSets[1].targets[2].id',
    id: /buku "buku-hantu" tidak ada di katalog/,
    en: /book "buku-hantu" is not in the catalog/,
  },
  {
    name: 'a target set with 21 targets',
    break: (f) => {
      const set = f.ar.targetSets[1];
      set.targets = Array.from({ length: 21 }, (_, i) => set.targets[i % set.targets.length]);
      return f;
    },
    path: '$.ar.targetSets[1].targets',
    id: /paling banyak 20 target/,
    en: /at most 20 targets/,
  },
  {
    name: 'a target set of zero bytes',
    break: (f) => ((f.ar.targetSets[0].size = 0), f),
    path: '$.ar.targetSets[0].size',
    id: /harus > 0/,
    en: /must be > 0/,
  },
  {
    name: 'a tour stop that asks for a book that does not exist',
    break: (f) => ((f.ar.tours[0].stops[1].find.id = 'buku-hantu'), f),
    path: '$.ar.tours[0].stops[1].find.id',
    id: /buku "buku-hantu" tidak ada/,
    en: /book "buku-hantu" is not in the catalog/,
  },
  {
    name: 'a tour stop of an unknown kind',
    break: (f) => ((f.ar.tours[0].stops[0].find.kind = 'room'), f),
    path: '$.ar.tours[0].stops[0].find.kind',
    id: /salah satu dari: "book", "shelf"/,
    en: /one of: "book", "shelf"/,
  },
  {
    name: 'a question whose answer is not among the choices',
    break: (f) => ((f.ar.tours[0].stops[1].question.answer = 3), f),
    path: '$.ar.tours[0].stops[1].question.answer',
    id: /jawaban 3 tidak ada; pilihan bernomor 0 sampai 2/,
    en: /answer 3 does not exist; choices are numbered 0 to 2/,
  },
  {
    name: 'a question with a single choice',
    break: (f) => ((f.ar.tours[0].stops[1].question.choices = [{ id: 'Ya' }]), f),
    path: '$.ar.tours[0].stops[1].question.choices',
    id: /minimal 2 item/,
    en: /at least 2 item/,
  },
  {
    name: 'an event that ends before it starts',
    break: (f) => ((f.ar.events[0].end = '2026-12-05T08:00:00+08:00'), f),
    path: '$.ar.events[0].end',
    id: /berakhir sebelum dimulai/,
    en: /ends before it starts/,
  },
  {
    name: 'an event with a date but no time',
    break: (f) => ((f.ar.events[2].start = '2026-12-19'), f),
    path: '$.ar.events[2].start',
    id: /ISO 8601/,
    en: /ISO 8601/,
  },
  {
    name: 'a story without sources',
    break: (f) => ((f.ar.stories[0].sources = []), f),
    path: '$.ar.stories[0].sources',
    id: /perlu setidaknya satu sumber/,
    en: /needs at least one source/,
  },
  {
    name: 'a story about a book that does not exist',
    break: (f) => ((f.ar.stories[0].books = ['buku-hantu']), f),
    path: '$.ar.stories[0].books[0]',
    id: /buku "buku-hantu" tidak ada/,
    en: /book "buku-hantu" is not in the catalog/,
  },
  {
    name: 'a book related to a story that does not exist',
    break: (f) => ((f.publications[0].ar.overlays.stories = ['cerita-hantu']), f),
    path: '$.publications[0].ar.overlays.stories[0]',
    id: /cerita "cerita-hantu" tidak ada/,
    en: /story "cerita-hantu" is not in the catalog/,
  },
  {
    name: 'a floor plan that is not an SVG',
    break: (f) => ((f.ar.library.floorPlan.type = 'image/png'), f),
    path: '$.ar.library.floorPlan.type',
    id: /"image\/svg\+xml"/,
    en: /"image\/svg\+xml"/,
  },
  {
    name: 'opening hours written as 8:00',
    break: (f) => ((f.ar.library.openingHours[0].opens = '8:00'), f),
    path: '$.ar.library.openingHours[0].opens',
    id: /HH:MM/,
    en: /HH:MM/,
  },
  {
    name: 'a library that closes before it opens',
    break: (f) => ((f.ar.library.openingHours[0].closes = '07:00'), f),
    path: '$.ar.library.openingHours[0].closes',
    id: /jam tutup harus setelah jam buka/,
    en: /closing time must be after opening time/,
  },
  {
    name: 'a malformed contact email',
    break: (f) => ((f.ar.library.contact = { email: 'perpustakaan at bitung' }), f),
    path: '$.ar.library.contact.email',
    id: /alamat email tidak valid/,
    en: /not a valid email address/,
  },
  {
    name: 'a model placed with two coordinates',
    break: (f) => {
      const i = f.publications.findIndex((p: Feed) => p.ar.overlays.model);
      f.publications[i].ar.overlays.model.position = [0, 1];
      return f;
    },
    path: '$.publications[0].ar.overlays.model.position',
    id: /minimal 3 item/,
    en: /at least 3 item/,
  },
];

describe('a malformed feed is refused with the path and a message in both languages', () => {
  it('covers at least 25 distinct faults', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', ({ break: breakFeed, path, id, en }) => {
    expectError(errorsOf(breakFeed(demoFeed())), path, id, en);
  });

  it('reports text that is not JSON', () => {
    const result = parseFeedText('{"metadata": ', DEMO_FEED_URL);
    expect(result.ok).toBe(false);
    if (!result.ok) expectError(result.errors, '$', /bukan JSON yang sah/, /not valid JSON/);
  });

  it('recognises an HTML error page served instead of the feed', () => {
    const result = parseFeedText('<!doctype html><title>404</title>', DEMO_FEED_URL);
    expect(result.ok).toBe(false);
    if (!result.ok) expectError(result.errors, '$', /halaman HTML/, /HTML page/);
  });

  it('reports every problem, not only the first', () => {
    const feed = demoFeed();
    feed.publications[0].ar.shelf = 'gudang';
    feed.ar.events[0].end = '2020-01-01T00:00:00+08:00';
    const errors = errorsOf(feed);
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['$.publications[0].ar.shelf', '$.ar.events[0].end']),
    );
  });
});
