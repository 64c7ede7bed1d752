/**
 * The geometric check of a guessed cover, before its set is loaded: mind-ar's own matcher (Hough
 * voting, then RANSAC with at least six inliers) between a detection frame's feature points and
 * the cover's compiled keyframes. It is the check mind-ar makes after a set change, done first, so
 * that a guess from the recognition index changes sets only for a cover that is really in view.
 * Plain code for the check's worker, its fallback on the page, and Node's benchmark.
 */
import { decode } from '@msgpack/msgpack';
import { match } from 'mind-ar/src/image-target/matching/matching.js';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';

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

/** A guessed cover: its set, and its place among the set's targets. */
export interface CoverGuess {
  readonly setId: string;
  readonly index: number;
}

/** The matching keyframes of every target of a compiled set, in order; null if it is not one. */
export function keyframesOf(buffer: ArrayBuffer): CoverKeyframes[] | null {
  let content: unknown;
  try {
    content = decode(new Uint8Array(buffer));
  } catch {
    return null;
  }
  if (typeof content !== 'object' || content === null || !('dataList' in content)) return null;
  const { dataList } = content;
  if (!Array.isArray(dataList)) return null;
  const keyframes: CoverKeyframes[] = [];
  for (const data of dataList as unknown[]) {
    const matching = (data as { matchingData?: unknown } | null)?.matchingData;
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
   * Pairs per keyframe point that the homography puts inside the part of the frame where points
   * were found: how much of what the cover should show there was found. A cover that only shares
   * a title line or a spine band with the one in view pairs those and little else.
   */
  readonly coverage: number;
}

const NO_MATCH: CheckResult = { inliers: 0, spanX: 0, spanY: 0, cells: 0, coverage: 0 };

interface Keyframe {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly maximaPoints: readonly { x: number; y: number }[];
  readonly minimaPoints: readonly { x: number; y: number }[];
}

/** Keyframe points that `H` (keyframe pixels to frame) puts inside the box where points were found. */
function pointsExpectedInView(
  keyframe: Keyframe,
  H: readonly number[],
  points: readonly FeaturePoint[],
): number {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const point of points as readonly { x?: number; y?: number }[]) {
    if (typeof point.x !== 'number' || typeof point.y !== 'number') continue;
    left = Math.min(left, point.x);
    right = Math.max(right, point.x);
    top = Math.min(top, point.y);
    bottom = Math.max(bottom, point.y);
  }
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 1] = H;
  let inside = 0;
  for (const { x, y } of [...keyframe.maximaPoints, ...keyframe.minimaPoints]) {
    const w = h6 * x + h7 * y + h8;
    if (w <= 0) continue;
    const u = (h0 * x + h1 * y + h2) / w;
    const v = (h3 * x + h4 * y + h5) / w;
    if (u >= left && u <= right && v >= top && v <= bottom) inside++;
  }
  return inside;
}

export function checkCover(
  keyframes: CoverKeyframes,
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): CheckResult {
  if (!Array.isArray(keyframes) || keyframes.length === 0) return NO_MATCH;
  try {
    // mind-ar's Matcher.matchDetection, keeping the homography: the keyframe with the most pairs.
    let best: { keyframe: Keyframe; H: number[]; pairs: { x: number; y: number }[] } | null = null;
    for (const keyframe of keyframes as Keyframe[]) {
      const { H, matches } = match({
        keyframe,
        querypoints: points,
        querywidth: frame.width,
        queryheight: frame.height,
      });
      if (!H || !matches || (best && best.pairs.length >= matches.length)) continue;
      best = { keyframe, H, pairs: matches.map((pair) => pair.keypoint) };
    }
    if (!best || best.pairs.length === 0) return NO_MATCH;
    const scale = best.keyframe.scale;
    const world = best.pairs.map((p) => ({ x: (p.x + 0.5) / scale, y: (p.y + 0.5) / scale }));
    // The cover's size in the units of worldCoords: its full-size keyframe's.
    let width = 0;
    let height = 0;
    for (const keyframe of keyframes as Keyframe[]) {
      width = Math.max(width, keyframe.width / keyframe.scale);
      height = Math.max(height, keyframe.height / keyframe.scale);
    }
    const xs = world.map((p) => p.x);
    const ys = world.map((p) => p.y);
    const cells = new Set(
      world.map(
        (p) =>
          Math.min(3, Math.max(0, Math.floor((p.x / width) * 4))) * 4 +
          Math.min(3, Math.max(0, Math.floor((p.y / height) * 4))),
      ),
    );
    const expected = pointsExpectedInView(best.keyframe, best.H, points);
    return {
      inliers: world.length,
      spanX: (Math.max(...xs) - Math.min(...xs)) / width,
      spanY: (Math.max(...ys) - Math.min(...ys)) / height,
      cells: cells.size,
      coverage: world.length / Math.max(expected, world.length),
    };
  } catch (error) {
    // Keyframes of an unexpected shape: no match, and scanning goes on.
    console.warn('The cover could not be checked', error);
    return NO_MATCH;
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

export function passes(result: CheckResult): boolean {
  return (
    result.inliers >= MIN_CHECK_INLIERS &&
    result.spanX >= MIN_CHECK_SPAN &&
    result.spanY >= MIN_CHECK_SPAN
  );
}

/**
 * The keyframes of the last few sets (a set of 20 covers is a few megabytes decoded). It holds
 * more sets than a check has guesses, so a check never evicts one of its own.
 */
export class KeyframeSets {
  private readonly sets = new Map<string, CoverKeyframes[] | null>();

  constructor(private readonly limit = 6) {}

  has(setId: string): boolean {
    return this.sets.has(setId);
  }

  add(setId: string, buffer: ArrayBuffer | null): void {
    this.sets.delete(setId);
    this.sets.set(setId, buffer && keyframesOf(buffer));
    while (this.sets.size > this.limit) {
      const [oldest] = this.sets.keys();
      if (oldest === undefined) break;
      this.sets.delete(oldest);
    }
  }

  cover(guess: CoverGuess): CoverKeyframes {
    return this.sets.get(guess.setId)?.[guess.index];
  }

  ids(): string[] {
    return [...this.sets.keys()];
  }
}

/** The first guess whose cover is in view, or -1. */
export function firstInView(
  sets: KeyframeSets,
  guesses: readonly CoverGuess[],
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): number {
  return guesses.findIndex((guess) => coverInView(sets.cover(guess), points, frame));
}
