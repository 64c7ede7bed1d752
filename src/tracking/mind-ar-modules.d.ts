/**
 * Types for the parts of mind-ar 1.2.5 that Lensa Pustaka uses. The package ships no types; these
 * follow `src/image-target/controller.js` and `compiler-base.js` as published.
 */
declare module 'mind-ar/src/image-target/controller.js' {
  export interface ControllerOptions {
    inputWidth: number;
    inputHeight: number;
    onUpdate?: ((data: ControllerUpdate) => void) | null;
    debugMode?: boolean;
    /** How many targets may be tracked at once. */
    maxTrack?: number;
    /** Frames a target must be seen before it shows (default 5). */
    warmupTolerance?: number | null;
    /** Frames a target may be missed before it hides (default 5). */
    missTolerance?: number | null;
    /** One Euro filter cutoff (default 0.001). */
    filterMinCF?: number | null;
    /** One Euro filter speed coefficient (default 1000). */
    filterBeta?: number | null;
  }

  export type ControllerUpdate =
    | {
        type: 'updateMatrix';
        targetIndex: number;
        /** Column-major 4×4 in target-image pixels, origin at the bottom-left; null when lost. */
        worldMatrix: number[] | null;
      }
    | { type: 'processDone' };

  export class Controller {
    constructor(options: ControllerOptions);
    readonly inputWidth: number;
    readonly inputHeight: number;
    readonly worker: Worker;
    /** [width, height] of each target image, set by addImageTargets. */
    markerDimensions: [number, number][] | null;
    addImageTargets(url: string): Promise<{ dimensions: [number, number][] }>;
    addImageTargetsFromBuffer(buffer: ArrayBuffer): { dimensions: [number, number][] };
    dummyRun(input: HTMLVideoElement | HTMLCanvasElement | ImageData): void;
    processVideo(input: HTMLVideoElement | HTMLCanvasElement): void;
    stopProcessVideo(): void;
    getProjectionMatrix(): number[];
    dispose(): void;
  }
}

declare module 'mind-ar/src/image-target/compiler.js' {
  export class Compiler {
    compileImageTargets(
      images: (HTMLImageElement | HTMLCanvasElement | ImageBitmap)[],
      progress: (percent: number) => void,
    ): Promise<unknown[]>;
    exportData(): Uint8Array;
    importData(buffer: ArrayBuffer): { targetImage: { width: number; height: number } }[];
  }
}

declare module 'mind-ar/src/image-target/offline-compiler.js' {
  export class OfflineCompiler {
    compileImageTargets(
      images: { width: number; height: number }[],
      progress: (percent: number) => void,
    ): Promise<unknown[]>;
    exportData(): Uint8Array;
  }
}

declare module 'mind-ar/src/image-target/compiler-base.js' {
  export class CompilerBase {
    data: unknown[] | null;
    compileImageTargets(
      images: (ImageBitmap | OffscreenCanvas | { width: number; height: number })[],
      progress: (percent: number) => void,
    ): Promise<unknown[]>;
    exportData(): Uint8Array;
    importData(buffer: ArrayBuffer | Uint8Array): unknown[];
  }
}

declare module 'mind-ar/src/image-target/image-list.js' {
  export function buildImageList(image: { data: Uint8Array; width: number; height: number }): {
    data: Uint8Array;
    width: number;
    height: number;
    scale: number;
  }[];
  export function buildTrackingImageList(image: {
    data: Uint8Array;
    width: number;
    height: number;
  }): unknown[];
}

declare module 'mind-ar/src/image-target/tracker/extract-utils.js' {
  export function extractTrackingFeatures(
    imageList: unknown[],
    done: (index: number) => void,
  ): unknown;
}

/** Registers mind-ar's detector kernels for tfjs's CPU backend. */
declare module 'mind-ar/src/image-target/detector/kernels/cpu/index.js';

declare module 'mind-ar/src/image-target/detector/crop-detector.js' {
  import type { Tensor } from '@tensorflow/tfjs';
  export class CropDetector {
    constructor(width: number, height: number, debugMode?: boolean);
    detect(input: Tensor): {
      featurePoints: { maxima: boolean; x: number; y: number; descriptors: number[] }[];
    };
    detectMoving(input: Tensor): {
      featurePoints: { maxima: boolean; x: number; y: number; descriptors: number[] }[];
    };
    /** The side of the square it looks at: a power of two near half the frame's shorter side. */
    cropSize: number;
    /** Detects in the square whose top left corner is (startX, startY). */
    _detect(
      input: Tensor,
      startX: number,
      startY: number,
    ): {
      featurePoints: { maxima: boolean; x: number; y: number; descriptors: number[] }[];
    };
  }
}

declare module 'mind-ar/src/image-target/detector/detector.js' {
  import type { Tensor } from '@tensorflow/tfjs';
  export class Detector {
    constructor(width: number, height: number, debugMode?: boolean);
    detect(input: Tensor): {
      featurePoints: { maxima: boolean; x: number; y: number; descriptors: number[] }[];
    };
  }
}

declare module 'mind-ar/src/image-target/matching/matcher.js' {
  export class Matcher {
    constructor(queryWidth: number, queryHeight: number, debugMode?: boolean);
    /** `keyframeIndex` is -1 unless one keyframe's matches pass RANSAC with enough inliers. */
    matchDetection(
      keyframes: unknown,
      featurePoints: readonly unknown[],
    ): {
      keyframeIndex: number;
      screenCoords?: { x: number; y: number }[];
      worldCoords?: { x: number; y: number }[];
    };
  }
}

declare module 'mind-ar/src/image-target/utils/images.js' {
  /** The picture scaled by `ratio`, as the compiler scales a cover for its keyframes. */
  export function resize(options: {
    image: { data: ArrayLike<number>; width: number; height: number };
    ratio: number;
  }): { data: Uint8Array; width: number; height: number };
}

declare module 'mind-ar/src/image-target/utils/homography.js' {
  /** The 3×3 homography (row by row, last entry 1) taking `from` onto `to`, by least squares. */
  export function solveHomography(
    from: readonly (readonly [number, number])[],
    to: readonly (readonly [number, number])[],
  ): number[];
}

declare module 'mind-ar/src/image-target/estimation/estimator.js' {
  export class Estimator {
    /** The camera's intrinsics, as the Controller builds them (3×3, pixels). */
    constructor(projectionTransform: number[][]);
    /** A target's pose (3×4 model-view transform) from its points' pairs; null if none fits. */
    estimate(pairs: {
      screenCoords: readonly { x: number; y: number }[];
      worldCoords: readonly { x: number; y: number }[];
    }): number[][] | null;
  }
}

declare module 'mind-ar/src/image-target/matching/hierarchical-clustering.js' {
  export function build(options: { points: readonly unknown[] }): unknown;
}

declare module 'mind-ar/src/image-target/input-loader.js' {
  import type { Tensor } from '@tensorflow/tfjs';
  /** Draws a picture into a grey tensor of the input size; keeps a texture (`tempPixelHandle`). */
  export class InputLoader {
    constructor(width: number, height: number);
    readonly tempPixelHandle: { dataId: object };
    loadInput(input: CanvasImageSource | OffscreenCanvas): Tensor;
  }
}

declare module 'mind-ar/src/image-target/tracker/tracker.js' {
  import type { Tensor } from '@tensorflow/tfjs';
  /** A tracking keyframe: a grey picture and its points, in the compiled file's layout. */
  export interface TrackerKeyframe {
    readonly data: Uint8Array;
    readonly width: number;
    readonly height: number;
    readonly scale: number;
    readonly points: readonly { readonly x: number; readonly y: number }[];
  }
  /** mind-ar's template tracker; each target's data is its keyframes, the 128-pixel one second. */
  export class Tracker {
    constructor(
      markerDimensions: [number, number][],
      trackingDataList: TrackerKeyframe[][],
      projectionTransform: number[][],
      inputWidth: number,
      inputHeight: number,
      debugMode?: boolean,
    );
    track(input: Tensor, lastModelViewTransform: number[][], targetIndex: number): unknown;
  }
}
