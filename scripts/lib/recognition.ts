/** The recognition index's build in Node: `.mind` bytes decoded with MessagePack, then pure code. */
import { decode } from '@msgpack/msgpack';
import type { FeaturePoint } from '../../src/domain/recognition/index-file.ts';
import { pointsOfDecodedMind } from '../../src/domain/recognition/build.ts';

export { buildRecognitionIndex, INDEX_BUILD } from '../../src/domain/recognition/build.ts';

/** Every keyframe's feature points of each target in a compiled `.mind` file, in its order. */
export function pointsOfMind(bytes: Uint8Array): FeaturePoint[][] {
  return pointsOfDecodedMind(decode(bytes));
}
