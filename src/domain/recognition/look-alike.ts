/**
 * Covers that look alike: volumes of a series printed with one design, differing by a number.
 * mind-ar's points pair such covers as if they were one, so the camera cannot tell them apart;
 * the build tells staff which covers these are, and the scan view names the others beside the
 * one it recognised. Measured on the bench's 1,000 covers (docs/recognition.md): distinct covers
 * score at most 0.13 against each other, a volume with the same art 0.92 to 0.96.
 */
import { hasWord, rank, type RecognitionIndex } from './index-file.ts';
import { wordsByTarget } from './build.ts';

/** The score (0 to 1, 1 for the same words) from which two covers count as look-alikes. */
export const LOOK_ALIKE_SCORE = 0.5;

export interface LookAlike {
  readonly key: string;
  readonly score: number;
}

/** Two covers that look alike, by target key (`a` before `b`), with their score. */
export interface LookAlikePair {
  readonly a: string;
  readonly b: string;
  readonly score: number;
}

const countsOf = (words: readonly number[]) => new Map(words.map((word) => [word, 1]));

/** One target's words. */
function wordsOfTarget(index: RecognitionIndex, target: number): number[] {
  const words: number[] = [];
  for (let word = 0; word + 1 < index.postingStart.length; word++) {
    if (hasWord(index, word, target)) words.push(word);
  }
  return words;
}

/** The covers that look like `key`'s, best first; none for a key the index does not hold. */
export function lookAlikesOf(index: RecognitionIndex, key: string, limit = 4): LookAlike[] {
  const target = index.targets.indexOf(key);
  if (target < 0) return [];
  return rank(index, countsOf(wordsOfTarget(index, target)), limit + 1).filter(
    (candidate) => candidate.key !== key && candidate.score >= LOOK_ALIKE_SCORE,
  );
}

/**
 * Every pair of look-alike covers that involves one of `keys` (all of the index's by default),
 * each pair once, best first.
 */
export function lookAlikePairs(
  index: RecognitionIndex,
  keys: Iterable<string> = index.targets,
): LookAlikePair[] {
  const words = wordsByTarget(index);
  const pairs = new Map<string, { a: string; b: string; score: number }>();
  for (const key of keys) {
    const own = words.get(key);
    if (!own) continue;
    for (const candidate of rank(index, countsOf(own), 5)) {
      if (candidate.key === key || candidate.score < LOOK_ALIKE_SCORE) continue;
      const [a, b] = [key, candidate.key].sort() as [string, string];
      const id = `${a}\n${b}`;
      const known = pairs.get(id);
      if (!known || known.score < candidate.score) pairs.set(id, { a, b, score: candidate.score });
    }
  }
  return [...pairs.values()].sort((x, y) => y.score - x.score);
}
