/**
 * Builds a publishable feed from a source catalog and its files, in Node: hashes and measures every
 * file, compiles the planned target sets with mind-ar's offline compiler (reusing earlier results
 * whose inputs have not changed), and validates the result with the app's own feed parser.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { imageSize as headerSize } from 'image-size';
import { ASSET_LIMITS, type AssetKind } from '../../src/domain/feed/limits.ts';
import { indexCatalog } from '../../src/domain/catalog.ts';
import { parseDirectory, parseShelfPage } from '../../src/domain/feed/pages.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import type { FeedInput } from '../../src/domain/feed/schema.ts';
import { feedText, SPLIT_FROM_BOOKS, splitFeed } from '../../src/domain/source/split.ts';
import { fromZodIssues, type FeedIssue } from '../../src/domain/feed/issues.ts';
import {
  buildFeed,
  planTargetSets,
  referencedFiles,
  type FileFacts,
  type PlannedTargetSet,
} from '../../src/domain/source/build.ts';
import { SourceCatalog } from '../../src/domain/source/schema.ts';
import { TARGET_SHORT_SIDE } from '../../src/domain/source/target-size.ts';
import {
  assembleTargetSet,
  compileTargetSet,
  splitTargetSet,
} from '../../src/tracking/node/offline-compile.ts';
import {
  decodeIndex,
  type EncodedPart,
  type FeaturePoint,
  type RecognitionIndex,
} from '../../src/domain/recognition/index-file.ts';
import { updateRecognitionIndex } from '../../src/domain/recognition/build.ts';
import { lookAlikePairs, type LookAlikePair } from '../../src/domain/recognition/look-alike.ts';
import { targetKey } from '../../src/domain/targets.ts';
import { buildRecognitionIndex, INDEX_BUILD, partsOfMind, pointsOfMind } from './recognition.ts';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.glb': 'model/gltf-binary',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mind': 'application/octet-stream',
};

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function svgSize(text: string): { width: number; height: number } {
  const width = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(text)?.[1];
  const height = /<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(text)?.[1];
  if (!width || !height) throw new Error('SVG needs width and height attributes');
  return { width: Math.round(Number(width)), height: Math.round(Number(height)) };
}

/** Pictures larger than this on a side are refused before they are decoded (a PNG bomb). */
const MAX_PICTURE_SIDE = 8000;

async function imageSize(file: string, bytes: Buffer): Promise<{ width: number; height: number }> {
  if (file.endsWith('.svg')) return svgSize(bytes.toString('utf8'));
  // The header says how large it is; only a picture of a sensible size is decoded.
  const { width, height } = headerSize(bytes);
  if (width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE)
    throw new Error(`${String(width)}×${String(height)} pixels`);
  const image = await loadImage(bytes);
  return { width: image.width, height: image.height };
}

const kindOf = (file: string): AssetKind | undefined => {
  const extension = path.extname(file).toLowerCase();
  if (['.jpg', '.jpeg', '.png', '.webp', '.svg'].includes(extension)) return 'image';
  if (extension === '.glb') return 'model';
  if (['.mp3', '.ogg', '.m4a'].includes(extension)) return 'audio';
  return undefined;
};

const problem = (file: string, id: string, en: string): FeedIssue => ({
  path: `file:${file}`,
  message: { id, en },
});

/**
 * Reads a file the source catalog names: it must stay inside the source folder (a link that leads
 * elsewhere is refused) and not exceed the size a phone downloads for its kind.
 */
async function readSourceFile(
  sourceDir: string,
  file: string,
): Promise<{ bytes?: Buffer; problem?: FeedIssue }> {
  const full = path.join(sourceDir, file);
  const real = await realpath(full).catch(() => undefined);
  if (!real) return {};
  const root = await realpath(sourceDir);
  if (real !== root && !real.startsWith(root + path.sep)) {
    return {
      problem: problem(
        file,
        `berkas "${file}" adalah tautan ke luar folder sumber (${real}); salin berkasnya ke dalam folder`,
        `file "${file}" is a link outside the source folder (${real}); copy the file into the folder`,
      ),
    };
  }
  const kind = kindOf(file);
  const { size } = await stat(real);
  if (kind && size > ASSET_LIMITS[kind]) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    return {
      problem: problem(
        file,
        `berkas "${file}" ${mb(size)} MB; batasnya ${mb(ASSET_LIMITS[kind])} MB untuk berkas jenis ini`,
        `file "${file}" is ${mb(size)} MB; the limit is ${mb(ASSET_LIMITS[kind])} MB for this kind of file`,
      ),
    };
  }
  return { bytes: await readFile(real) };
}

export interface BuildOptions {
  /** Folder holding the source files that the source catalog names. */
  readonly sourceDir: string;
  /** Folder the feed is written to. */
  readonly outDir: string;
  /** The source catalog, already read (the CLI reads `catalog.source.json`). */
  readonly source: unknown;
  readonly feedFile?: string;
  /** Feed timestamp; by default the previous feed's, if nothing else changed, else now. */
  readonly modified?: string;
  readonly log?: (line: string) => void;
  /** Files made for this build (a floor plan drawn from the shelves), used where the folder has none. */
  readonly generated?: ReadonlyMap<string, Uint8Array>;
  /**
   * Split the feed into the feed, a page per shelf and a directory (schema 1.2): `auto` (the
   * default) splits past SPLIT_FROM_BOOKS books; a small library keeps one file.
   */
  readonly split?: 'auto' | boolean;
}

export type BuildResult =
  | {
      readonly ok: true;
      readonly feedPath: string;
      readonly bytes: number;
      readonly targetBytes: number;
      /** A split feed's other files: name and bytes. */
      readonly split: readonly { readonly file: string; readonly bytes: number }[];
      /**
       * Covers the camera cannot tell apart (a series printed with one design), by target key:
       * the scan view names the others beside the one it recognises; staff may want to know.
       */
      readonly lookAlikes: readonly LookAlikePair[];
    }
  | { readonly ok: false; readonly errors: readonly FeedIssue[] };

interface LockEntry {
  readonly inputs: string;
  readonly sha256: string;
  /**
   * A set's: each target's cover key, in order, so that a set rebuilt because one cover changed
   * (or moved to another set) compiles only the covers that are new. The index's: each target's
   * cover key by target key, and how many covers it quantised on a vocabulary trained before them.
   */
  readonly covers?: readonly string[] | Readonly<Record<string, string>>;
  readonly untrained?: number;
  /** The index's: pairs of target keys whose covers look alike, with their score. */
  readonly lookAlikes?: readonly LookAlikePair[];
}

interface TargetLock {
  readonly [setId: string]: LockEntry;
}

const isList = (covers: LockEntry['covers']): covers is readonly string[] => Array.isArray(covers);

/** What a target's compiled entry depends on: the picture and the size it is scaled to. */
const coverKeyOf = (imageSha: string | undefined) => `s${TARGET_SHORT_SIDE}:${imageSha ?? ''}`;

/**
 * Compiled entries of covers that earlier sets hold, by cover key, read from those sets' files
 * (checked against the lock's hashes) only when a set must be rebuilt.
 */
async function earlierEntries(
  lock: TargetLock,
  targetDir: string,
): Promise<Map<string, Uint8Array>> {
  const entries = new Map<string, Uint8Array>();
  for (const [id, entry] of Object.entries(lock)) {
    if (!isList(entry.covers) || id === RECOGNITION_INDEX_FILE) continue;
    const bytes = await readFile(path.join(targetDir, `${id}.mind`)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== entry.sha256) continue;
    let parts: Uint8Array[];
    try {
      parts = splitTargetSet(bytes);
    } catch {
      continue;
    }
    if (parts.length !== entry.covers.length) continue;
    entry.covers.forEach((cover, i) => {
      const part = parts[i];
      if (part && !entries.has(cover)) entries.set(cover, part);
    });
  }
  return entries;
}

/** Writes the lock whole or not at all: a build stopped while writing it keeps the one before. */
async function writeLock(lockPath: string, lock: TargetLock): Promise<void> {
  const partial = `${lockPath}.partial`;
  await writeFile(partial, `${JSON.stringify(lock, null, 2)}\n`);
  await rename(partial, lockPath);
}

export async function buildCatalog(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const parsedSource = SourceCatalog.safeParse(options.source);
  if (!parsedSource.success) {
    return { ok: false, errors: fromZodIssues(parsedSource.error.issues, options.source) };
  }
  const source = parsedSource.data;
  const outDir = path.resolve(options.outDir);
  const sourceDir = path.resolve(options.sourceDir);
  const feedFile = options.feedFile ?? 'catalog.json';
  // Files inside the output folder are referenced where they are; others are copied to assets/.
  const inPlace = sourceDir === outDir || sourceDir.startsWith(outDir + path.sep);
  const assetRoot = inPlace ? sourceDir : path.join(outDir, 'assets');
  const hrefOf = (absolute: string) => path.relative(outDir, absolute).split(path.sep).join('/');

  const facts = new Map<string, FileFacts>();
  const bytesOf = new Map<string, Buffer>();
  const missing: FeedIssue[] = [];
  const referenced = referencedFiles(source);
  for (const file of referenced) {
    const to = path.join(assetRoot, file);
    const read = await readSourceFile(sourceDir, file);
    if (read.problem) {
      missing.push(read.problem);
      continue;
    }
    const found = read.bytes;
    const made = found ? undefined : options.generated?.get(file);
    const bytes = found ?? (made && Buffer.from(made));
    if (!bytes) {
      missing.push({
        path: `file:${file}`,
        message: { id: `berkas "${file}" tidak ditemukan`, en: `file "${file}" was not found` },
      });
      continue;
    }
    if (made || !inPlace) {
      await mkdir(path.dirname(to), { recursive: true });
      await writeFile(to, bytes);
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let size = {};
    if (type.startsWith('image/')) {
      try {
        size = await imageSize(file, bytes);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        missing.push(
          problem(
            file,
            `gambar "${file}" tidak dapat dibuka (${detail}); simpan ulang sebagai JPEG atau PNG biasa`,
            `picture "${file}" cannot be opened (${detail}); save it again as a plain JPEG or PNG`,
          ),
        );
        continue;
      }
    }
    facts.set(file, {
      href: hrefOf(to),
      type,
      size: bytes.byteLength,
      sha256: sha256(bytes),
      ...size,
    });
    bytesOf.set(file, bytes);
  }
  if (missing.length > 0) return { ok: false, errors: missing };

  const plans = planTargetSets(source);
  const targetDir = path.join(
    outDir,
    inPlace ? path.relative(outDir, sourceDir) : 'assets',
    'targets',
  );
  await mkdir(targetDir, { recursive: true });
  const lockPath = path.join(targetDir, 'targets.lock.json');
  // A lock that is missing or damaged only costs a full build: it is a cache, never an input.
  const lock = await readFile(lockPath, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .then(
      (parsed): TargetLock =>
        typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
          ? (parsed as TargetLock)
          : {},
      (): TargetLock => ({}),
    );
  const newLock: Record<string, LockEntry> = {};
  const compiled = new Map<string, FileFacts>();
  let targetBytes = 0;
  let reusable: Map<string, Uint8Array> | undefined;
  for (const plan of plans) {
    const inputs = inputKey(plan, facts);
    const covers = plan.targets.map((t) => coverKeyOf(facts.get(t.image)?.sha256));
    const file = path.join(targetDir, `${plan.id}.mind`);
    let bytes: Uint8Array | undefined;
    const previous = lock[plan.id];
    if (previous?.inputs === inputs) {
      bytes = await readFile(file).catch(() => undefined);
      if (bytes && sha256(bytes) !== previous.sha256) bytes = undefined;
    }
    let hash: string;
    if (bytes) {
      hash = sha256(bytes);
    } else {
      const started = Date.now();
      reusable ??= await earlierEntries(lock, targetDir);
      const known = reusable;
      // A set's entries are independent (src/tracking/mind-file.ts): compile only new covers.
      const uncompiled = plan.targets.filter((_, i) => !known.has(covers[i] ?? ''));
      const made = uncompiled.length
        ? splitTargetSet(
            await compileTargetSet(uncompiled.map((t) => bytesOf.get(t.image) as Buffer)),
          )
        : [];
      uncompiled.forEach((t, i) => {
        const part = made[i];
        if (part) known.set(coverKeyOf(facts.get(t.image)?.sha256), part);
      });
      bytes = assembleTargetSet(covers.map((cover) => known.get(cover) as Uint8Array));
      await writeFile(file, bytes);
      hash = sha256(bytes);
      newLock[plan.id] = { inputs, sha256: hash, covers };
      // Each compiled set goes into the lock at once: a build stopped midway (a closed laptop, a
      // power cut) resumes with the sets it had, where 10,000 covers take an hour or more. The
      // earlier lock's entries stay until the end, for covers that only moved between sets.
      await writeLock(lockPath, { ...lock, ...newLock });
      log(
        `compiled ${plan.id}: ${plan.targets.length} targets (${uncompiled.length} compiled, ${plan.targets.length - uncompiled.length} reused), ${bytes.byteLength} bytes, ${Date.now() - started} ms`,
      );
    }
    newLock[plan.id] = { inputs, sha256: hash, covers };
    compiled.set(plan.id, {
      href: hrefOf(file),
      type: 'application/octet-stream',
      size: bytes.byteLength,
      sha256: hash,
    });
    targetBytes += bytes.byteLength;
  }
  const recognition = await writeRecognitionIndex(targetDir, plans, compiled, lock, newLock, log);
  await writeLock(lockPath, newLock);
  const recognitionIndex = recognition?.facts;

  const feedPath = path.join(outDir, feedFile);
  const draft = (modified: string) =>
    buildFeed({
      source,
      file: (p) => facts.get(p) as FileFacts,
      plans,
      compiled,
      modified,
      selfHref: feedFile,
      ...(recognitionIndex
        ? {
            recognitionIndex: {
              ...recognitionIndex,
              href: hrefOf(path.join(targetDir, RECOGNITION_INDEX_FILE)),
            },
          }
        : {}),
    });
  const split = options.split ?? 'auto';
  const produce = (modified: string): Produced => {
    const whole = draft(modified);
    const check = parseFeed(whole, `file://${feedPath}`);
    if (!check.ok) return { ok: false, errors: check.errors };
    const books = whole.publications.length;
    if (split === false || (split === 'auto' && books <= SPLIT_FROM_BOOKS)) {
      return { ok: true, feed: whole, files: new Map() };
    }
    const parts = splitFeed(whole, check.catalog, feedFile, (file, text) => {
      const bytes = Buffer.from(text);
      return {
        href: file,
        type: 'application/json',
        size: bytes.byteLength,
        sha256: sha256(bytes),
      };
    });
    return { ok: true, feed: parts.feed, files: parts.files };
  };
  const modified =
    options.modified ?? (await keepModified(feedPath, produce)) ?? new Date().toISOString();
  const result = produce(modified);
  if (!result.ok) return result;
  const { feed, files } = result;
  const check = parseFeed(feed, `file://${feedPath}`);
  if (!check.ok) return { ok: false, errors: check.errors };
  const pageErrors = checkSplitFiles(check.catalog, files, feedPath);
  if (pageErrors.length > 0) return { ok: false, errors: pageErrors };

  // Pages of an earlier split that this build does not write would be stale: remove them.
  const base = path.basename(feedFile, '.json');
  const stale = (await readdir(outDir)).filter(
    (name) =>
      (name.startsWith(`${base}.shelf-`) || name === `${base}.directory.json`) && !files.has(name),
  );
  for (const name of stale) await rm(path.join(outDir, name), { force: true });
  const written: { file: string; bytes: number }[] = [];
  for (const [name, text] of files) {
    await writeFile(path.join(outDir, name), text);
    written.push({ file: name, bytes: Buffer.byteLength(text) });
  }
  const text = feedText(feed);
  await writeFile(feedPath, text);
  return {
    ok: true,
    feedPath,
    bytes: Buffer.byteLength(text),
    targetBytes,
    split: written,
    lookAlikes: recognition?.lookAlikes ?? [],
  };
}

type Produced =
  | { readonly ok: true; readonly feed: FeedInput; readonly files: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly errors: readonly FeedIssue[] };

/** The pages and the directory of a split feed pass the app's own parsers, as a phone reads them. */
function checkSplitFiles(
  catalog: Parameters<typeof indexCatalog>[0],
  files: ReadonlyMap<string, string>,
  feedPath: string,
): FeedIssue[] {
  const index = indexCatalog(catalog);
  const errors: FeedIssue[] = [];
  for (const shelf of catalog.shelves) {
    if (!shelf.books) continue;
    const name = path.basename(new URL(shelf.books.href).pathname);
    const text = files.get(name) ?? '';
    const page = parseShelfPage(
      text,
      `file://${path.join(path.dirname(feedPath), name)}`,
      catalog,
      index,
      shelf.id,
    );
    if (!page.ok) errors.push(...page.errors.map((e) => ({ ...e, path: `${name}:${e.path}` })));
  }
  if (catalog.directory) {
    const name = path.basename(new URL(catalog.directory.href).pathname);
    const directory = parseDirectory(files.get(name) ?? '', catalog);
    if (!directory.ok) {
      errors.push(...directory.errors.map((e) => ({ ...e, path: `${name}:${e.path}` })));
    }
  }
  return errors;
}

function inputKey(plan: PlannedTargetSet, facts: ReadonlyMap<string, FileFacts>): string {
  const parts = [
    `s${TARGET_SHORT_SIDE}`,
    ...plan.targets.map((t) => `${t.kind}:${t.id}:${facts.get(t.image)?.sha256}`),
  ];
  return sha256(Buffer.from(parts.join('\n')));
}

/** Keeps the previous timestamp when the content is otherwise identical, so rebuilds are stable. */
async function keepModified(
  feedPath: string,
  produce: (modified: string) => Produced,
): Promise<string | undefined> {
  const previous = await readFile(feedPath, 'utf8').then(
    (text) => JSON.parse(text) as { metadata?: { modified?: unknown } },
    () => undefined,
  );
  const modified = previous?.metadata?.modified;
  if (typeof modified !== 'string') return undefined;
  const again = produce(modified);
  return again.ok && JSON.stringify(again.feed) === JSON.stringify(previous) ? modified : undefined;
}

export async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export const RECOGNITION_INDEX_FILE = 'recognition.idx';

/**
 * The index an earlier build wrote, if it is the one the lock names, of this build's kind, and
 * readable; with its targets' cover keys. Anything else means training afresh.
 */
async function earlierIndex(
  file: string,
  previous: LockEntry | undefined,
  inputs: string,
): Promise<{ index: RecognitionIndex; covers: Readonly<Record<string, string>> } | undefined> {
  const covers = previous?.covers;
  if (!previous || !covers || isList(covers)) return undefined;
  if (previous.inputs.split(',')[0] !== inputs.split(',')[0]) return undefined;
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes || sha256(bytes) !== previous.sha256) return undefined;
  try {
    const index = decodeIndex(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return { index, covers };
  } catch {
    return undefined;
  }
}

/** An update on the earlier index, or nothing where that index does not hold what it should. */
function updateOrNothing(
  ...args: Parameters<typeof updateRecognitionIndex>
): ReturnType<typeof updateRecognitionIndex> | undefined {
  try {
    return updateRecognitionIndex(...args);
  } catch {
    return undefined;
  }
}

/** Retrain once covers quantised on a vocabulary that never saw them exceed this share. */
const RETRAIN_SHARE = 0.25;

/**
 * Builds the recognition index from the compiled sets (every target's feature points), unless the
 * sets are the ones it was last built from. Training takes about a minute at 10,000 covers, so a
 * build after a few covers changed keeps the earlier vocabulary and quantises only those covers;
 * the vocabulary is trained again once a quarter of the covers are newer than it.
 */
async function writeRecognitionIndex(
  targetDir: string,
  plans: readonly PlannedTargetSet[],
  compiled: ReadonlyMap<string, FileFacts>,
  lock: TargetLock,
  newLock: Record<string, LockEntry>,
  log: (line: string) => void,
): Promise<{ facts: Omit<FileFacts, 'href'>; lookAlikes: readonly LookAlikePair[] } | undefined> {
  if (plans.length === 0) return undefined;
  const file = path.join(targetDir, RECOGNITION_INDEX_FILE);
  const inputs = [
    INDEX_BUILD,
    ...plans.map((plan) => `${plan.id}:${compiled.get(plan.id)?.sha256 ?? ''}`),
  ].join(',');
  const previous = lock[RECOGNITION_INDEX_FILE];
  const covers: Record<string, string> = {};
  for (const plan of plans) {
    const setCovers = newLock[plan.id]?.covers;
    plan.targets.forEach((target, i) => {
      covers[targetKey(target)] = (isList(setCovers) ? setCovers[i] : undefined) ?? '';
    });
  }
  let bytes: Uint8Array | undefined;
  let untrained = previous?.untrained ?? 0;
  const kept: unknown = previous?.lookAlikes;
  let lookAlikes: readonly LookAlikePair[] = Array.isArray(kept)
    ? (kept as unknown[]).filter(
        (pair): pair is LookAlikePair =>
          typeof pair === 'object' &&
          pair !== null &&
          typeof (pair as LookAlikePair).a === 'string' &&
          typeof (pair as LookAlikePair).b === 'string',
      )
    : [];
  if (previous?.inputs === inputs) {
    bytes = await readFile(file).catch(() => undefined);
    if (bytes && sha256(bytes) !== previous.sha256) bytes = undefined;
  }
  if (!bytes) {
    const targets: { key: string; points: FeaturePoint[]; part: EncodedPart | null }[] = [];
    for (const plan of plans) {
      const set = await readFile(path.join(targetDir, `${plan.id}.mind`));
      const points = pointsOfMind(set);
      const parts = partsOfMind(set);
      plan.targets.forEach((target, i) => {
        targets.push({ key: targetKey(target), points: points[i] ?? [], part: parts[i] ?? null });
      });
    }
    const started = Date.now();
    const earlier = await earlierIndex(file, previous, inputs);
    const before = earlier?.covers;
    const changed = targets.filter((t) => !before || before[t.key] !== covers[t.key]).length;
    const update =
      earlier && untrained + changed <= targets.length * RETRAIN_SHARE
        ? updateOrNothing(
            earlier.index,
            targets.map((t) =>
              before?.[t.key] === covers[t.key] ? { key: t.key, points: null, part: t.part } : t,
            ),
          )
        : undefined;
    const changedKeys = targets
      .filter((t) => !update || before?.[t.key] !== covers[t.key])
      .map((t) => t.key);
    if (update) {
      bytes = update.bytes;
      untrained += update.quantised;
      log(
        `recognition index: ${targets.length} targets, ${bytes.byteLength} bytes, ${Date.now() - started} ms (earlier vocabulary; ${update.quantised} covers quantised)`,
      );
    } else {
      bytes = buildRecognitionIndex(targets).bytes;
      untrained = 0;
      log(
        `recognition index: ${targets.length} targets, ${bytes.byteLength} bytes, ${Date.now() - started} ms (vocabulary trained)`,
      );
    }
    await writeFile(file, bytes);
    // Pairs of covers that did not change stand; the changed covers are compared with all.
    const index = decodeIndex(new Uint8Array(bytes).buffer);
    const changedSet = new Set(changedKeys);
    lookAlikes = [
      ...lookAlikes.filter(
        (pair) =>
          !changedSet.has(pair.a) &&
          !changedSet.has(pair.b) &&
          pair.a in covers &&
          pair.b in covers,
      ),
      ...lookAlikePairs(index, changedKeys),
    ].filter(
      (pair, i, all) => all.findIndex((other) => other.a === pair.a && other.b === pair.b) === i,
    );
  }
  const hash = sha256(bytes);
  newLock[RECOGNITION_INDEX_FILE] = { inputs, sha256: hash, covers, untrained, lookAlikes };
  return {
    facts: { type: 'application/octet-stream', size: bytes.byteLength, sha256: hash },
    lookAlikes,
  };
}
