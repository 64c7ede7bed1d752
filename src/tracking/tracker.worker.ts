/// <reference lib="webworker" />
/**
 * mind-ar's Controller off the main thread (`tracker-client.ts` is the page's side). tfjs runs
 * here on WebGL through an OffscreenCanvas, so detection and tracking never block the page: its
 * taps, scrolling and the 3D layer stay smooth, and a slow phone's long frames land here.
 *
 * The page sends one camera picture (an ImageBitmap) for each frame mind-ar finishes; the
 * Controller's loop always reads the latest one, as it reads the current video frame on a page.
 * Controllers come and go with the shelf; the worker, tfjs and its compiled kernels stay.
 */
import { pictureArrived, pictureUsed } from './worker-frame-clock.ts';
import { getBackend, memory, ready, setBackend } from '@tensorflow/tfjs';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { ControllerLike, ControllerSettings, ControllerUpdate, CoverPose } from './engine.ts';
import { mindArFactory, prewarmDetector, prewarmTracker } from './mind-ar.ts';
import type { KeyframeShape } from './warm-up.ts';

/** The Controller's settings that cross to the worker (its callbacks stay on the page). */
export type TrackerSettings = Omit<ControllerSettings, 'onUpdate' | 'onFeatures'>;

export type TrackerRequest =
  | { readonly type: 'create'; readonly id: number; readonly settings: TrackerSettings }
  /**
   * Compiles the detector for this input size ahead of the first controller (`prewarmDetector`),
   * then the tracker for covers of these keyframe shapes (`prewarmTracker`).
   */
  | {
      readonly type: 'prewarm';
      readonly id: number;
      readonly width: number;
      readonly height: number;
      readonly keyframes: readonly KeyframeShape[];
    }
  | {
      readonly type: 'targets';
      readonly id: number;
      readonly buffer: ArrayBuffer;
      /** Just this target of the set (`ControllerLike.addImageTargetsFromBuffer`). */
      readonly only?: number;
    }
  | { readonly type: 'warmup'; readonly id: number; readonly frame: ImageBitmap }
  | {
      readonly type: 'start-from';
      readonly id: number;
      readonly targetIndex: number;
      readonly pose: CoverPose;
    }
  | { readonly type: 'aim'; readonly id: number; readonly x: number; readonly y: number }
  | { readonly type: 'frame'; readonly id: number; readonly frame: ImageBitmap }
  | { readonly type: 'process'; readonly id: number }
  | { readonly type: 'stop'; readonly id: number }
  | { readonly type: 'dispose'; readonly id: number };

export type TrackerReply =
  /** Sent once: whether tfjs could start on WebGL here (if not, the page tracks itself). */
  | { readonly type: 'ready'; readonly ok: boolean; readonly reason?: string }
  | {
      readonly type: 'targets';
      readonly id: number;
      readonly dimensions: [number, number][];
      readonly projection: number[];
    }
  | { readonly type: 'warm'; readonly id: number }
  | { readonly type: 'prewarmed'; readonly id: number }
  | { readonly type: 'update'; readonly id: number; readonly update: ControllerUpdate }
  | {
      readonly type: 'features';
      readonly id: number;
      readonly points: readonly FeaturePoint[];
      /** A small copy of the frame's picture, for the cover check (transferred). */
      readonly picture?: ImageBitmap;
    }
  /** tfjs memory after one of the controller's frames: nothing of a frame is alive then. */
  | {
      readonly type: 'memory';
      readonly id: number;
      readonly tensors: number;
      readonly bytes: number;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

interface Hosted {
  readonly controller: ControllerLike;
  /** What mind-ar's loop is given as its input: only its size is read, for rotation. */
  readonly input: { width: number; height: number };
}

const hosted = new Map<number, Hosted>();
/** The latest camera picture; mind-ar's input loader draws it at the start of every frame. */
let latest: ImageBitmap | null = null;
/** When tfjs memory was last reported (`performance.now()`), for the diagnostics' reading. */
let memoryReportedAt = -Infinity;

function post(reply: TrackerReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

/**
 * Reported after a controller's first frame and then once a second, by time rather than by frame
 * count, so a slow phone's figure is as fresh as a fast one's.
 */
function reportMemory(id: number): void {
  memoryReportedAt = performance.now();
  const { numTensors, numBytes } = memory();
  post({ type: 'memory', id, tensors: numTensors, bytes: numBytes });
}

function takeFrame(frame: ImageBitmap): void {
  // mind-ar draws the picture synchronously at a frame's start, so the old one is free by now.
  latest?.close();
  latest = frame;
  pictureArrived();
}

/**
 * mind-ar's input loader draws on `document.createElement('canvas')`. A worker has no document:
 * an OffscreenCanvas stands in while the Controller is built, and only then.
 */
function withCanvasDocument<T>(build: () => T): T {
  const scope = globalThis as { document?: unknown };
  scope.document = { createElement: () => new OffscreenCanvas(1, 1) };
  try {
    return build();
  } finally {
    delete scope.document;
  }
}

function create(id: number, settings: TrackerSettings): void {
  memoryReportedAt = -Infinity;
  const controller = withCanvasDocument(() =>
    mindArFactory.create({
      ...settings,
      onUpdate: (update) => {
        post({ type: 'update', id, update });
        if (update.type === 'processDone' && performance.now() - memoryReportedAt >= 1000) {
          reportMemory(id);
        }
      },
      onFeatures: (points, picture) => {
        if (picture) post({ type: 'features', id, points, picture }, [picture]);
        else post({ type: 'features', id, points });
      },
    }),
  );
  // The loader is handed a stand-in; it draws the latest picture instead.
  const loader = (controller as unknown as { inputLoader: { loadInput(input: unknown): unknown } })
    .inputLoader;
  const load = loader.loadInput.bind(loader);
  loader.loadInput = () => {
    pictureUsed();
    return load(latest);
  };
  hosted.set(id, {
    controller,
    input: { width: settings.inputWidth, height: settings.inputHeight },
  });
}

function handle(request: TrackerRequest): void {
  if (request.type === 'create') {
    create(request.id, request.settings);
    return;
  }
  if (request.type === 'prewarm') {
    withCanvasDocument(() => {
      prewarmDetector(request.width, request.height);
      prewarmTracker(request.width, request.height, request.keyframes);
    });
    post({ type: 'prewarmed', id: request.id });
    return;
  }
  if (request.type === 'frame' || request.type === 'warmup') takeFrame(request.frame);
  const entry = hosted.get(request.id);
  if (!entry) return;
  const { controller, input } = entry;
  const asVideo = input as unknown as HTMLVideoElement;
  switch (request.type) {
    case 'targets': {
      const { dimensions } = controller.addImageTargetsFromBuffer(request.buffer, request.only) as {
        dimensions: [number, number][];
      };
      post({
        type: 'targets',
        id: request.id,
        dimensions,
        projection: controller.getProjectionMatrix(),
      });
      return;
    }
    case 'warmup':
      void controller.dummyRun(asVideo);
      post({ type: 'warm', id: request.id });
      return;
    case 'start-from':
      controller.startFrom?.(request.targetIndex, request.pose);
      return;
    case 'aim':
      controller.aimDetection?.(request.x, request.y);
      return;
    case 'process':
      controller.processVideo(asVideo);
      return;
    case 'stop':
      controller.stopProcessVideo();
      return;
    case 'dispose':
      controller.dispose();
      mindArFactory.release(controller);
      hosted.delete(request.id);
      return;
    case 'frame':
      return;
  }
}

/** Requests that arrive while tfjs is starting wait for it, in order. */
let started: Promise<boolean> = (async () => {
  try {
    await ready();
    if (getBackend() !== 'webgl' && !(await setBackend('webgl'))) {
      post({ type: 'ready', ok: false, reason: `tfjs backend ${getBackend()}` });
      return false;
    }
    post({ type: 'ready', ok: true });
    return true;
  } catch (error) {
    post({ type: 'ready', ok: false, reason: String(error) });
    return false;
  }
})();

self.onmessage = (event: MessageEvent<TrackerRequest>) => {
  const request = event.data;
  started = started.then((ok) => {
    if (!ok) return false;
    try {
      handle(request);
    } catch (error) {
      console.warn('The tracker worker could not', request.type, error);
      if ('id' in request) post({ type: 'failed', id: request.id, message: String(error) });
    }
    return true;
  });
};
