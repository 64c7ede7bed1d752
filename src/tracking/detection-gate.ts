/**
 * When mind-ar may run its detector beside the covers it is tracking, to find one more.
 *
 * While one cover is tracked and another could be (maxTrack 2), mind-ar runs its detector on
 * every frame; a detection frame takes about four tracking frames' time, so tracking slows to a
 * third. Looking for a second cover once a second keeps tracking nearly as fast as with one target
 * and still finds the second cover within about a second.
 *
 * mind-ar's tracker looks for a cover's points near where the last frame's pose puts them, and a
 * cover moving during a slow detection frame has gone too far for the next frame to find: mind-ar
 * repeats the old pose, detects the cover again, and the card trails the cover. Looking only while
 * the tracked covers are held still costs a moving cover nothing, and a visitor putting a second
 * book beside the first is not sweeping the first about.
 */
import type { CoverPose } from './engine.ts';

/** Time between two looks for another cover while one is tracked. */
export const DETECT_INTERVAL_WHILE_TRACKING_MS = 1000;

/**
 * The most a still cover's origin moves between two frames, as a fraction of its distance (about
 * three video pixels at 640×480 and mind-ar's field of view). A hand-held cover stays well below
 * it; one carried across the view at a visitor's slowest moves goes above it.
 */
export const STILL_MOTION = 0.005;

/** Frames in a row a cover must stay still before the detector may run beside it. */
export const STILL_FRAMES = 3;

/** Where a transform puts the target's origin in the picture, in units of the focal length. */
function originInView(transform: CoverPose): [number, number] | null {
  const z = transform[2]?.[3];
  const x = transform[0]?.[3];
  const y = transform[1]?.[3];
  if (x === undefined || y === undefined || z === undefined || z === 0) return null;
  return [x / z, y / z];
}

/** Whether the tracked covers have stayed still, frame by frame. */
class SteadinessWatch {
  private readonly lastSeen = new Map<number, [number, number]>();
  private stillFrames = 0;

  /**
   * One frame's tracked covers, by target index. Returns whether every one of them has stayed
   * still for the last `STILL_FRAMES` frames; a cover just found has not.
   */
  frame(tracked: ReadonlyMap<number, CoverPose>): boolean {
    let still = tracked.size > 0;
    for (const [target, transform] of tracked) {
      const now = originInView(transform);
      const before = this.lastSeen.get(target);
      if (!now || !before || Math.hypot(now[0] - before[0], now[1] - before[1]) > STILL_MOTION) {
        still = false;
      }
      if (now) this.lastSeen.set(target, now);
      else this.lastSeen.delete(target);
    }
    for (const target of this.lastSeen.keys()) {
      if (!tracked.has(target)) this.lastSeen.delete(target);
    }
    this.stillFrames = still ? this.stillFrames + 1 : 0;
    return this.stillFrames >= STILL_FRAMES;
  }
}

export class DetectionGate {
  private readonly steadiness = new SteadinessWatch();
  private lastDetection = Number.NEGATIVE_INFINITY;

  /**
   * Called once a frame, before mind-ar would detect, with the covers it tracks (by target index),
   * the time, and how many covers the detection would look for. With none tracked, it always
   * detects: that is how covers are found. With nothing left to look for (a cover tracked alone,
   * its Controller holding only it), it never does: mind-ar would run its whole detector, a few
   * tracking frames' time, to match the points against no cover at all.
   */
  mayDetect(tracked: ReadonlyMap<number, CoverPose>, now: number, lookedFor: number): boolean {
    const still = this.steadiness.frame(tracked);
    if (lookedFor === 0) return false;
    if (
      tracked.size > 0 &&
      (!still || now - this.lastDetection < DETECT_INTERVAL_WHILE_TRACKING_MS)
    ) {
      return false;
    }
    this.lastDetection = now;
    return true;
  }
}
