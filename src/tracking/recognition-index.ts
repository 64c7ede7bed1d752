/**
 * The staff editor's publish builds the recognition index from the shelf sets it assembled, in a
 * worker (training a vocabulary takes seconds); where workers are missing, on the calling thread.
 */
import { decode } from '@msgpack/msgpack';
import { buildRecognitionIndex, pointsOfDecodedMind } from '../domain/recognition/build.ts';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import { targetKey, type TargetRef } from '../domain/targets.ts';

export interface IndexRequest {
  readonly sets: readonly { readonly targets: readonly TargetRef[]; readonly bytes: Uint8Array }[];
}

type IndexReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export function buildIndexHere(request: IndexRequest): Uint8Array {
  const targets: { key: string; points: FeaturePoint[] }[] = [];
  for (const set of request.sets) {
    const points = pointsOfDecodedMind(decode(set.bytes));
    set.targets.forEach((target, i) => {
      targets.push({ key: targetKey(target), points: points[i] ?? [] });
    });
  }
  return buildRecognitionIndex(targets).bytes;
}

export function buildRecognitionIndexOffThread(request: IndexRequest): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return Promise.resolve(buildIndexHere(request));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<IndexReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the index builder stopped'));
    };
    worker.postMessage(request);
  });
}
