/**
 * mind-ar's own detector on a camera-like frame in Node (tfjs's CPU kernels), the way the
 * Controller looks at a frame while searching: a moving power-of-two crop around the centre. For
 * the recognition index's tests and `npm run bench:scale`.
 */
import type { FeaturePoint } from '../../domain/recognition/index-file.ts';
import type { CoverKeyframes } from '../verify.ts';

export { appearanceAgrees, checkCover, coverInView, passes, type CheckResult } from '../verify.ts';

export interface FrameDetector {
  /** Feature points of the next crop of a grey frame (0–255, row by row). */
  detect(grey: Float32Array): FeaturePoint[];
}

export async function createFrameDetector(width: number, height: number): Promise<FrameDetector> {
  await import('mind-ar/src/image-target/detector/kernels/cpu/index.js');
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const { CropDetector } = await import('mind-ar/src/image-target/detector/crop-detector.js');
  const detector = new CropDetector(width, height);
  return {
    detect(grey) {
      const input = tf.tensor(grey, [height, width], 'float32');
      try {
        return detector.detectMoving(input).featurePoints;
      } finally {
        input.dispose();
      }
    },
  };
}

/** A point as mind-ar's detector gives it. */
type FeaturePointAt = FeaturePoint & { readonly x: number; readonly y: number };

/** The detector's points at each of the compiler's scales (from a 100-px short side up). */
async function pointsByScale(grey: Uint8Array, width: number, height: number) {
  await import('mind-ar/src/image-target/detector/kernels/cpu/index.js');
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const { buildImageList } = await import('mind-ar/src/image-target/image-list.js');
  const { Detector } = await import('mind-ar/src/image-target/detector/detector.js');
  return buildImageList({ data: grey, width, height }).map((image) => {
    const detector = new Detector(image.width, image.height);
    let points: FeaturePointAt[] = [];
    tf.tidy(() => {
      const input = tf
        .tensor(image.data, [image.data.length], 'float32')
        .reshape([image.height, image.width]);
      points = detector.detect(input).featurePoints;
    });
    return { image, points };
  });
}

/**
 * A cover's matching feature points as mind-ar's compiler finds them (every keyframe, from a 100-px
 * short side up to full size), without the tracking data that makes a full compile slow.
 */
export async function coverPoints(
  grey: Uint8Array,
  width: number,
  height: number,
): Promise<FeaturePoint[]> {
  return (await pointsByScale(grey, width, height)).flatMap(({ points }) => points);
}

/**
 * A cover's matching keyframes exactly as mind-ar's compiler makes them (points and their
 * clusters at every scale), for checking guesses with `coverInView` without a full compile.
 */
export async function coverKeyframes(
  grey: Uint8Array,
  width: number,
  height: number,
): Promise<CoverKeyframes> {
  const { build } = await import('mind-ar/src/image-target/matching/hierarchical-clustering.js');
  return (await pointsByScale(grey, width, height)).map(({ image, points }) => {
    const maximaPoints = points.filter((p) => p.maxima);
    const minimaPoints = points.filter((p) => !p.maxima);
    return {
      maximaPoints,
      minimaPoints,
      maximaPointsCluster: build({ points: maximaPoints }),
      minimaPointsCluster: build({ points: minimaPoints }),
      width: image.width,
      height: image.height,
      scale: image.scale,
    };
  });
}

/**
 * The cover's grey picture as a compiled target carries it for the check's comparison (the
 * tracking data's smallest: 128 pixels on the short side), scaled as mind-ar's compiler scales it.
 */
export async function coverPicture(
  grey: Uint8Array,
  width: number,
  height: number,
): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { resize } = await import('mind-ar/src/image-target/utils/images.js');
  const small = resize({
    image: { data: grey, width, height },
    ratio: 128 / Math.min(width, height),
  });
  return { data: Uint8Array.from(small.data), width: small.width, height: small.height };
}
