/**
 * Compiling pictures into mind-ar targets in the browser (the staff editor): one picture per
 * worker run, then any number of compiled pictures assembled into a target set
 * (`mind-file.ts`), so a shelf's set is rebuilt from its covers' compiled entries without
 * compiling anything again.
 */
import type { CompileReply } from './compile.worker.ts';

export interface CompiledTarget {
  /** A one-target .mind file. */
  readonly mind: Uint8Array;
  /** Feature points of the full-size keyframe, as fractions of width and height. */
  readonly points: readonly (readonly [number, number])[];
  readonly width: number;
  readonly height: number;
}

export function compileTarget(
  bitmap: ImageBitmap,
  onProgress: (percent: number) => void,
): Promise<CompiledTarget> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compile.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<CompileReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(Math.min(100, reply.percent));
        return;
      }
      worker.terminate();
      if (reply.type === 'error') {
        reject(new Error(reply.message));
        return;
      }
      const points: [number, number][] = [];
      for (let i = 0; i < reply.points.length; i += 2)
        points.push([reply.points[i] ?? 0, reply.points[i + 1] ?? 0]);
      resolve({ mind: reply.mind, points, width: reply.width, height: reply.height });
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the compiler stopped'));
    };
    worker.postMessage({ bitmap }, [bitmap]);
  });
}
