/**
 * The staff editor's draft: a source catalog, the files it names (kept by hash in IndexedDB), and
 * the compiled target of each picture. Its edits are draft-edits.ts (pure functions from draft to
 * draft, so undo is just an earlier value), its checks draft-validation.ts.
 */
import type { QualityReport } from '../target-quality.ts';
import type { SourceCatalogInput } from './schema.ts';

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

/**
 * The format of a stored draft (the editor store's persist version). A later format migrates older
 * drafts; a draft of a later format than this app knows is opened read-only, never rewritten.
 */
export const DRAFT_FORMAT_VERSION = 1;

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
