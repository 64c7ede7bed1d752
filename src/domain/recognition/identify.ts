/**
 * Which covers the camera most likely shows, from the feature points of the last few detection
 * frames. mind-ar's detector looks at a moving crop of each frame (nine places in turn), so one
 * frame sees part of a cover: the words of the last frames are pooled into one query, which is
 * what the cover's own words look like. The answer is a short list of guesses, never a decision:
 * each guess is checked geometrically (mind-ar's matcher, `tracking/verify.ts`) before its set is
 * loaded, because at 1,000 covers the index's first guess is right only about half the time while
 * the true cover is among its first four in most views (docs/recognition.md).
 */
import { rank, wordsOf, type FeaturePoint, type RecognitionIndex } from './index-file.ts';

export interface IdentifyPolicy {
  /** Detection frames whose words are pooled (nine is one round of mind-ar's moving crop). */
  readonly window: number;
  /** The score a guess needs. */
  readonly minScore: number;
  /** Guesses returned, best first. */
  readonly candidates: number;
  /** How deep in the index's ranking guesses are looked for (past searched covers, for near ones). */
  readonly depth: number;
}

export const DEFAULT_IDENTIFY_POLICY: IdentifyPolicy = {
  window: 9,
  minScore: 0.02,
  candidates: 4,
  depth: 12,
};

export interface Candidate {
  readonly key: string;
  readonly score: number;
}

export class Identifier {
  private readonly frames: Map<number, number>[] = [];

  constructor(
    private readonly index: RecognitionIndex,
    private readonly policy: IdentifyPolicy = DEFAULT_IDENTIFY_POLICY,
  ) {}

  /**
   * Adds one frame's points; returns the covers they may show, best first (often none), leaving
   * out those `context.searched` (the tracker is already searching them). Covers `context.near`
   * (of the shelf whose sign the visitor scanned) among the index's first `depth` come before the
   * others: a visitor at a shelf most likely holds one of its books, so a cover of it that the
   * index ranks sixth is checked before a far one it ranks second.
   */
  observe(
    points: readonly FeaturePoint[],
    context: {
      readonly searched?: (key: string) => boolean;
      readonly near?: (key: string) => boolean;
    } = {},
  ): Candidate[] {
    this.frames.push(wordsOf(this.index.vocabulary, points));
    if (this.frames.length > this.policy.window) this.frames.shift();
    const pooled = new Map<number, number>();
    for (const frame of this.frames) {
      for (const [word, count] of frame) pooled.set(word, (pooled.get(word) ?? 0) + count);
    }
    const { searched, near } = context;
    const ranked = rank(this.index, pooled, this.policy.depth).filter(
      (candidate) => candidate.score >= this.policy.minScore && !searched?.(candidate.key),
    );
    const first = near ? ranked.filter((candidate) => near(candidate.key)) : [];
    const rest = near ? ranked.filter((candidate) => !near(candidate.key)) : ranked;
    return [...first, ...rest].slice(0, this.policy.candidates);
  }

  /** Forgets the window (the view changed: another set was loaded, a cover was found). */
  reset(): void {
    this.frames.length = 0;
  }
}
