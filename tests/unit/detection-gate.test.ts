/**
 * When mind-ar may look for another cover beside the ones it tracks: never while a tracked cover
 * moves (a slow detection frame would lose it), at most once a second while they are held still,
 * never with no other cover to look for, and always while nothing is tracked.
 */
import { describe, expect, it } from 'vitest';
import {
  DETECT_INTERVAL_WHILE_TRACKING_MS,
  DetectionGate,
  STILL_FRAMES,
  STILL_MOTION,
} from '../../src/tracking/detection-gate.ts';
import type { CoverPose } from '../../src/tracking/engine.ts';

/** A cover facing the camera at distance `z`, its origin at `x`, `y` (camera space). */
const pose = (x: number, y = 0, z = 1000): CoverPose => [
  [1, 0, 0, x],
  [0, -1, 0, y],
  [0, 0, -1, z],
];
const one = (transform: CoverPose) => new Map([[0, transform]]);
const FRAME_MS = 50;
/** Covers in the Controller's set that are not tracked: what a detection would look for. */
const OTHERS = 5;

/** Feeds `frames` frames of one cover; returns the frames on which the gate let mind-ar detect. */
function detections(frames: number, poseAt: (frame: number) => CoverPose, start = 0): number[] {
  const gate = new DetectionGate();
  const allowed: number[] = [];
  for (let frame = 0; frame < frames; frame++) {
    if (gate.mayDetect(one(poseAt(frame)), start + frame * FRAME_MS, OTHERS)) allowed.push(frame);
  }
  return allowed;
}

describe('the detection gate', () => {
  it('always detects while nothing is tracked', () => {
    const gate = new DetectionGate();
    for (let frame = 0; frame < 10; frame++) {
      expect(gate.mayDetect(new Map(), frame * FRAME_MS, OTHERS + 1)).toBe(true);
    }
  });

  it('looks for another cover about once a second beside a cover held still', () => {
    // A hand's tremor: a fraction of the still limit, back and forth.
    const held = detections(60, (frame) => pose((frame % 2) * STILL_MOTION * 300));
    expect(held.length).toBe(3);
    expect(held[0]).toBe(STILL_FRAMES);
    const gaps = held.slice(1).map((frame, i) => (frame - (held[i] ?? 0)) * FRAME_MS);
    for (const gap of gaps) expect(gap).toBe(DETECT_INTERVAL_WHILE_TRACKING_MS);
  });

  it('never detects beside a cover tracked alone, with no other cover to look for', () => {
    const gate = new DetectionGate();
    const looks = Array.from({ length: 60 }, (_, frame) =>
      gate.mayDetect(one(pose(0)), frame * FRAME_MS, 0),
    );
    expect(looks).not.toContain(true);
    // The same gate with one cover left to look for: held still, it looks again.
    const withOther = Array.from({ length: 60 }, (_, frame) =>
      gate.mayDetect(one(pose(0)), (60 + frame) * FRAME_MS, 1),
    );
    expect(withOther).toContain(true);
  });

  it('never detects beside a cover carried across the view, so no slow frame loses it', () => {
    // 200 video pixels a second at 20 frames a second: about 10 px, or 0.017 of the distance.
    expect(detections(60, (frame) => pose(frame * 17))).toEqual([]);
  });

  it('waits until a cover that stopped has stayed still for a few frames', () => {
    const stopsAt = 20;
    const allowed = detections(40, (frame) => pose(Math.min(frame, stopsAt) * 17));
    expect(allowed[0]).toBe(stopsAt + STILL_FRAMES);
  });

  it('judges motion against the cover’s distance: the same step is still far away, not close up', () => {
    const step = STILL_MOTION * 2000 * 0.8;
    expect(detections(30, (frame) => pose(frame * step, 0, 2000))).not.toEqual([]);
    expect(detections(30, (frame) => pose(frame * step, 0, 500))).toEqual([]);
  });

  it('counts a newly found second cover as not yet still', () => {
    const gate = new DetectionGate();
    const interval = DETECT_INTERVAL_WHILE_TRACKING_MS / FRAME_MS;
    let frame = 0;
    const tick = (tracked: Map<number, CoverPose>) =>
      gate.mayDetect(tracked, frame++ * FRAME_MS, OTHERS);
    // One cover held still: the gate's last look is on frame STILL_FRAMES + interval.
    while (frame <= STILL_FRAMES + interval) tick(one(pose(0)));
    frame = STILL_FRAMES + 2 * interval;
    // A second interval has passed, but a second cover has just been found beside the first.
    const both = new Map([
      [0, pose(0)],
      [1, pose(400)],
    ]);
    const looks = Array.from({ length: STILL_FRAMES + 1 }, () => tick(both));
    expect(looks).toEqual([...Array<boolean>(STILL_FRAMES).fill(false), true]);
  });
});
