/**
 * The geometric check of a guessed cover, before its set is loaded: mind-ar's own matcher (Hough
 * voting, then RANSAC with at least six inliers) between a detection frame's feature points and
 * the cover's compiled keyframes. It is the check mind-ar makes after a set change, done first, so
 * that a guess from the recognition index changes sets only for a cover that is really in view.
 * Plain code for the check's worker, its fallback on the page, and Node's benchmark.
 */
import { Estimator } from 'mind-ar/src/image-target/estimation/estimator.js';
import { Matcher } from 'mind-ar/src/image-target/matching/matcher.js';
import { solveHomography } from 'mind-ar/src/image-target/utils/homography.js';
import {
  compareAppearance,
  type AppearanceResult,
  type GreyPicture,
} from '../domain/recognition/appearance.ts';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import { touch, trimOldest } from '../domain/recent.ts';
import { plausiblePlacement, type Corners } from '../domain/recognition/placement.ts';
import type { CoverPose } from './engine.ts';
import {
  coverPictureOf,
  matchingDataOf,
  targetSetLayout,
  type CoverPicture,
  type EntryRange,
} from './mind-file.ts';

/** One target's matching keyframes, as a compiled `.mind` file holds them. */
export type CoverKeyframes = unknown;

/**
 * Stricter than mind-ar's own six inliers, because a guess changes the shelf on screen: at 1,000
 * covers, covers that share a title word in the same type, or a series' spine and panel, passed
 * mind-ar's matcher with up to 15 (a wrong cover) and 27 (a cover the library does not hold)
 * inliers, always along a line (a title) or a strip; the right cover's pairs spread over the
 * cover. So a guess passes with at least 16 pairs spanning at least a fifth of the cover in both
 * directions (docs/recognition.md, measured with `npm run bench:scale`).
 */
export const MIN_CHECK_INLIERS = 16;
export const MIN_CHECK_SPAN = 0.2;

/**
 * And the picture must look like the cover where the pairs place it: at least 3 in 5 of the cells
 * with detail on the cover follow it (`compareAppearance`). At 1,000 drawn covers, two covers the
 * library does not hold passed every check on their pairs (a shared title word in the same type,
 * the spine band); drawn at an angle, one of them agreed with the cover it passed as in 5 and 6 of
 * 16 cells, where covers in view, frontal, turned, small, blurred or partly under a hand, agreed
 * in 10 to 16 on most frames (docs/recognition.md).
 */
export function looksAlike(appearance: AppearanceResult): boolean {
  return appearance.cells >= 4 && appearance.agreeing * 5 >= appearance.cells * 3;
}

/**
 * A pass so plain that the scan takes the cover at once instead of waiting for a second pass
 * (`firstInView`'s `sure`): twice the pairs a pass needs, and the picture agreeing in at least 4
 * of 5 cells, of at least 12 with detail. Covers the library does not hold that passed on their
 * points had up to 28 pairs, and their pictures agreed in 5 and 6 of 16 cells; a second pass came
 * 0.3 to 1.8 s after the first in the built app at 1,000 covers, while mind-ar's moving crop
 * looked elsewhere (docs/recognition.md).
 */
export const SURE_INLIERS = 2 * MIN_CHECK_INLIERS;

export function surePass(result: CheckResult, appearance: AppearanceResult): boolean {
  return (
    result.inliers >= SURE_INLIERS &&
    appearance.cells >= 12 &&
    appearance.agreeing * 5 >= appearance.cells * 4
  );
}

/** A guessed cover: its set, and its place among the set's targets. */
export interface CoverGuess {
  readonly setId: string;
  readonly index: number;
}

/** The matching keyframes of every target of a compiled set, in order; null if it is not one. */
export function keyframesOf(buffer: ArrayBuffer): CoverKeyframes[] | null {
  const bytes = new Uint8Array(buffer);
  const layout = targetSetLayout(bytes);
  if (!layout) return null;
  const keyframes: CoverKeyframes[] = [];
  for (const entry of layout.entries) {
    const matching = matchingDataOf(bytes, entry);
    if (!Array.isArray(matching)) return null;
    keyframes.push(matching);
  }
  return keyframes;
}

/** What mind-ar's matcher found of a cover in a frame's points. */
export interface CheckResult {
  /** Points paired under one homography (0 when the matcher found none with its own six). */
  readonly inliers: number;
  /** How much of the cover's width and height those pairs span (0 to 1). */
  readonly spanX: number;
  readonly spanY: number;
  /** Cells of a 4×4 grid over the cover that hold at least one pair. */
  readonly cells: number;
  /**
   * Where the cover lies in the frame, estimated from the pairs when they are enough: its pose,
   * and its corners in frame pixels. Null when the pairs are too few, or place the cover where no
   * cover could be (`plausiblePlacement`): then the check does not pass.
   */
  readonly pose: CoverPose | null;
  readonly corners: Corners | null;
  /**
   * The cover's corners in frame pixels by the homography fitted to the pairs alone: the place the
   * picture is compared at. The pose's corners assume mind-ar's camera; these hold for any view.
   */
  readonly outline: Corners | null;
}

const NO_MATCH: CheckResult = {
  inliers: 0,
  spanX: 0,
  spanY: 0,
  cells: 0,
  pose: null,
  corners: null,
  outline: null,
};

/**
 * The camera intrinsics mind-ar's Controller assumes for a frame of this size (a 45° vertical
 * field of view, centred): a pose estimated with them is one its tracker can start from.
 */
export function projectionFor(frame: { readonly width: number; readonly height: number }) {
  const focal = frame.height / 2 / Math.tan((45 * Math.PI) / 180 / 2);
  return [
    [focal, 0, frame.width / 2],
    [0, focal, frame.height / 2],
    [0, 0, 1],
  ];
}

export function checkCover(
  keyframes: CoverKeyframes,
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): CheckResult {
  try {
    const matched = pairsOf(keyframes, points, frame);
    if (!matched) return NO_MATCH;
    const { screen, world, width, height } = matched;
    const xs = world.map((p) => p.x);
    const ys = world.map((p) => p.y);
    const cells = new Set(
      world.map(
        (p) =>
          Math.min(3, Math.max(0, Math.floor((p.x / width) * 4))) * 4 +
          Math.min(3, Math.max(0, Math.floor((p.y / height) * 4))),
      ),
    );
    const measured = {
      inliers: world.length,
      spanX: (Math.max(...xs) - Math.min(...xs)) / width,
      spanY: (Math.max(...ys) - Math.min(...ys)) / height,
      cells: cells.size,
      pose: null,
      corners: null,
      outline: null,
    };
    if (!enoughPairs(measured)) return measured;
    const outline = outlineOf(screen, world, width, height);
    // The same estimate mind-ar makes after its own match, so the tracker can start from it.
    const projection = projectionFor(frame);
    const pose = new Estimator(projection).estimate({ screenCoords: screen, worldCoords: world });
    if (!pose || !pose.flat().every(Number.isFinite)) return measured;
    const corners = cornersOf(pose, projection, width, height);
    return plausiblePlacement(corners, frame) ? { ...measured, pose, corners, outline } : measured;
  } catch (error) {
    // Keyframes of an unexpected shape: no match, and scanning goes on.
    console.warn('The cover could not be checked', error);
    return NO_MATCH;
  }
}

type Point = { x: number; y: number };

/**
 * mind-ar's matcher on one cover: its pairs of points (frame and cover), and the cover's size in
 * the cover's units (its full-size keyframe's); null when it pairs none (fewer than its six).
 * Throws on keyframes of an unexpected shape.
 */
function pairsOf(
  keyframes: CoverKeyframes,
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): { screen: Point[]; world: Point[]; width: number; height: number } | null {
  if (!Array.isArray(keyframes) || keyframes.length === 0) return null;
  const result = new Matcher(frame.width, frame.height).matchDetection(keyframes, points);
  const world = result.keyframeIndex >= 0 ? (result.worldCoords ?? []) : [];
  if (world.length === 0) return null;
  let width = 0;
  let height = 0;
  for (const keyframe of keyframes as { width: number; height: number; scale: number }[]) {
    width = Math.max(width, keyframe.width / keyframe.scale);
    height = Math.max(height, keyframe.height / keyframe.scale);
  }
  return { screen: result.screenCoords ?? [], world, width, height };
}

/**
 * Where mind-ar's own detection, which takes a cover with as few as six pairs, places the cover:
 * its corners in frame pixels by the homography of its pairs (the same matcher on the same points
 * pairs them alike). Null when it pairs none, or they fit no homography.
 */
export function detectedOutline(
  keyframes: CoverKeyframes,
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): Corners | null {
  try {
    const matched = pairsOf(keyframes, points, frame);
    return matched && outlineOf(matched.screen, matched.world, matched.width, matched.height);
  } catch (error) {
    console.warn('The cover could not be placed', error);
    return null;
  }
}

/** Whether the cover's keyframes match the frame's points well enough to change sets for it. */
export function coverInView(
  keyframes: CoverKeyframes,
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): boolean {
  return passes(checkCover(keyframes, points, frame));
}

/** Enough pairs, spread over enough of the cover, and a cover-like place in the frame. */
export function passes(result: CheckResult): boolean {
  return enoughPairs(result) && result.corners !== null;
}

function enoughPairs(result: CheckResult): boolean {
  return (
    result.inliers >= MIN_CHECK_INLIERS &&
    result.spanX >= MIN_CHECK_SPAN &&
    result.spanY >= MIN_CHECK_SPAN
  );
}

/** A `width` × `height` cover's corners in its own pixels: top-left, top-right, bottom-right, bottom-left. */
function coverCorners(width: number, height: number): readonly (readonly [number, number])[] {
  return [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
}

/** The corners of a `width` × `height` cover by the homography that takes `world` onto `screen`. */
function outlineOf(
  screen: readonly { x: number; y: number }[],
  world: readonly { x: number; y: number }[],
  width: number,
  height: number,
): Corners | null {
  if (screen.length !== world.length || screen.length < 4) return null;
  const h = solveHomography(
    world.map((p) => [p.x, p.y] as const),
    screen.map((p) => [p.x, p.y] as const),
  );
  if (h.length !== 9 || !h.every(Number.isFinite)) return null;
  const corners = coverCorners(width, height).map(([x, y]): [number, number] => {
    const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + (h[8] ?? 1);
    return [
      ((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w,
      ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w,
    ];
  });
  return corners.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) ? corners : null;
}

/**
 * Whether the frame's picture looks like the cover where the check placed it. Without the cover's
 * picture (an entry with no tracking data) it cannot be shown to, so it does not pass.
 */
export function appearanceAgrees(
  result: CheckResult,
  cover: CoverPicture | null | undefined,
  picture: GreyPicture,
  frame: { readonly width: number; readonly height: number },
): boolean {
  return outlineLooksLike(result.outline, cover, picture, frame);
}

/** Whether the frame's picture looks like the cover within `outline` (frame pixels). */
export function outlineLooksLike(
  outline: Corners | null,
  cover: CoverPicture | null | undefined,
  picture: GreyPicture,
  frame: { readonly width: number; readonly height: number },
): boolean {
  const appearance = appearanceWithin(outline, cover, picture, frame);
  return appearance !== null && looksAlike(appearance);
}

/** How the frame's picture compares with the cover within `outline`; null without either. */
function appearanceWithin(
  outline: Corners | null,
  cover: CoverPicture | null | undefined,
  picture: GreyPicture,
  frame: { readonly width: number; readonly height: number },
): AppearanceResult | null {
  if (!cover || !outline) return null;
  // The picture may be the frame made smaller.
  const [sx, sy] = [picture.width / frame.width, picture.height / frame.height];
  const scaled = outline.map(([x, y]) => [x * sx, y * sy] as const);
  return compareAppearance(cover, picture, scaled);
}

/** The cover's corners (target pixels, y down) seen through `pose` and the camera. */
function cornersOf(
  pose: CoverPose,
  projection: number[][],
  width: number,
  height: number,
): Corners {
  return coverCorners(width, height).map(([x, y]): [number, number] => {
    const camera = pose.map((row) => (row[0] ?? 0) * x + (row[1] ?? 0) * y + (row[3] ?? 0));
    const [u = 0, v = 0, w = 0] = projection.map((row) =>
      row.reduce((sum, k, i) => sum + k * (camera[i] ?? 0), 0),
    );
    return [u / w, v / w];
  });
}

/**
 * What the check has been sent, as bytes: whole sets (a set of 20 covers is about 4 MB; decoded
 * whole, several times that) and single covers' entries (0.2 MB, fetched alone where the index
 * says where they lie). A guessed cover's keyframes are decoded alone, when first asked for (1 to
 * 5 ms, where a whole set took 20 to 100), and the last few kept. It holds more sets than a check
 * has guesses, so a check never evicts one of its own.
 */
export class KeyframeSets {
  private readonly sets = new Map<
    string,
    { readonly bytes: Uint8Array; readonly entries: readonly EntryRange[] } | null
  >();
  private readonly covers = new Map<string, Uint8Array | null>();
  /** Decoded keyframes by cover, most recently used last. */
  private readonly decoded = new Map<string, CoverKeyframes>();
  /** Decoded pictures by cover (24 KB each), most recently used last. */
  private readonly pictures = new Map<string, CoverPicture | null>();

  constructor(
    private readonly limit = 8,
    private readonly coverLimit = 48,
    private readonly decodedLimit = 24,
  ) {}

  has(setId: string): boolean {
    return this.sets.has(setId);
  }

  hasCover(guess: CoverGuess): boolean {
    return this.covers.has(coverKey(guess)) || this.sets.has(guess.setId);
  }

  add(setId: string, buffer: ArrayBuffer | null): void {
    const bytes = buffer && new Uint8Array(buffer);
    const layout = bytes && targetSetLayout(bytes);
    touch(this.sets, setId, bytes && layout ? { bytes, entries: layout.entries } : null);
    this.forget((key) => key.startsWith(`${setId}\n`));
    for (const oldest of trimOldest(this.sets, this.limit)) {
      this.forget((key) => key.startsWith(`${oldest}\n`) && !this.covers.has(key));
    }
  }

  /** One cover's entry of its set (its bytes alone), or null when it could not be had. */
  addCover(guess: CoverGuess, entry: ArrayBuffer | null): void {
    const key = coverKey(guess);
    touch(this.covers, key, entry && new Uint8Array(entry));
    this.forget((known) => known === key);
    for (const oldest of trimOldest(this.covers, this.coverLimit)) {
      this.forget((known) => known === oldest);
    }
  }

  cover(guess: CoverGuess): CoverKeyframes {
    return this.remembered(this.decoded, guess, () => this.decode(guess));
  }

  /** The cover's grey picture, for comparing with the frame; null where its entry has none. */
  picture(guess: CoverGuess): CoverPicture | null {
    const picture = this.remembered(this.pictures, guess, () => {
      const entry = this.entryOf(guess);
      return entry ? coverPictureOf(entry.bytes, entry.range) : undefined;
    });
    return picture ?? null;
  }

  /** What was decoded of the cover before (now the most recent), or decoded now and kept. */
  private remembered<T>(
    decoded: Map<string, T>,
    guess: CoverGuess,
    decode: () => T | undefined,
  ): T | undefined {
    const key = coverKey(guess);
    const known = decoded.get(key);
    if (known !== undefined) {
      touch(decoded, key, known);
      return known;
    }
    const made = decode();
    if (made === undefined) return undefined;
    decoded.set(key, made);
    trimOldest(decoded, this.decodedLimit);
    return made;
  }

  ids(): string[] {
    return [...this.sets.keys()];
  }

  coverIds(): string[] {
    return [...this.covers.keys()];
  }

  private decode(guess: CoverGuess): CoverKeyframes {
    const entry = this.entryOf(guess);
    return entry ? (matchingDataOf(entry.bytes, entry.range) ?? undefined) : undefined;
  }

  /** Where the cover's entry lies: its part alone, or its place in its set. */
  private entryOf(guess: CoverGuess): { bytes: Uint8Array; range: EntryRange } | null {
    const alone = this.covers.get(coverKey(guess));
    if (alone) return { bytes: alone, range: { start: 0, end: alone.byteLength } };
    const set = this.sets.get(guess.setId);
    const range = set && Number.isInteger(guess.index) ? set.entries[guess.index] : undefined;
    return set && range ? { bytes: set.bytes, range } : null;
  }

  private forget(which: (key: string) => boolean): void {
    for (const key of [...this.decoded.keys()]) if (which(key)) this.decoded.delete(key);
    for (const key of [...this.pictures.keys()]) if (which(key)) this.pictures.delete(key);
  }
}

/** A cover's name among the check's kept covers. */
export function coverKey(guess: CoverGuess): string {
  return `${guess.setId}\n${String(guess.index)}`;
}

/**
 * The first guess whose cover is in view (-1 if none), and where it lies in the frame. With the
 * frame's `picture`, a guess passes only where the picture looks like the cover too (where the
 * picture cannot be read, the points decide alone, as they did before pictures were compared);
 * `sure` when it passed plainly enough to be taken at once (`surePass`).
 */
export function firstInView(
  sets: KeyframeSets,
  guesses: readonly CoverGuess[],
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
  picture?: () => GreyPicture | null,
): {
  readonly passed: number;
  readonly pose: CoverPose | null;
  readonly corners: Corners | null;
  readonly sure: boolean;
} {
  // Read once, and only for a guess whose points passed.
  let grey: GreyPicture | null | undefined;
  for (const [at, guess] of guesses.entries()) {
    const result = checkCover(sets.cover(guess), points, frame);
    if (!passes(result)) continue;
    if (picture && grey === undefined) grey = picture();
    const appearance = grey && appearanceWithin(result.outline, sets.picture(guess), grey, frame);
    if (grey && !(appearance && looksAlike(appearance))) continue;
    const sure = !!appearance && surePass(result, appearance);
    return { passed: at, pose: result.pose, corners: result.corners, sure };
  }
  return { passed: -1, pose: null, corners: null, sure: false };
}
