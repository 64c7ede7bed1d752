/**
 * Which cover the camera most likely shows, from the feature points of the last few detection
 * frames. mind-ar's detector looks at a moving crop of each frame, so one frame sees part of a
 * cover; scores are summed over a short window. A candidate is only a guess: the tracker's own
 * geometric check (RANSAC, inliers) decides whether it is really there.
 */
import { rank, wordsOf, type FeaturePoint, type RecognitionIndex } from './index-file.ts';

export interface IdentifyPolicy {
  /** Detection frames whose scores are summed. */
  readonly window: number;
  /** The summed score a candidate needs. */
  readonly minScore: number;
  /** How far ahead of the runner-up it must be. */
  readonly minLead: number;
  /** Candidates kept per frame. */
  readonly perFrame: number;
}

export const DEFAULT_IDENTIFY_POLICY: IdentifyPolicy = {
  window: 4,
  minScore: 0.12,
  minLead: 1.3,
  perFrame: 8,
};

export interface Identification {
  readonly key: string;
  readonly score: number;
  readonly lead: number;
}

export class Identifier {
  private readonly frames: Map<string, number>[] = [];

  constructor(
    private readonly index: RecognitionIndex,
    private readonly policy: IdentifyPolicy = DEFAULT_IDENTIFY_POLICY,
  ) {}

  /** Adds one frame's points; returns the cover they point to, if one stands out. */
  observe(points: readonly FeaturePoint[]): Identification | null {
    const ranked = rank(this.index, wordsOf(this.index.vocabulary, points), this.policy.perFrame);
    this.frames.push(new Map(ranked.map((c) => [c.key, c.score])));
    if (this.frames.length > this.policy.window) this.frames.shift();
    return this.best();
  }

  /** Forgets the window (the view changed: another set was loaded, a cover was found). */
  reset(): void {
    this.frames.length = 0;
  }

  private best(): Identification | null {
    const totals = new Map<string, number>();
    for (const frame of this.frames) {
      for (const [key, score] of frame) totals.set(key, (totals.get(key) ?? 0) + score);
    }
    const [first, second] = [...totals].sort((a, b) => b[1] - a[1]);
    if (!first) return null;
    const lead = second ? first[1] / Math.max(second[1], 1e-9) : Number.POSITIVE_INFINITY;
    if (first[1] < this.policy.minScore || lead < this.policy.minLead) return null;
    return { key: first[0], score: first[1], lead };
  }
}
