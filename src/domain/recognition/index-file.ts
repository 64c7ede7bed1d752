/**
 * The recognition index: a vocabulary tree and an inverted file (for each visual word, the targets
 * whose covers contain it), built at publish time from the compiled target sets and read on the
 * phone to tell which few covers a camera frame most likely shows. Pure code; the file is bytes.
 *
 * Layout, little-endian (every phone is): "LPRI", version, branching, depth, 0; target count,
 * word count, posting count (u32); the vocabulary's centres; word → first posting (u32, one more
 * than words); postings (target numbers, u32); then the targets' keys as a JSON array.
 */
import {
  DESCRIPTOR_WORDS,
  leafCount,
  nodeCount,
  quantise,
  type Vocabulary,
  type VocabularyShape,
} from './vocabulary.ts';

const MAGIC = [0x4c, 0x50, 0x52, 0x49]; // "LPRI"
const VERSION = 1;
const HEADER_BYTES = 20;
/** Far beyond a real library; keeps a hostile file from asking for gigabytes. */
export const INDEX_LIMITS = { targets: 200_000, postings: 100_000_000, keyLength: 200 } as const;

export interface RecognitionIndex {
  readonly vocabulary: Vocabulary;
  /** Target keys (`book:id`, `shelf:id`) by target number. */
  readonly targets: readonly string[];
  /** Postings of word w are `postings[postingStart[w] … postingStart[w + 1])`. */
  readonly postingStart: Uint32Array;
  readonly postings: Uint32Array;
  /** ln(targets / targets with the word); 0 for a word nobody has. */
  readonly idf: Float32Array;
  /** Each target's sum of its words' idf, for L1-normalised scores. */
  readonly norms: Float32Array;
}

export class IndexFormatError extends Error {}

/** A feature point as mind-ar's detector and compiler give it. */
export interface FeaturePoint {
  readonly maxima: boolean;
  readonly descriptors: ArrayLike<number>;
}

/** Maxima and minima are matched only like with like (as mind-ar does): one word set for each. */
export function wordOf(leaf: number, maxima: boolean): number {
  return leaf * 2 + (maxima ? 1 : 0);
}

export function wordCount(shape: VocabularyShape): number {
  return leafCount(shape) * 2;
}

/** Visual words of a set of feature points, with how often each occurs. */
export function wordsOf(
  vocabulary: Vocabulary,
  points: readonly FeaturePoint[],
): Map<number, number> {
  const words = new Map<number, number>();
  const one = new Uint32Array(DESCRIPTOR_WORDS);
  for (const point of points) {
    if (point.descriptors.length !== DESCRIPTOR_WORDS) continue;
    for (let w = 0; w < DESCRIPTOR_WORDS; w++) one[w] = (point.descriptors[w] ?? 0) >>> 0;
    const word = wordOf(quantise(vocabulary, one, 0), point.maxima);
    words.set(word, (words.get(word) ?? 0) + 1);
  }
  return words;
}

export function encodeIndex(
  vocabulary: Vocabulary,
  targets: readonly { readonly key: string; readonly words: Iterable<number> }[],
): Uint8Array {
  const words = wordCount(vocabulary);
  const lists: number[][] = Array.from({ length: words }, () => []);
  targets.forEach((target, t) => {
    for (const word of new Set(target.words)) {
      if (word >= 0 && word < words) lists[word]?.push(t);
    }
  });
  const postingCount = lists.reduce((sum, list) => sum + list.length, 0);
  const keys = new TextEncoder().encode(JSON.stringify(targets.map((t) => t.key)));
  const centres = nodeCount(vocabulary) * DESCRIPTOR_WORDS;
  const numbers = centres + words + 1 + postingCount;
  const bytes = new Uint8Array(HEADER_BYTES + numbers * 4 + keys.byteLength);
  const view = new DataView(bytes.buffer);
  MAGIC.forEach((b, i) => {
    view.setUint8(i, b);
  });
  view.setUint8(4, VERSION);
  view.setUint8(5, vocabulary.branching);
  view.setUint8(6, vocabulary.depth);
  view.setUint32(8, targets.length, true);
  view.setUint32(12, words, true);
  view.setUint32(16, postingCount, true);
  let at = HEADER_BYTES;
  const put = (value: number) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  for (const value of vocabulary.centres) put(value);
  let start = 0;
  for (const list of lists) {
    put(start);
    start += list.length;
  }
  put(start);
  for (const list of lists) for (const t of list) put(t);
  bytes.set(keys, at);
  return bytes;
}

/** Reads an index file; throws `IndexFormatError` for anything that is not a sound one. */
export function decodeIndex(buffer: ArrayBuffer): RecognitionIndex {
  const fail = (why: string): never => {
    throw new IndexFormatError(`Not a recognition index: ${why}`);
  };
  if (buffer.byteLength < HEADER_BYTES) fail('too short');
  const view = new DataView(buffer);
  if (MAGIC.some((b, i) => view.getUint8(i) !== b)) fail('no LPRI signature');
  if (view.getUint8(4) !== VERSION) fail(`version ${String(view.getUint8(4))}`);
  const branching = view.getUint8(5);
  const depth = view.getUint8(6);
  if (branching < 2 || branching > 16 || depth < 1 || depth > 6 || branching ** depth > 1 << 20) {
    fail('vocabulary shape');
  }
  const shape = { branching, depth };
  const targetCount = view.getUint32(8, true);
  const words = view.getUint32(12, true);
  const postingCount = view.getUint32(16, true);
  if (targetCount > INDEX_LIMITS.targets) fail('too many targets');
  if (postingCount > INDEX_LIMITS.postings) fail('too many postings');
  if (words !== wordCount(shape)) fail('word count');
  const centreNumbers = nodeCount(shape) * DESCRIPTOR_WORDS;
  const numbers = centreNumbers + words + 1 + postingCount;
  const keysAt = HEADER_BYTES + numbers * 4;
  if (keysAt > buffer.byteLength) fail('truncated');
  // Copies, so that the views do not depend on the buffer's alignment or keep it alive.
  const all = new Uint32Array(buffer.slice(HEADER_BYTES, keysAt));
  const centres = all.subarray(0, centreNumbers);
  const postingStart = all.subarray(centreNumbers, centreNumbers + words + 1);
  const postings = all.subarray(centreNumbers + words + 1);
  if (postingStart[0] !== 0 || postingStart[words] !== postingCount) fail('posting bounds');
  let keys: unknown;
  try {
    keys = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer.slice(keysAt)));
  } catch {
    fail('target keys');
  }
  if (
    !Array.isArray(keys) ||
    keys.length !== targetCount ||
    !keys.every((k) => typeof k === 'string' && k.length <= INDEX_LIMITS.keyLength)
  ) {
    fail('target keys');
  }

  // One pass checks the postings and weighs the words: this runs once per scan view, before the
  // engine has optimised it, where every loop over 65,536 words cost the page milliseconds.
  const idf = new Float32Array(words);
  const norms = new Float32Array(targetCount);
  let from = 0;
  for (let w = 0; w < words; w++) {
    const to = postingStart[w + 1] ?? 0;
    if (to < from) fail('posting order');
    if (to > from) {
      const weight = Math.log(targetCount / (to - from));
      idf[w] = weight;
      for (let p = from; p < to; p++) {
        const t = postings[p] ?? 0;
        if (t >= targetCount) fail('posting target');
        norms[t] = (norms[t] ?? 0) + weight;
      }
    }
    from = to;
  }
  return {
    vocabulary: { ...shape, centres },
    targets: keys as string[],
    postingStart,
    postings,
    idf,
    norms,
  };
}

export interface Candidate {
  readonly key: string;
  /** Similarity of the query's and the target's L1-normalised tf-idf vectors: 0 to 1. */
  readonly score: number;
}

/**
 * The `limit` targets most like the query words, best first (Nistér and Stewénius's L1 scoring:
 * the sum over shared words of the smaller of the two normalised weights).
 */
export function rank(
  index: RecognitionIndex,
  query: ReadonlyMap<number, number>,
  limit = 5,
): Candidate[] {
  let queryNorm = 0;
  for (const [word, count] of query) queryNorm += count * (index.idf[word] ?? 0);
  if (queryNorm <= 0) return [];
  const scores = new Map<number, number>();
  for (const [word, count] of query) {
    const weight = index.idf[word] ?? 0;
    if (weight <= 0) continue;
    const q = (count * weight) / queryNorm;
    const from = index.postingStart[word] ?? 0;
    const to = index.postingStart[word + 1] ?? 0;
    for (let p = from; p < to; p++) {
      const t = index.postings[p] ?? 0;
      const d = weight / (index.norms[t] ?? 1);
      scores.set(t, (scores.get(t) ?? 0) + Math.min(q, d));
    }
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([t, score]) => ({ key: index.targets[t] ?? '', score }));
}
