/**
 * The source catalog: what staff (or the demo script) write before publishing. It is the feed's
 * content with local file names where the feed has hashed, sized URLs, and without the compiled
 * target sets, which the build works out. `npm run catalog:build` turns it into a feed.
 */
import { z } from 'zod';
import { FEED_LIMITS as LIMIT } from '../feed/limits.ts';
import {
  Audience,
  Id,
  LangMap,
  LanguageTag,
  LongLangMap,
  LibraryEvent,
  Library,
  Shelf,
  Story,
  Tour,
  Url,
} from '../feed/schema.ts';
import { CATALOGUE_SYSTEMS } from '../import/record.ts';

/** A path relative to the source folder: no scheme, no `..`, no leading slash. */
export const SourceFile = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)(?![A-Za-z][A-Za-z0-9+.-]*:)[\w./-]+$/, { error: 'lp.source_file' });

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);
const Name = z.string().min(1).max(LIMIT.shortText);

export const SourceModel = z.object({
  file: SourceFile,
  position: Vec3.optional(),
  rotation: Vec3.optional(),
  scale: z.number().positive().optional(),
  title: LangMap.optional(),
});

/** Where an imported book came from: what `catalog:import` matches it by on the next import. */
export const CatalogueOrigin = z.object({
  system: z.enum(CATALOGUE_SYSTEMS),
  recordId: Name.optional(),
  oaiId: Name.optional(),
  /** The endpoint or file of the last import that brought it. */
  from: z.string().max(LIMIT.string),
  importedAt: z.iso.datetime({ offset: true }),
  /** The cover picture the catalogue has, for `catalog:import --covers`. */
  coverUrl: Url.optional(),
  /** The authors as the catalogue files them ("Hancock, Graham"), for sorting. */
  authorsSortAs: z.array(Name).max(LIMIT.listItems).optional(),
});

export const SourceBook = z.object({
  id: Id,
  title: LangMap,
  description: LongLangMap.optional(),
  summary: LongLangMap.optional(),
  /** Books staff add need an author (draft-validation); a catalogue record may have none. */
  authors: z.array(Name).max(LIMIT.listItems).default([]),
  publisher: Name.optional(),
  year: z.number().int().optional(),
  language: LanguageTag,
  subjects: z.array(LangMap).max(LIMIT.listItems).default([]),
  ddc: z.string().regex(/^\d{3}(\.\d+)?$/, { error: 'lp.ddc' }),
  isbn: Name.optional(),
  slimsBiblioId: Name.optional(),
  callNumber: Name,
  shelf: Id,
  copies: z.number().int().min(0).max(100_000),
  available: z.number().int().min(0).max(100_000),
  /** The photographed cover; without one, the build draws a plain cover from the title. */
  cover: SourceFile.optional(),
  physicalWidthMm: z.number().positive().optional(),
  /** Who the book is for, by age. */
  audience: Audience.optional(),
  /** Compile the cover into a target so the book can be scanned. */
  track: z.boolean().default(true),
  model: SourceModel.optional(),
  stories: z.array(Id).max(LIMIT.listItems).default([]),
  catalogue: CatalogueOrigin.optional(),
  /** Gone from the catalogue: kept with everything authored on it, left out of the feed. */
  withdrawn: z.boolean().default(false),
});

export const SourceShelf = Shelf.omit({ sign: true, books: true }).extend({
  sign: SourceFile.optional(),
});

export const SourceStory = Story.omit({ model: true, audio: true }).extend({
  model: SourceModel.optional(),
  audio: z.record(LanguageTag, SourceFile).optional(),
});

export const SourceCatalog = z.object({
  title: LangMap,
  library: Library.omit({ floorPlan: true }).extend({ floorPlan: SourceFile }),
  shelves: z.array(SourceShelf).min(1).max(LIMIT.shelves),
  books: z.array(SourceBook).max(LIMIT.books),
  stories: z.array(SourceStory).max(LIMIT.stories).default([]),
  tours: z.array(Tour).max(LIMIT.tours).default([]),
  events: z.array(LibraryEvent).max(LIMIT.events).default([]),
});

export type SourceCatalogInput = z.input<typeof SourceCatalog>;
export type SourceCatalogData = z.output<typeof SourceCatalog>;
export type SourceBookData = z.output<typeof SourceBook>;
export type SourceModelData = z.output<typeof SourceModel>;
export { Audience };
