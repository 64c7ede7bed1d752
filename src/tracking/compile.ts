/**
 * Compiling pictures into mind-ar targets in the browser (the staff editor): one picture per
 * worker run, then any number of compiled pictures assembled into a target set. A compiled set
 * is a MessagePack map `{v, dataList}` whose entries are independent, so a shelf's set is
 * rebuilt from its covers' compiled entries without compiling anything again.
 */
import { decode, encode } from '@msgpack/msgpack';
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

interface MindFile {
  readonly v: number;
  readonly dataList: unknown[];
}

/** Joins one-target .mind files into one set, in the given order (the order of its targets). */
export function assembleTargetSet(minds: readonly Uint8Array[]): Uint8Array {
  const entries = minds.flatMap((mind) => {
    const file = decode(mind) as MindFile;
    return file.dataList;
  });
  const version = minds[0] ? (decode(minds[0]) as MindFile).v : 2;
  return encode({ v: version, dataList: entries });
}

/** Splits a target set into one-target .mind files, in the set's order. */
export function splitTargetSet(set: Uint8Array): Uint8Array[] {
  const file = decode(set) as MindFile;
  return file.dataList.map((entry) => encode({ v: file.v, dataList: [entry] }));
}

/** The feature points of a one-target .mind, as fractions of the picture (for quality and overlay). */
export function pointsOf(mind: Uint8Array): [number, number][] {
  const file = decode(mind) as {
    dataList: {
      matchingData: {
        maximaPoints: { x: number; y: number }[];
        minimaPoints: { x: number; y: number }[];
        width: number;
        height: number;
      }[];
    }[];
  };
  const keyframe = file.dataList[0]?.matchingData[0];
  if (!keyframe) return [];
  return [...keyframe.maximaPoints, ...keyframe.minimaPoints].map((p) => [
    p.x / keyframe.width,
    p.y / keyframe.height,
  ]);
}
