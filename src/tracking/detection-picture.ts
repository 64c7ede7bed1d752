/**
 * The picture's say on mind-ar's own detections. Plain code over the Controller's internals that
 * it reads and wraps (`mind-ar.ts` applies it to every Controller), so that it can be tested in
 * Node.
 */
import type { GreyPicture } from '../domain/recognition/appearance.ts';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import { detectedOutline, outlineLooksLike, type CoverKeyframes } from './verify.ts';

/**
 * Tracked frames before a cover that mind-ar detected and the picture agreed with shows, instead
 * of mind-ar's six (`warmupTolerance` 5): what those frames guard against, a detection of pairs
 * that agree by chance, the picture has ruled out already. One more than a cover the index named
 * (`CONFIRMED_WARMUP_TOLERANCE`: two passes, pictures agreeing in both). A tracked frame took 26
 * to 106 ms here (probe of 3 December), so a shelf's cover shows about 80 to 300 ms sooner.
 */
export const PICTURE_AGREED_TRACKED_FRAMES = 3;

/** The parts of mind-ar's Controller that a detection passes through. */
export interface DetectingController {
  readonly inputWidth: number;
  readonly inputHeight: number;
  /** Tracked frames after which mind-ar shows a cover: it shows once `trackCount` exceeds it. */
  readonly warmupTolerance: number;
  /** mind-ar's state of each target, once its loop runs; counts the frames a cover was tracked. */
  trackingStates?: { trackCount: number }[];
  addImageTargetsFromBuffer(
    buffer: ArrayBuffer,
    only?: number,
  ): { matchingDataList?: CoverKeyframes[] } | Promise<unknown>;
  tracker?: {
    /** Each target's tracking image: its grey picture at 128 pixels on the short side. */
    trackingKeyframeList: { data: Uint8Array; width: number; height: number }[];
  };
  _workerMatch: (featurePoints: FeaturePoint[], targetIndexes: number[]) => Promise<unknown>;
  _detectAndMatch: (
    input: unknown,
    targetIndexes: number[],
  ) => Promise<{ targetIndex: number; modelViewTransform: unknown }>;
}

/**
 * A cover mind-ar's own detection finds is taken only where the frame's picture looks like it
 * where the detection's pairs place it, as the index's check requires of its guesses: at 1,000
 * covers, a shelf's Controller took a cover partly under a hand for another of its twenty (bench
 * of 3 December). Otherwise the detection is dropped, as if nothing were found, and mind-ar
 * searches again on the next frame. A detection the picture agrees with shows after
 * `PICTURE_AGREED_TRACKED_FRAMES` tracked frames. `pictureOfDetection` gives the grey picture of
 * the frame the last detection ran on (a small copy; `mind-ar.ts` reads it only when that
 * detection found a cover). Where there is none, or the cover has no picture, the points decide,
 * and the cover shows after mind-ar's own count of frames, as before.
 */
export function confirmDetectionsByPicture(
  controller: DetectingController,
  pictureOfDetection: () => Promise<GreyPicture | null>,
): void {
  let keyframes: readonly CoverKeyframes[] = [];
  const load = controller.addImageTargetsFromBuffer.bind(controller);
  controller.addImageTargetsFromBuffer = (buffer, only) => {
    const loaded = load(buffer, only);
    // mind-ar's Controller loads synchronously; it hands its matching keyframes to its worker.
    if (!(loaded instanceof Promise)) keyframes = loaded.matchingDataList ?? [];
    return loaded;
  };
  let points: FeaturePoint[] = [];
  const match = controller._workerMatch.bind(controller);
  controller._workerMatch = (featurePoints, targetIndexes) => {
    points = featurePoints;
    return match(featurePoints, targetIndexes);
  };
  const detect = controller._detectAndMatch.bind(controller);
  controller._detectAndMatch = async (input, targetIndexes) => {
    points = [];
    const found = await detect(input, targetIndexes);
    const cover = controller.tracker?.trackingKeyframeList[found.targetIndex];
    const matching = keyframes[found.targetIndex];
    if (found.targetIndex < 0 || !cover || !matching) return found;
    const picture = await pictureOfDetection().catch(() => null);
    if (!picture) return found;
    const frame = { width: controller.inputWidth, height: controller.inputHeight };
    const outline = detectedOutline(matching, points, frame);
    if (!outlineLooksLike(outline, cover, picture, frame)) {
      return { targetIndex: -1, modelViewTransform: null };
    }
    // mind-ar counts this frame's track next, and shows the cover once its count exceeds the
    // tolerance: counted on from here, it shows on its third tracked frame.
    const state = controller.trackingStates?.[found.targetIndex];
    const counted = controller.warmupTolerance + 1 - PICTURE_AGREED_TRACKED_FRAMES;
    if (state && state.trackCount < counted) state.trackCount = counted;
    return found;
  };
}
