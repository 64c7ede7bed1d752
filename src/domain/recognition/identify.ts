/**
 * Which cover the camera most likely shows, from the feature points of the last few detection
 * frames. mind-ar's detector looks at a moving crop of each frame (nine places in turn), so one
 * frame sees part of a cover: the words of the last frames are pooled into one query, which is
 * what the cover's own words look like. A candidate is only a guess: the tracker's own geometric
 * check (RANSAC, inliers) decides whether it is really there.
 */
import { rank, wordsOf, type FeaturePoint, type RecognitionIndex } from './index-file.ts';

export interface IdentifyPolicy {
  /** Detection frames whose words are pooled (nine is one round of mind-ar's moving crop). */
  readonly window: number;
  /** The score the best candidate needs. */
  readonly minScore: number;
  /** How far ahead of the runner-up it must be. */
  readonly minLead: number;
  /** Consecutive frames that must name the same cover, each passing the two bars above. */
  readonly agreement: number;
}

/**
 * Measured with `npm run bench:scale` (docs/recognition.md): at 1,000 covers, pooling nine frames
 * and asking two frames to agree named 26 of 60 views right and 2 wrong, where summing each
 * frame's scores named 1 right; at 36 covers it names as many as before.
 */
export const DEFAULT_IDENTIFY_POLICY: IdentifyPolicy = {
  window: 9,
  minScore: 0.035,
  minLead: 1.2,
  agreement: 2,
};

export interface Identification {
  readonly key: string;
  readonly score: number;
  readonly lead: number;
}

export class Identifier {
  private readonly frames: Map<number, number>[] = [];
  private leader = '';
  private streak = 0;

  constructor(
    private readonly index: RecognitionIndex,
    private readonly policy: IdentifyPolicy = DEFAULT_IDENTIFY_POLICY,
  ) {}

  /** Adds one frame's points; returns the cover they point to, once one stands out. */
  observe(points: readonly FeaturePoint[]): Identification | null {
    this.frames.push(wordsOf(this.index.vocabulary, points));
    if (this.frames.length > this.policy.window) this.frames.shift();
    const pooled = new Map<number, number>();
    for (const frame of this.frames) {
      for (const [word, count] of frame) pooled.set(word, (pooled.get(word) ?? 0) + count);
    }
    const [first, second] = rank(this.index, pooled, 2);
    const lead = first && second ? first.score / Math.max(second.score, 1e-9) : Infinity;
    if (!first || first.score < this.policy.minScore || lead < this.policy.minLead) {
      this.leader = '';
      this.streak = 0;
      return null;
    }
    this.streak = first.key === this.leader ? this.streak + 1 : 1;
    this.leader = first.key;
    return this.streak >= this.policy.agreement
      ? { key: first.key, score: first.score, lead }
      : null;
  }

  /** Forgets the window (the view changed: another set was loaded, a cover was found). */
  reset(): void {
    this.frames.length = 0;
    this.leader = '';
    this.streak = 0;
  }
}
