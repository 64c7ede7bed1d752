/**
 * The catalog as the app uses it: what the feed says, with URLs resolved and books flattened out of
 * their OPDS publication shape. Built only by `parseFeed`, so everything here is already valid.
 */
import type { z } from 'zod';
import type { LangMap } from './langmap.ts';
import { DDC_SCHEME, ISBN_URN, RECORD_SCHEMES, SLIMS_SCHEME } from './feed/schemes.ts';
import type {
  AssetData,
  FeedData,
  ImageAssetData,
  ModelOverlayData,
  PublicationData,
  Library as LibrarySchema,
  LibraryEvent as EventSchema,
  Shelf as ShelfSchema,
  Story as StorySchema,
  TargetSet as TargetSetSchema,
  Tour as TourSchema,
  TargetPlace as TargetPlaceSchema,
  Audience as AudienceSchema,
} from './feed/schema.ts';
import { normalizeIsbn } from './isbn.ts';

export type Asset = AssetData;
export type ImageAsset = ImageAssetData;
export type ModelOverlay = ModelOverlayData;
export type Library = z.output<typeof LibrarySchema>;
export type Shelf = z.output<typeof ShelfSchema>;
export type Story = z.output<typeof StorySchema>;
export type Tour = z.output<typeof TourSchema>;
export type TourStop = Tour['stops'][number];
export type LibraryEvent = z.output<typeof EventSchema>;
export type TargetSet = z.output<typeof TargetSetSchema>;
/** Which compiled target recognises an item: a target set and its index in it. */
export type TargetPlace = z.output<typeof TargetPlaceSchema>;

export interface Subject {
  readonly name: LangMap;
  readonly code?: string;
  readonly scheme?: string;
}

export interface Book {
  readonly id: string;
  readonly title: LangMap;
  readonly description: LangMap;
  /** Text for the AR card: the card summary, or the description. */
  readonly summary: LangMap;
  readonly authors: readonly string[];
  readonly publisher?: string;
  readonly year?: number;
  readonly language?: string;
  readonly subjects: readonly Subject[];
  /** Dewey class from the subject whose scheme is DDC. */
  readonly ddc?: string;
  readonly isbn?: string;
  readonly slimsBiblioId?: string;
  /** The book's page in the library's own catalogue (loans, reservations), from the OPAC template. */
  readonly opacUrl?: string;
  readonly callNumber: string;
  readonly shelfId: string;
  readonly copies: number;
  readonly available: number;
  readonly cover: ImageAsset;
  readonly physicalWidthMm?: number;
  /** Who the book is for, by age; absent when the catalogue does not say. */
  readonly audience?: z.output<typeof AudienceSchema>;
  readonly target?: TargetPlace;
  readonly model?: ModelOverlay;
  readonly storyIds: readonly string[];
}

/** A file of a split feed, with how many books it holds. */
export type BookFile = Asset & { readonly count: number };

/** A book as a split feed's directory lists it: enough to find, sort and open it. */
export interface DirectoryEntry {
  readonly id: string;
  readonly title: LangMap;
  readonly authors: readonly string[];
  readonly callNumber: string;
  readonly shelfId: string;
  readonly year?: number;
  readonly ddc?: string;
  readonly language?: string;
  readonly copies: number;
  readonly available: number;
  /** Who the book is for, when the directory says (ages only). */
  readonly audience?: { readonly minAge?: number; readonly maxAge?: number };
}

export interface Catalog {
  readonly schemaVersion: string;
  readonly modified: string;
  readonly title: LangMap;
  /** Where the feed came from; relative URLs in it were resolved against this. */
  readonly sourceUrl: string;
  readonly library: Library;
  readonly books: readonly Book[];
  readonly shelves: readonly Shelf[];
  readonly stories: readonly Story[];
  readonly tours: readonly Tour[];
  readonly events: readonly LibraryEvent[];
  readonly targetSets: readonly TargetSet[];
  /** Identifies any target before its set is loaded (docs/recognition.md). */
  readonly recognitionIndex?: Asset;
  /** A split feed's list of every book; its shelves' other books are in `shelf.books` pages. */
  readonly directory?: BookFile;
}

type Named = string | { name: string | Record<string, string> };

function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function toLangMap(value: string | Record<string, string>, fallbackLang: string): LangMap {
  return typeof value === 'string' ? { [fallbackLang]: value } : value;
}

function nameOf(contributor: Named): string {
  if (typeof contributor === 'string') return contributor;
  const { name } = contributor;
  return typeof name === 'string' ? name : (Object.values(name)[0] ?? '');
}

/**
 * Resolves an asset's URL and adds its SHA-256 as a query parameter. Static hosts ignore it; the
 * service worker uses it to check what it caches, and a new version of a file gets a new URL.
 */
function resolveAsset<T extends { href: string; sha256: string }>(asset: T, base: string): T {
  const url = new URL(asset.href, base);
  url.searchParams.set('sha256', asset.sha256);
  return { ...asset, href: url.href };
}

function resolveModel(model: ModelOverlay | undefined, base: string): ModelOverlay | undefined {
  return model && { ...model, asset: resolveAsset(model.asset, base) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The template with the record id filled in, resolved against the feed; undefined if unusable. */
export function opacUrlFor(
  template: string | undefined,
  recordId: string | undefined,
  base: string,
): string | undefined {
  if (!template || !recordId) return undefined;
  try {
    const url = new URL(template.replaceAll('{id}', encodeURIComponent(recordId)), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function toBook(
  publication: PublicationData,
  feedLang: string,
  base: string,
  opacTemplate: string | undefined,
): Book {
  const { metadata, ar, images } = publication;
  const language = asList(metadata.language)[0];
  const textLang = language ?? feedLang;
  const subjects: Subject[] = asList(metadata.subject).map((subject) =>
    typeof subject === 'string'
      ? { name: { [textLang]: subject } }
      : {
          name: toLangMap(subject.name, textLang),
          ...optional('code', subject.code),
          ...optional('scheme', subject.scheme),
        },
  );
  const ddc = subjects.find((s) => s.scheme === DDC_SCHEME)?.code;
  const isbn =
    metadata.identifier && ISBN_URN.test(metadata.identifier)
      ? normalizeIsbn(metadata.identifier)
      : undefined;
  const slims = metadata.altIdentifier?.find((alt) => alt.scheme === SLIMS_SCHEME)?.value;
  const recordId = RECORD_SCHEMES.map(
    (scheme) => metadata.altIdentifier?.find((alt) => alt.scheme === scheme)?.value,
  ).find(Boolean);
  const description =
    ar.description ?? (metadata.description ? { [feedLang]: metadata.description } : {});
  const cover = images[0] as ImageAsset;
  return {
    id: ar.id,
    title: toLangMap(metadata.title, textLang),
    description,
    summary: ar.overlays.card?.summary ?? description,
    authors: asList(metadata.author).map(nameOf),
    ...optional('publisher', asList(metadata.publisher).map(nameOf)[0]),
    ...optional('year', ar.year),
    ...optional('audience', ar.audience),
    ...optional('language', language),
    subjects,
    ...optional('ddc', ddc),
    ...optional('isbn', isbn),
    ...optional('slimsBiblioId', slims),
    ...optional('opacUrl', opacUrlFor(opacTemplate, recordId, base)),
    callNumber: ar.callNumber,
    shelfId: ar.shelf,
    copies: ar.copies,
    available: ar.available,
    cover: resolveAsset(cover, base),
    ...optional('physicalWidthMm', ar.physicalWidthMm),
    ...optional('target', ar.target),
    ...optional('model', resolveModel(ar.overlays.model, base)),
    storyIds: ar.overlays.stories,
  };
}

/** Maps a validated feed to the catalog, resolving every URL against the feed's own address. */
export function toCatalog(feed: FeedData, sourceUrl: string): Catalog {
  const { ar } = feed;
  const feedLang = ar.library.languages[0] ?? 'id';
  const base = sourceUrl;
  return {
    schemaVersion: ar.metadata.schemaVersion,
    modified: feed.metadata.modified,
    title: toLangMap(feed.metadata.title, feedLang),
    sourceUrl,
    library: { ...ar.library, floorPlan: resolveAsset(ar.library.floorPlan, base) },
    books: feed.publications.map((publication) =>
      toBook(publication, feedLang, base, ar.library.catalogue?.opacTemplate),
    ),
    shelves: ar.shelves.map((shelf) => ({
      ...shelf,
      ...(shelf.sign
        ? { sign: { ...shelf.sign, image: resolveAsset(shelf.sign.image, base) } }
        : {}),
      ...(shelf.books ? { books: resolveAsset(shelf.books, base) } : {}),
    })),
    stories: ar.stories.map((story) => {
      const model = resolveModel(story.model, base);
      const { model: _unused, audio, ...rest } = story;
      return {
        ...rest,
        ...optional('model', model),
        ...optional(
          'audio',
          audio &&
            Object.fromEntries(
              Object.entries(audio).map(([lang, asset]) => [lang, resolveAsset(asset, base)]),
            ),
        ),
      };
    }),
    tours: ar.tours,
    events: ar.events,
    targetSets: ar.targetSets.map((set) => resolveAsset(set, base)),
    ...optional('recognitionIndex', ar.recognitionIndex && resolveAsset(ar.recognitionIndex, base)),
    ...optional('directory', ar.directory && resolveAsset(ar.directory, base)),
  };
}

/** The feed's first language, in which plain-string titles are written. */
export const feedLanguage = (catalog: Catalog): string => catalog.library.languages[0] ?? 'id';

/** Lookups by id, built once per catalog. */
export interface CatalogIndex {
  readonly books: ReadonlyMap<string, Book>;
  readonly shelves: ReadonlyMap<string, Shelf>;
  readonly stories: ReadonlyMap<string, Story>;
  readonly tours: ReadonlyMap<string, Tour>;
  readonly targetSets: ReadonlyMap<string, TargetSet>;
  readonly booksByShelf: ReadonlyMap<string, readonly Book[]>;
  /** Shelves of a split feed whose page of books has been loaded into `books`. */
  readonly loadedShelves: ReadonlySet<string>;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * Lookups by id. `pages` are the books of split-feed shelf pages loaded so far, by shelf; they join
 * the feed's own books here, so pages and the scan view find them like any other book.
 */
export function indexCatalog(
  catalog: Catalog,
  pages: ReadonlyMap<string, readonly Book[]> = new Map(),
): CatalogIndex {
  const booksByShelf = new Map<string, Book[]>();
  const all = [...catalog.books, ...[...pages.values()].flat()];
  for (const book of all) {
    const list = booksByShelf.get(book.shelfId) ?? [];
    list.push(book);
    booksByShelf.set(book.shelfId, list);
  }
  return {
    books: byId(all),
    shelves: byId(catalog.shelves),
    stories: byId(catalog.stories),
    tours: byId(catalog.tours),
    targetSets: byId(catalog.targetSets),
    booksByShelf,
    loadedShelves: new Set(pages.keys()),
  };
}

/** How many books a shelf holds, counting a split feed's page before it is loaded. */
export function shelfBookCount(index: CatalogIndex, shelf: Shelf): number {
  const known = index.booksByShelf.get(shelf.id)?.length ?? 0;
  return shelf.books && !index.loadedShelves.has(shelf.id) ? known + shelf.books.count : known;
}

/** How many books the library has: the directory's count in a split feed. */
export function bookCount(catalog: Catalog): number {
  return catalog.directory?.count ?? catalog.books.length;
}

/** Upcoming events first; events already over are left out. */
export function upcomingEvents(
  events: readonly LibraryEvent[],
  now: Date,
): readonly LibraryEvent[] {
  return events
    .filter((event) => Date.parse(event.end) >= now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
