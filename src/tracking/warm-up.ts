/**
 * What a new mind-ar Controller still has to warm up. tfjs compiles each WebGL program once per
 * shape and keeps it for as long as its WebGL backend lives (the tracker worker's life), so a
 * Controller only needs to run what no earlier one ran: the detector once per camera size, the
 * tracker once per target shape. Warming up is slow on a phone (seconds in software WebGL), and a
 * shelf's sets, searched in turn, start a Controller at every turn.
 */
import { TARGET_SHORT_SIDE } from '../domain/source/target-size.ts';

/** A target's tracking keyframe, as mind-ar's tracker holds it. */
export interface TrackingKeyframe {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly points: { readonly length: number };
}

/** A tracking keyframe's size, which is all its tracker programs depend on besides the points. */
export type KeyframeShape = Pick<TrackingKeyframe, 'width' | 'height' | 'scale'>;

/**
 * mind-ar's tracking keyframe of a cover published from a picture of this size: the picture is
 * compiled with its shorter side at `TARGET_SHORT_SIDE` (never enlarged; `compileTargetSet`,
 * `compilePicture`), and mind-ar tracks on a copy of that with its shorter side at 128 pixels
 * (`buildTrackingImageList`, rounded as its `resize` rounds).
 */
export function keyframeShapeOf(picture: { width: number; height: number }): KeyframeShape {
  const fit = Math.min(1, TARGET_SHORT_SIDE / Math.min(picture.width, picture.height));
  const width = Math.round(picture.width * fit);
  const height = Math.round(picture.height * fit);
  const scale = 128 / Math.min(width, height);
  return { width: Math.round(width * scale), height: Math.round(height * scale), scale };
}

/**
 * The keyframe shapes most covers share, most common first, at most `limit`: the ones worth
 * warming before the index names a cover (`prewarmTracker`). A library's covers are mostly of a
 * few proportions; the demo's 40 have one shape.
 */
export function commonKeyframeShapes(
  pictures: Iterable<{ width: number; height: number }>,
  limit: number,
): KeyframeShape[] {
  const counted = new Map<string, { shape: KeyframeShape; count: number }>();
  for (const picture of pictures) {
    const shape = keyframeShapeOf(picture);
    const key = `${String(shape.width)}x${String(shape.height)}@${String(shape.scale)}`;
    const entry = counted.get(key);
    if (entry) entry.count++;
    else counted.set(key, { shape, count: 1 });
  }
  return [...counted.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map(({ shape }) => shape);
}

export interface InputSize {
  readonly width: number;
  readonly height: number;
}

function sizeKey({ width, height }: InputSize): string {
  return `${String(width)}x${String(height)}`;
}

/** The tracker's points are padded to a multiple of this (`trackerPointCount`). */
export const TRACKER_POINT_STEP = 64;

/**
 * How many points the tracker holds for each target of a set. mind-ar pads every target's points
 * to its set's largest count, and tfjs compiles the tracker's programs for each count; padding
 * further, to a multiple of `TRACKER_POINT_STEP`, lets a cover tracked alone (after the index
 * named it) share the programs of the sets and of the covers before it instead of compiling its
 * own. A padded point lies outside the picture, so the tracker's programs skip it at once.
 */
export function trackerPointCount(keyframes: readonly TrackingKeyframe[]): number {
  const most = Math.max(0, ...keyframes.map((keyframe) => keyframe.points.length));
  return Math.ceil(most / TRACKER_POINT_STEP) * TRACKER_POINT_STEP;
}

/**
 * Each target's tracker shape: its points as padded (`trackerPointCount`) and its keyframe's size,
 * which sizes the projection; tfjs keys its programs by these shapes.
 */
function targetShapes(size: InputSize, keyframes: readonly TrackingKeyframe[]): string[] {
  const points = trackerPointCount(keyframes);
  return keyframes.map(
    ({ width, height, scale }) =>
      `${sizeKey(size)}:${String(width)}x${String(height)}@${String(scale)}/${String(points)}`,
  );
}

export class WarmUpRecord {
  private readonly detectorSizes = new Set<string>();
  private readonly trackerShapes = new Set<string>();

  detectorIsWarm(size: InputSize): boolean {
    return this.detectorSizes.has(sizeKey(size));
  }

  detectorWarmed(size: InputSize): void {
    this.detectorSizes.add(sizeKey(size));
  }

  /** The indexes of the targets whose tracker programs have not run at this input size. */
  coldTargets(size: InputSize, keyframes: readonly TrackingKeyframe[]): number[] {
    return targetShapes(size, keyframes).flatMap((shape, index) =>
      this.trackerShapes.has(shape) ? [] : [index],
    );
  }

  /** Notes that the tracker ran for these targets of a set (all of them when `indexes` is left out). */
  trackerWarmed(
    size: InputSize,
    keyframes: readonly TrackingKeyframe[],
    indexes: readonly number[] = keyframes.map((_, index) => index),
  ): void {
    const shapes = targetShapes(size, keyframes);
    for (const index of indexes) {
      const shape = shapes[index];
      if (shape !== undefined) this.trackerShapes.add(shape);
    }
  }
}
