/**
 * Turns a source catalog into a feed. Pure: the caller supplies what it learnt about each file
 * (URL, hash, size, pixels) and the compiled target sets; the plan of which targets go in which
 * set also lives here so that the build script and the editor group targets the same way.
 */
import {
  DDC_SCHEME,
  MAX_TARGETS_PER_SET,
  SCHEMA_VERSION,
  CATALOGUE_RECORD_SCHEME,
  INLISLITE_SCHEME,
  OAI_SCHEME,
  SLIMS_SCHEME,
  type FeedInput,
} from '../feed/schema.ts';
import { normalizeIsbn } from '../isbn.ts';
import { targetKey, type TargetKind, type TargetRef } from '../targets.ts';
import { coverFileOf } from './drawn-cover.ts';
import type { SourceBookData, SourceCatalogData, SourceModelData } from './schema.ts';

const SCHEME_OF_SYSTEM = {
  slims: SLIMS_SCHEME,
  inlislite: INLISLITE_SCHEME,
  marc: CATALOGUE_RECORD_SCHEME,
  csv: CATALOGUE_RECORD_SCHEME,
} as const;

/** The book's ids in the library's catalogue: what the OPAC link and the next import use. */
function altIdentifiers(book: SourceBookData) {
  const ids: { scheme: string; value: string }[] = [];
  const add = (scheme: string, value: string | undefined) => {
    if (value && !ids.some((id) => id.scheme === scheme)) ids.push({ scheme, value });
  };
  add(SLIMS_SCHEME, book.slimsBiblioId);
  if (book.catalogue) {
    add(SCHEME_OF_SYSTEM[book.catalogue.system], book.catalogue.recordId);
    add(OAI_SCHEME, book.catalogue.oaiId);
  }
  return ids.length > 0 ? { altIdentifier: ids } : {};
}

export interface FileFacts {
  readonly href: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
  readonly width?: number;
  readonly height?: number;
}

export interface PlannedTarget extends TargetRef {
  /** The source image the target is compiled from. */
  readonly image: string;
}

export interface PlannedTargetSet {
  readonly id: string;
  readonly targets: readonly PlannedTarget[];
}

/** The id of the set of shelf signs: scanning starts with it. */
export const SIGNS_SET_ID = 'rambu-rak';

/** Every file a source catalog names: floor plan, shelf signs, covers, models and audio. */
export function referencedFiles(source: SourceCatalogData): Set<string> {
  return new Set([
    source.library.floorPlan,
    ...source.shelves.flatMap((s) => (s.sign ? [s.sign] : [])),
    ...liveBooks(source).flatMap((b) => [coverFileOf(b), ...(b.model ? [b.model.file] : [])]),
    ...source.stories.flatMap((s) => [
      ...(s.model ? [s.model.file] : []),
      ...Object.values(s.audio ?? {}),
    ]),
  ]);
}

/** The books the feed carries: those still in the catalogue. */
export function liveBooks(source: SourceCatalogData): SourceBookData[] {
  return source.books.filter((book) => !book.withdrawn);
}

export function shelfSetId(shelfId: string, part: number): string {
  return part === 0 ? `rak-${shelfId}` : `rak-${shelfId}-${part + 1}`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * One set of all shelf signs, and one set per shelf with its covers, split every 20 targets
 * (mind-ar's practical limit: detection tries each target in turn).
 */
export function planTargetSets(source: SourceCatalogData): PlannedTargetSet[] {
  const plans: PlannedTargetSet[] = [];
  const signs = source.shelves.flatMap((shelf): PlannedTarget[] =>
    shelf.sign ? [{ kind: 'shelf', id: shelf.id, image: shelf.sign }] : [],
  );
  chunk(signs, MAX_TARGETS_PER_SET).forEach((targets, part) =>
    plans.push({ id: part === 0 ? SIGNS_SET_ID : `${SIGNS_SET_ID}-${part + 1}`, targets }),
  );
  for (const shelf of source.shelves) {
    const covers = liveBooks(source).flatMap((book): PlannedTarget[] =>
      book.shelf === shelf.id && book.track && book.cover
        ? [{ kind: 'book', id: book.id, image: book.cover }]
        : [],
    );
    chunk(covers, MAX_TARGETS_PER_SET).forEach((targets, part) =>
      plans.push({ id: shelfSetId(shelf.id, part), targets }),
    );
  }
  return plans;
}

function targetRefs(
  plans: readonly PlannedTargetSet[],
): Map<string, { set: string; index: number }> {
  const refs = new Map<string, { set: string; index: number }>();
  for (const plan of plans) {
    plan.targets.forEach((target, index) => refs.set(targetKey(target), { set: plan.id, index }));
  }
  return refs;
}

export interface BuildInput {
  readonly source: SourceCatalogData;
  /** Facts about each source file, by its source path. */
  readonly file: (sourcePath: string) => FileFacts;
  readonly plans: readonly PlannedTargetSet[];
  /** The compiled `.mind` file of each planned set, by set id. */
  readonly compiled: ReadonlyMap<string, FileFacts>;
  readonly modified: string;
  /** The feed's own URL as written in its self link. */
  readonly selfHref: string;
  /** The recognition index built from the compiled sets, when there is one. */
  readonly recognitionIndex?: FileFacts;
}

function asset(facts: FileFacts) {
  return { href: facts.href, type: facts.type, size: facts.size, sha256: facts.sha256 };
}

function image(facts: FileFacts) {
  if (facts.width === undefined || facts.height === undefined) {
    throw new Error(`${facts.href}: image size unknown`);
  }
  return { ...asset(facts), width: facts.width, height: facts.height };
}

function model(source: SourceModelData, file: BuildInput['file']) {
  return {
    asset: asset(file(source.file)),
    position: source.position ?? [0, 0, 0],
    rotation: source.rotation ?? [0, 0, 0],
    scale: source.scale ?? 1,
    ...(source.title ? { title: source.title } : {}),
  };
}

function firstText(map: Readonly<Record<string, string>>, lang: string): string {
  return map[lang] ?? Object.values(map)[0] ?? '';
}

export function buildFeed(input: BuildInput): FeedInput {
  const { source, file, plans, compiled } = input;
  const refs = targetRefs(plans);
  const feedLang = source.library.languages[0] ?? 'id';
  const ref = (kind: TargetKind, id: string) => refs.get(targetKey({ kind, id }));

  const books = liveBooks(source);
  const live = new Set(books.map((book) => book.id));
  const publications: FeedInput['publications'] = books.map((book) => {
    const target = ref('book', book.id);
    return {
      metadata: {
        '@type': 'http://schema.org/Book',
        ...(book.isbn ? { identifier: `urn:isbn:${normalizeIsbn(book.isbn)}` } : {}),
        ...altIdentifiers(book),
        title: book.title,
        ...(book.description ? { description: firstText(book.description, feedLang) } : {}),
        author: book.authors.map((name, i) => {
          const sortAs = book.catalogue?.authorsSortAs?.[i];
          return sortAs && sortAs !== name ? { name, sortAs } : { name };
        }),
        ...(book.publisher ? { publisher: book.publisher } : {}),
        language: book.language,
        subject: [
          ...book.subjects.map((name) => ({ name })),
          { name: `DDC ${book.ddc}`, code: book.ddc, scheme: DDC_SCHEME },
        ],
      },
      links: [
        {
          rel: 'http://opds-spec.org/acquisition/borrow',
          href: `book/${book.id}`,
          type: 'text/html',
          title: 'Pinjam di perpustakaan / Borrow at the library',
        },
      ],
      images: [image(file(coverFileOf(book)))],
      ar: {
        id: book.id,
        ...(book.description ? { description: book.description } : {}),
        ...(book.year !== undefined ? { year: book.year } : {}),
        callNumber: book.callNumber,
        shelf: book.shelf,
        copies: book.copies,
        available: book.available,
        ...(book.physicalWidthMm ? { physicalWidthMm: book.physicalWidthMm } : {}),
        ...(book.audience ? { audience: book.audience } : {}),
        ...(target ? { target } : {}),
        overlays: {
          ...(book.model ? { model: model(book.model, file) } : {}),
          ...(book.summary ? { card: { summary: book.summary } } : {}),
          stories: book.stories,
        },
      },
    };
  });

  const shelves = source.shelves.map((shelf) => {
    const { sign, ...rest } = shelf;
    const target = ref('shelf', shelf.id);
    return {
      ...rest,
      highlights: shelf.highlights.filter((id) => live.has(id)),
      ...(sign ? { sign: { image: image(file(sign)), ...(target ? { target } : {}) } } : {}),
    };
  });

  const stories = source.stories.map((story) => {
    const { model: storyModel, audio, ...rest } = story;
    return {
      ...rest,
      books: story.books.filter((id) => live.has(id)),
      ...(storyModel ? { model: model(storyModel, file) } : {}),
      ...(audio
        ? {
            audio: Object.fromEntries(
              Object.entries(audio).map(([lang, path]) => [lang, asset(file(path))]),
            ),
          }
        : {}),
    };
  });

  const targetSets = plans.map((plan) => {
    const facts = compiled.get(plan.id);
    if (!facts) throw new Error(`target set ${plan.id} was not compiled`);
    return {
      id: plan.id,
      href: facts.href,
      size: facts.size,
      sha256: facts.sha256,
      targets: plan.targets.map(({ kind, id }) => ({ kind, id })),
    };
  });

  // Groups let ordinary OPDS readers browse the books by shelf.
  const groups = source.shelves.map((shelf) => ({
    metadata: { title: firstText(shelf.label, feedLang) },
    navigation: books
      .filter((book) => book.shelf === shelf.id)
      .map((book) => ({
        href: `book/${book.id}`,
        title: firstText(book.title, feedLang),
        type: 'text/html',
      })),
  }));

  return {
    metadata: { title: source.title, modified: input.modified },
    links: [
      { rel: 'self', href: input.selfHref, type: 'application/opds+json' },
      { rel: 'describedby', href: 'catalog.schema.json', type: 'application/schema+json' },
    ],
    publications,
    groups,
    ar: {
      metadata: { schemaVersion: SCHEMA_VERSION, modified: input.modified },
      links: [],
      library: {
        ...source.library,
        floorPlan: { ...image(file(source.library.floorPlan)), type: 'image/svg+xml' },
      },
      shelves,
      stories,
      tours: source.tours,
      events: source.events,
      targetSets,
      ...(input.recognitionIndex ? { recognitionIndex: input.recognitionIndex } : {}),
    },
  };
}
