/**
 * Offline packs: everything a shelf or a tour needs to work without a network, worked out from the
 * catalog alone. Downloading and storing them is src/data/offline-packs.ts.
 */
import type { Asset, Book, Catalog, CatalogIndex, ImageAsset, Shelf, Tour } from './catalog.ts';
import type { LangMap } from './langmap.ts';
import { setsForShelf, signsSet } from './scan.ts';

export type PackRef = { readonly kind: 'shelf' | 'tour'; readonly id: string };

export interface PackFile {
  readonly href: string;
  readonly size: number;
  readonly sha256: string;
  /** Models can be left out to save space; the rest is needed to scan. */
  readonly model: boolean;
}

export interface PackPlan {
  readonly ref: PackRef;
  readonly title: LangMap;
  readonly files: readonly PackFile[];
  /** Bytes with and without the 3D models. */
  readonly bytes: number;
  readonly bytesWithoutModels: number;
}

export const packId = (ref: PackRef) => `${ref.kind}:${ref.id}`;

/** A pack's key on the device: two libraries may both have a shelf called "sains". */
export const packKey = (feedUrl: string, ref: PackRef) => `${feedUrl}#${packId(ref)}`;

/**
 * Whether a saved pack still holds what the catalog needs now. File addresses carry their SHA-256,
 * so a republished feed that changed a cover, a model or a target set names a file the pack lacks.
 */
export function isPackOutdated(
  plan: PackPlan,
  saved: { readonly files: readonly string[]; readonly includesModels: boolean },
): boolean {
  const have = new Set(saved.files);
  return plan.files.some((file) => (saved.includesModels || !file.model) && !have.has(file.href));
}

function file(
  asset: Asset | ImageAsset | { href: string; size?: number | undefined; sha256: string },
  model = false,
): PackFile {
  return { href: asset.href, size: asset.size ?? 0, sha256: asset.sha256, model };
}

function bookFiles(book: Book, index: CatalogIndex): PackFile[] {
  const files = [file(book.cover)];
  if (book.model) files.push(file(book.model.asset, true));
  for (const storyId of book.storyIds) {
    const story = index.stories.get(storyId);
    if (story?.model) files.push(file(story.model.asset, true));
    for (const audio of Object.values(story?.audio ?? {})) files.push(file(audio));
  }
  return files;
}

function shelfFiles(catalog: Catalog, index: CatalogIndex, shelf: Shelf): PackFile[] {
  const files: PackFile[] = [];
  if (shelf.sign) files.push(file(shelf.sign.image));
  // A split feed's page of the shelf's books, so the shelf page opens offline too.
  if (shelf.books) files.push(file(shelf.books));
  const signs = signsSet(catalog);
  if (signs) files.push(file(signs));
  for (const set of setsForShelf(catalog, index, shelf.id)) files.push(file(set));
  for (const book of index.booksByShelf.get(shelf.id) ?? []) files.push(...bookFiles(book, index));
  return files;
}

function tourFiles(catalog: Catalog, index: CatalogIndex, tour: Tour): PackFile[] {
  const files: PackFile[] = [];
  const signs = signsSet(catalog);
  if (signs) files.push(file(signs));
  for (const stop of tour.stops) {
    if (stop.find.kind === 'shelf') {
      const shelf = index.shelves.get(stop.find.id);
      if (shelf?.sign) files.push(file(shelf.sign.image));
      continue;
    }
    const book = index.books.get(stop.find.id);
    if (!book) continue;
    files.push(...bookFiles(book, index));
    for (const set of setsForShelf(catalog, index, book.shelfId)) files.push(file(set));
  }
  return files;
}

function unique(files: readonly PackFile[]): PackFile[] {
  const seen = new Map<string, PackFile>();
  for (const entry of files) if (!seen.has(entry.href)) seen.set(entry.href, entry);
  return [...seen.values()];
}

/** The files of a shelf's or a tour's pack, or undefined when the catalog has no such thing. */
export function planPack(
  catalog: Catalog,
  index: CatalogIndex,
  ref: PackRef,
): PackPlan | undefined {
  let title: LangMap;
  let files: PackFile[];
  if (ref.kind === 'shelf') {
    const shelf = index.shelves.get(ref.id);
    if (!shelf) return undefined;
    title = shelf.label;
    files = shelfFiles(catalog, index, shelf);
  } else {
    const tour = index.tours.get(ref.id);
    if (!tour) return undefined;
    title = tour.title;
    files = tourFiles(catalog, index, tour);
  }
  const all = unique([...files, file(catalog.library.floorPlan)]);
  const bytes = all.reduce((sum, f) => sum + f.size, 0);
  const bytesWithoutModels = all.filter((f) => !f.model).reduce((sum, f) => sum + f.size, 0);
  return { ref, title, files: all, bytes, bytesWithoutModels };
}
