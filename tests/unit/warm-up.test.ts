/**
 * What a new Controller warms up: the detector once per camera size, the tracker once per target
 * shape, so a shelf's sets searched in turn warm up on their first turn only.
 */
import { describe, expect, it } from 'vitest';
import {
  commonKeyframeShapes,
  keyframeShapeOf,
  trackerPointCount,
  WarmUpRecord,
  type TrackingKeyframe,
} from '../../src/tracking/warm-up.ts';

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
    // Its 128×192 cover, padded to 128 points like the first set's, shares that set's programs.
    expect(record.coldTargets(camera, secondSet)).toEqual([0]);
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
    // Alone, a cover of 90 points is padded to 128, as in its set of up to 120: nothing to warm.
    expect(record.coldTargets(camera, [firstSet[0]!])).toEqual([]);
    // One of more than 128 points has programs of its own.
    expect(record.coldTargets(camera, [keyframe(128, 192, 130)])).toEqual([0]);
    record.trackerWarmed(camera, [keyframe(128, 192, 130)]);
    expect(record.coldTargets(camera, [keyframe(128, 192, 180)])).toEqual([]);
  });

  it('lets covers tracked alone one after another share their programs', () => {
    const record = new WarmUpRecord();
    // The demo's covers hold 16 to 52 tracking points: one shape, warmed by the first cover.
    record.trackerWarmed(camera, [keyframe(128, 192, 16)]);
    for (const points of [25, 34, 44, 52, 64]) {
      expect(record.coldTargets(camera, [keyframe(128, 192, points)])).toEqual([]);
    }
    expect(record.coldTargets(camera, [keyframe(128, 192, 65)])).toEqual([0]);
    expect(trackerPointCount([keyframe(128, 192, 0)])).toBe(0);
    expect(trackerPointCount([keyframe(128, 192, 52), keyframe(128, 192, 70)])).toBe(128);
  });
});

describe('the covers’ keyframe shapes', () => {
  it.each([
    ['the demo’s covers: 400×600, compiled at 160×240', 400, 600, 128, 192, 0.8],
    ['a shelf sign, 2:1', 1200, 600, 256, 128, 0.8],
    ['a small picture, compiled as it is, never enlarged', 100, 150, 128, 192, 1.28],
    ['an A5 cover: 1748×2480 compiles at 160×227', 1748, 2480, 128, 182, 0.8],
  ])(
    'are mind-ar’s 128-pixel keyframe of the picture compiled at 160 pixels: %s',
    (_, width, height, keyframeWidth, keyframeHeight, scale) => {
      expect(keyframeShapeOf({ width, height })).toEqual({
        width: keyframeWidth,
        height: keyframeHeight,
        scale,
      });
    },
  );

  it('are warmed for the most common first', () => {
    const covers = [
      ...Array.from({ length: 5 }, () => ({ width: 400, height: 600 })),
      ...Array.from({ length: 3 }, () => ({ width: 1748, height: 2480 })),
      { width: 1200, height: 600 },
    ];
    expect(
      commonKeyframeShapes(covers, 2).map((k) => `${String(k.width)}x${String(k.height)}`),
    ).toEqual(['128x192', '128x182']);
    expect(commonKeyframeShapes([], 2)).toEqual([]);
  });
});
