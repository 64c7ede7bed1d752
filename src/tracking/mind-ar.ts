/**
 * The real Controller factory: the one module that imports mind-ar. It also frees what mind-ar's
 * `dispose()` leaves behind: the tfjs tensors its tracker and detector keep, the tensors it leaks
 * (its detector drops four each time a controller first describes features), and the input
 * texture. Without this, each shelf switch cost memory for good.
 */
import { backend, engine, memory, tensor2d, type Tensor } from '@tensorflow/tfjs';
import { Controller } from 'mind-ar/src/image-target/controller.js';
import { CropDetector } from 'mind-ar/src/image-target/detector/crop-detector.js';
import { InputLoader } from 'mind-ar/src/image-target/input-loader.js';
import { Tracker } from 'mind-ar/src/image-target/tracker/tracker.js';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { ControllerFactory, ControllerLike, CoverPose } from './engine.ts';
import { oneTargetOf } from './mind-file.ts';
import { disposeTensorsIn } from './tensor-walk.ts';
import { greyPictureOf, pictureSize } from './grey-picture.ts';
import type { GreyPicture } from '../domain/recognition/appearance.ts';
import { aimDetectionOnRequest } from './detection-aim.ts';
import type { AimableDetector } from './detection-aim.ts';
import { DetectionGate } from './detection-gate.ts';
import { confirmDetectionsByPicture, type DetectingController } from './detection-picture.ts';
import { MatchingWorkers, type MatchingSide } from './matching-worker.ts';
import {
  TRACKER_POINT_STEP,
  trackerPointCount,
  WarmUpRecord,
  type KeyframeShape,
  type TrackingKeyframe,
} from './warm-up.ts';

interface ControllerInternals extends MatchingSide, DetectingController {
  tracker?: {
    dummyRun(input: Tensor): void;
    track(input: Tensor, lastModelViewTransform: CoverPose, targetIndex: number): unknown;
    trackingKeyframeList: (TrackingKeyframe & {
      points: { x: number; y: number }[];
      data: Uint8Array;
    })[];
    featurePointsListT: Tensor[];
  };
  cropDetector?: AimableDetector;
  inputLoader: {
    tempPixelHandle?: { dataId: object };
    loadInput(input: unknown): Tensor;
  };
  trackingStates: {
    isTracking: boolean;
    currentModelViewTransform: CoverPose | null;
    trackCount: number;
  }[];
  dummyRun(input: unknown): void;
  _workerMatch: (featurePoints: FeaturePoint[], targetIndexes: number[]) => Promise<unknown>;
  _workerTrackUpdate: (pose: CoverPose, features: unknown) => Promise<unknown>;
  _detectAndMatch: (
    input: unknown,
    targetIndexes: number[],
  ) => Promise<{ targetIndex: number; modelViewTransform: unknown }>;
}

/** mind-ar detects beside tracked covers only when the gate allows it (`detection-gate.ts`). */
function throttleDetection(controller: ControllerInternals): void {
  const detect = controller._detectAndMatch.bind(controller);
  const gate = new DetectionGate();
  controller._detectAndMatch = (input, targetIndexes) => {
    const tracked = new Map<number, CoverPose>();
    controller.trackingStates.forEach((state, index) => {
      if (state.isTracking && state.currentModelViewTransform) {
        tracked.set(index, state.currentModelViewTransform);
      }
    });
    // mind-ar asks once a frame while fewer covers are tracked than could be: with maxTrack 2, even
    // when its only cover is tracked, and then it has none left to look for.
    if (!gate.mayDetect(tracked, performance.now(), targetIndexes.length)) {
      return Promise.resolve({ targetIndex: -1, modelViewTransform: null });
    }
    return detect(input, targetIndexes);
  };
}

/**
 * `ControllerLike.startFrom`: the pose is handed to mind-ar's loop where its first frame would
 * search (its detection step, which then searches nothing), so that frame tracks from the pose.
 * If the track fails, mind-ar searches as usual.
 */
function trackFromPoseOnRequest(
  controller: ControllerInternals,
): NonNullable<ControllerLike['startFrom']> {
  let pending: { targetIndex: number; pose: CoverPose } | null = null;
  const detect = controller._detectAndMatch.bind(controller);
  controller._detectAndMatch = (input, targetIndexes) => {
    const state = pending && controller.trackingStates[pending.targetIndex];
    if (pending && state) {
      state.isTracking = true;
      state.currentModelViewTransform = pending.pose.map((row) => [...row]);
      pending = null;
      return Promise.resolve({ targetIndex: -1, modelViewTransform: null });
    }
    return detect(input, targetIndexes);
  };
  return (targetIndex, pose) => {
    pending = { targetIndex, pose };
  };
}

/** A released Controller's matching worker, warm, for the next one (`matching-worker.ts`). */
const matchingWorkers = new MatchingWorkers();

/** What this worker's (or page's) tfjs has compiled; its program cache is shared. */
const warmUps = new WarmUpRecord();

/** The pose mind-ar's own warm-up tracks from. */
const WARM_UP_POSE: CoverPose = [
  [1, 1, 1, 1],
  [1, 1, 1, 1],
  [1, 1, 1, 1],
];

/**
 * mind-ar's warm-up runs its detector and its tracker once, to compile their kernels. A later
 * controller at the same input size skips the detector (about 150 ms a controller here) and runs
 * the tracker only for targets whose shape is new: a shelf's sets, searched in turn, warm up once
 * each rather than at every turn.
 */
function warmOnlyWhatIsNew(controller: ControllerInternals): void {
  const size = { width: controller.inputWidth, height: controller.inputHeight };
  const warmUp = controller.dummyRun.bind(controller);
  controller.dummyRun = (input) => {
    const tracker = controller.tracker;
    if (!warmUps.detectorIsWarm(size) || !tracker) {
      warmUp(input);
      warmUps.detectorWarmed(size);
      if (tracker) warmUps.trackerWarmed(size, tracker.trackingKeyframeList);
      return;
    }
    const cold = warmUps.coldTargets(size, tracker.trackingKeyframeList);
    if (cold.length === 0) return;
    const inputT = controller.inputLoader.loadInput(input);
    for (const index of cold) tracker.track(inputT, WARM_UP_POSE, index);
    inputT.dispose();
    warmUps.trackerWarmed(size, tracker.trackingKeyframeList, cold);
  };
}

/**
 * Hands each detection frame's feature points to `onFeatures` before mind-ar matches them, with a
 * small copy of the picture they were found in: the input mind-ar's loader drew this frame (the
 * video on a page, the latest camera picture in the tracker worker), still the same picture
 * here, since loading, detecting and this call run in one go. The copy goes on once the frame's
 * match is known: where it found a cover, its grey pixels are read first, for
 * `confirmDetectionsByPicture`, which the returned function gives them to (null where none).
 */
function reportFeatures(
  controller: ControllerInternals,
  onFeatures: (points: readonly FeaturePoint[], picture?: ImageBitmap) => void,
): () => Promise<GreyPicture | null> {
  const loader = controller.inputLoader;
  const load = loader.loadInput.bind(loader);
  let input: unknown = null;
  loader.loadInput = (source) => {
    input = source;
    return load(source);
  };
  let detectionPicture: Promise<GreyPicture | null> = Promise.resolve(null);
  const match = controller._workerMatch.bind(controller);
  controller._workerMatch = (featurePoints, targetIndexes) => {
    const report = (picture?: ImageBitmap) => {
      try {
        onFeatures(featurePoints, picture);
      } catch (error) {
        // Identification is a help; tracking must go on without it.
        console.warn('Identifying the cover failed', error);
      }
    };
    const copy = pictureOf(input, controller.inputWidth, controller.inputHeight);
    const matched = match(featurePoints, targetIndexes);
    detectionPicture = (async () => {
      let picture: ImageBitmap | undefined;
      try {
        picture = (await copy) ?? undefined;
      } catch (error) {
        console.warn('The camera picture could not be copied for the check', error);
      }
      const result = (await matched.catch(() => null)) as { targetIndex?: number } | null;
      const found = (result?.targetIndex ?? -1) >= 0;
      const grey = picture && found ? greyPictureOf(picture) : null;
      report(picture);
      return grey;
    })();
    return matched;
  };
  return () => detectionPicture;
}

/** A small copy of the frame's picture, or null where none can be made (Node, no picture yet). */
function pictureOf(input: unknown, width: number, height: number): Promise<ImageBitmap> | null {
  if (typeof createImageBitmap !== 'function' || input === null || typeof input !== 'object') {
    return null;
  }
  const isPicture =
    (typeof ImageBitmap === 'function' && input instanceof ImageBitmap) ||
    (typeof HTMLVideoElement === 'function' && input instanceof HTMLVideoElement);
  if (!isPicture) return null;
  const size = pictureSize(width, height);
  return createImageBitmap(input, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'low',
  });
}

/**
 * Every tensor created while a controller is alive, so that the ones still alive when it is
 * released (kept caches, leaked intermediates) can be freed. Tensors of finished frames are
 * pruned as they go.
 */
class TensorLedger {
  private readonly tensors = new Set<Tensor>();
  private added = 0;

  add(tensor: Tensor): void {
    this.tensors.add(tensor);
    if (++this.added % 512 === 0) {
      for (const known of this.tensors) if (known.isDisposed) this.tensors.delete(known);
    }
  }

  disposeAll(): number {
    let count = 0;
    for (const tensor of this.tensors) {
      if (!tensor.isDisposed) {
        tensor.dispose();
        count++;
      }
    }
    this.tensors.clear();
    return count;
  }
}

let activeLedger: TensorLedger | null = null;
const ledgers = new WeakMap<object, TensorLedger>();

/**
 * tfjs registers each new tensor through its engine's `trackTensor`; listening there is the only
 * way to see tensors mind-ar creates and forgets. If a tfjs update renames it, only the leak
 * returns: reachable tensors are still freed by `disposeTensorsIn`.
 */
function listenForTensors(): void {
  const tfEngine = engine() as unknown as {
    trackTensor?: (tensor: Tensor, backend: unknown) => void;
  };
  const track = tfEngine.trackTensor?.bind(tfEngine);
  if (!track) return;
  tfEngine.trackTensor = (tensor, tensorBackend) => {
    activeLedger?.add(tensor);
    track(tensor, tensorBackend);
  };
}
listenForTensors();

/** mind-ar loads a whole set; `only` gives it a file of that one target instead. */
function loadOneTargetOnRequest(controller: ControllerLike): void {
  const load = controller.addImageTargetsFromBuffer.bind(controller);
  controller.addImageTargetsFromBuffer = (buffer, only) =>
    load(only === undefined ? buffer : oneTargetOf(buffer, only).slice().buffer);
}

/**
 * Where padded points are put: so far outside the keyframe that the tracker's matching program
 * rejects every place it would search for them at its first test. mind-ar pads at (-1, -1), which
 * its program still searches around in part.
 */
const PADDING_POINT = -10_000;

/**
 * After a set is loaded, rebuilds its tracker's point tensors padded to `trackerPointCount`, so
 * that covers of different point counts run the same compiled programs (`warm-up.ts`). mind-ar
 * builds them in its Tracker's constructor, padded to the set's largest count; its tracker leaves
 * out every point past a target's own count, padded here or there.
 */
function padTrackerPointsOnLoad(controller: ControllerLike): void {
  const load = controller.addImageTargetsFromBuffer.bind(controller);
  controller.addImageTargetsFromBuffer = (buffer, only) => {
    const loaded = load(buffer, only);
    const tracker = (controller as unknown as ControllerInternals).tracker;
    if (!tracker) return loaded;
    const count = trackerPointCount(tracker.trackingKeyframeList);
    tracker.trackingKeyframeList.forEach((keyframe, index) => {
      const points = new Float32Array(count * 2).fill(PADDING_POINT);
      keyframe.points.forEach((point, at) => {
        points[at * 2] = point.x / keyframe.scale;
        points[at * 2 + 1] = point.y / keyframe.scale;
      });
      tracker.featurePointsListT[index]?.dispose();
      tracker.featurePointsListT[index] = tensor2d(points, [count, 2], 'float32');
    });
    return loaded;
  };
}

/**
 * Compiles the detector's WebGL programs for a camera of this size before any Controller exists:
 * most of a first warm-up (3.2 of 3.6 s here, 28 s with a core taken), done on a blank picture
 * while the camera opens and the targets load. The Controller that follows warms only its tracker.
 * Everything it allocates is freed; only tfjs's compiled programs stay.
 */
export function prewarmDetector(width: number, height: number): void {
  if (warmUps.detectorIsWarm({ width, height })) return;
  onBlankPicture(width, height, (input) => {
    new CropDetector(width, height).detect(input);
    warmUps.detectorWarmed({ width, height });
  });
}

/** Runs `warm` on a blank camera picture of this size, then frees every tensor made meanwhile. */
function onBlankPicture(width: number, height: number, warm: (input: Tensor) => void): void {
  const ledger = new TensorLedger();
  const previous = activeLedger;
  activeLedger = ledger;
  const loader = new InputLoader(width, height);
  try {
    const blank = document.createElement('canvas');
    blank.width = width;
    blank.height = height;
    warm(loader.loadInput(blank));
  } finally {
    ledger.disposeAll();
    activeLedger = previous;
    backend().disposeData(loader.tempPixelHandle.dataId);
  }
}

/**
 * Compiles the tracker's WebGL programs for covers of these keyframe shapes before the index
 * names one (`commonKeyframeShapes`): the one-target Controller that then starts warms up nothing
 * (200 to 600 ms here otherwise, the first time a shape is tracked). Runs mind-ar's tracker on a
 * blank picture with stand-in keyframes of each shape and `TRACKER_POINT_STEP` points, as padded
 * covers have (`padTrackerPointsOnLoad`); everything it allocates is freed.
 */
export function prewarmTracker(
  width: number,
  height: number,
  shapes: readonly KeyframeShape[],
): void {
  const size = { width, height };
  const keyframes = shapes.map((shape) => ({
    ...shape,
    data: new Uint8Array(shape.width * shape.height),
    points: Array.from({ length: TRACKER_POINT_STEP }, () => ({
      x: shape.width / 2,
      y: shape.height / 2,
    })),
  }));
  const cold = warmUps.coldTargets(size, keyframes);
  if (cold.length === 0) return;
  onBlankPicture(width, height, (input) => {
    // Only the projection's form matters here, not its focal length.
    const projection = [
      [width, 0, width / 2],
      [0, width, height / 2],
      [0, 0, 1],
    ];
    const tracker = new Tracker(
      keyframes.map((keyframe) => [
        keyframe.width / keyframe.scale,
        keyframe.height / keyframe.scale,
      ]),
      keyframes.map((keyframe) => [keyframe, keyframe]),
      projection,
      width,
      height,
    );
    for (const index of cold) tracker.track(input, WARM_UP_POSE, index);
    warmUps.trackerWarmed(size, keyframes, cold);
  });
}

export const mindArFactory: ControllerFactory = {
  create: ({ onFeatures, ...settings }) => {
    const ledger = new TensorLedger();
    activeLedger = ledger;
    const controller = new Controller(settings);
    ledgers.set(controller, ledger);
    const internals = controller as unknown as ControllerInternals;
    matchingWorkers.adopt(internals);
    loadOneTargetOnRequest(controller);
    padTrackerPointsOnLoad(controller);
    // Wraps mind-ar's match call, which only a detection makes, so its place among the wrappers of
    // the detection step below does not matter; it gives the picture check its frame.
    const detectionPicture = reportFeatures(internals, onFeatures);
    // Innermost: only what mind-ar really detected is compared, after the gate let it look.
    confirmDetectionsByPicture(internals, detectionPicture);
    throttleDetection(internals);
    warmOnlyWhatIsNew(internals);
    // Outermost, so a started pose is taken before detection is throttled or described.
    const startFrom = trackFromPoseOnRequest(internals);
    const detector = internals.cropDetector;
    const aimDetection = detector
      ? aimDetectionOnRequest(detector, {
          width: internals.inputWidth,
          height: internals.inputHeight,
        })
      : () => undefined;
    return Object.assign(controller, { startFrom, aimDetection });
  },
  release: (controller) => {
    const internals = controller as unknown as ControllerInternals;
    // Its matching worker is kept for the next Controller, or ended.
    matchingWorkers.release(internals);
    disposeTensorsIn(internals.tracker);
    disposeTensorsIn(internals.cropDetector);
    const ledger = ledgers.get(controller);
    ledger?.disposeAll();
    if (activeLedger === ledger) activeLedger = null;
    const handle = internals.inputLoader.tempPixelHandle;
    if (handle) backend().disposeData(handle.dataId);
  },
};

/** tfjs memory in use, for the scan view's diagnostics. */
export function tensorMemory(): { tensors: number; bytes: number } {
  const { numTensors, numBytes } = memory();
  return { tensors: numTensors, bytes: numBytes };
}
