/**
 * The catalog feed as it travels: an OPDS 2.0 feed with an `ar` extension. This zod schema is the one
 * validator of the feed; `public/catalog.schema.json` is generated from it (`npm run schema`).
 *
 * Error messages are keys (`lp.*`) that `issues.ts` turns into Bahasa Indonesia and English.
 */
import { z } from 'zod';
import { ASSET_LIMITS, FEED_LIMITS as LIMIT } from './limits.ts';
import { SLIMS_SCHEME } from './schemes.ts';

// The identifier schemes live in schemes.ts, which does not load zod: the app's first load reads
// them, and reads feeds in a worker.
export {
  CATALOGUE_RECORD_SCHEME,
  DDC_SCHEME,
  INLISLITE_SCHEME,
  ISBN_URN,
  OAI_SCHEME,
  RECORD_SCHEMES,
  SLIMS_SCHEME,
} from './schemes.ts';

export const SCHEMA_MAJOR = 1;
export const SCHEMA_VERSION = '1.2';
export const MAX_TARGETS_PER_SET = 20;

/** BCP 47 tag, the subset catalogues use: `id`, `en`, `en-GB`, `sxn`. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Relative URLs and http(s) only: `javascript:`, `data:` and other schemes never reach the page. */
const SAFE_URL = /^(?:https?:\/\/|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s\p{Cc}]+$/u;

export const Id = z
  .string({ error: 'lp.id' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'lp.id' })
  .meta({ description: 'Lower-case letters, digits and hyphens, at most 64 characters.' });

export const LanguageTag = z.string().max(35).regex(LANGUAGE_TAG, { error: 'lp.language' });

/** Any string the feed carries that is not a text for people (types, codes, identifiers). */
const Str = z.string().max(LIMIT.string);
/** A list of a few things (authors, subjects, links): never thousands. */
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMIT.listItems);

/** A text per language, each at most `max` characters. */
function langMap(max: number) {
  return z
    .record(LanguageTag, z.string().min(1, { error: 'lp.empty' }).max(max))
    .refine((map) => Object.keys(map).length > 0, { error: 'lp.langmap_empty' })
    .refine((map) => Object.keys(map).length <= LIMIT.languages, {
      error: 'lp.too_many_languages',
    })
    .meta({
      description: `A text per language, keyed by BCP 47 tag, e.g. {"id": "Ikan", "en": "Fish"}; at most ${String(max)} characters each.`,
      minProperties: 1,
      maxProperties: LIMIT.languages,
    });
}

/** Titles, names, labels. */
export const LangMap = langMap(LIMIT.shortText);
/** Descriptions, summaries, narration. */
export const LongLangMap = langMap(LIMIT.text);

/** Readium allows a plain string where a language map is expected. */
export const LangMapOrString = z.union([
  z.string().min(1, { error: 'lp.empty' }).max(LIMIT.shortText),
  LangMap,
]);

/** Every URL the schema accepts is one the URL parser accepts, resolved against any http(s) base. */
const parsesAsUrl = (href: string) => URL.canParse(href, 'https://feed.invalid/catalog.json');

export const Url = z
  .string({ error: 'lp.url' })
  .max(LIMIT.string)
  .regex(SAFE_URL, { error: 'lp.url' })
  .refine(parsesAsUrl, { error: 'lp.url' })
  .meta({ description: 'A relative URL or an absolute http(s) URL.' });

export const Sha256 = z
  .string({ error: 'lp.sha256' })
  .regex(/^[a-f0-9]{64}$/, { error: 'lp.sha256' })
  .meta({ description: 'SHA-256 of the file, 64 lower-case hex digits.' });

const PositiveInt = z.number().int().positive();
const Count = z.number().int().min(0);

export const Asset = z.object({
  href: Url,
  type: Str.min(1),
  size: PositiveInt.optional().meta({ description: 'Size in bytes.' }),
  sha256: Sha256,
});

/** An asset the app downloads only after checking its declared size against a cap. */
const sizedAsset = (maxBytes: number) =>
  Asset.extend({
    size: PositiveInt.max(maxBytes).meta({
      description: `Size in bytes, required; at most ${String(maxBytes)}.`,
    }),
  });

export const ImageAsset = Asset.extend({
  size: PositiveInt.max(ASSET_LIMITS.image).optional().meta({ description: 'Size in bytes.' }),
  width: PositiveInt.max(20_000).meta({ description: 'Width in pixels.' }),
  height: PositiveInt.max(20_000).meta({ description: 'Height in pixels.' }),
});

export const ModelAsset = sizedAsset(ASSET_LIMITS.model);
export const AudioAsset = sizedAsset(ASSET_LIMITS.audio);

export const Link = z.object({
  href: Url,
  rel: z.union([Str, list(Str)]).optional(),
  type: Str.optional(),
  title: Str.optional(),
  templated: z.boolean().optional(),
});

/** A book's cover or a shelf's sign, as a target recognises it (see src/domain/targets.ts). */
export const TargetRef = z.object({ kind: z.enum(['book', 'shelf']), id: Id });

export const TargetPlace = z
  .object({
    set: Id,
    index: z
      .number()
      .int()
      .min(0)
      .max(MAX_TARGETS_PER_SET - 1),
  })
  .meta({ description: 'Which compiled target recognises this item: a target set and its index.' });

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);

export const ModelOverlay = z
  .object({
    asset: ModelAsset,
    position: Vec3.default([0, 0, 0]).meta({
      description: 'In cover widths from the cover centre: x right, y up, z out of the cover.',
    }),
    rotation: Vec3.default([0, 0, 0]).meta({ description: 'Euler angles in degrees (XYZ).' }),
    scale: z
      .number()
      .positive()
      .default(1)
      .meta({ description: "1 makes the model's largest side as long as the cover is wide." }),
    title: LangMap.optional().meta({ description: 'What the model shows, for screen readers.' }),
  })
  .meta({ description: 'A 3D model (GLB) placed on the cover.' });

const Name = z.string().min(1).max(LIMIT.shortText);

const Contributor = z.union([Name, z.object({ name: LangMapOrString, sortAs: Name.optional() })]);

const Subject = z.union([
  Name,
  z.object({
    name: LangMapOrString,
    code: Str.optional(),
    scheme: Str.optional(),
  }),
]);

const PublicationMetadata = z.object({
  '@type': Str.optional(),
  identifier: Str.optional().meta({ description: 'urn:isbn:… when the book has an ISBN.' }),
  altIdentifier: list(z.object({ value: Str.min(1), scheme: Str.min(1) }))
    .optional()
    .meta({ description: `Catalogue ids, e.g. {"scheme": "${SLIMS_SCHEME}", "value": "42"}.` }),
  title: LangMapOrString,
  description: z
    .string()
    .max(LIMIT.text)
    .optional()
    .meta({ description: 'For generic OPDS readers.' }),
  author: z.union([Contributor, list(Contributor)]).optional(),
  publisher: z.union([Contributor, list(Contributor)]).optional(),
  language: z.union([LanguageTag, list(LanguageTag)]).optional(),
  subject: z.union([Subject, list(Subject)]).optional(),
});

export const CardOverlay = z.object({
  summary: LongLangMap.optional().meta({
    description: 'Short text on the card; the description if absent.',
  }),
});

export const Audience = z.object({
  minAge: z.number().int().min(0).max(120).optional(),
  maxAge: z.number().int().min(0).max(120).optional(),
  label: LangMap.optional(),
});

export const BookExtension = z.object({
  id: Id,
  description: LongLangMap.optional(),
  year: z.number().int().min(0).max(2100).optional(),
  callNumber: Name,
  shelf: Id,
  copies: Count.max(100_000),
  available: Count.max(100_000),
  physicalWidthMm: z.number().positive().max(2000).optional(),
  audience: Audience.optional().meta({
    description: 'Who the book is for, by age (e.g. MARC 008/22) (1.2).',
  }),
  target: TargetPlace.optional(),
  overlays: z
    .object({
      model: ModelOverlay.optional(),
      card: CardOverlay.optional(),
      stories: list(Id).default([]),
    })
    .default({ stories: [] }),
});

export const Publication = z.object({
  metadata: PublicationMetadata,
  links: list(Link).default([]),
  images: list(ImageAsset).min(1, { error: 'lp.cover_missing' }),
  ar: BookExtension,
});

const Point = z.object({ x: z.number(), y: z.number() });
const PlanArea = Point.extend({
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

/** A file of a split feed: one shelf's books, or the directory of every book (schema 1.2). */
export const BookFileRef = (maxBytes: number, maxBooks: number) =>
  sizedAsset(maxBytes).extend({
    count: Count.max(maxBooks).meta({ description: 'How many books the file holds.' }),
  });

export const Shelf = z.object({
  id: Id,
  label: LangMap,
  ddc: z
    .object({ from: Name, to: Name })
    .meta({ description: 'The DDC range on the shelf, e.g. {"from": "500", "to": "599"}.' }),
  position: PlanArea.meta({
    description: 'Where the shelf stands on the floor plan, in the SVG user units.',
  }),
  sign: z
    .object({ image: ImageAsset, target: TargetPlace.optional() })
    .optional()
    .meta({ description: 'The printed shelf sign and the target that recognises it.' }),
  highlights: list(Id).default([]).meta({ description: 'Book ids to show first.' }),
  books: BookFileRef(ASSET_LIMITS.bookPage, LIMIT.books).optional().meta({
    description:
      "A split feed's page of this shelf's other books (an OPDS 2.0 feed of publications), fetched when the shelf or one of its books is opened (1.2).",
  }),
});

export const Story = z.object({
  id: Id,
  title: LangMap,
  summary: LongLangMap.optional(),
  body: langMap(LIMIT.storyBody),
  format: z.enum(['text', 'markdown']).default('markdown'),
  topics: list(Name).default([]),
  books: list(Id).default([]),
  shelves: list(Id).default([]),
  sources: list(z.object({ title: Name, url: Url.optional() })).min(1, {
    error: 'lp.sources_missing',
  }),
  model: ModelOverlay.optional(),
  audio: z
    .record(LanguageTag, AudioAsset)
    .refine((map) => Object.keys(map).length <= LIMIT.languages, {
      error: 'lp.too_many_languages',
    })
    .optional(),
  featured: z.boolean().default(false),
});

const Question = z.object({
  prompt: LongLangMap,
  choices: z.array(LangMap).min(2).max(5),
  answer: z.number().int().min(0),
  explanation: LongLangMap,
});

/** A stop's texts for one age band; what a band leaves out comes from the stop's own texts. */
const BandTexts = z.object({
  instruction: LongLangMap.optional(),
  narration: LongLangMap.optional(),
  question: Question.optional(),
});

export const TourStop = z.object({
  id: Id,
  find: TargetRef,
  instruction: LongLangMap,
  narration: LongLangMap,
  question: Question.optional(),
  forBands: z
    .record(Id, BandTexts)
    .refine((map) => Object.keys(map).length <= LIMIT.bandsPerTour, {
      error: 'lp.too_many_bands',
    })
    .optional()
    .meta({ description: "Texts per age band, keyed by the ids in the tour's `bands` (1.1)." }),
});

/** An age band a tour also speaks to (schema 1.1): for example 7–9 beside the tour's own 10–12. */
export const TourBand = z.object({
  id: Id,
  audience: Audience.extend({ label: LangMap }),
});

export const Tour = z.object({
  id: Id,
  title: LangMap,
  description: LongLangMap,
  audience: Audience,
  minutes: PositiveInt.max(24 * 60),
  bands: z.array(TourBand).max(LIMIT.bandsPerTour).default([]),
  stops: z.array(TourStop).min(1).max(LIMIT.stopsPerTour),
});

const DateTime = z.iso.datetime({ offset: true, error: 'lp.datetime' });

export const LibraryEvent = z.object({
  id: Id,
  title: LangMap,
  start: DateTime,
  end: DateTime,
  place: LangMap,
  description: LongLangMap,
  audience: Audience,
  position: PlanArea.optional().meta({
    description: 'Where the event takes place on the floor plan, in the SVG user units (1.2).',
  }),
});

export const TargetSet = z.object({
  id: Id,
  href: Url,
  size: PositiveInt.max(ASSET_LIMITS.targetSet),
  sha256: Sha256,
  targets: z
    .array(TargetRef)
    .min(1)
    .max(MAX_TARGETS_PER_SET, { error: 'lp.too_many_targets' })
    .meta({ description: 'What each compiled target recognises, in the order of the .mind file.' }),
});

const DAY = z.enum(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'lp.time' });

/** An IANA zone this browser knows: the opening hours and every date on the page are read in it. */
function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const Library = z.object({
  name: LangMap,
  address: z.object({
    street: Name.optional(),
    locality: Name,
    region: Name,
    postalCode: Name.optional(),
    country: z.string().length(2),
  }),
  openingHours: list(
    z.object({ days: z.array(DAY).min(1).max(7), opens: ClockTime, closes: ClockTime }),
  ).default([]),
  hoursNote: LongLangMap.optional(),
  timeZone: Name.refine(isKnownTimeZone, { error: 'lp.time_zone' })
    .default('Asia/Makassar')
    .meta({ description: 'An IANA time zone, e.g. Asia/Makassar.' }),
  languages: list(LanguageTag).min(1),
  contact: z
    .object({
      phone: Name.optional(),
      email: z.email().max(LIMIT.shortText).optional(),
      website: Url.optional(),
    })
    .optional(),
  floorPlan: ImageAsset.extend({ type: z.literal('image/svg+xml') }),
  entrance: Point.optional().meta({
    description:
      "The entrance on the floor plan, in the SVG user units; directions to a shelf start there (default: the middle of the plan's bottom edge) (1.2).",
  }),
  serviceDesk: PlanArea.optional().meta({
    description:
      'The service desk on the floor plan, in the SVG user units; directions to a shelf say when they pass it (1.2).',
  }),
  about: LongLangMap.optional(),
  catalogue: z
    .object({
      name: Name.optional().meta({ description: 'The catalogue system, e.g. "SLiMS".' }),
      opacTemplate: Url.refine((href) => href.includes('{id}'), { error: 'lp.opac_template' })
        .optional()
        .meta({
          description:
            "A book's page in the library's own catalogue, where loans and reservations are made; {id} is replaced by the book's record id, e.g. https://katalog.example/index.php?p=show_detail&id={id}.",
        }),
      availabilityAsOf: DateTime.optional().meta({
        description: 'When the copies and available figures were taken from the catalogue.',
      }),
    })
    .optional(),
});

export const ArMetadata = z.object({
  schemaVersion: z.string().regex(/^\d+\.\d+$/, { error: 'lp.schema_version' }),
  modified: DateTime.optional(),
});

export const ArExtension = z.object({
  metadata: ArMetadata,
  links: list(Link).default([]),
  library: Library,
  shelves: z.array(Shelf).min(1).max(LIMIT.shelves),
  stories: z.array(Story).max(LIMIT.stories).default([]),
  tours: z.array(Tour).max(LIMIT.tours).default([]),
  events: z.array(LibraryEvent).max(LIMIT.events).default([]),
  targetSets: z.array(TargetSet).max(LIMIT.targetSets).default([]),
  recognitionIndex: sizedAsset(ASSET_LIMITS.recognitionIndex).optional().meta({
    description:
      "Every target's visual words and the vocabulary tree (an LPRI file, see docs/recognition.md), so that the phone can tell which cover it sees without first scanning a shelf sign (1.2).",
  }),
  directory: BookFileRef(ASSET_LIMITS.directory, LIMIT.directoryBooks).optional().meta({
    description:
      'A split feed lists every book in short here (id, title, authors, call number, shelf, year, DDC, language, copies, available), for browsing and search; required when a shelf has `books` (1.2).',
  }),
});

export const Feed = z
  .object({
    metadata: z.object({
      title: LangMapOrString,
      modified: DateTime,
      identifier: Str.optional(),
    }),
    links: list(Link).min(1),
    publications: z.array(Publication).max(LIMIT.books, { error: 'lp.too_many_books' }).meta({
      description:
        "Every book, or in a split feed the books that carry AR or that stories, tours and highlights name; the rest are in the shelves' `books` pages.",
    }),
    groups: z
      .array(z.looseObject({ metadata: z.looseObject({}) }))
      .max(LIMIT.shelves)
      .optional(),
    ar: ArExtension,
  })
  .meta({
    title: 'Lensa Pustaka catalog feed',
    description: 'An OPDS 2.0 feed with an `ar` extension. See docs/feed.md.',
  });

export type FeedInput = z.input<typeof Feed>;
export type FeedData = z.output<typeof Feed>;
export type PublicationData = z.output<typeof Publication>;
export type ModelOverlayData = z.output<typeof ModelOverlay>;
export type AssetData = z.output<typeof Asset>;
export type ImageAssetData = z.output<typeof ImageAsset>;
