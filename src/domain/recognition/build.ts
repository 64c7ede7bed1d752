/**
 * Building the recognition index from compiled target sets: pure, so that `catalog:build` (Node)
 * and the staff editor's publish (a worker) build the same file from the same sets.
 */
import {
  encodeIndex,
  wordsOf,
  type EncodedPart,
  type FeaturePoint,
  type RecognitionIndex,
} from './index-file.ts';
import {
  DESCRIPTOR_WORDS,
  trainVocabulary,
  type Vocabulary,
  type VocabularyShape,
} from './vocabulary.ts';

/** Changes whenever training or the file changes, so that a build does not reuse an older index. */
export const INDEX_BUILD = 'lpri3/8x5/reseed';

/**
 * 8 × 8 × 8 × 8 × 8 = 32,768 leaves. Measured on the demo's 36 real covers in camera-like frames
 * (docs/recognition.md): 4,096, 7,776 and 10,000 leaves named the wrong cover 2 or 3 times and
 * none at all 2 to 8 times; 32,768 leaves named none wrong. Its centres are 3.1 MB, shared by
 * every cover.
 */
export const VOCABULARY_SHAPE: VocabularyShape = { branching: 8, depth: 5 };

export function descriptorList(points: readonly (readonly FeaturePoint[])[]): Uint32Array {
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
  targets: readonly {
    readonly key: string;
    readonly points: readonly FeaturePoint[];
    /** Where its entry lies in its set file, for the phone's check of one cover. */
    readonly part?: EncodedPart | null;
  }[],
  shape: VocabularyShape = VOCABULARY_SHAPE,
): IndexBuild {
  const started = performance.now();
  const vocabulary = trainVocabulary(descriptorList(targets.map((t) => t.points)), shape);
  const trained = performance.now();
  const entries = targets.map((t) => ({
    key: t.key,
    words: wordsOf(vocabulary, t.points).keys(),
    part: t.part ?? null,
  }));
  const quantised = performance.now();
  return {
    bytes: encodeIndex(vocabulary, entries),
    vocabulary,
    trainMs: trained - started,
    quantiseMs: quantised - trained,
  };
}

/** Each target's visual words, read back from an index's postings (the inverse of its encoding). */
export function wordsByTarget(index: RecognitionIndex): Map<string, number[]> {
  const lists: number[][] = index.targets.map(() => []);
  for (let word = 0; word + 1 < index.postingStart.length; word++) {
    const end = index.postingStart[word + 1] ?? 0;
    for (let p = index.postingStart[word] ?? 0; p < end; p++) {
      lists[index.postings[p] ?? 0]?.push(word);
    }
  }
  return new Map(index.targets.map((key, t) => [key, lists[t] ?? []]));
}

/**
 * A new index on an earlier index's vocabulary: targets given with `points` are quantised, the
 * others (`points: null`, unchanged since that index) keep their words from it. Publishing after
 * one cover changed then costs that cover's words, not the training, which takes about a minute
 * at 10,000 covers (docs/recognition.md). Throws if an unchanged target is not in `previous`.
 */
export function updateRecognitionIndex(
  previous: RecognitionIndex,
  targets: readonly {
    readonly key: string;
    readonly points: readonly FeaturePoint[] | null;
    /** Given for every target: a rebuilt set moves its entries. */
    readonly part?: EncodedPart | null;
  }[],
): { readonly bytes: Uint8Array; readonly quantised: number } {
  const kept = wordsByTarget(previous);
  let quantised = 0;
  const entries = targets.map((target) => {
    if (target.points) {
      quantised++;
      return {
        key: target.key,
        words: wordsOf(previous.vocabulary, target.points).keys(),
        part: target.part ?? null,
      };
    }
    const words = kept.get(target.key);
    if (!words) throw new Error(`${target.key} is not in the earlier index`);
    return { key: target.key, words, part: target.part ?? null };
  });
  return { bytes: encodeIndex(previous.vocabulary, entries), quantised };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Every keyframe's feature points of each target in a decoded `.mind` file (mind-ar's v2 layout,
 * `{v, dataList: [{matchingData: [{maximaPoints, minimaPoints}]}]}`), in its order. Anything
 * else is refused with an error, never half-read.
 */
export function pointsOfDecodedMind(content: unknown): FeaturePoint[][] {
  if (!isRecord(content) || content.v !== 2 || !Array.isArray(content.dataList)) {
    throw new Error('Not a mind-ar v2 target set');
  }
  return content.dataList.map((target: unknown) => {
    const keyframes =
      isRecord(target) && Array.isArray(target.matchingData) ? target.matchingData : [];
    const points: FeaturePoint[] = [];
    for (const keyframe of keyframes as unknown[]) {
      if (!isRecord(keyframe)) continue;
      for (const list of [keyframe.maximaPoints, keyframe.minimaPoints]) {
        if (!Array.isArray(list)) continue;
        for (const point of list as unknown[]) {
          if (
            isRecord(point) &&
            typeof point.maxima === 'boolean' &&
            Array.isArray(point.descriptors) &&
            point.descriptors.length === DESCRIPTOR_WORDS
          ) {
            points.push({ maxima: point.maxima, descriptors: point.descriptors as number[] });
          }
        }
      }
    }
    return points;
  });
}
