/**
 * The geometric check of a guessed cover, before its set is loaded: mind-ar's own matcher (Hough
 * voting, then RANSAC with at least six inliers) between a detection frame's feature points and
 * the cover's compiled keyframes. It is the check mind-ar makes after a set change, done first, so
 * that a guess from the recognition index changes sets only for a cover that is really in view.
 * Plain code for the check's worker, its fallback on the page, and Node's benchmark.
 */
import { decode } from '@msgpack/msgpack';
import { Matcher } from 'mind-ar/src/image-target/matching/matcher.js';
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
}

const NO_MATCH: CheckResult = { inliers: 0, spanX: 0, spanY: 0, cells: 0 };

export function checkCover(
  keyframes: CoverKeyframes,
  points: readonly FeaturePoint[],
  frame: { readonly width: number; readonly height: number },
): CheckResult {
  if (!Array.isArray(keyframes) || keyframes.length === 0) return NO_MATCH;
  try {
    const matcher = new Matcher(frame.width, frame.height);
    const result = matcher.matchDetection(keyframes, points);
    const world = result.keyframeIndex >= 0 ? (result.worldCoords ?? []) : [];
    if (world.length === 0) return NO_MATCH;
    // The cover's size in the units of worldCoords: its full-size keyframe's.
    let width = 0;
    let height = 0;
    for (const keyframe of keyframes as { width: number; height: number; scale: number }[]) {
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
    return {
      inliers: world.length,
      spanX: (Math.max(...xs) - Math.min(...xs)) / width,
      spanY: (Math.max(...ys) - Math.min(...ys)) / height,
      cells: cells.size,
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
