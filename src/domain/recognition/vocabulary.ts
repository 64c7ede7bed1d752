/**
 * A vocabulary tree over mind-ar's FREAK descriptors (Nistér and Stewénius, CVPR 2006; for binary
 * descriptors Gálvez-López and Tardós's k-majority, DBoW2): each descriptor falls down a complete
 * tree of `branching` children per node and `depth` levels to a leaf, its visual word. Pure code:
 * the build trains it in Node, the phone quantises with it.
 */
import { createRandom } from '../random.ts';

/** A FREAK descriptor: 666 comparisons packed into 21 unsigned 32-bit words (mind-ar's layout). */
export const DESCRIPTOR_WORDS = 21;

/** Descriptors side by side, `DESCRIPTOR_WORDS` numbers each. */
export type DescriptorList = Uint32Array;

export interface VocabularyShape {
  readonly branching: number;
  readonly depth: number;
}

export interface Vocabulary extends VocabularyShape {
  /** Node centres level by level (level 1 first), `DESCRIPTOR_WORDS` numbers each. */
  readonly centres: Uint32Array;
}

export function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits that differ between descriptor `i` of `a` and descriptor `j` of `b`. */
export function hamming(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  let distance = 0;
  const ai = i * DESCRIPTOR_WORDS;
  const bj = j * DESCRIPTOR_WORDS;
  for (let w = 0; w < DESCRIPTOR_WORDS; w++)
    distance += popcount(((a[ai + w] ?? 0) ^ (b[bj + w] ?? 0)) >>> 0);
  return distance;
}

/** Nodes on each level before `level` (1-based): where that level's centres start. */
export function levelOffset(shape: VocabularyShape, level: number): number {
  let offset = 0;
  let width = 1;
  for (let l = 1; l < level; l++) {
    width *= shape.branching;
    offset += width;
  }
  return offset;
}

export function nodeCount(shape: VocabularyShape): number {
  return levelOffset(shape, shape.depth + 1);
}

export function leafCount(shape: VocabularyShape): number {
  return shape.branching ** shape.depth;
}

/** The leaf (0 … leafCount − 1) that descriptor `i` of `list` falls into. */
export function quantise(vocabulary: Vocabulary, list: Uint32Array, i: number): number {
  const { branching, depth, centres } = vocabulary;
  let node = 0;
  let offset = 0;
  let width = 1;
  for (let level = 1; level <= depth; level++) {
    width *= branching;
    const first = node * branching;
    let best = first;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let child = first; child < first + branching; child++) {
      const distance = hamming(list, i, centres, offset + child);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = child;
      }
    }
    node = best;
    offset += width;
  }
  return node;
}

/**
 * How a query's descriptor is given words (soft assignment; Philbin et al., "Lost in
 * quantization", CVPR 2008): the tree is descended keeping the `beam` nearest nodes of each level,
 * and the descriptor goes to up to `leaves` of the nearest leaves, those within `slack` bits of the
 * nearest. A camera's descriptor differs from the compiled cover's by enough bits to fall into a
 * neighbouring leaf; the cover's own points are indexed by one leaf each, so the query reaches for
 * both sides of a close boundary.
 */
export interface Assignment {
  readonly beam: number;
  readonly leaves: number;
  readonly slack: number;
}

/** One leaf per descriptor, as the index's own points are quantised. */
export const HARD_ASSIGNMENT: Assignment = { beam: 1, leaves: 1, slack: 0 };

/**
 * The leaves descriptor `i` of `list` is assigned to (`assignment`), nearest first. With
 * `HARD_ASSIGNMENT` it is `[quantise(vocabulary, list, i)]`.
 */
export function nearestLeaves(
  vocabulary: Vocabulary,
  list: Uint32Array,
  i: number,
  assignment: Assignment,
): number[] {
  const { branching, depth, centres } = vocabulary;
  const beam = Math.max(1, Math.floor(assignment.beam));
  const keep = Math.max(1, Math.min(beam, Math.floor(assignment.leaves)));
  let nodes: { node: number; distance: number }[] = [{ node: 0, distance: 0 }];
  let offset = 0;
  let width = 1;
  for (let level = 1; level <= depth; level++) {
    width *= branching;
    const children: { node: number; distance: number }[] = [];
    for (const { node } of nodes) {
      for (let child = node * branching; child < (node + 1) * branching; child++) {
        children.push({ node: child, distance: hamming(list, i, centres, offset + child) });
      }
    }
    // Stable, so that ties go to the lower node as in `quantise`.
    children.sort((a, b) => a.distance - b.distance);
    nodes = children.slice(0, level === depth ? keep : beam);
    offset += width;
  }
  const nearest = nodes[0]?.distance ?? 0;
  return nodes
    .filter(({ distance }) => distance <= nearest + assignment.slack)
    .map(({ node }) => node);
}

/** The nearest of the first `k` centres to descriptor `i`, and its distance. */
function nearestCentre(
  data: Uint32Array,
  i: number,
  centres: Uint32Array,
  k: number,
): [number, number] {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const d = hamming(data, i, centres, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return [best, bestDistance];
}

function copyDescriptor(from: Uint32Array, i: number, to: Uint32Array, j: number): void {
  to.set(from.subarray(i * DESCRIPTOR_WORDS, (i + 1) * DESCRIPTOR_WORDS), j * DESCRIPTOR_WORDS);
}

/** k-means++ seeding with Hamming distance, then a few rounds of bitwise-majority updates. */
function kMajority(
  data: Uint32Array,
  members: Int32Array,
  k: number,
  random: () => number,
  rounds: number,
): { centres: Uint32Array; assignment: Int32Array } {
  const centres = new Uint32Array(k * DESCRIPTOR_WORDS);
  const assignment = new Int32Array(members.length);
  if (members.length === 0) return { centres, assignment };
  const nearest = new Float64Array(members.length).fill(Number.POSITIVE_INFINITY);
  copyDescriptor(data, members[Math.floor(random() * members.length)] ?? 0, centres, 0);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let m = 0; m < members.length; m++) {
      const d = hamming(data, members[m] ?? 0, centres, c - 1);
      const near = Math.min(nearest[m] ?? 0, d * d);
      nearest[m] = near;
      total += near;
    }
    let pick = random() * total;
    let chosen = members.length - 1;
    for (let m = 0; m < members.length; m++) {
      pick -= nearest[m] ?? 0;
      if (pick <= 0) {
        chosen = m;
        break;
      }
    }
    copyDescriptor(data, members[chosen] ?? 0, centres, c);
  }
  const bits = new Uint32Array(k * DESCRIPTOR_WORDS * 32);
  const sizes = new Uint32Array(k);
  const distances = new Float64Array(members.length);
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    sizes.fill(0);
    for (let m = 0; m < members.length; m++) {
      const [best, bestDistance] = nearestCentre(data, members[m] ?? 0, centres, k);
      if (assignment[m] !== best) moved++;
      assignment[m] = best;
      distances[m] = bestDistance;
      sizes[best] = (sizes[best] ?? 0) + 1;
    }
    // k-means++ sometimes seeds one true cluster twice and another not at all; an empty cluster
    // takes the point farthest from its centre, so the next round can split what was merged.
    let reseeded = false;
    for (let c = 0; c < k; c++) {
      if ((sizes[c] ?? 0) > 0) continue;
      let farthest = -1;
      for (let m = 0; m < members.length; m++) {
        if ((distances[m] ?? 0) > (farthest < 0 ? 0 : (distances[farthest] ?? 0))) farthest = m;
      }
      if (farthest < 0) break;
      copyDescriptor(data, members[farthest] ?? 0, centres, c);
      distances[farthest] = 0;
      reseeded = true;
    }
    if (reseeded) continue;
    if (round > 0 && moved === 0) break;
    bits.fill(0);
    for (let m = 0; m < members.length; m++) {
      const c = assignment[m] ?? 0;
      const base = (members[m] ?? 0) * DESCRIPTOR_WORDS;
      for (let w = 0; w < DESCRIPTOR_WORDS; w++) {
        const word = data[base + w] ?? 0;
        if (word === 0) continue;
        for (let b = 0; b < 32; b++) {
          const at = (c * DESCRIPTOR_WORDS + w) * 32 + b;
          if ((word >>> b) & 1) bits[at] = (bits[at] ?? 0) + 1;
        }
      }
    }
    for (let c = 0; c < k; c++) {
      const size = sizes[c] ?? 0;
      for (let w = 0; w < DESCRIPTOR_WORDS; w++) {
        let word = 0;
        for (let b = 0; b < 32; b++) {
          if ((bits[(c * DESCRIPTOR_WORDS + w) * 32 + b] ?? 0) * 2 > size) word |= 1 << b;
        }
        centres[c * DESCRIPTOR_WORDS + w] = word >>> 0;
      }
    }
  }
  // The last round's centres may have moved: assign once more so members match their centres.
  for (let m = 0; m < members.length; m++) {
    assignment[m] = nearestCentre(data, members[m] ?? 0, centres, k)[0];
  }
  return { centres, assignment };
}

/**
 * Trains a vocabulary on `data` (descriptors side by side). At most `sample` descriptors are used,
 * picked evenly, which keeps a 10,000-cover build to seconds.
 */
export function trainVocabulary(
  data: DescriptorList,
  shape: VocabularyShape,
  options: { seed?: number; rounds?: number; sample?: number } = {},
): Vocabulary {
  // Seeded, so that a build trains the same vocabulary every time.
  const random = createRandom(options.seed ?? 0x1e25a);
  const rounds = options.rounds ?? 6;
  const count = Math.floor(data.length / DESCRIPTOR_WORDS);
  const sample = Math.min(count, options.sample ?? 200_000);
  const step = count / Math.max(1, sample);
  const all = new Int32Array(sample);
  for (let s = 0; s < sample; s++) all[s] = Math.floor(s * step);

  const centres = new Uint32Array(nodeCount(shape) * DESCRIPTOR_WORDS);
  // Level by level: each node's members are split among its children.
  let groups: Int32Array[] = [all];
  let offset = 0;
  let width = 1;
  for (let level = 1; level <= shape.depth; level++) {
    width *= shape.branching;
    const next: Int32Array[] = [];
    groups.forEach((members, node) => {
      const { centres: found, assignment } = kMajority(
        data,
        members,
        shape.branching,
        random,
        rounds,
      );
      const first = offset + node * shape.branching;
      if (members.length === 0) {
        // Nothing reaches this node: its children copy the parent's centre, so nothing is lost.
        for (let c = 0; c < shape.branching; c++) {
          if (level > 1) {
            const parent = offset - width / shape.branching + node;
            centres.copyWithin(
              (first + c) * DESCRIPTOR_WORDS,
              parent * DESCRIPTOR_WORDS,
              (parent + 1) * DESCRIPTOR_WORDS,
            );
          }
          next.push(new Int32Array(0));
        }
        return;
      }
      centres.set(found, first * DESCRIPTOR_WORDS);
      const counts = new Int32Array(shape.branching);
      for (const a of assignment) counts[a] = (counts[a] ?? 0) + 1;
      const children = Array.from(counts, (n) => new Int32Array(n));
      const filled = new Int32Array(shape.branching);
      assignment.forEach((a, m) => {
        const child = children[a];
        const at = filled[a] ?? 0;
        if (child) child[at] = members[m] ?? 0;
        filled[a] = at + 1;
      });
      next.push(...children);
    });
    groups = next;
    offset += width;
  }
  return { ...shape, centres };
}
