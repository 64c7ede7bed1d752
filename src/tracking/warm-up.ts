/**
 * What a new mind-ar Controller still has to warm up. tfjs compiles each WebGL program once per
 * shape and keeps it for as long as its WebGL backend lives (the tracker worker's life), so a
 * Controller only needs to run what no earlier one ran: the detector once per camera size, the
 * tracker once per target shape. Warming up is slow on a phone (seconds in software WebGL), and a
 * shelf's sets, searched in turn, start a Controller at every turn.
 */

/** A target's tracking keyframe, as mind-ar's tracker holds it. */
export interface TrackingKeyframe {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly points: { readonly length: number };
}

export interface InputSize {
  readonly width: number;
  readonly height: number;
}

function sizeKey({ width, height }: InputSize): string {
  return `${String(width)}x${String(height)}`;
}

/**
 * Each target's tracker shape: mind-ar pads every target's points to its set's largest count and
 * sizes the projection to the target's keyframe, and tfjs keys its programs by these shapes.
 */
function targetShapes(size: InputSize, keyframes: readonly TrackingKeyframe[]): string[] {
  const points = Math.max(0, ...keyframes.map((keyframe) => keyframe.points.length));
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
