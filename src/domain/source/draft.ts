/**
 * The staff editor's draft: a source catalog, the files it names (kept by hash in IndexedDB), and
 * the compiled target of each picture. Editing operations are pure functions from draft to draft,
 * so undo is just an earlier value, and they keep references whole (removing a book removes it
 * from stories, highlights and tours too).
 */
import type { z } from 'zod';
import type { Bilingual, LangMap } from '../langmap.ts';
import { fromZodIssues, type FeedIssue } from '../feed/issues.ts';
import type { QualityReport } from '../target-quality.ts';
import { SourceBook, SourceShelf, SourceStory, type SourceCatalogInput } from './schema.ts';
import { Library, LibraryEvent, Tour } from '../feed/schema.ts';

export interface DraftFile {
  readonly path: string;
  /** SHA-256 of the bytes; the key of the blob in IndexedDB. */
  readonly hash: string;
  readonly type: string;
  readonly size: number;
  readonly width?: number;
  readonly height?: number;
  /** Drawn by the editor (the floor plan from the shelves), not uploaded by staff. */
  readonly generated?: true;
}

export interface CompiledPicture {
  /** Hash of the picture it was compiled from: a new picture needs a new compile. */
  readonly pictureHash: string;
  /** Hash of the one-target .mind bytes in IndexedDB. */
  readonly mindHash: string;
  readonly report: QualityReport;
  /** Feature points as fractions of the picture, for the overlay. */
  readonly points: readonly (readonly [number, number])[];
}

export type SourceBookInput = SourceCatalogInput['books'][number];
export type SourceShelfInput = SourceCatalogInput['shelves'][number];
export type SourceStoryInput = NonNullable<SourceCatalogInput['stories']>[number];
export type TourInput = NonNullable<SourceCatalogInput['tours']>[number];
export type EventInput = NonNullable<SourceCatalogInput['events']>[number];
export type LibraryInput = SourceCatalogInput['library'];

export interface Draft {
  readonly version: 1;
  readonly source: SourceCatalogInput;
  /** Files by their path in the source ("covers/laskar-pelangi.jpg"). */
  readonly files: Readonly<Record<string, DraftFile>>;
  /** Compiled targets by picture path. */
  readonly targets: Readonly<Record<string, CompiledPicture>>;
}

export type EntityKind = 'book' | 'shelf' | 'story' | 'tour' | 'event';

export const FLOOR_PLAN_PATH = 'floorplan.svg';

export function emptyDraft(): Draft {
  return {
    version: 1,
    source: {
      title: { id: 'Katalog perpustakaan', en: 'Library catalog' },
      library: {
        name: { id: 'Perpustakaan', en: 'Library' },
        address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
        openingHours: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' }],
        timeZone: 'Asia/Makassar',
        languages: ['id', 'en'],
        floorPlan: FLOOR_PLAN_PATH,
      },
      shelves: [],
      books: [],
      stories: [],
      tours: [],
      events: [],
    },
    files: {},
    targets: {},
  };
}

/** "Laskar Pelangi" → "laskar-pelangi", unique among `taken`. */
export function slugId(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'baru';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const idsOf = (items: readonly { id: string }[] | undefined) =>
  new Set((items ?? []).map((item) => item.id));

function withSource(draft: Draft, source: SourceCatalogInput): Draft {
  return { ...draft, source };
}

// Books

export function addBook(draft: Draft, title: string, shelf: string): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.books));
  const book: SourceBookInput = {
    id,
    title: { id: title },
    description: { id: '' },
    authors: [''],
    language: 'id',
    ddc: '000',
    callNumber: '',
    shelf,
    copies: 1,
    available: 1,
    cover: `covers/${id}.jpg`,
  };
  return {
    draft: withSource(draft, { ...draft.source, books: [...draft.source.books, book] }),
    id,
  };
}

export function updateBook(draft: Draft, id: string, patch: Partial<SourceBookInput>): Draft {
  return withSource(draft, {
    ...draft.source,
    books: draft.source.books.map((book) => (book.id === id ? { ...book, ...patch, id } : book)),
  });
}

export function removeBook(draft: Draft, id: string): Draft {
  const { source } = draft;
  return withSource(draft, {
    ...source,
    books: source.books.filter((book) => book.id !== id),
    shelves: source.shelves.map((shelf) => ({
      ...shelf,
      highlights: (shelf.highlights ?? []).filter((bookId) => bookId !== id),
    })),
    stories: (source.stories ?? []).map((story) => ({
      ...story,
      books: (story.books ?? []).filter((bookId) => bookId !== id),
    })),
    tours: (source.tours ?? []).map((tour) => ({
      ...tour,
      stops: tour.stops.filter((stop) => !(stop.find.kind === 'book' && stop.find.id === id)),
    })),
  });
}

// Shelves

export function addShelf(draft: Draft, label: string): { draft: Draft; id: string } {
  const id = slugId(label, idsOf(draft.source.shelves));
  const index = draft.source.shelves.length;
  const shelf: SourceShelfInput = {
    id,
    label: { id: label },
    ddc: { from: '000', to: '999' },
    // New shelves are laid out in two columns on the generated floor plan.
    position: {
      x: 60 + (index % 2) * 360,
      y: 70 + Math.floor(index / 2) * 100,
      width: 240,
      height: 36,
    },
    highlights: [],
  };
  return {
    draft: withSource(draft, { ...draft.source, shelves: [...draft.source.shelves, shelf] }),
    id,
  };
}

export function updateShelf(draft: Draft, id: string, patch: Partial<SourceShelfInput>): Draft {
  return withSource(draft, {
    ...draft.source,
    shelves: draft.source.shelves.map((shelf) =>
      shelf.id === id ? { ...shelf, ...patch, id } : shelf,
    ),
  });
}

/** A shelf with books on it cannot go: the books would have nowhere to stand. */
export function removeShelf(draft: Draft, id: string): { draft: Draft } | { refused: Bilingual } {
  const count = draft.source.books.filter((book) => book.shelf === id).length;
  if (count > 0) {
    return {
      refused: {
        id: `Rak ini masih berisi ${count} buku. Pindahkan bukunya ke rak lain dulu.`,
        en: `This shelf still holds ${count} books. Move them to another shelf first.`,
      },
    };
  }
  const { source } = draft;
  return {
    draft: withSource(draft, {
      ...source,
      shelves: source.shelves.filter((shelf) => shelf.id !== id),
      stories: (source.stories ?? []).map((story) => ({
        ...story,
        shelves: (story.shelves ?? []).filter((shelfId) => shelfId !== id),
      })),
      tours: (source.tours ?? []).map((tour) => ({
        ...tour,
        stops: tour.stops.filter((stop) => !(stop.find.kind === 'shelf' && stop.find.id === id)),
      })),
    }),
  };
}

// Stories, tours, events: simpler lists

type ListKey = 'stories' | 'tours' | 'events';

function updateIn<K extends ListKey>(
  draft: Draft,
  key: K,
  id: string,
  patch: Partial<NonNullable<SourceCatalogInput[K]>[number]>,
): Draft {
  const list = (draft.source[key] ?? []) as { id: string }[];
  return withSource(draft, {
    ...draft.source,
    [key]: list.map((item) => (item.id === id ? { ...item, ...patch, id } : item)),
  });
}

export function addStory(draft: Draft, title: string): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.stories));
  const story: SourceStoryInput = {
    id,
    title: { id: title },
    body: { id: '' },
    sources: [{ title: '' }],
  };
  return {
    draft: withSource(draft, {
      ...draft.source,
      stories: [...(draft.source.stories ?? []), story],
    }),
    id,
  };
}

export const updateStory = (draft: Draft, id: string, patch: Partial<SourceStoryInput>) =>
  updateIn(draft, 'stories', id, patch);

export function removeStory(draft: Draft, id: string): Draft {
  const { source } = draft;
  return withSource(draft, {
    ...source,
    stories: (source.stories ?? []).filter((story) => story.id !== id),
    books: source.books.map((book) => ({
      ...book,
      stories: (book.stories ?? []).filter((s) => s !== id),
    })),
  });
}

export function addTour(draft: Draft, title: string): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.tours));
  const tour: TourInput = {
    id,
    title: { id: title },
    description: { id: '' },
    audience: {},
    minutes: 30,
    stops: [],
  };
  return {
    draft: withSource(draft, { ...draft.source, tours: [...(draft.source.tours ?? []), tour] }),
    id,
  };
}

export const updateTour = (draft: Draft, id: string, patch: Partial<TourInput>) =>
  updateIn(draft, 'tours', id, patch);

export function removeTour(draft: Draft, id: string): Draft {
  return withSource(draft, {
    ...draft.source,
    tours: (draft.source.tours ?? []).filter((tour) => tour.id !== id),
  });
}

export function addEvent(
  draft: Draft,
  title: string,
  start: string,
  end: string,
): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.events));
  const event: EventInput = {
    id,
    title: { id: title },
    start,
    end,
    place: { id: '' },
    description: { id: '' },
    audience: {},
  };
  return {
    draft: withSource(draft, { ...draft.source, events: [...(draft.source.events ?? []), event] }),
    id,
  };
}

export const updateEvent = (draft: Draft, id: string, patch: Partial<EventInput>) =>
  updateIn(draft, 'events', id, patch);

export function removeEvent(draft: Draft, id: string): Draft {
  return withSource(draft, {
    ...draft.source,
    events: (draft.source.events ?? []).filter((e) => e.id !== id),
  });
}

export function updateLibrary(draft: Draft, patch: Partial<LibraryInput>): Draft {
  return withSource(draft, { ...draft.source, library: { ...draft.source.library, ...patch } });
}

export function updateTitle(draft: Draft, title: LangMap): Draft {
  return withSource(draft, { ...draft.source, title });
}

// Files and compiled targets

export function setFile(draft: Draft, file: DraftFile): Draft {
  return { ...draft, files: { ...draft.files, [file.path]: file } };
}

export function removeFile(draft: Draft, path: string): Draft {
  const { [path]: _removed, ...files } = draft.files;
  const { [path]: _target, ...targets } = draft.targets;
  return { ...draft, files, targets };
}

export function setCompiled(draft: Draft, picturePath: string, compiled: CompiledPicture): Draft {
  return { ...draft, targets: { ...draft.targets, [picturePath]: compiled } };
}

/** A compiled target counts only while it belongs to the picture now in the draft. */
export function compiledFor(draft: Draft, picturePath: string): CompiledPicture | undefined {
  const compiled = draft.targets[picturePath];
  const file = draft.files[picturePath];
  return compiled && file && compiled.pictureHash === file.hash ? compiled : undefined;
}

/** Every stored file the draft refers to, by hash: pictures, models, compiled targets. */
export function hashesInUse(draft: Draft): Set<string> {
  return new Set([
    ...Object.values(draft.files).map((file) => file.hash),
    ...Object.values(draft.targets).flatMap((target) => [target.pictureHash, target.mindHash]),
  ]);
}

// Field-level validation, with the same schemas as the feed

const SCHEMAS = {
  book: SourceBook,
  shelf: SourceShelf,
  story: SourceStory,
  tour: Tour,
  event: LibraryEvent,
} satisfies Record<EntityKind, z.ZodType>;

/** Problems of one entity, with paths relative to it (`$.title`, `$.copies`). */
export function validateEntity(
  kind: EntityKind | 'library',
  value: unknown,
  draft: Draft,
): FeedIssue[] {
  const schema = kind === 'library' ? Library.omit({ floorPlan: true }) : SCHEMAS[kind];
  const parsed = schema.safeParse(value);
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues, value);
  // Checks across fields run whatever else is wrong, so staff see every problem at once.
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (kind === 'book') {
    if (typeof raw.shelf === 'string' && !draft.source.shelves.some((s) => s.id === raw.shelf)) {
      issues.push({
        path: '$.shelf',
        message: { id: 'pilih rak untuk buku ini', en: 'choose a shelf for this book' },
      });
    }
    const { copies, available } = raw;
    if (typeof copies === 'number' && typeof available === 'number' && available > copies) {
      issues.push({
        path: '$.available',
        message: {
          id: `eksemplar tersedia (${available}) melebihi jumlah eksemplar (${copies})`,
          en: `available copies (${available}) exceed copies (${copies})`,
        },
      });
    }
  }
  if (kind === 'event' && typeof raw.start === 'string' && typeof raw.end === 'string') {
    const start = Date.parse(raw.start);
    const end = Date.parse(raw.end);
    if (Number.isFinite(start) && Number.isFinite(end) && end <= start) {
      issues.push({
        path: '$.end',
        message: { id: 'acara berakhir sebelum dimulai', en: 'the event ends before it starts' },
      });
    }
  }
  return issues;
}

/** Issues of one field: `$.title` matches `$.title` and `$.title.en`. */
export function issuesAt(issues: readonly FeedIssue[], field: string): FeedIssue[] {
  const path = `$.${field}`;
  return issues.filter(
    (item) =>
      item.path === path || item.path.startsWith(`${path}.`) || item.path.startsWith(`${path}[`),
  );
}
