/**
 * Every bound on what a feed may hold. Whatever a feed, a link or a file brings, the app checks it
 * against these before it spends time or memory on it, so no input can freeze or blank a phone.
 * They are generous for a real library (a 20,000-book catalogue fits in one feed) and are
 * documented in docs/feed.md.
 */
export const FEED_LIMITS = {
  /** The feed file itself; read as a stream and refused past this. */
  feedBytes: 16 * 1024 * 1024,
  /** Nesting of JSON objects and arrays anywhere in the feed (a real feed needs about 8). */
  depth: 48,
  /** Titles, names, labels, places, call numbers, choices. */
  shortText: 300,
  /** Descriptions, summaries, narration, instructions, explanations. */
  text: 4_000,
  /** A story's body (Markdown). */
  storyBody: 40_000,
  /** Languages in one text. */
  languages: 12,
  /** Any other string (identifiers, types, codes). */
  string: 2_000,
  /** Books in one file: the feed, or one shelf's page of a split feed. */
  books: 20_000,
  /** Books a split feed's directory may list (every book of the library). */
  directoryBooks: 100_000,
  shelves: 1_000,
  stories: 5_000,
  tours: 500,
  stopsPerTour: 60,
  bandsPerTour: 5,
  events: 5_000,
  targetSets: 5_000,
  /** Authors, subjects, links, highlights, sources and similar lists. */
  listItems: 200,
} as const;

/** The largest file the app will download, by what it is for. */
export const ASSET_LIMITS = {
  /** A 3D model: as in the editor's checks, a phone downloads it on the library's Wi-Fi. */
  model: 8 * 1024 * 1024,
  /** A compiled target set (.mind): 20 covers at about 210 KB each, with room to spare. */
  targetSet: 16 * 1024 * 1024,
  /** A story's recorded narration. */
  audio: 20 * 1024 * 1024,
  /** A cover, a shelf sign or the floor plan. */
  image: 5 * 1024 * 1024,
  /** One shelf's books in a split feed (an OPDS 2.0 page). */
  bookPage: 16 * 1024 * 1024,
  /** A split feed's short list of every book, for browsing and search. */
  directory: 16 * 1024 * 1024,
  /** The recognition index: its vocabulary (about 3 MB) and about 2.5 KB a cover. */
  recognitionIndex: 64 * 1024 * 1024,
} as const;

export type AssetKind = keyof typeof ASSET_LIMITS;

/** Model caps, shared by the editor's checks and the visitor's phone. */
export const MODEL_LIMITS = {
  maxBytes: ASSET_LIMITS.model,
  /** Low-cost phones draw this smoothly next to the tracker (instances counted one by one). */
  maxTriangles: 150_000,
  maxTextureSide: 2048,
} as const;
