/**
 * The recognition index: a vocabulary tree and an inverted file (for each visual word, the targets
 * whose covers contain it), built at publish time from the compiled target sets and read on the
 * phone to tell which few covers a camera frame most likely shows. Pure code; the file is bytes.
 *
 * Layout, little-endian (every phone is): "LPRI", version, branching, depth, 0; target count,
 * word count, posting count (u32); the vocabulary's centres (u32); the postings' byte length (u32)
 * and, word by word, how many targets have the word and their numbers as gaps from the previous
 * one (both LEB128 varints, as in Lucene's and most inverted files: a gap is mostly one byte where
 * a number was four); then (since version 3) each target's part of its set file: the byte range
 * of its entry in the compiled `.mind` set (u32 start, u32 end) and that entry's SHA-256 (32
 * bytes; all zeros where unknown), so that the phone can fetch and check one cover's 0.2 MB
 * instead of its set's 4 MB; then the targets' keys as a JSON array.
 */
import {
  DESCRIPTOR_WORDS,
  leafCount,
  nearestLeaves,
  nodeCount,
  quantise,
  type Assignment,
  type Vocabulary,
  type VocabularyShape,
} from './vocabulary.ts';

const MAGIC = [0x4c, 0x50, 0x52, 0x49]; // "LPRI"
const VERSION = 3;
/** A target's part: start, end, SHA-256. */
const PART_BYTES = 40;
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
  /** Where each target's entry lies in its set file (version 3 and later), or null. */
  readonly parts: CoverParts | null;
}

/** Per target number: its entry's byte range in its set file and the entry's SHA-256. */
export interface CoverParts {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** 32 bytes a target; all zeros where the part is unknown. */
  readonly sha256: Uint8Array;
}

/** One target's part of its set file. */
export interface CoverPart {
  readonly start: number;
  readonly end: number;
  /** 64 lower-case hex digits, as the feed writes hashes. */
  readonly sha256: string;
}

/** Target `t`'s part of its set file, or null when the index does not know it. */
export function coverPart(index: RecognitionIndex, t: number): CoverPart | null {
  const parts = index.parts;
  if (!parts || t < 0 || t >= index.targets.length) return null;
  const hash = parts.sha256.subarray(t * 32, t * 32 + 32);
  if (hash.every((byte) => byte === 0)) return null;
  const start = parts.starts[t] ?? 0;
  const end = parts.ends[t] ?? 0;
  if (end <= start) return null;
  return {
    start,
    end,
    sha256: [...hash].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
  };
}

/** A part as `encodeIndex` takes it: the hash as bytes. */
export interface EncodedPart {
  readonly start: number;
  readonly end: number;
  readonly sha256: Uint8Array;
}

export class IndexFormatError extends Error {}

/** A feature point as mind-ar's detector and compiler give it (a detection's in frame pixels). */
export interface FeaturePoint {
  readonly maxima: boolean;
  readonly descriptors: ArrayLike<number>;
  readonly x?: number;
  readonly y?: number;
}

/** Maxima and minima are matched only like with like (as mind-ar does): one word set for each. */
export function wordOf(leaf: number, maxima: boolean): number {
  return leaf * 2 + (maxima ? 1 : 0);
}

export function wordCount(shape: VocabularyShape): number {
  return leafCount(shape) * 2;
}

/** Each point's visual word, in order; -1 for a point without a full descriptor. */
export function pointWords(vocabulary: Vocabulary, points: readonly FeaturePoint[]): Int32Array {
  const words = new Int32Array(points.length);
  const one = new Uint32Array(DESCRIPTOR_WORDS);
  points.forEach((point, i) => {
    if (point.descriptors.length !== DESCRIPTOR_WORDS) {
      words[i] = -1;
      return;
    }
    for (let w = 0; w < DESCRIPTOR_WORDS; w++) one[w] = (point.descriptors[w] ?? 0) >>> 0;
    words[i] = wordOf(quantise(vocabulary, one, 0), point.maxima);
  });
  return words;
}

/**
 * Each point's visual words under `assignment` (one leaf or several: `nearestLeaves`), in order;
 * empty for a point without a full descriptor.
 */
export function pointWordSets(
  vocabulary: Vocabulary,
  points: readonly FeaturePoint[],
  assignment: Assignment,
): number[][] {
  const one = new Uint32Array(DESCRIPTOR_WORDS);
  return points.map((point) => {
    if (point.descriptors.length !== DESCRIPTOR_WORDS) return [];
    for (let w = 0; w < DESCRIPTOR_WORDS; w++) one[w] = (point.descriptors[w] ?? 0) >>> 0;
    return nearestLeaves(vocabulary, one, 0, assignment).map((leaf) => wordOf(leaf, point.maxima));
  });
}

/**
 * A query's word counts from each point's words: a point given several words counts a share in
 * each, so that every point weighs the same in the query however many words it was given.
 */
export function countWordSets(wordSets: readonly (readonly number[])[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const words of wordSets) {
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1 / words.length);
  }
  return counts;
}

/** Visual words of a set of feature points, with how often each occurs. */
export function wordsOf(
  vocabulary: Vocabulary,
  points: readonly FeaturePoint[],
): Map<number, number> {
  return countWords(pointWords(vocabulary, points));
}

export function countWords(words: Int32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const word of words) if (word >= 0) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Whether `target` has `word`: a binary search in the word's postings, which are in target order. */
export function hasWord(index: RecognitionIndex, word: number, target: number): boolean {
  let low = index.postingStart[word] ?? 0;
  const end = index.postingStart[word + 1] ?? 0;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((index.postings[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return low < end && index.postings[low] === target;
}

export function encodeIndex(
  vocabulary: Vocabulary,
  targets: readonly {
    readonly key: string;
    readonly words: Iterable<number>;
    readonly part?: EncodedPart | null;
  }[],
): Uint8Array {
  if (targets.length > INDEX_LIMITS.targets) throw new RangeError('Too many targets for one index');
  const words = wordCount(vocabulary);
  const lists: number[][] = Array.from({ length: words }, () => []);
  targets.forEach((target, t) => {
    for (const word of new Set(target.words)) {
      if (word >= 0 && word < words) lists[word]?.push(t);
    }
  });
  const postingCount = lists.reduce((sum, list) => sum + list.length, 0);
  const postingBytes = new VarintWriter(words + postingCount);
  for (const list of lists) {
    postingBytes.put(list.length);
    let previous = 0;
    // Each list is in target order (targets are visited in order), so every gap is positive.
    for (const t of list) {
      postingBytes.put(t - previous);
      previous = t;
    }
  }
  const postings = postingBytes.bytes();
  const keys = new TextEncoder().encode(JSON.stringify(targets.map((t) => t.key)));
  const centres = nodeCount(vocabulary) * DESCRIPTOR_WORDS;
  const postingsAt = HEADER_BYTES + centres * 4 + 4;
  const partsAt = postingsAt + postings.byteLength;
  const keysAt = partsAt + targets.length * PART_BYTES;
  const bytes = new Uint8Array(keysAt + keys.byteLength);
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
  for (const value of vocabulary.centres) {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  }
  view.setUint32(at, postings.byteLength, true);
  bytes.set(postings, postingsAt);
  targets.forEach((target, t) => {
    const part = target.part;
    if (!part || part.sha256.byteLength !== 32 || !(part.end > part.start)) return;
    view.setUint32(partsAt + t * 8, part.start, true);
    view.setUint32(partsAt + t * 8 + 4, part.end, true);
    bytes.set(part.sha256, partsAt + targets.length * 8 + t * 32);
  });
  bytes.set(keys, keysAt);
  return bytes;
}

/** Unsigned LEB128: seven bits a byte, low bits first, the top bit set on all but the last. */
class VarintWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(expectedValues: number) {
    this.buffer = new Uint8Array(Math.max(16, expectedValues * 2));
  }

  put(value: number): void {
    if (this.length + 5 > this.buffer.byteLength) {
      const grown = new Uint8Array(this.buffer.byteLength * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

type Fail = (why: string) => never;

interface Postings {
  readonly postingStart: Uint32Array;
  readonly postings: Uint32Array;
  readonly idf: Float32Array;
  readonly norms: Float32Array;
}

/**
 * Reads an index file, of this layout or the first (version 1, u32 postings, which feeds published
 * before the change still name); throws `IndexFormatError` for anything that is not a sound one.
 */
export function decodeIndex(buffer: ArrayBuffer): RecognitionIndex {
  const fail: Fail = (why) => {
    throw new IndexFormatError(`Not a recognition index: ${why}`);
  };
  if (buffer.byteLength < HEADER_BYTES) fail('too short');
  const view = new DataView(buffer);
  if (MAGIC.some((b, i) => view.getUint8(i) !== b)) fail('no LPRI signature');
  const version = view.getUint8(4);
  if (version < 1 || version > VERSION) fail(`version ${String(version)}`);
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
  const centresEnd = HEADER_BYTES + nodeCount(shape) * DESCRIPTOR_WORDS * 4;
  // Version 1: word starts and postings as u32 numbers. Now: their byte length, then varints.
  const postingsAt = version === 1 ? centresEnd : centresEnd + 4;
  if (postingsAt > buffer.byteLength) fail('truncated');
  const postingByteLength =
    version === 1 ? (words + 1 + postingCount) * 4 : view.getUint32(centresEnd, true);
  const partsAt = postingsAt + postingByteLength;
  const keysAt = partsAt + (version >= 3 ? targetCount * PART_BYTES : 0);
  if (keysAt > buffer.byteLength) fail('truncated');
  // Every posting takes a byte at least: a small file cannot ask for a large allocation.
  if (postingCount > postingByteLength) fail('posting count');
  // Copies, so that the arrays do not depend on the buffer's alignment or keep it alive.
  const centres = new Uint32Array(buffer.slice(HEADER_BYTES, centresEnd));
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
  const counts = { words, targets: targetCount, postings: postingCount };
  const postings =
    version === 1
      ? readNumberPostings(new Uint32Array(buffer.slice(postingsAt, keysAt)), counts, fail)
      : readVarintPostings(new Uint8Array(buffer, postingsAt, postingByteLength), counts, fail);
  const parts =
    version >= 3
      ? {
          starts: new Uint32Array(targetCount),
          ends: new Uint32Array(targetCount),
          sha256: new Uint8Array(buffer.slice(partsAt + targetCount * 8, keysAt)),
        }
      : null;
  if (parts) {
    for (let t = 0; t < targetCount; t++) {
      parts.starts[t] = view.getUint32(partsAt + t * 8, true);
      parts.ends[t] = view.getUint32(partsAt + t * 8 + 4, true);
    }
  }
  return { vocabulary: { ...shape, centres }, targets: keys as string[], ...postings, parts };
}

interface Counts {
  readonly words: number;
  readonly targets: number;
  readonly postings: number;
}

/**
 * One pass reads the postings, checks them and weighs the words: this runs once per scan view,
 * before the engine has optimised it, where every loop over 65,536 words cost the page
 * milliseconds.
 */
function readVarintPostings(bytes: Uint8Array, counts: Counts, fail: Fail): Postings {
  const { words, targets, postings: postingCount } = counts;
  const end = bytes.length;
  const postingStart = new Uint32Array(words + 1);
  const postings = new Uint32Array(postingCount);
  const idf = new Float32Array(words);
  const norms = new Float32Array(targets);
  let at = 0;
  let p = 0;
  // Varints are read inline (a closure a value, as first written, read a 10,000-cover file in
  // 264-292 ms; inline, 62-105) and are at most three bytes: every value is below 2^21, far above
  // any target number.
  // A read past the end gives undefined, which ends a varint; the bounds are checked once a word.
  for (let w = 0; w < words; w++) {
    postingStart[w] = p;
    let byte = bytes[at++] ?? 0;
    let count = byte & 0x7f;
    if (byte >= 0x80) {
      byte = bytes[at++] ?? 0;
      count |= (byte & 0x7f) << 7;
      if (byte >= 0x80) {
        byte = bytes[at++] ?? 0;
        count |= byte << 14;
      }
    }
    if (count > postingCount - p || count > targets || at > end) fail('posting count');
    if (count === 0) continue;
    const weight = Math.log(targets / count);
    idf[w] = weight;
    let t = -1;
    for (let i = 0; i < count; i++) {
      byte = bytes[at++] ?? 0;
      let gap = byte & 0x7f;
      if (byte >= 0x80) {
        byte = bytes[at++] ?? 0;
        gap |= (byte & 0x7f) << 7;
        if (byte >= 0x80) {
          byte = bytes[at++] ?? 0;
          gap |= byte << 14;
        }
      }
      if (gap === 0 && i > 0) fail('posting order');
      t += i === 0 ? gap + 1 : gap;
      if (t >= targets) fail('posting target');
      postings[p++] = t;
      norms[t] = (norms[t] ?? 0) + weight;
    }
    if (at > end) fail('posting bytes');
  }
  postingStart[words] = p;
  if (p !== postingCount || at !== end) fail('posting bounds');
  return { postingStart, postings, idf, norms };
}

/** The first layout's word starts and postings, u32 numbers side by side. */
function readNumberPostings(numbers: Uint32Array, counts: Counts, fail: Fail): Postings {
  const { words, targets, postings: postingCount } = counts;
  const postingStart = numbers.subarray(0, words + 1);
  const postings = numbers.subarray(words + 1);
  if (postingStart[0] !== 0 || postingStart[words] !== postingCount) fail('posting bounds');
  const idf = new Float32Array(words);
  const norms = new Float32Array(targets);
  let from = 0;
  for (let w = 0; w < words; w++) {
    const to = postingStart[w + 1] ?? 0;
    // Past the postings, a hostile start would have this loop run for billions of steps.
    if (to < from || to > postingCount) fail('posting order');
    if (to > from) {
      const weight = Math.log(targets / (to - from));
      idf[w] = weight;
      for (let p = from; p < to; p++) {
        const t = postings[p] ?? 0;
        if (t >= targets) fail('posting target');
        norms[t] = (norms[t] ?? 0) + weight;
      }
    }
    from = to;
  }
  return { postingStart, postings, idf, norms };
}

export interface Candidate {
  readonly key: string;
  /** Similarity of the query's and the target's L1-normalised tf-idf vectors: 0 to 1. */
  readonly score: number;
}

/**
 * Each target's expected score against another target of the index taken as the query: how much
 * it scores for a picture that is not it. At 1,000 covers some covers score 0.04 for almost any
 * picture (their points are of a kind many covers share), as much as a held cover scores for its
 * own camera frames (0.04 to 0.05), while a cover with points of its own scores less for other
 * pictures (docs/recognition.md). Worked out in one pass over the postings, on the assumption that a
 * query cover's norm is the mean norm: a word held by `df` targets is in another target's words
 * with chance (df − 1) / (targets − 1), and then adds the smaller of the two normalised weights.
 * On the bench's 1,000 covers it correlates 0.98 with the mean score against every third cover.
 */
export function expectedScores(index: RecognitionIndex): Float32Array {
  const targets = index.targets.length;
  const expected = new Float32Array(targets);
  if (targets < 2) return expected;
  let meanNorm = 0;
  for (const norm of index.norms) meanNorm += norm / targets;
  if (meanNorm <= 0) return expected;
  for (let word = 0; word + 1 < index.postingStart.length; word++) {
    const from = index.postingStart[word] ?? 0;
    const to = index.postingStart[word + 1] ?? 0;
    const weight = index.idf[word] ?? 0;
    if (to - from < 2 || weight <= 0) continue;
    const chance = (to - from - 1) / (targets - 1);
    for (let p = from; p < to; p++) {
      const t = index.postings[p] ?? 0;
      expected[t] =
        (expected[t] ?? 0) + chance * Math.min(weight / meanNorm, weight / (index.norms[t] ?? 1));
    }
  }
  return expected;
}

/**
 * The `limit` targets most like the query words, best first (Nistér and Stewénius's L1 scoring:
 * the sum over shared words of the smaller of the two normalised weights). With `expected`
 * (`expectedScores`), the order is by how far each score rises above what that target scores for
 * any picture; the scores returned are the plain ones.
 */
export function rank(
  index: RecognitionIndex,
  query: ReadonlyMap<number, number>,
  limit = 5,
  expected: Float32Array | null = null,
): Candidate[] {
  let queryNorm = 0;
  for (const [word, count] of query) queryNorm += count * (index.idf[word] ?? 0);
  if (queryNorm <= 0) return [];
  // A score per target in an array, and the targets touched in the order first touched: at 10,000
  // covers a pooled query reaches most of them, and a Map and a sort of them all took 25 ms a
  // detection frame on the page's thread here.
  const scores = new Float64Array(index.targets.length);
  const touched: number[] = [];
  for (const [word, count] of query) {
    const weight = index.idf[word] ?? 0;
    if (weight <= 0) continue;
    const q = (count * weight) / queryNorm;
    const from = index.postingStart[word] ?? 0;
    const to = index.postingStart[word + 1] ?? 0;
    for (let p = from; p < to; p++) {
      const t = index.postings[p] ?? 0;
      const score = scores[t] ?? 0;
      if (score === 0) touched.push(t);
      scores[t] = score + Math.min(q, weight / (index.norms[t] ?? 1));
    }
  }
  // The first `limit` by how far each rises above its expected score; ties keep the order first
  // touched, as a stable sort of them all would (which a long list still gets).
  const aboveOf = (t: number) => (scores[t] ?? 0) - (expected?.[t] ?? 0);
  if (limit > 64) {
    return touched
      .map((t) => ({ t, above: aboveOf(t) }))
      .sort((a, b) => b.above - a.above)
      .slice(0, limit)
      .map(({ t }) => ({ key: index.targets[t] ?? '', score: scores[t] ?? 0 }));
  }
  const best: { t: number; above: number }[] = [];
  for (const t of touched) {
    const above = aboveOf(t);
    if (best.length === limit && !(above > (best[limit - 1]?.above ?? 0))) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.above ?? 0) < above) at--;
    best.splice(at, 0, { t, above });
    if (best.length > limit) best.pop();
  }
  return best.map(({ t }) => ({ key: index.targets[t] ?? '', score: scores[t] ?? 0 }));
}
