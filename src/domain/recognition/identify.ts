/**
 * Which covers the camera most likely shows, from the feature points of the last few detection
 * frames. mind-ar's detector looks at a moving crop of each frame (nine places in turn), so one
 * frame sees part of a cover: the words of the last frames are pooled into one query, which is
 * what the cover's own words look like. The answer is a short list of guesses, never a decision:
 * each guess is checked geometrically (mind-ar's matcher, `tracking/verify.ts`) before its set is
 * loaded, because at 1,000 covers the index's first guess is right only about half the time while
 * the true cover is among its first four in most views (docs/recognition.md).
 */
import {
  countWordSets,
  expectedScores,
  hasWord,
  pointWordSets,
  rank,
  type FeaturePoint,
  type RecognitionIndex,
} from './index-file.ts';
import type { Assignment } from './vocabulary.ts';

export interface IdentifyPolicy {
  /** Detection frames whose words are pooled (nine is one round of mind-ar's moving crop). */
  readonly window: number;
  /** The score a guess needs. */
  readonly minScore: number;
  /** Guesses returned, best first. */
  readonly candidates: number;
  /** How deep in the index's ranking guesses are looked for (past searched covers, for near ones). */
  readonly depth: number;
  /**
   * A searched cover counts as ranked (`Guesses.searchedRanked`) when it scores at least this share
   * of the best cover's score: while a cover enters the picture the first scores are close (0.027
   * against 0.028, 0.023 against 0.030 on bench-enter), while a searched cover ranked fourth behind
   * a sign in plain view scores a fifth of it.
   */
  readonly searchedShare: number;
  /**
   * How each point of a frame is given words (`nearestLeaves`). Soft: on the app's own detection
   * frames of 15 clips at 10,000 covers (points recorded in the built app, replayed in Node), the
   * held cover was among the first four guesses in 83 of 151 frames instead of 50 with one word a
   * point, and first got there after a median 1.05 s instead of 1.6 s (docs/recognition.md).
   */
  readonly assignment: Assignment;
}

export const DEFAULT_IDENTIFY_POLICY: IdentifyPolicy = {
  window: 9,
  minScore: 0.02,
  candidates: 4,
  depth: 12,
  searchedShare: 0.75,
  assignment: { beam: 3, leaves: 3, slack: 8 },
};

export interface Candidate {
  readonly key: string;
  readonly score: number;
}

/** One frame's answer: the guesses to check, and whether a searched cover ranked among them. */
export interface Guesses {
  readonly candidates: Candidate[];
  /**
   * The best-ranked cover the tracker is already searching, when it ranks among the first
   * `candidates` of the index's ranking and scores close to the best (`searchedShare`): the cover
   * in view may be one the tracker will find itself (`CheckHold`). Null otherwise.
   */
  readonly searchedRanked: string | null;
}

/** A square the detector can look at (its crop), and the frame it lies in, in frame pixels. */
export interface DetectionWindow {
  readonly size: number;
  readonly width: number;
  readonly height: number;
}

/** A point with its visual word and where in the frame it was found. */
interface PlacedWord {
  readonly word: number;
  readonly x: number;
  readonly y: number;
}

/** Cells a window is divided into across, for finding the densest one. */
const WINDOW_CELLS = 8;

/**
 * The centre of the `window.size` square, inside the frame, that holds the most weight: found on
 * a grid of an eighth of the square, then moved to the weighted mean of what lies in it. Null when
 * nothing weighs.
 */
export function densestWindow(
  points: readonly { readonly x: number; readonly y: number; readonly weight: number }[],
  window: DetectionWindow,
): { x: number; y: number } | null {
  const { size, width, height } = window;
  if (!(size > 0 && width > 0 && height > 0)) return null;
  const cell = size / WINDOW_CELLS;
  const columns = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  // Summed-area table of the weight in each cell.
  const sums = new Float64Array((columns + 1) * (rows + 1));
  let total = 0;
  for (const { x, y, weight } of points) {
    if (!(weight > 0) || !(x >= 0 && x < width && y >= 0 && y < height)) continue;
    const column = Math.min(columns - 1, Math.floor(x / cell));
    const row = Math.min(rows - 1, Math.floor(y / cell));
    const at = (row + 1) * (columns + 1) + column + 1;
    sums[at] = (sums[at] ?? 0) + weight;
    total += weight;
  }
  if (total <= 0) return null;
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      const at = row * (columns + 1) + column;
      sums[at] =
        (sums[at] ?? 0) +
        (sums[at - 1] ?? 0) +
        (sums[at - columns - 1] ?? 0) -
        (sums[at - columns - 2] ?? 0);
    }
  }
  const spanX = Math.min(WINDOW_CELLS, columns);
  const spanY = Math.min(WINDOW_CELLS, rows);
  const sum = (column: number, row: number, across: number, down: number) =>
    (sums[(row + down) * (columns + 1) + column + across] ?? 0) -
    (sums[row * (columns + 1) + column + across] ?? 0) -
    (sums[(row + down) * (columns + 1) + column] ?? 0) +
    (sums[row * (columns + 1) + column] ?? 0);
  let best = { column: 0, row: 0, weight: -1 };
  for (let row = 0; row + spanY <= rows; row++) {
    for (let column = 0; column + spanX <= columns; column++) {
      const weight = sum(column, row, spanX, spanY);
      if (weight > best.weight) best = { column, row, weight };
    }
  }
  const left = best.column * cell;
  const top = best.row * cell;
  let x = 0;
  let y = 0;
  let weight = 0;
  for (const point of points) {
    if (!(point.weight > 0)) continue;
    if (point.x < left || point.x >= left + size || point.y < top || point.y >= top + size)
      continue;
    x += point.x * point.weight;
    y += point.y * point.weight;
    weight += point.weight;
  }
  if (weight <= 0) return null;
  const half = size / 2;
  const clampTo = (value: number, length: number) =>
    length <= size ? length / 2 : Math.min(Math.max(value, half), length - half);
  return { x: clampTo(x / weight, width), y: clampTo(y / weight, height) };
}

export class Identifier {
  private readonly frames: { words: Map<number, number>; placed: PlacedWord[] }[] = [];
  /** Each key's target number in the index. */
  private readonly numbers: ReadonlyMap<string, number>;
  /**
   * Each cover's score for a picture that is not it, worked out once (one pass over the postings;
   * `reset` keeps it). Covers are ranked by how far they score above it: on replayed frames of 15
   * clips at 1,000 covers the held cover was among the first four guesses in 119 of 165 frames
   * instead of 106 by the score alone.
   */
  private readonly expected: Float32Array;

  constructor(
    private readonly index: RecognitionIndex,
    private readonly policy: IdentifyPolicy = DEFAULT_IDENTIFY_POLICY,
  ) {
    this.expected = expectedScores(index);
    this.numbers = new Map(index.targets.map((key, t) => [key, t]));
  }

  /** `key`'s target number in the index, or undefined where the index does not hold it. */
  numberOf(key: string): number | undefined {
    return this.numbers.get(key);
  }

  /**
   * Adds one frame's points; returns the covers they may show, best first (often none), leaving
   * out those `context.searched` (the tracker is already searching them) and `context.ignored`.
   * Covers `context.near` (of the shelf whose sign the visitor scanned) among the index's first
   * `depth` come before the others: a visitor at a shelf most likely holds one of its books, so a
   * cover of it that the index ranks sixth is checked before a far one it ranks second.
   */
  observe(
    points: readonly FeaturePoint[],
    context: {
      readonly searched?: (key: string) => boolean;
      readonly ignored?: (key: string) => boolean;
      readonly near?: (key: string) => boolean;
    } = {},
  ): Guesses {
    const wordSets = pointWordSets(this.index.vocabulary, points, this.policy.assignment);
    const placed: PlacedWord[] = [];
    points.forEach((point, i) => {
      if (point.x === undefined || point.y === undefined) return;
      for (const word of wordSets[i] ?? []) placed.push({ word, x: point.x, y: point.y });
    });
    this.frames.push({ words: countWordSets(wordSets), placed });
    if (this.frames.length > this.policy.window) this.frames.shift();
    const pooled = new Map<number, number>();
    for (const frame of this.frames) {
      for (const [word, count] of frame.words) pooled.set(word, (pooled.get(word) ?? 0) + count);
    }
    const { searched, ignored, near } = context;
    const ranked = rank(this.index, pooled, this.policy.depth, this.expected).filter(
      (candidate) => candidate.score >= this.policy.minScore && !ignored?.(candidate.key),
    );
    // The highest plain score: the first in the expected-score order need not have it.
    const best = ranked.reduce((most, candidate) => Math.max(most, candidate.score), 0);
    const searchedRanked =
      ranked
        .slice(0, this.policy.candidates)
        .find(
          (candidate) =>
            searched?.(candidate.key) && candidate.score >= best * this.policy.searchedShare,
        )?.key ?? null;
    const open = searched ? ranked.filter((candidate) => !searched(candidate.key)) : ranked;
    const first = near ? open.filter((candidate) => near(candidate.key)) : [];
    const rest = near ? open.filter((candidate) => !near(candidate.key)) : open;
    return { candidates: [...first, ...rest].slice(0, this.policy.candidates), searchedRanked };
  }

  /**
   * Where the covers `keys` most likely lie in the frame: the centre of the detector's square
   * that holds most of the pooled points whose words are theirs, each weighted by its word's idf
   * (a word many covers have says little). mind-ar's detector looks at one square of the frame at
   * a time, in turn, and a check passes only on a square that holds enough of the cover; looking
   * where the guesses' points lie gives the check such a square. Null where no point is theirs.
   */
  whereAre(keys: readonly string[], window: DetectionWindow): { x: number; y: number } | null {
    const targets = keys
      .map((key) => this.numbers.get(key))
      .filter((t): t is number => t !== undefined);
    if (targets.length === 0) return null;
    const weighed: { x: number; y: number; weight: number }[] = [];
    for (const frame of this.frames) {
      for (const { word, x, y } of frame.placed) {
        if (targets.some((t) => hasWord(this.index, word, t))) {
          weighed.push({ x, y, weight: this.index.idf[word] ?? 0 });
        }
      }
    }
    return densestWindow(weighed, window);
  }

  /** Forgets the window (the view changed: another set was loaded, a cover was found). */
  reset(): void {
    this.frames.length = 0;
  }
}

/**
 * About twice what the tracker took here to find the shelf's cover after the index first ranked
 * it (400 to 540 ms on bench-enter).
 */
export const CHECK_HOLD_MS = 1000;

/**
 * While the index ranks a cover the tracker already searches among its first guesses, close to the
 * best, the check of the other guesses waits, for at most `holdMs`. On two cores the check's
 * worker takes time from the tracker's own detection: on bench-enter a check of 4 guesses ran for
 * 100 to 309 ms just as the shelf's cover came into view, and with the index's checks turned off
 * the app found that cover sooner (docs/recognition.md). The wait lasts `holdMs` from the first
 * frame that ranks a searched cover, whatever the frames between rank (a frame that ranks none is
 * checked as before): when the tracker has not found the cover by then, the guesses are checked as
 * before until a frame that ranks no searched cover ends the stretch.
 */
export class CheckHold {
  private since: number | null = null;

  constructor(private readonly holdMs: number = CHECK_HOLD_MS) {}

  /** Whether this frame's check waits, when `searchedRanked` (a searched cover ranked) or not. */
  waits(searchedRanked: boolean, now: number): boolean {
    const holding = this.since !== null && now - this.since < this.holdMs;
    if (!searchedRanked) {
      // A ranking that flickers does not start the wait over.
      if (!holding) this.since = null;
      return false;
    }
    this.since ??= now;
    return now - this.since < this.holdMs;
  }

  reset(): void {
    this.since = null;
  }
}
