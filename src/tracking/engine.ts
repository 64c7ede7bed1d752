/**
 * The tracking engine: mind-ar's `Controller` behind a small, typed interface, in plain TypeScript.
 *
 * - `start(video, targets)` builds a Controller for one target set, warms it up and starts
 *   processing; `stop()` pauses; `dispose()` frees everything, the worker and tfjs tensors included
 *   (mind-ar's own `dispose()` leaves both behind).
 * - Poses go into mutable per-target slots (`poses`), which the 3D scene reads in `useFrame`;
 *   they never pass through React or zustand. Only `found`, `lost` and once-a-second `stats`
 *   events are emitted.
 * - Every async step checks a generation number, so a start that is overtaken (React StrictMode
 *   mounts twice; the visitor switches shelves quickly) cleans up after itself.
 */
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { DetectionWindow } from '../domain/recognition/identify.ts';
import { targetKey, type TargetRef } from '../domain/targets.ts';
import { commonKeyframeShapes, type KeyframeShape } from './warm-up.ts';

/** How many cover shapes the tracker is warmed for: each costs one slow frame after the start. */
const PREWARMED_COVER_SHAPES = 2;

/**
 * What the engine needs from mind-ar's Controller; tests pass a fake. Loading targets and warming
 * up may answer later: the Controller usually runs in a worker (`tracker-client.ts`).
 */
export interface ControllerLike {
  /** Loads a compiled set's targets, or with `only` just that one of them. */
  addImageTargetsFromBuffer(
    buffer: ArrayBuffer,
    only?: number,
  ): { dimensions: [number, number][] } | Promise<{ dimensions: [number, number][] }>;
  dummyRun(input: HTMLVideoElement): void | Promise<void>;
  /**
   * Tracks target `targetIndex` from `pose` on the next frame instead of searching for it first:
   * the cover check has just found it there. If that track fails, it is searched for as usual.
   */
  startFrom?(targetIndex: number, pose: CoverPose): void;
  /**
   * The next detection looks at the square of the frame centred on (x, y), in input pixels,
   * instead of the next of the places mind-ar's detector looks at in turn.
   */
  aimDetection?(x: number, y: number): void;
  processVideo(input: HTMLVideoElement): void;
  stopProcessVideo(): void;
  /** Valid once the targets are loaded. */
  getProjectionMatrix(): number[];
  dispose(): void;
}

/**
 * The side of the square mind-ar's detector looks at in a frame of this size: a power of two
 * near half the shorter side (its `CropDetector.cropSize`).
 */
export function detectionSquare(width: number, height: number): number {
  return 2 ** Math.round(Math.log2(Math.min(width, height) / 2));
}

export interface ControllerUpdateMatrix {
  readonly type: 'updateMatrix';
  readonly targetIndex: number;
  readonly worldMatrix: number[] | null;
}
export type ControllerUpdate = ControllerUpdateMatrix | { readonly type: 'processDone' };

export interface ControllerSettings {
  readonly inputWidth: number;
  readonly inputHeight: number;
  readonly maxTrack: number;
  readonly filterMinCF: number;
  readonly filterBeta: number;
  readonly warmupTolerance: number;
  readonly missTolerance: number;
  readonly onUpdate: (update: ControllerUpdate) => void;
  /**
   * The feature points of each detection frame, before they are matched against the set, and
   * where it can be made a small copy of the frame's picture (`grey-picture.ts`), which the
   * callee owns and closes.
   */
  readonly onFeatures: (points: readonly FeaturePoint[], picture?: ImageBitmap) => void;
}

export interface ControllerFactory {
  create(settings: ControllerSettings): ControllerLike;
  /** Frees what mind-ar keeps after `dispose()` (its worker, tensors, textures). */
  release(controller: ControllerLike): void;
  /** Ends what the factory shares between controllers (the tracker worker), when scanning ends. */
  close?(): void;
  /**
   * Readies what a Controller of this input size will share (the worker, tfjs, the detector's
   * programs, the tracker's for covers of these keyframe shapes) before one is made. Resolves
   * true when done, false where it could not.
   */
  prepare?(
    size: { width: number; height: number },
    keyframes: readonly KeyframeShape[],
  ): Promise<boolean>;
}

/**
 * Hears a detection frame's points; `takePicture` hands over the small copy of its picture (once;
 * null where there is none), which the taker then closes. An untaken picture is closed after.
 */
export type FeatureListener = (
  points: readonly FeaturePoint[],
  takePicture: () => ImageBitmap | null,
) => void;

/** A target's latest pose. Mutated in place on every processed frame. */
export interface PoseSlot {
  readonly key: string;
  readonly target: TargetRef;
  /** Column-major world matrix in target pixels (mind-ar's), valid while `tracked`. */
  readonly matrix: Float32Array;
  /** Width and height of the compiled target image, in its pixels. */
  width: number;
  height: number;
  tracked: boolean;
  /** performance.now() when it was last seen, and when it was found. */
  lastSeen: number;
  foundAt: number;
}

export type EngineEvent =
  | { readonly type: 'found'; readonly target: TargetRef }
  | { readonly type: 'lost'; readonly target: TargetRef }
  | {
      readonly type: 'stats';
      /** Frames processed in the last second. */
      readonly fps: number;
      /** Whether any target was tracked during that second. */
      readonly tracking: boolean;
    };

/** A cover's pose in a frame: mind-ar's 3×4 model-view transform, as its tracker takes it. */
export type CoverPose = number[][];

/** Where the cover check saw a cover, the size of the frame it saw it in, and when. */
export interface SeenPose {
  readonly pose: CoverPose;
  readonly width: number;
  readonly height: number;
  /** `performance.now()` of that frame. */
  readonly at: number;
}

/**
 * How old a seen pose may be for a new Controller to track from it: a book in a hand moves, and
 * an older place is searched for again instead (a track from a wrong place fails and searches
 * anyway, a frame later).
 */
export const SEEN_POSE_MAX_AGE_MS = 1000;

export interface Smoothing {
  /** One Euro filter: lower cutoff steadies a still cover; higher beta follows fast moves. */
  readonly filterMinCF: number;
  readonly filterBeta: number;
  readonly warmupTolerance: number;
  readonly missTolerance: number;
}

/**
 * Tuned on the demo clips with `npm run bench:tracking` (pose jitter of a held cover): mind-ar's
 * defaults (0.001 / 1000) barely filter a slowly moving cover, so its card shakes by a few tenths
 * of a pixel every frame; 0.0005 / 1 cuts that jitter three- to fivefold while a fast move still
 * raises the cutoff enough to follow without visible lag. Units are mind-ar's: milliseconds.
 */
export const DEFAULT_SMOOTHING: Smoothing = {
  filterMinCF: 0.0005,
  filterBeta: 1,
  warmupTolerance: 5,
  missTolerance: 5,
};

/**
 * Tracked frames before a cover the recognition index has just named shows, instead of
 * `warmupTolerance`'s six (three for a detection the picture agreed with,
 * `PICTURE_AGREED_TRACKED_FRAMES`): the index's check has matched it in two frames, placed it
 * alike in both, and found the frame's picture like the cover's own in both. Each tracked frame
 * took 26 to 106 ms here (probe of 3 December), so it shows 150 to 250 ms sooner. (Without the
 * picture comparison, outside covers got through: docs/recognition.md.)
 */
export const CONFIRMED_WARMUP_TOLERANCE = 1;

/**
 * Where a target's centre lands in the video, in pixels, from its world matrix and the camera's
 * projection (both column-major): what `lp:pose` marks, in the app and the bare benchmark page.
 */
export function centreInVideo(
  world: ArrayLike<number>,
  projection: readonly number[],
  target: readonly [number, number],
  video: readonly [number, number],
): [number, number] {
  const point = [target[0] / 2, target[1] / 2, 0, 1];
  const camera = [0, 1, 2, 3].map((row) =>
    [0, 1, 2, 3].reduce((sum, k) => sum + (world[k * 4 + row] ?? 0) * (point[k] ?? 0), 0),
  );
  const [x = 0, y = 0, w = 1] = [0, 1, 3].map((row) =>
    [0, 1, 2, 3].reduce((sum, k) => sum + (projection[k * 4 + row] ?? 0) * (camera[k] ?? 0), 0),
  );
  return [((x / w + 1) / 2) * video[0], ((1 - y / w) / 2) * video[1]];
}

export type EngineState = 'idle' | 'warming-up' | 'running' | 'disposed';

export class TrackingEngine {
  /** Per-target pose slots of the current target set, by `kind:id`. */
  readonly poses = new Map<string, PoseSlot>();
  private controller: ControllerLike | null = null;
  private slotsByIndex: PoseSlot[] = [];
  private generation = 0;
  private listeners = new Set<(event: EngineEvent) => void>();
  private frameListeners = new Set<() => void>();
  private featureListeners = new Set<FeatureListener>();
  private framesThisSecond = 0;
  private trackedThisSecond = false;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private processDoneWaiters: (() => void)[] = [];
  private projection: number[] | null = null;
  private inputSize: { width: number; height: number } | null = null;
  /** Cover shapes to warm the tracker for once the first Controller runs (`prepare`). */
  private coverShapes: readonly KeyframeShape[] = [];
  state: EngineState = 'idle';
  /** Marks each pose's centre in the video (`lp:pose`), for the benchmark's jitter figure. */
  markPoses = false;

  constructor(
    private readonly factory: ControllerFactory,
    private readonly now: () => number = () => performance.now(),
  ) {}

  on(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Called after every processed camera frame, when poses have changed: the 3D layer renders on
   * demand from here instead of at the display's refresh rate.
   */
  onFrame(listener: () => void): () => void {
    this.frameListeners.add(listener);
    return () => {
      this.frameListeners.delete(listener);
    };
  }

  /**
   * Called with the feature points of every detection frame (while looking for a cover, not while
   * tracking one): the recognition index identifies covers outside the loaded set from them.
   */
  onFeatures(listener: FeatureListener): () => void {
    this.featureListeners.add(listener);
    return () => {
      this.featureListeners.delete(listener);
    };
  }

  /**
   * Makes the next detection frame look at the detector's square centred on (x, y), in input
   * pixels (`input`), where the recognition index's guesses lie: a check passes only on a frame
   * whose square holds enough of the cover. Frames after it look where they would have.
   */
  aimNextDetection(x: number, y: number): void {
    this.controller?.aimDetection?.(x, y);
  }

  /** The square mind-ar's detector looks at in each frame, and the frame, once started. */
  get detectionWindow(): DetectionWindow | null {
    const input = this.inputSize;
    return input ? { size: detectionSquare(input.width, input.height), ...input } : null;
  }

  /** The camera's projection (column-major, OpenGL), once started. */
  get projectionMatrix(): readonly number[] | null {
    return this.projection;
  }

  get input(): { width: number; height: number } | null {
    return this.inputSize;
  }

  /**
   * Recognises the targets of one compiled set in the video, or with `only` just that one of
   * them (a cover the recognition index named: one target is searched and tracked at the cost of
   * one). With `cut`, `buffer` already holds only that target (cut out of the set, or fetched
   * alone). `confirmed`: the index's checks have just matched that one target, so it shows after
   * `CONFIRMED_WARMUP_TOLERANCE` tracked frames; with its `from`, the pose the check found it in a
   * frame of this size, its first frame tracks from there instead of searching. Resolves once
   * processing runs, or with `false` if a later call overtook it. Any earlier set is released
   * first.
   */
  async start(
    video: HTMLVideoElement,
    targetSet: {
      buffer: ArrayBuffer;
      targets: readonly TargetRef[];
      only?: number;
      cut?: boolean;
    },
    options: {
      maxTrack: number;
      smoothing?: Smoothing;
      confirmed?: { readonly from: SeenPose | null };
    },
  ): Promise<boolean> {
    const generation = ++this.generation;
    await this.releaseController();
    if (generation !== this.generation) return false;

    const smoothing = options.smoothing ?? DEFAULT_SMOOTHING;
    const warmupTolerance =
      options.confirmed && targetSet.only !== undefined
        ? Math.min(smoothing.warmupTolerance, CONFIRMED_WARMUP_TOLERANCE)
        : smoothing.warmupTolerance;
    const width = video.videoWidth;
    const height = video.videoHeight;
    // mind-ar reads the element's width/height attributes as the input size.
    video.width = width;
    video.height = height;
    const controller = this.factory.create({
      inputWidth: width,
      inputHeight: height,
      maxTrack: options.maxTrack,
      ...smoothing,
      warmupTolerance,
      onUpdate: (update) => {
        // A frame finishing always counts (a release may be waiting for it); poses only for the
        // current start.
        if (update.type === 'processDone') this.frameDone(generation === this.generation);
        else if (generation === this.generation) this.updatePose(update);
      },
      onFeatures: (points, picture) => {
        let kept = generation === this.generation ? picture : undefined;
        if (kept === undefined) picture?.close();
        const takePicture = () => {
          const taken = kept ?? null;
          kept = undefined;
          return taken;
        };
        if (generation === this.generation) {
          for (const listener of this.featureListeners) listener(points, takePicture);
        }
        // A picture no listener took is freed now.
        kept?.close();
      },
    });
    this.controller = controller;
    this.inputSize = { width, height };

    const { only } = targetSet;
    const loaded = only === undefined ? targetSet.targets : targetSet.targets.slice(only, only + 1);
    const { dimensions } = await controller.addImageTargetsFromBuffer(
      targetSet.buffer,
      targetSet.cut ? undefined : only,
    );
    if (generation !== this.generation) return false;
    this.projection = controller.getProjectionMatrix();
    this.poses.clear();
    this.slotsByIndex = loaded.map((target, index) => {
      const [w, h] = dimensions[index] ?? [1, 1];
      const slot: PoseSlot = {
        key: targetKey(target),
        target,
        matrix: new Float32Array(16),
        width: w,
        height: h,
        tracked: false,
        lastSeen: 0,
        foundAt: 0,
      };
      this.poses.set(slot.key, slot);
      return slot;
    });

    this.state = 'warming-up';
    // Compiling the WebGL kernels takes a second or two; let the page paint first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (generation !== this.generation) return false;
    const warming = performance.now();
    await controller.dummyRun(video);
    // For the benchmarks' timelines: what this Controller still had to compile.
    performance.measure('lp:warm-up', { start: warming });
    if (generation !== this.generation) return false;

    // A pose is only good for the camera size it was estimated at (the saving mode changes it).
    const from = options.confirmed?.from;
    const fromPose =
      only !== undefined &&
      !!from &&
      from.width === width &&
      from.height === height &&
      performance.now() - from.at <= SEEN_POSE_MAX_AGE_MS;
    if (fromPose) controller.startFrom?.(0, from.pose);
    controller.processVideo(video);
    // For the benchmarks' timelines: whether the first frame tracks from a seen pose.
    performance.mark('lp:running', { detail: { fromPose } });
    this.state = 'running';
    this.startStats();
    this.warmCoverShapes({ width, height });
    return true;
  }

  /**
   * Starts the slow part of the first warm-up for a camera of this size before there is a camera:
   * on a slow phone it takes seconds, which now pass while the camera opens (and the visitor
   * answers the permission prompt) and the targets load. Best effort: `start` works without it,
   * and a camera that gives another size only warms that size as before. `covers` are the sizes
   * of the pictures the library's cover targets were compiled from: the tracker is warmed for
   * their most common shapes too, which a cover the index names is then tracked in.
   */
  prepare(
    size: { width: number; height: number },
    covers: Iterable<{ width: number; height: number }> = [],
  ): void {
    if (this.state === 'disposed' || !this.factory.prepare) return;
    this.coverShapes = commonKeyframeShapes(covers, PREWARMED_COVER_SHAPES);
    void this.factory.prepare(size, []).then((ready) => {
      if (ready) performance.mark('lp:prepared', { detail: size });
    });
  }

  /**
   * Warms the tracker for the library's common cover shapes, once, just after the first
   * Controller starts: before it, the warm-up would hold back the start of scanning; after it, it
   * costs one slow frame while the visitor is still aiming, and saves a cover the index names
   * later its own warm-up (200 to 600 ms here). A shape a set already warmed is skipped.
   */
  private warmCoverShapes(size: { width: number; height: number }): void {
    const shapes = this.coverShapes;
    this.coverShapes = [];
    if (shapes.length === 0 || !this.factory.prepare) return;
    void this.factory.prepare(size, shapes);
  }

  /** Pauses processing (the page is hidden); `start` again to resume. */
  async stop(): Promise<void> {
    this.generation++;
    await this.releaseController();
    if (this.state !== 'disposed') this.state = 'idle';
  }

  /** Stops for good: the worker ends and mind-ar's tensors are freed. */
  async dispose(): Promise<void> {
    await this.stop();
    this.factory.close?.();
    this.listeners.clear();
    this.frameListeners.clear();
    this.featureListeners.clear();
    this.state = 'disposed';
  }

  private emit(event: EngineEvent): void {
    // User Timing marks: visible in the browser's profiler and read by `npm run bench:tracking`.
    performance.mark(`lp:${event.type}`, {
      detail:
        event.type === 'stats'
          ? { fps: event.fps, tracking: event.tracking }
          : { key: targetKey(event.target) },
    });
    for (const listener of this.listeners) listener(event);
  }

  private frameDone(current: boolean): void {
    if (current) {
      this.framesThisSecond++;
      for (const listener of this.frameListeners) listener();
    }
    const waiters = this.processDoneWaiters;
    this.processDoneWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private updatePose(update: ControllerUpdateMatrix): void {
    const slot = this.slotsByIndex[update.targetIndex];
    if (!slot) return;
    const now = this.now();
    if (update.worldMatrix) {
      slot.matrix.set(update.worldMatrix);
      slot.lastSeen = now;
      if (this.markPoses) this.markPose(slot);
      this.trackedThisSecond = true;
      if (!slot.tracked) {
        slot.tracked = true;
        slot.foundAt = now;
        this.emit({ type: 'found', target: slot.target });
      }
    } else if (slot.tracked) {
      slot.tracked = false;
      this.emit({ type: 'lost', target: slot.target });
    }
  }

  private markPose(slot: PoseSlot): void {
    if (!this.projection || !this.inputSize) return;
    const [x, y] = centreInVideo(
      slot.matrix,
      this.projection,
      [slot.width, slot.height],
      [this.inputSize.width, this.inputSize.height],
    );
    performance.mark('lp:pose', { detail: { x, y } });
  }

  private startStats(): void {
    this.stopStats();
    this.framesThisSecond = 0;
    this.statsTimer = setInterval(() => {
      const tracking = this.trackedThisSecond || this.slotsByIndex.some((slot) => slot.tracked);
      this.emit({ type: 'stats', fps: this.framesThisSecond, tracking });
      this.framesThisSecond = 0;
      this.trackedThisSecond = false;
    }, 1000);
  }

  private stopStats(): void {
    if (this.statsTimer !== null) clearInterval(this.statsTimer);
    this.statsTimer = null;
  }

  /** Waits for the frame in flight to finish, so no tensor is freed while mind-ar still uses it. */
  private frameSettled(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.processDoneWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async releaseController(): Promise<void> {
    const controller = this.controller;
    if (!controller) return;
    this.controller = null;
    this.stopStats();
    const wasRunning = this.state === 'running';
    controller.stopProcessVideo();
    if (wasRunning) await this.frameSettled(1500);
    for (const slot of this.slotsByIndex) {
      if (slot.tracked) {
        slot.tracked = false;
        this.emit({ type: 'lost', target: slot.target });
      }
    }
    controller.dispose();
    this.factory.release(controller);
  }
}
