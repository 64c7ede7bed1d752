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
  expectedScores,
  rank,
  wordsOf,
  type FeaturePoint,
  type RecognitionIndex,
} from './index-file.ts';

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
}

export const DEFAULT_IDENTIFY_POLICY: IdentifyPolicy = {
  window: 9,
  minScore: 0.02,
  candidates: 4,
  depth: 12,
  searchedShare: 0.75,
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

export class Identifier {
  private readonly frames: Map<number, number>[] = [];
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
    this.frames.push(wordsOf(this.index.vocabulary, points));
    if (this.frames.length > this.policy.window) this.frames.shift();
    const pooled = new Map<number, number>();
    for (const frame of this.frames) {
      for (const [word, count] of frame) pooled.set(word, (pooled.get(word) ?? 0) + count);
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
