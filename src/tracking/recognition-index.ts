/**
 * The staff editor's publish builds the recognition index from the shelf sets it assembled, in a
 * worker (training a vocabulary takes seconds); where workers are missing, on the calling thread.
 */
import { decode } from '@msgpack/msgpack';
import { buildRecognitionIndex, pointsOfDecodedMind } from '../domain/recognition/build.ts';
import {
  decodeIndex,
  type EncodedPart,
  type FeaturePoint,
} from '../domain/recognition/index-file.ts';
import { lookAlikePairs, type LookAlikePair } from '../domain/recognition/look-alike.ts';
import { targetKey, type TargetRef } from '../domain/targets.ts';
import { targetSetLayout } from './mind-file.ts';

export interface IndexRequest {
  readonly sets: readonly { readonly targets: readonly TargetRef[]; readonly bytes: Uint8Array }[];
}

export interface IndexBuilt {
  readonly bytes: Uint8Array;
  /** Covers the camera cannot tell apart (a series printed with one design), by target key. */
  readonly lookAlikes: readonly LookAlikePair[];
}

type IndexReply = ({ ok: true } & IndexBuilt) | { ok: false; message: string };

export async function buildIndexHere(request: IndexRequest): Promise<IndexBuilt> {
  const targets: { key: string; points: FeaturePoint[]; part: EncodedPart | null }[] = [];
  for (const set of request.sets) {
    const points = pointsOfDecodedMind(decode(set.bytes));
    const parts = await partsOf(set.bytes);
    set.targets.forEach((target, i) => {
      targets.push({ key: targetKey(target), points: points[i] ?? [], part: parts[i] ?? null });
    });
  }
  const { bytes } = buildRecognitionIndex(targets);
  return { bytes, lookAlikes: lookAlikePairs(decodeIndex(bytes.slice().buffer)) };
}

/** Each target's entry in a compiled set: where it lies and its SHA-256 (the phone checks one). */
async function partsOf(set: Uint8Array): Promise<EncodedPart[]> {
  const layout = targetSetLayout(set);
  if (!layout) throw new Error('Not a compiled target set');
  return Promise.all(
    layout.entries.map(async ({ start, end }) => ({
      start,
      end,
      sha256: new Uint8Array(await crypto.subtle.digest('SHA-256', set.slice(start, end))),
    })),
  );
}

export function buildRecognitionIndexOffThread(request: IndexRequest): Promise<IndexBuilt> {
  if (typeof Worker === 'undefined') return buildIndexHere(request);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<IndexReply>) => {
      worker.terminate();
      if (event.data.ok) resolve({ bytes: event.data.bytes, lookAlikes: event.data.lookAlikes });
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the index builder stopped'));
    };
    worker.postMessage(request);
  });
}
