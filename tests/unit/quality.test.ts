import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUALITY_POLICY,
  policyWithMinFps,
  QualityGovernor,
} from '../../src/tracking/quality.ts';

const feed = (governor: QualityGovernor, seconds: number, fps: number, tracking = true) => {
  const changes = [];
  for (let i = 0; i < seconds; i++) {
    const change = governor.sample({ fps, tracking });
    if (change) changes.push(change);
  }
  return changes;
};

describe('scan quality on slow phones', () => {
  it('stays at full quality while tracking at 15 frames a second or more', () => {
    const governor = new QualityGovernor();
    expect(feed(governor, 60, 16)).toEqual([]);
    expect(governor.level).toBe('full');
  });

  it('drops to reduced quality after four slow seconds, not after one slow second', () => {
    const governor = new QualityGovernor();
    feed(governor, DEFAULT_QUALITY_POLICY.settleSeconds, 20);
    expect(feed(governor, 1, 5)).toEqual([]);
    expect(feed(governor, 1, 20)).toEqual([]);
    expect(feed(governor, 4, 9)).toEqual(['reduced']);
  });

  it('judges searching by its own, lower threshold', () => {
    const governor = new QualityGovernor();
    expect(feed(governor, 30, 9, false)).toEqual([]);
    expect(feed(governor, 10, 4, false)).toEqual(['reduced']);
  });

  it('tries full quality again once the phone keeps up, and waits longer after a relapse', () => {
    const governor = new QualityGovernor();
    feed(governor, 3 + 4, 5);
    expect(governor.level).toBe('reduced');
    // Settling, then ten fast seconds.
    expect(feed(governor, 3 + 9, 25)).toEqual([]);
    expect(feed(governor, 1, 25)).toEqual(['full']);
    // Slow again at once: back down, and the next recovery needs twice as long.
    expect(feed(governor, 3 + 4, 5)).toEqual(['reduced']);
    expect(feed(governor, 3 + 19, 25)).toEqual([]);
    expect(feed(governor, 1, 25)).toEqual(['full']);
  });

  it('forgives one slow second in ten on the way back to full quality, not two', () => {
    const forgiving = new QualityGovernor();
    feed(forgiving, 3 + 4, 5);
    expect(forgiving.level).toBe('reduced');
    // Settling; then a set change's warm-up takes one second of ten.
    feed(forgiving, 3, 25);
    expect(feed(forgiving, 4, 25)).toEqual([]);
    expect(feed(forgiving, 1, 2)).toEqual([]);
    expect(feed(forgiving, 4, 25)).toEqual([]);
    expect(feed(forgiving, 1, 25)).toEqual(['full']);

    const strict = new QualityGovernor();
    feed(strict, 3 + 4, 5);
    feed(strict, 3, 25);
    // Two slow seconds in every ten: the phone is not keeping up.
    for (let round = 0; round < 6; round++) {
      expect(feed(strict, 4, 25)).toEqual([]);
      expect(feed(strict, 1, 2)).toEqual([]);
    }
    expect(strict.level).toBe('reduced');
  });

  it('holds a fixed level whatever the frame rate', () => {
    const held = new QualityGovernor(DEFAULT_QUALITY_POLICY, 'reduced');
    expect(held.level).toBe('reduced');
    expect(feed(held, 30, 60)).toEqual([]);
    const full = new QualityGovernor(DEFAULT_QUALITY_POLICY, 'full');
    expect(feed(full, 30, 1)).toEqual([]);
  });

  it('takes another threshold, keeping searching in proportion', () => {
    const policy = policyWithMinFps(5);
    expect(policy.minSearchingFps).toBeCloseTo(5 * (7 / 15));
    const governor = new QualityGovernor(policy);
    expect(feed(governor, 20, 6)).toEqual([]);
    expect(feed(governor, 4, 4)).toEqual(['reduced']);
  });
});
