/**
 * Building the recognition index in Node (catalog:build, the demo, bench:scale), and running
 * mind-ar's own detector on camera-like frames for the scale benchmark.
 */
import { decode } from '@msgpack/msgpack';
import {
  encodeIndex,
  wordsOf,
  type FeaturePoint,
} from '../../src/domain/recognition/index-file.ts';
import {
  DESCRIPTOR_WORDS,
  trainVocabulary,
  type Vocabulary,
  type VocabularyShape,
} from '../../src/domain/recognition/vocabulary.ts';

interface MindKeyframe {
  maximaPoints: FeaturePoint[];
  minimaPoints: FeaturePoint[];
}
interface MindFile {
  v: number;
  dataList: { matchingData: MindKeyframe[] }[];
}

/** Every keyframe's feature points of each target in a compiled `.mind` file, in its order. */
export function pointsOfMind(bytes: Uint8Array): FeaturePoint[][] {
  const content = decode(bytes) as MindFile;
  if (content.v !== 2 || !Array.isArray(content.dataList)) throw new Error('Not a mind-ar v2 file');
  return content.dataList.map((target) =>
    target.matchingData.flatMap((keyframe) => [...keyframe.maximaPoints, ...keyframe.minimaPoints]),
  );
}

/**
 * 8 × 8 × 8 × 8 × 8 = 32,768 leaves. Measured on the demo's 36 real covers in camera-like frames
 * (docs/recognition.md): 4,096, 7,776 and 10,000 leaves named the wrong cover 2 or 3 times and
 * none at all 2 to 8 times; 32,768 leaves named 35 right, 1 undecided, none wrong. Its centres
 * are 3.1 MB, shared by every cover.
 */
/** Changes whenever training or the file changes, so that a build does not reuse an older index. */
export const INDEX_BUILD = 'lpri1/8x5/reseed';

export const VOCABULARY_SHAPE: VocabularyShape = { branching: 8, depth: 5 };

export function descriptorList(points: readonly FeaturePoint[][]): Uint32Array {
  const count = points.reduce((n, list) => n + list.length, 0);
  const data = new Uint32Array(count * DESCRIPTOR_WORDS);
  let at = 0;
  for (const list of points) {
    for (const point of list) {
      for (let w = 0; w < DESCRIPTOR_WORDS; w++) data[at++] = (point.descriptors[w] ?? 0) >>> 0;
    }
  }
  return data;
}

export interface IndexBuild {
  readonly bytes: Uint8Array;
  readonly vocabulary: Vocabulary;
  readonly trainMs: number;
  readonly quantiseMs: number;
}

/** Trains a vocabulary on the targets' points and writes the index file. */
export function buildRecognitionIndex(
  targets: readonly { readonly key: string; readonly points: readonly FeaturePoint[] }[],
  shape: VocabularyShape = VOCABULARY_SHAPE,
): IndexBuild {
  const started = performance.now();
  const vocabulary = trainVocabulary(descriptorList(targets.map((t) => [...t.points])), shape);
  const trained = performance.now();
  const entries = targets.map((t) => ({ key: t.key, words: wordsOf(vocabulary, t.points).keys() }));
  const quantised = performance.now();
  return {
    bytes: encodeIndex(vocabulary, entries),
    vocabulary,
    trainMs: trained - started,
    quantiseMs: quantised - trained,
  };
}
