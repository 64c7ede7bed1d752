/**
 * Aiming mind-ar's detector. While searching, its `CropDetector` looks at one square of the frame
 * a frame (`detectMoving`: nine places around the centre in turn), and a match (mind-ar's own, or
 * the recognition index's check) passes only on a square that holds enough of the cover. An aim
 * makes the next detection look at the square centred on a point instead (kept inside the frame,
 * as mind-ar keeps its own), once, without moving mind-ar's turn: the frames after it look where
 * they would have.
 */
import type { Tensor } from '@tensorflow/tfjs';

type Detection = ReturnType<AimableDetector['detectMoving']>;

/** What of mind-ar's `CropDetector` an aim uses. */
export interface AimableDetector {
  detectMoving(input: Tensor): {
    featurePoints: { maxima: boolean; x: number; y: number; descriptors: number[] }[];
  };
  /** The side of the square it looks at. */
  readonly cropSize: number;
  /** Detects in the square whose top left corner is (startX, startY). */
  _detect(input: Tensor, startX: number, startY: number): Detection;
}

/** Wraps `detector`'s moving detection; returns the function that aims its next one. */
export function aimDetectionOnRequest(
  detector: AimableDetector,
  frame: { readonly width: number; readonly height: number },
): (x: number, y: number) => void {
  let aim: { x: number; y: number } | null = null;
  const detectMoving = detector.detectMoving.bind(detector);
  detector.detectMoving = (input) => {
    if (!aim) return detectMoving(input);
    const size = detector.cropSize;
    // mind-ar's own bounds for its squares: at most `length - size - 1`.
    const place = (centre: number, length: number) =>
      Math.max(0, Math.min(Math.round(centre - size / 2), length - size - 1));
    const startX = place(aim.x, frame.width);
    const startY = place(aim.y, frame.height);
    aim = null;
    return detector._detect(input, startX, startY);
  };
  return (x, y) => {
    aim = Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
  };
}
