/**
 * Compiles one picture into a mind-ar target, off the main thread so the editor stays
 * responsive. mind-ar's own browser compiler does half the work on the main thread with WebGL;
 * here everything runs in this worker on tfjs's CPU backend, the same path as the Node build
 * (scripts/lib/catalog-build.ts), so a cover compiles the same way in both.
 */
import { setBackend } from '@tensorflow/tfjs';
import 'mind-ar/src/image-target/detector/kernels/cpu/index.js';
import { CompilerBase } from 'mind-ar/src/image-target/compiler-base.js';
import { buildTrackingImageList } from 'mind-ar/src/image-target/image-list.js';
import { extractTrackingFeatures } from 'mind-ar/src/image-target/tracker/extract-utils.js';

interface TargetImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

class WorkerCompiler extends CompilerBase {
  createProcessCanvas(image: { width: number; height: number }): OffscreenCanvas {
    return new OffscreenCanvas(image.width, image.height);
  }

  compileTrack({
    progressCallback,
    targetImages,
    basePercent,
  }: {
    progressCallback: (percent: number) => void;
    targetImages: TargetImage[];
    basePercent: number;
  }): Promise<unknown[]> {
    const perImage = (100 - basePercent) / targetImages.length;
    let percent = 0;
    return Promise.resolve(
      targetImages.map((targetImage) => {
        const imageList = buildTrackingImageList(targetImage);
        const perAction = perImage / imageList.length;
        return extractTrackingFeatures(imageList, () => {
          percent += perAction;
          progressCallback(basePercent + percent);
        });
      }),
    );
  }
}

export interface CompileRequest {
  readonly bitmap: ImageBitmap;
}

export type CompileReply =
  | { readonly type: 'progress'; readonly percent: number }
  | {
      readonly type: 'done';
      readonly mind: Uint8Array;
      /** Points of the full-size keyframe, x and y as fractions, interleaved. */
      readonly points: Float32Array;
      readonly width: number;
      readonly height: number;
    }
  | { readonly type: 'error'; readonly message: string };

const reply = (message: CompileReply, transfer: Transferable[] = []) => {
  (self as unknown as Worker).postMessage(message, transfer);
};

self.onmessage = async (event: MessageEvent<CompileRequest>) => {
  try {
    await setBackend('cpu');
    const compiler = new WorkerCompiler();
    await compiler.compileImageTargets([event.data.bitmap], (percent: number) => {
      reply({ type: 'progress', percent });
    });
    const mind = compiler.exportData();
    const [data] = compiler.data as {
      matchingData: {
        maximaPoints: { x: number; y: number }[];
        minimaPoints: { x: number; y: number }[];
        width: number;
        height: number;
      }[];
    }[];
    const keyframe = data?.matchingData[0];
    const found = keyframe ? [...keyframe.maximaPoints, ...keyframe.minimaPoints] : [];
    const points = new Float32Array(found.length * 2);
    found.forEach((point, i) => {
      points[i * 2] = point.x / (keyframe?.width ?? 1);
      points[i * 2 + 1] = point.y / (keyframe?.height ?? 1);
    });
    reply(
      {
        type: 'done',
        mind,
        points,
        width: event.data.bitmap.width,
        height: event.data.bitmap.height,
      },
      [mind.buffer, points.buffer],
    );
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
