/**
 * Keeps scanning usable on slow phones. Once a second the engine reports how many frames it
 * processed; when that stays low the scan view drops to a smaller camera picture and one target at
 * a time, and it tries full quality again once the phone has kept up for a while (nine seconds in
 * ten).
 *
 * Detection (searching) is about half as fast as tracking on every device we measured, so the two
 * phases have their own thresholds.
 */
import type { QualityLevel } from '../domain/problems.ts';

export interface QualityPolicy {
  /** Below this, tracking feels sluggish: mind-ar's own guidance is 15 frames a second. */
  readonly minTrackingFps: number;
  readonly minSearchingFps: number;
  /** Seconds in a row that must be slow before dropping to reduced quality. */
  readonly slowSeconds: number;
  /**
   * Seconds at reduced quality fast enough to try full quality again, of which one in ten may be
   * slow: a set change's warm-up or a garbage collection is not the phone falling behind.
   */
  readonly recoverSeconds: number;
  /** At reduced quality the phone must manage this many times the minimum to try full again. */
  readonly recoverFactor: number;
  /** Samples ignored after each change, while the new controller warms up. */
  readonly settleSeconds: number;
  readonly maxRecoverSeconds: number;
}

export const DEFAULT_QUALITY_POLICY: QualityPolicy = {
  minTrackingFps: 15,
  minSearchingFps: 7,
  slowSeconds: 4,
  recoverSeconds: 10,
  recoverFactor: 1.2,
  settleSeconds: 3,
  maxRecoverSeconds: 120,
};

/**
 * The default policy with another tracking threshold (staff tuning a library's phones with
 * `/scan?diagnostics&minfps=N`); searching keeps its proportion to tracking.
 */
export function policyWithMinFps(minTrackingFps: number): QualityPolicy {
  const ratio = DEFAULT_QUALITY_POLICY.minSearchingFps / DEFAULT_QUALITY_POLICY.minTrackingFps;
  return { ...DEFAULT_QUALITY_POLICY, minTrackingFps, minSearchingFps: minTrackingFps * ratio };
}

export interface FpsSample {
  readonly fps: number;
  readonly tracking: boolean;
}

export class QualityGovernor {
  level: QualityLevel;
  private slow = 0;
  /** At reduced quality, whether each second since the last change kept up (newest last). */
  private keptUp: boolean[] = [];
  private settle: number;
  private recoverSeconds: number;
  private secondsSinceRecovery = Number.POSITIVE_INFINITY;

  /** `fixed` holds one level whatever the phone manages (`/scan?quality=…`). */
  constructor(
    private readonly policy: QualityPolicy = DEFAULT_QUALITY_POLICY,
    private readonly fixed: QualityLevel | null = null,
  ) {
    this.level = fixed ?? 'full';
    this.settle = policy.settleSeconds;
    this.recoverSeconds = policy.recoverSeconds;
  }

  private minimum(sample: FpsSample): number {
    return sample.tracking ? this.policy.minTrackingFps : this.policy.minSearchingFps;
  }

  /** Feeds one sample; returns the new level when it changes. */
  sample(sample: FpsSample): QualityLevel | null {
    if (this.fixed) return null;
    this.secondsSinceRecovery++;
    if (this.settle > 0) {
      this.settle--;
      return null;
    }
    const minimum = this.minimum(sample);
    if (this.level === 'full') {
      this.slow = sample.fps < minimum ? this.slow + 1 : 0;
      if (this.slow < this.policy.slowSeconds) return null;
      // Dropping again soon after a recovery: wait longer before the next try.
      if (this.secondsSinceRecovery < this.recoverSeconds * 2) {
        this.recoverSeconds = Math.min(this.recoverSeconds * 2, this.policy.maxRecoverSeconds);
      }
      return this.change('reduced');
    }
    const keptUp = sample.fps >= minimum * this.policy.recoverFactor;
    this.keptUp.push(keptUp);
    if (this.keptUp.length > this.recoverSeconds) this.keptUp.shift();
    const slowSeconds = this.keptUp.filter((fast) => !fast).length;
    if (
      !keptUp ||
      this.keptUp.length < this.recoverSeconds ||
      slowSeconds > Math.floor(this.recoverSeconds / 10)
    ) {
      return null;
    }
    this.secondsSinceRecovery = 0;
    return this.change('full');
  }

  private change(level: QualityLevel): QualityLevel {
    this.level = level;
    this.slow = 0;
    this.keptUp = [];
    this.settle = this.policy.settleSeconds;
    return level;
  }
}
