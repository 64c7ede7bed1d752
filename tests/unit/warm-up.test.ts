/**
 * What a new Controller warms up: the detector once per camera size, the tracker once per target
 * shape, so a shelf's sets searched in turn warm up on their first turn only.
 */
import { describe, expect, it } from 'vitest';
import { WarmUpRecord, type TrackingKeyframe } from '../../src/tracking/warm-up.ts';

const camera = { width: 640, height: 480 };
const keyframe = (width: number, height: number, points: number): TrackingKeyframe => ({
  width,
  height,
  scale: 0.25,
  points: { length: points },
});
const firstSet = [keyframe(128, 192, 90), keyframe(128, 180, 120), keyframe(128, 200, 60)];
const secondSet = [keyframe(128, 170, 110), keyframe(128, 192, 100)];

describe('the warm-up record', () => {
  it('warms the detector once per camera size', () => {
    const record = new WarmUpRecord();
    expect(record.detectorIsWarm(camera)).toBe(false);
    record.detectorWarmed(camera);
    expect(record.detectorIsWarm(camera)).toBe(true);
    expect(record.detectorIsWarm({ width: 320, height: 240 })).toBe(false);
  });

  it('warms a set’s tracker on its first turn only, while the shelf’s sets are searched in turn', () => {
    const record = new WarmUpRecord();
    expect(record.coldTargets(camera, firstSet)).toEqual([0, 1, 2]);
    record.trackerWarmed(camera, firstSet);
    expect(record.coldTargets(camera, secondSet)).toEqual([0, 1]);
    record.trackerWarmed(camera, secondSet);
    // The next rounds of the rotation.
    expect(record.coldTargets(camera, firstSet)).toEqual([]);
    expect(record.coldTargets(camera, secondSet)).toEqual([]);
    // The smaller picture of the saving mode has programs of its own.
    expect(record.coldTargets({ width: 320, height: 240 }, firstSet)).toEqual([0, 1, 2]);
  });

  it('warms what changed: a new cover on the shelf, or a cover tracked alone', () => {
    const record = new WarmUpRecord();
    record.trackerWarmed(camera, firstSet);
    expect(record.coldTargets(camera, [...firstSet.slice(0, 2), keyframe(128, 210, 80)])).toEqual([
      2,
    ]);
    // Alone, a cover's points are not padded to its set's largest count: another shape.
    expect(record.coldTargets(camera, [firstSet[0]!])).toEqual([0]);
    record.trackerWarmed(camera, [firstSet[0]!], [0]);
    expect(record.coldTargets(camera, [firstSet[0]!])).toEqual([]);
  });
});
