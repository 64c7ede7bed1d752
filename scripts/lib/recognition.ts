/** The recognition index's build in Node: `.mind` bytes decoded with MessagePack, then pure code. */
import { createHash } from 'node:crypto';
import { decode } from '@msgpack/msgpack';
import type { EncodedPart, FeaturePoint } from '../../src/domain/recognition/index-file.ts';
import { pointsOfDecodedMind } from '../../src/domain/recognition/build.ts';
import { targetSetLayout } from '../../src/tracking/node/offline-compile.ts';

export { buildRecognitionIndex, INDEX_BUILD } from '../../src/domain/recognition/build.ts';

/** Every keyframe's feature points of each target in a compiled `.mind` file, in its order. */
export function pointsOfMind(bytes: Uint8Array): FeaturePoint[][] {
  return pointsOfDecodedMind(decode(bytes));
}

/** Each target's entry in a compiled `.mind` file: its byte range and SHA-256, in its order. */
export function partsOfMind(bytes: Uint8Array): EncodedPart[] {
  const layout = targetSetLayout(bytes);
  if (!layout) throw new Error('Not a compiled target set');
  return layout.entries.map(({ start, end }) => ({
    start,
    end,
    sha256: new Uint8Array(createHash('sha256').update(bytes.subarray(start, end)).digest()),
  }));
}
