/**
 * The source catalog: what staff (or the demo script) write before publishing. It is the feed's
 * content with local file names where the feed has hashed, sized URLs, and without the compiled
 * target sets, which the build works out. `npm run catalog:build` turns it into a feed.
 */
import { z } from 'zod';
import {
  Audience,
  Id,
  LangMap,
  LanguageTag,
  LibraryEvent,
  Library,
  Shelf,
  Story,
  Tour,
} from '../feed/schema.ts';

/** A path relative to the source folder: no scheme, no `..`, no leading slash. */
export const SourceFile = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)(?![A-Za-z][A-Za-z0-9+.-]*:)[\w./-]+$/, { error: 'lp.source_file' });

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);

export const SourceModel = z.object({
  file: SourceFile,
  position: Vec3.optional(),
  rotation: Vec3.optional(),
  scale: z.number().positive().optional(),
  title: LangMap.optional(),
});

export const SourceBook = z.object({
  id: Id,
  title: LangMap,
  description: LangMap,
  summary: LangMap.optional(),
  authors: z.array(z.string().min(1)).min(1),
  publisher: z.string().optional(),
  year: z.number().int().optional(),
  language: LanguageTag,
  subjects: z.array(LangMap).default([]),
  ddc: z.string().regex(/^\d{3}(\.\d+)?$/, { error: 'lp.ddc' }),
  isbn: z.string().optional(),
  slimsBiblioId: z.string().optional(),
  callNumber: z.string().min(1),
  shelf: Id,
  copies: z.number().int().min(0),
  available: z.number().int().min(0),
  cover: SourceFile,
  physicalWidthMm: z.number().positive().optional(),
  /** Compile the cover into a target so the book can be scanned. */
  track: z.boolean().default(true),
  model: SourceModel.optional(),
  stories: z.array(Id).default([]),
});

export const SourceShelf = Shelf.omit({ sign: true }).extend({
  sign: SourceFile.optional(),
});

export const SourceStory = Story.omit({ model: true, audio: true }).extend({
  model: SourceModel.optional(),
  audio: z.record(LanguageTag, SourceFile).optional(),
});

export const SourceCatalog = z.object({
  title: LangMap,
  library: Library.omit({ floorPlan: true }).extend({ floorPlan: SourceFile }),
  shelves: z.array(SourceShelf).min(1),
  books: z.array(SourceBook).min(1),
  stories: z.array(SourceStory).default([]),
  tours: z.array(Tour).default([]),
  events: z.array(LibraryEvent).default([]),
});

export type SourceCatalogInput = z.input<typeof SourceCatalog>;
export type SourceCatalogData = z.output<typeof SourceCatalog>;
export type SourceBookData = z.output<typeof SourceBook>;
export type SourceModelData = z.output<typeof SourceModel>;
export { Audience };
