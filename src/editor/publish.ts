/**
 * From draft to publishable feed and back: the feed and its target sets built from the draft (for
 * "Try it" and for export), the ZIP bundle, and importing a bundle or the catalog already online.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { fetchFileBytes } from '../data/assets.ts';
import { loadBookFile } from '../data/book-files.ts';
import { readDraftFile, saveDraftFile } from '../data/draft-files.ts';
import { sha256Hex } from '../data/sha256.ts';
import { indexCatalog, type Catalog } from '../domain/catalog.ts';
import { drawnFloorPlan } from '../domain/floorplan.ts';
import { parseFeed } from '../domain/feed/parse.ts';
import { parseShelfPage } from '../domain/feed/pages.ts';
import type { FeedIssue } from '../domain/feed/issues.ts';
import { fromZodIssues } from '../domain/feed/issues.ts';
import {
  buildFeed,
  planTargetSets,
  referencedFiles,
  type FileFacts,
} from '../domain/source/build.ts';
import {
  compiledFor,
  DRAFT_FORMAT_VERSION,
  emptyDraft,
  FLOOR_PLAN_PATH,
  type CompiledPicture,
  type Draft,
  type DraftFile,
} from '../domain/source/draft.ts';
import { catalogToSource } from '../domain/source/from-catalog.ts';
import { DRAWN_COVER_SIZE, drawnCovers } from '../domain/source/drawn-cover.ts';
import { feedText } from '../domain/source/split.ts';
import { targetKey, type TargetRef } from '../domain/targets.ts';
import {
  SourceCatalog,
  type SourceCatalogData,
  type SourceCatalogInput,
} from '../domain/source/schema.ts';
import { assembleTargetSet, pointsOf, splitTargetSet } from '../tracking/mind-file.ts';
import { buildRecognitionIndexOffThread } from '../tracking/recognition-index.ts';
import { readableDraft } from '../data/draft-storage.ts';
import { BACKUP_DRAFT } from './backup.ts';
import type { BundleCheck, DraftBackup } from './bundle.ts';
import type { ImportReply } from './import.worker.ts';
import { pictureSize, reportFor } from './pictures.ts';

export interface Published {
  readonly feed: ReturnType<typeof buildFeed>;
  /** Compiled target sets by path ("targets/rak-sains.mind"). */
  readonly sets: ReadonlyMap<string, Uint8Array>;
  /**
   * Covers the camera cannot tell apart (volumes printed with one design), as warnings on the
   * first of each pair; empty when no index was built.
   */
  readonly lookAlikes: readonly FeedIssue[];
}

export type PublishResult =
  | { readonly ok: true; readonly published: Published }
  | { readonly ok: false; readonly issues: readonly FeedIssue[] };

const issue = (path: string, id: string, en: string): FeedIssue => ({ path, message: { id, en } });

/** Makes sure the draft has a floor plan: an uploaded one stays, else one is drawn from the shelves. */
export async function withFloorPlan(draft: Draft): Promise<Draft> {
  const current = draft.files[FLOOR_PLAN_PATH];
  if (current && !current.generated) return draft;
  const text = drawnFloorPlan(draft.source.library, draft.source.shelves);
  const svg = strToU8(text);
  const size = /width="(\d+)" height="(\d+)"/.exec(text);
  const file: DraftFile = {
    path: FLOOR_PLAN_PATH,
    hash: await saveDraftFile(svg, 'image/svg+xml'),
    type: 'image/svg+xml',
    size: svg.byteLength,
    width: Number(size?.[1] ?? 740),
    height: Number(size?.[2] ?? 480),
    generated: true,
  };
  return { ...draft, files: { ...draft.files, [FLOOR_PLAN_PATH]: file } };
}

/**
 * Adds what the build draws itself: the floor plan (unless one was uploaded) and a plain cover for
 * every book without a photograph (imported books, mostly). Drawn covers are redrawn each time, so
 * they follow the title and call number.
 */
export async function withGeneratedFiles(draft: Draft): Promise<Draft> {
  const planned = await withFloorPlan(draft);
  const parsed = SourceCatalog.safeParse(planned.source);
  if (!parsed.success) return planned;
  const lang = parsed.data.library.languages[0] ?? 'id';
  const files = { ...planned.files };
  for (const [path, text] of drawnCovers(parsed.data.books, lang)) {
    const svg = strToU8(text);
    files[path] = {
      path,
      hash: await saveDraftFile(svg, 'image/svg+xml'),
      type: 'image/svg+xml',
      size: svg.byteLength,
      ...DRAWN_COVER_SIZE,
      generated: true,
    };
  }
  return { ...planned, files };
}

/**
 * Builds the feed from the draft. Every problem comes back with where it is, so staff can fix it:
 * fields the schema refuses, files not added yet, pictures not compiled yet.
 */
export async function publishDraft(
  draft: Draft,
  modified = new Date().toISOString(),
  /** Trying a draft on this device scans set by set and skips the index's seconds of training. */
  options: { recognitionIndex?: boolean } = {},
): Promise<PublishResult> {
  const parsed = SourceCatalog.safeParse(draft.source);
  if (!parsed.success)
    return { ok: false, issues: fromZodIssues(parsed.error.issues, draft.source) };
  const source = parsed.data;
  const issues: FeedIssue[] = [];

  const needed = referencedFiles(source);
  for (const path of needed) {
    if (!draft.files[path])
      issues.push(
        issue(
          `file:${path}`,
          `berkas ${path} belum ditambahkan`,
          `file ${path} has not been added yet`,
        ),
      );
  }

  const plans = planTargetSets(source);
  const sets = new Map<string, Uint8Array>();
  const compiledFacts = new Map<string, FileFacts>();
  for (const plan of plans) {
    const minds: Uint8Array[] = [];
    for (const target of plan.targets) {
      const compiled = compiledFor(draft, target.image);
      const blob = compiled && (await readDraftFile(compiled.mindHash));
      if (!compiled || !blob) {
        issues.push(
          issue(
            `target:${targetKey(target)}`,
            `gambar ${target.image} belum dikompilasi menjadi target`,
            `picture ${target.image} has not been compiled into a target yet`,
          ),
        );
        continue;
      }
      minds.push(new Uint8Array(await blob.arrayBuffer()));
    }
    if (minds.length !== plan.targets.length) continue;
    const bytes = assembleTargetSet(minds);
    const path = `targets/${plan.id}.mind`;
    sets.set(path, bytes);
    compiledFacts.set(plan.id, {
      href: path,
      type: 'application/octet-stream',
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes.slice().buffer),
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  // The whole collection's recognition index, so visitors need not scan a shelf sign first.
  let recognitionIndex: FileFacts | undefined;
  let lookAlikes: FeedIssue[] = [];
  if (options.recognitionIndex !== false && plans.length > 0) {
    const built = await buildRecognitionIndexOffThread({
      sets: plans.map((plan) => ({
        targets: plan.targets,
        bytes: sets.get(`targets/${plan.id}.mind`) ?? new Uint8Array(),
      })),
    });
    const { bytes } = built;
    lookAlikes = built.lookAlikes.map((pair) => lookAlikeWarning(source, pair.a, pair.b));
    sets.set(RECOGNITION_INDEX_PATH, bytes);
    recognitionIndex = {
      href: RECOGNITION_INDEX_PATH,
      type: 'application/octet-stream',
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes.slice().buffer),
    };
  }

  const feed = buildFeed({
    source,
    file: (path) => {
      const file = draft.files[path] as DraftFile;
      return {
        href: path,
        type: file.type,
        size: file.size,
        sha256: file.hash,
        ...(file.width !== undefined ? { width: file.width } : {}),
        ...(file.height !== undefined ? { height: file.height } : {}),
      };
    },
    plans,
    compiled: compiledFacts,
    modified,
    selfHref: 'catalog.json',
    ...(recognitionIndex ? { recognitionIndex } : {}),
  });
  const check = parseFeed(feed, 'https://draft.invalid/catalog.json');
  if (!check.ok) return { ok: false, issues: check.errors };
  return { ok: true, published: { feed, sets, lookAlikes } };
}

/** A warning on cover `a`: it looks like `b`'s, so visitors are shown both. */
function lookAlikeWarning(source: SourceCatalogData, a: string, b: string): FeedIssue {
  const titleOf = (key: string) => {
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const item =
      kind === 'book'
        ? source.books.find((book) => book.id === id)?.title
        : source.shelves.find((shelf) => shelf.id === id)?.label;
    return item?.id ?? item?.en ?? id;
  };
  const other = titleOf(b);
  return issue(
    `target:${a}`,
    `sampulnya tampak sama dengan "${other}", sehingga kamera tidak dapat membedakan keduanya; pengunjung akan diberi tahu kedua judul. Bila sampulnya sebenarnya berbeda, foto ulang dengan lebih jelas.`,
    `its cover looks the same as "${other}", so the camera cannot tell the two apart; visitors will be shown both titles. If the covers do differ, take a clearer photo.`,
  );
}

const RECOGNITION_INDEX_PATH = 'targets/recognition.idx';

/** The ZIP a library uploads to any static host: feed, files, target sets, and the source to edit later. */
export async function exportBundle(draft: Draft, published: Published): Promise<Uint8Array> {
  const entries: Zippable = {
    'catalog.json': [strToU8(feedText(published.feed)), { level: 6 }],
    'catalog.source.json': [strToU8(`${JSON.stringify(draft.source, null, 1)}\n`), { level: 6 }],
  };
  for (const file of Object.values(draft.files)) {
    const blob = await readDraftFile(file.hash);
    if (!blob) throw new Error(`missing ${file.path}`);
    // Pictures and models are compressed already.
    entries[file.path] = [
      new Uint8Array(await blob.arrayBuffer()),
      { level: file.type.startsWith('image/svg') ? 6 : 0 },
    ];
  }
  for (const [path, bytes] of published.sets) entries[path] = [bytes, { level: 6 }];
  return zipSync(entries);
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  glb: 'model/gltf-binary',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
};

async function storeFile(path: string, bytes: Uint8Array): Promise<DraftFile> {
  const type = TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  const hash = await saveDraftFile(bytes, type);
  const size =
    type.startsWith('image/') && type !== 'image/svg+xml'
      ? await pictureSize(new Blob([bytes.slice()], { type }))
      : {};
  const svgSize =
    type === 'image/svg+xml'
      ? /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(strFromU8(bytes))
      : null;
  return {
    path,
    hash,
    type,
    size: bytes.byteLength,
    ...size,
    ...(svgSize ? { width: Number(svgSize[1]), height: Number(svgSize[2]) } : {}),
  };
}

/** Builds a draft from a source, its files and compiled sets (whichever way they arrived). */
async function draftFrom(
  source: SourceCatalogInput,
  files: ReadonlyMap<string, Uint8Array>,
  sets: readonly {
    targets: readonly TargetRef[];
    bytes: Uint8Array;
  }[],
): Promise<Draft> {
  let draft: Draft = { ...emptyDraft(), source };
  const stored: Record<string, DraftFile> = {};
  for (const [path, bytes] of files) stored[path] = await storeFile(path, bytes);
  draft = { ...draft, files: stored };
  const pictureOf = ({ kind, id }: TargetRef) =>
    kind === 'book'
      ? source.books.find((b) => b.id === id)?.cover
      : source.shelves.find((s) => s.id === id)?.sign;
  const targets: Record<string, CompiledPicture> = {};
  for (const set of sets) {
    const minds = splitTargetSet(set.bytes);
    for (const [index, target] of set.targets.entries()) {
      const picture = pictureOf(target);
      const mind = minds[index];
      const file = picture ? stored[picture] : undefined;
      if (!picture || !mind || !file) continue;
      const blob = await readDraftFile(file.hash);
      const points = pointsOf(mind);
      targets[picture] = {
        pictureHash: file.hash,
        mindHash: await saveDraftFile(mind, 'application/octet-stream'),
        points,
        report: blob
          ? await reportFor(blob, points)
          : { stars: 0, count: points.length, coverage: 0, advice: [] },
      };
    }
  }
  return { ...draft, targets };
}

export type ImportResult =
  | { readonly ok: true; readonly draft: Draft }
  | { readonly ok: false; readonly issues: readonly FeedIssue[] };

/**
 * Opens a bundle made by `exportBundle` (or by `npm run catalog:build`, zipped): checked in a
 * worker (editor/bundle.ts), then its files are stored and compiled pictures assessed.
 */
export async function importBundle(
  zip: Uint8Array,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const result = await new Promise<BundleCheck>((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply.done, reply.total);
        return;
      }
      worker.terminate();
      if (reply.type === 'error') reject(new Error(reply.message));
      else resolve(reply.result);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the bundle could not be read'));
    };
    worker.postMessage({ zip }, [zip.buffer]);
  });
  if (!result.ok) return result;
  if ('backup' in result) return restoreBackup(result.backup);
  const { source, files, sets } = result.bundle;
  return { ok: true, draft: await draftFrom(source, files, sets) };
}

/** A draft exported as stored, back as the draft, if this version can read it. */
async function restoreBackup(backup: DraftBackup): Promise<ImportResult> {
  const readable = readableDraft(backup.text, DRAFT_FORMAT_VERSION);
  if (readable !== 'ok') {
    return {
      ok: false,
      issues: [
        readable === 'newer'
          ? issue(
              BACKUP_DRAFT,
              'cadangan ini dibuat oleh versi Lensa Pustaka yang lebih baru; perbarui aplikasi lalu impor lagi',
              'this backup was made by a newer version of Lensa Pustaka; update the app, then import it again',
            )
          : issue(
              BACKUP_DRAFT,
              'draf di dalam cadangan ini rusak dan tidak dapat dibuka',
              'the draft in this backup is damaged and cannot be opened',
            ),
      ],
    };
  }
  for (const [, bytes] of backup.files) await saveDraftFile(bytes, 'application/octet-stream');
  const { state } = JSON.parse(backup.text) as { state: { draft: Draft } };
  return { ok: true, draft: state.draft };
}

/**
 * A split feed's catalog with every shelf page's books in it: a draft started from the feed alone
 * would lack them, and publishing it would drop them. A page that cannot be read stops the start.
 */
async function withShelfPages(catalog: Catalog): Promise<Catalog> {
  const index = indexCatalog(catalog);
  const books = [...catalog.books];
  for (const shelf of catalog.shelves) {
    if (!shelf.books) continue;
    const loaded = await loadBookFile(shelf.books, 'bookPage');
    const page = loaded.ok
      ? parseShelfPage(loaded.text, shelf.books.href, catalog, index, shelf.id)
      : undefined;
    if (!page?.ok) {
      const detail = page ? (page.errors[0]?.message.en ?? '') : loaded.ok ? '' : loaded.problem;
      throw new Error(
        `Daftar buku rak "${shelf.id}" tidak dapat dimuat, jadi draf tidak dimulai agar tidak ada buku yang hilang (${detail}) / The book list of shelf "${shelf.id}" could not be loaded, so the draft was not started and no book is lost (${detail})`,
      );
    }
    books.push(...page.value);
  }
  return { ...catalog, books };
}

/** Starts a draft from a catalog already online (the one the app shows). */
export async function importCatalog(
  catalog: Catalog,
  onProgress: (done: number, total: number) => void,
): Promise<Draft> {
  const { source, files } = catalogToSource(await withShelfPages(catalog));
  const total = files.length + catalog.targetSets.length;
  let done = 0;
  const byPath = new Map<string, Uint8Array>();
  for (const file of files) {
    const bytes = await fetchFileBytes(file.href);
    if (bytes) byPath.set(file.path, bytes);
    onProgress(++done, total);
  }
  const sets: { targets: Catalog['targetSets'][number]['targets']; bytes: Uint8Array }[] = [];
  for (const set of catalog.targetSets) {
    const bytes = await fetchFileBytes(set.href);
    if (bytes) sets.push({ targets: set.targets, bytes });
    onProgress(++done, total);
  }
  return draftFrom(source, byPath, sets);
}
