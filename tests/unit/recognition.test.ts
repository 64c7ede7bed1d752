/**
 * The recognition index (docs/recognition.md): the vocabulary tree groups like descriptors, the
 * index file round-trips and its reader is total, and on the demo's real cover photographs, drawn
 * into camera-like frames and described by mind-ar's own detector, the identifier names the cover
 * the frame shows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverPart,
  decodeIndex,
  encodeIndex,
  expectedScores,
  IndexFormatError,
  rank,
  wordsOf,
  type FeaturePoint,
} from '../../src/domain/recognition/index-file.ts';
import {
  DEFAULT_IDENTIFY_POLICY,
  densestWindow,
  Identifier,
} from '../../src/domain/recognition/identify.ts';
import {
  DESCRIPTOR_WORDS,
  HARD_ASSIGNMENT,
  nearestLeaves,
  quantise,
  trainVocabulary,
} from '../../src/domain/recognition/vocabulary.ts';
import { buildRecognitionIndex, pointsOfMind } from '../../scripts/lib/recognition.ts';
import { updateRecognitionIndex } from '../../src/domain/recognition/build.ts';
import { lookAlikePairs, lookAlikesOf } from '../../src/domain/recognition/look-alike.ts';
import { createFrameDetector } from '../../src/tracking/node/detect.ts';
import { splitTargetSet } from '../../src/tracking/mind-file.ts';
import {
  checkCover,
  coverInView,
  keyframesOf,
  projectionFor,
  type CoverKeyframes,
} from '../../src/tracking/verify.ts';
import { drawCover } from '../../scripts/lib/art.ts';
import { aimDetectionOnRequest } from '../../src/tracking/detection-aim.ts';
import { detectionSquare } from '../../src/tracking/engine.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function randomDescriptor(random: () => number): number[] {
  return Array.from({ length: DESCRIPTOR_WORDS }, () => Math.floor(random() * 2 ** 32) >>> 0);
}

/** A copy with `flips` random bits flipped. */
function noisy(descriptor: readonly number[], flips: number, random: () => number): number[] {
  const copy = [...descriptor];
  for (let f = 0; f < flips; f++) {
    const bit = Math.floor(random() * DESCRIPTOR_WORDS * 32);
    const word = Math.floor(bit / 32);
    copy[word] = ((copy[word] ?? 0) ^ (1 << (bit % 32))) >>> 0;
  }
  return copy;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('the vocabulary tree', () => {
  it('puts noisy copies of one descriptor in one word and different descriptors apart', () => {
    const random = seeded(7);
    const centres = Array.from({ length: 8 }, () => randomDescriptor(random));
    const members = centres.flatMap((centre) =>
      Array.from({ length: 40 }, () => noisy(centre, 25, random)),
    );
    const vocabulary = trainVocabulary(Uint32Array.from(members.flat()), {
      branching: 8,
      depth: 1,
    });
    const leafOf = (descriptor: number[]) => quantise(vocabulary, Uint32Array.from(descriptor), 0);
    const leaves = centres.map((centre) => leafOf(noisy(centre, 25, random)));
    expect(new Set(leaves).size).toBe(8);
    centres.forEach((centre, c) => {
      const copies = Array.from({ length: 20 }, () => leafOf(noisy(centre, 25, random)));
      expect(copies).toEqual(Array.from({ length: 20 }, () => leaves[c]));
    });
  });
});

describe('a camera’s points given words (soft assignment)', () => {
  const random = seeded(3);
  // Descriptors that cluster as real ones do: each cover's points are noisy copies of shared kinds.
  const kinds = Array.from({ length: 400 }, () => randomDescriptor(random));
  const library = Array.from({ length: 100 }, (_, c) => ({
    key: `book:c${String(c)}`,
    points: Array.from({ length: c === 0 ? 10 : 60 }, (_, i) => ({
      maxima: i % 2 === 0,
      descriptors: noisy(kinds[Math.floor(random() * kinds.length)] ?? [], 60, random),
    })),
  }));
  const index = decodeIndex(
    buildRecognitionIndex(library, { branching: 8, depth: 4 }).bytes.slice().buffer,
  );
  const { assignment } = DEFAULT_IDENTIFY_POLICY;

  it('gives a noisy copy of an indexed point that point’s own word far more often than one leaf does', () => {
    let hard = 0;
    let soft = 0;
    let copies = 0;
    for (const cover of library.slice(1, 21)) {
      for (const point of cover.points) {
        const own = quantise(index.vocabulary, Uint32Array.from(point.descriptors), 0);
        // About as far as a camera's descriptor lies from the compiled cover's.
        const copy = Uint32Array.from(noisy(point.descriptors, 60, random));
        expect(nearestLeaves(index.vocabulary, copy, 0, HARD_ASSIGNMENT)).toEqual([
          quantise(index.vocabulary, copy, 0),
        ]);
        if (quantise(index.vocabulary, copy, 0) === own) hard++;
        const leaves = nearestLeaves(index.vocabulary, copy, 0, assignment);
        expect(leaves.length).toBeLessThanOrEqual(assignment.leaves);
        if (leaves.includes(own)) soft++;
        copies++;
      }
    }
    // Measured: 0.80 with one leaf, 0.94 soft.
    expect(hard / copies).toBeLessThan(0.85);
    expect(soft / copies).toBeGreaterThan(0.9);
  });

  it('names a cover whose points the camera moved across a leaf boundary', () => {
    const cover = library[0];
    // Each of its points as the camera might give it: a copy one leaf would put in another word.
    const frame = (cover?.points ?? []).map((point) => {
      const own = quantise(index.vocabulary, Uint32Array.from(point.descriptors), 0);
      for (let tries = 0; tries < 2000; tries++) {
        const copy = noisy(point.descriptors, 60, random);
        const list = Uint32Array.from(copy);
        if (
          quantise(index.vocabulary, list, 0) !== own &&
          nearestLeaves(index.vocabulary, list, 0, assignment).includes(own)
        ) {
          return { maxima: point.maxima, descriptors: copy };
        }
      }
      throw new Error('No copy lies across a boundary that the assignment reaches over');
    });
    const named = new Identifier(index).observe(frame).candidates.map((c) => c.key);
    expect(named[0]).toBe('book:c0');
    const oneLeaf = new Identifier(index, {
      ...DEFAULT_IDENTIFY_POLICY,
      assignment: HARD_ASSIGNMENT,
    });
    expect(oneLeaf.observe(frame).candidates.map((c) => c.key)).not.toContain('book:c0');
  });
});

/** The index written in the first layout: word starts and postings as u32 numbers. */
function firstLayout(index: ReturnType<typeof decodeIndex>): Uint8Array<ArrayBuffer> {
  const keys = new TextEncoder().encode(JSON.stringify(index.targets));
  const numbers = [...index.vocabulary.centres, ...index.postingStart, ...index.postings];
  const bytes = new Uint8Array(20 + numbers.length * 4 + keys.byteLength);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4c, 0x50, 0x52, 0x49, 1, index.vocabulary.branching, index.vocabulary.depth]);
  view.setUint32(8, index.targets.length, true);
  view.setUint32(12, index.postingStart.length - 1, true);
  view.setUint32(16, index.postings.length, true);
  numbers.forEach((value, i) => {
    view.setUint32(20 + i * 4, value, true);
  });
  bytes.set(keys, 20 + numbers.length * 4);
  return bytes;
}

/** The first layout with a word whose postings would run four billion steps past the end. */
function withHostileWordStart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const index = decodeIndex(bytes.slice().buffer);
  const old = firstLayout(index);
  new DataView(old.buffer).setUint32(
    20 + (index.vocabulary.centres.length + 1) * 4,
    2 ** 32 - 16,
    true,
  );
  return old;
}

/** The postings' byte length, as the second and later layouts write it after the centres. */
function postingBytes(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const centres = decodeIndex(bytes.slice().buffer).vocabulary.centres.byteLength;
  return view.getUint32(20 + centres, true);
}

/** A copy whose header claims another posting count. */
function withPostingCount(bytes: Uint8Array, count: number): Uint8Array {
  const changed = bytes.slice();
  new DataView(changed.buffer).setUint32(16, count, true);
  return changed;
}

describe('the index file', () => {
  const random = seeded(11);
  const covers = Array.from({ length: 6 }, (_, c) => ({
    key: `book:b${String(c)}`,
    points: Array.from({ length: 60 }, (_, i) => ({
      maxima: i % 2 === 0,
      descriptors: randomDescriptor(random),
    })),
  }));
  const built = buildRecognitionIndex(covers, { branching: 4, depth: 3 });

  it('round-trips and ranks the cover whose points a query shares first', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    expect(index.targets).toEqual(covers.map((c) => c.key));
    const query: FeaturePoint[] = (covers[3]?.points ?? []).slice(0, 30).map((p) => ({
      maxima: p.maxima,
      descriptors: noisy(p.descriptors, 3, random),
    }));
    const [first] = rank(index, wordsOf(index.vocabulary, query));
    expect(first?.key).toBe('book:b3');
  });

  it('keeps every posting: each cover is listed under exactly the words of its points', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    covers.forEach((cover, t) => {
      const listed: number[] = [];
      for (let word = 0; word + 1 < index.postingStart.length; word++) {
        const from = index.postingStart[word] ?? 0;
        const to = index.postingStart[word + 1] ?? 0;
        if (index.postings.subarray(from, to).includes(t)) listed.push(word);
      }
      const own = [...wordsOf(index.vocabulary, cover.points).keys()].sort((a, b) => a - b);
      expect(listed).toEqual(own);
    });
  });

  it('still reads the first layout (u32 postings), which feeds published before still name', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    const old = decodeIndex(firstLayout(index).slice().buffer);
    expect(old.targets).toEqual(index.targets);
    expect([...old.postingStart]).toEqual([...index.postingStart]);
    expect([...old.postings]).toEqual([...index.postings]);
    expect([...old.norms]).toEqual([...index.norms]);
    expect([...old.vocabulary.centres]).toEqual([...index.vocabulary.centres]);
  });

  it('updates on its vocabulary: one changed cover is quantised, the rest keep their words', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    const replaced = {
      key: 'book:b2',
      points: Array.from({ length: 60 }, (_, i) => ({
        maxima: i % 2 === 0,
        descriptors: randomDescriptor(random),
      })),
    };
    const added = { key: 'book:b6', points: replaced.points.slice(0, 30) };
    const update = updateRecognitionIndex(index, [
      ...covers.map((cover) => (cover.key === 'book:b2' ? replaced : { ...cover, points: null })),
      added,
    ]);
    expect(update.quantised).toBe(2);
    const updated = decodeIndex(update.bytes.slice().buffer);
    // Byte for byte what a full build on the same vocabulary writes: nothing kept is stale.
    const fresh = [...covers.map((cover) => (cover.key === 'book:b2' ? replaced : cover)), added];
    const full = encodeIndex(
      index.vocabulary,
      fresh.map((cover) => ({
        key: cover.key,
        words: wordsOf(index.vocabulary, cover.points).keys(),
      })),
    );
    expect(update.bytes).toEqual(full);
    const query = replaced.points.slice(0, 30).map((p) => ({
      maxima: p.maxima,
      descriptors: noisy(p.descriptors, 3, random),
    }));
    expect(rank(updated, wordsOf(updated.vocabulary, query))[0]?.key).toMatch(/book:b[26]/);
    expect(() => updateRecognitionIndex(index, [{ key: 'book:new', points: null }])).toThrow(
      /not in the earlier index/,
    );
  });

  it("puts the covers of the visitor's shelf first among the index's guesses", () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    // A frame that shares most with b0, b1, b2 and b4, and a little with b5, whose shelf it is.
    const share = (c: number, n: number) => (covers[c]?.points ?? []).slice(0, n);
    const query = [
      ...share(0, 40),
      ...share(1, 36),
      ...share(2, 32),
      ...share(4, 28),
      ...share(5, 14),
    ];
    const far = new Identifier(index);
    expect(far.observe(query).candidates.map((c) => c.key)).not.toContain('book:b5');
    const near = new Identifier(index);
    const guesses = near
      .observe(query, { near: (key) => key === 'book:b5' })
      .candidates.map((c) => c.key);
    expect(guesses[0]).toBe('book:b5');
    expect(guesses).toHaveLength(4);
  });

  it('ranks a held cover above one whose points many covers share, which scores a little more', () => {
    const random = seeded(5);
    const points = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        maxima: i % 2 === 0,
        descriptors: randomDescriptor(random),
      }));
    // Points of a kind many covers have (a spine band, a publisher's logo): the hub has them all.
    const common = points(30);
    const library = [
      ...Array.from({ length: 10 }, (_, c) => ({
        key: `book:p${String(c)}`,
        points: [...points(40), ...common.slice(3 * c, 3 * c + 3)],
      })),
      { key: 'book:hub', points: [...points(20), ...common] },
      { key: 'book:held', points: points(40) },
    ];
    const index = decodeIndex(
      buildRecognitionIndex(library, { branching: 8, depth: 4 }).bytes.slice().buffer,
    );
    const expected = expectedScores(index);
    const expectedOf = (key: string) => expected[index.targets.indexOf(key)] ?? 0;
    for (const key of index.targets) {
      if (key !== 'book:hub') expect(expectedOf('book:hub')).toBeGreaterThan(expectedOf(key));
    }
    // The held cover in view, and common points around it.
    const frame = [...(library[11]?.points ?? []).slice(0, 14), ...common.slice(0, 22)];
    const words = wordsOf(index.vocabulary, frame);
    const plain = rank(index, words, 2);
    expect(plain.map((c) => c.key)).toEqual(['book:hub', 'book:held']);
    const above = rank(index, words, 2, expected);
    expect(above.map((c) => c.key)).toEqual(['book:held', 'book:hub']);
    // The scores themselves stay the plain ones (the guesses' threshold reads them).
    expect(above.map((c) => c.score).sort()).toEqual(plain.map((c) => c.score).sort());
    expect(new Identifier(index).observe(frame).candidates[0]?.key).toBe('book:held');
  });

  it('ranks the first few exactly as the head of the whole ranking, ties in the same order', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    const expected = expectedScores(index);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(index.postingStart.length - 2), fc.integer({ min: 1, max: 4 })), {
          maxLength: 80,
        }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (entries, limit, above) => {
          const query = new Map(entries);
          const scale = above ? expected : null;
          const whole = rank(index, query, 1000, scale);
          expect(rank(index, query, limit, scale)).toEqual(whole.slice(0, limit));
        },
      ),
    );
  });

  it('says when a cover the tracker searches ranks among the guesses, and leaves it out', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    const share = (c: number, n: number) => (covers[c]?.points ?? []).slice(0, n);
    // b0 ranks first: the tracker searching it is told, and the guesses are the others.
    const query = [...share(0, 40), ...share(1, 36), ...share(2, 32), ...share(4, 28)];
    const plain = new Identifier(index).observe(query);
    expect(plain.candidates[0]?.key).toBe('book:b0');
    expect(plain.searchedRanked).toBeNull();
    const searching = new Identifier(index).observe(query, { searched: (k) => k === 'book:b0' });
    expect(searching.searchedRanked).toBe('book:b0');
    expect(searching.candidates.map((c) => c.key)).not.toContain('book:b0');
    expect(searching.candidates).toHaveLength(4);
    // Ignored covers are left out too, but are not being searched.
    const ignoring = new Identifier(index).observe(query, { ignored: (k) => k === 'book:b0' });
    expect(ignoring.searchedRanked).toBeNull();
    expect(ignoring.candidates.map((c) => c.key)).not.toContain('book:b0');
    // A searched cover the index ranks below the first four guesses does not count.
    const shown = new Set(plain.candidates.map((c) => c.key));
    const low = covers.map((cover) => cover.key).find((key) => !shown.has(key));
    expect(low).toBeDefined();
    const ranksLow = new Identifier(index).observe(query, { searched: (k) => k === low });
    expect(ranksLow.searchedRanked).toBeNull();
    // Nor does one far behind the best (a sign in plain view, and a searched cover's few words).
    const plainView = [...share(0, 80), ...share(4, 6)];
    const ranking = new Identifier(index).observe(plainView).candidates;
    const behind = ranking.find((c) => c.key === 'book:b4');
    expect(behind?.score).toBeLessThan((ranking[0]?.score ?? 0) * 0.75);
    const far = new Identifier(index).observe(plainView, { searched: (k) => k === 'book:b4' });
    expect(far.searchedRanked).toBeNull();
  });

  it('names the covers that look alike (a series with one design) and no others', () => {
    // b6 is b2 reprinted with another number: most of its points are b2's.
    const volume = {
      key: 'book:b6',
      points: [
        ...(covers[2]?.points ?? []).slice(0, 54),
        ...Array.from({ length: 6 }, (_, i) => ({
          maxima: i % 2 === 0,
          descriptors: randomDescriptor(random),
        })),
      ],
    };
    const withVolume = buildRecognitionIndex([...covers, volume], { branching: 4, depth: 3 });
    const index = decodeIndex(withVolume.bytes.slice().buffer);
    expect(lookAlikesOf(index, 'book:b6').map((c) => c.key)).toEqual(['book:b2']);
    expect(lookAlikesOf(index, 'book:b2').map((c) => c.key)).toEqual(['book:b6']);
    expect(lookAlikesOf(index, 'book:b0')).toEqual([]);
    expect(lookAlikesOf(index, 'book:not-there')).toEqual([]);
    expect(lookAlikePairs(index).map(({ a, b }) => [a, b])).toEqual([['book:b2', 'book:b6']]);
    expect(lookAlikePairs(index, ['book:b0', 'book:b1'])).toEqual([]);
  });

  it('still reads the second layout (no parts), and says it knows no cover’s part', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    const partsAt = 20 + index.vocabulary.centres.byteLength + 4 + postingBytes(built.bytes);
    const second = new Uint8Array([
      ...built.bytes.subarray(0, partsAt),
      ...built.bytes.subarray(partsAt + covers.length * 40),
    ]);
    second[4] = 2;
    const old = decodeIndex(second.slice().buffer);
    expect(old.targets).toEqual(index.targets);
    expect([...old.postings]).toEqual([...index.postings]);
    expect(old.parts).toBeNull();
    expect(coverPart(old, 0)).toBeNull();
    // Built without parts, the new layout knows none either.
    expect(coverPart(index, 0)).toBeNull();
  });

  it('stores a posting in about a byte, not four', () => {
    const index = decodeIndex(built.bytes.slice().buffer);
    const centres = index.vocabulary.centres.byteLength;
    const keys = JSON.stringify(index.targets).length;
    const rest = built.bytes.byteLength - 20 - 4 - centres - keys - covers.length * 40;
    // Counts (one a word) and gaps: at most two bytes a posting here, where u32 numbers were 4 + 4.
    expect(rest).toBeLessThanOrEqual(index.postings.length * 2 + (index.postingStart.length - 1));
  });

  it('refuses anything that is not a sound index, with its own error', () => {
    const bytes = built.bytes;
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      bytes.slice(0, 100),
      bytes.slice(0, bytes.byteLength - 3),
      new TextEncoder().encode('LPRI but nothing else, really'),
      withPostingCount(bytes, 100_000_000),
      withPostingCount(bytes, 0),
      withHostileWordStart(bytes),
    ];
    for (const [at, value] of [
      [4, 9],
      [5, 1],
      [6, 0],
      [8, 255],
      [12, 7],
    ] as const) {
      const changed = bytes.slice();
      changed[at] = value;
      cases.push(changed);
    }
    for (const bad of cases) {
      expect(() => decodeIndex(bad.slice().buffer)).toThrow(IndexFormatError);
    }
    // Noise anywhere in the file, the postings and keys included, in either layout.
    for (const file of [bytes, firstLayout(decodeIndex(bytes.slice().buffer))]) {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 1, maxLength: 64 }),
          fc.nat(file.byteLength - 1),
          (noise, offset) => {
            const mixed = file.slice();
            mixed.set(noise.subarray(0, mixed.byteLength - offset), offset);
            try {
              decodeIndex(mixed.buffer);
            } catch (error) {
              expect(error).toBeInstanceOf(IndexFormatError);
            }
          },
        ),
        { numRuns: 300 },
      );
    }
  });
});

describe('the parts of the demo’s sets', () => {
  it('name each cover’s own entry of its set file, by range and SHA-256', () => {
    const feed = JSON.parse(readFileSync(path.join(ROOT, 'public/catalog.json'), 'utf8')) as {
      ar: {
        targetSets: { href: string; targets: { kind: string; id: string }[] }[];
        recognitionIndex: { href: string };
      };
    };
    const file = readFileSync(
      path.join(ROOT, 'public', feed.ar.recognitionIndex.href.split('?')[0] ?? ''),
    );
    const index = decodeIndex(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength),
    );
    let checked = 0;
    for (const set of feed.ar.targetSets) {
      const bytes = new Uint8Array(
        readFileSync(path.join(ROOT, 'public', set.href.split('?')[0] ?? '')),
      );
      const alone = splitTargetSet(bytes);
      set.targets.forEach((target, i) => {
        const part = coverPart(index, index.targets.indexOf(`${target.kind}:${target.id}`));
        if (!part) throw new Error(`no part for ${target.id}`);
        const entry = bytes.subarray(part.start, part.end);
        expect(createHash('sha256').update(entry).digest('hex')).toBe(part.sha256);
        // The entry is the one-target file's, without its header.
        expect(
          Buffer.from(alone[i] ?? [])
            .subarray(-entry.byteLength)
            .equals(entry),
        ).toBe(true);
        expect(alone[i]?.byteLength).toBe(entry.byteLength + 14);
        checked++;
      });
    }
    expect(checked).toBe(index.targets.length);
    expect(coverPart(index, -1)).toBeNull();
    expect(coverPart(index, index.targets.length)).toBeNull();
  });
});

describe('identifying real covers', () => {
  const feed = JSON.parse(readFileSync(path.join(ROOT, 'public/catalog.json'), 'utf8')) as {
    ar: { targetSets: { href: string; targets: { kind: string; id: string }[] }[] };
    publications: { ar: { id: string }; images: { href: string }[] }[];
  };
  const [W, H] = [640, 480];
  const FRAME = { width: W, height: H };

  /** A picture tilted on a grey table, filling about two thirds of the frame's height. */
  function cameraFrame(image: { width: number; height: number }): Float32Array {
    const canvas = createCanvas(W, H);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#7a7a70';
    ctx.fillRect(0, 0, W, H);
    ctx.translate(W / 2, H / 2);
    ctx.rotate(-0.15);
    const height = 320;
    const width = (height * image.width) / image.height;
    ctx.drawImage(
      image as Parameters<typeof ctx.drawImage>[0],
      -width / 2,
      -height / 2,
      width,
      height,
    );
    const rgba = ctx.getImageData(0, 0, W, H).data;
    const grey = new Float32Array(W * H);
    for (let i = 0; i < W * H; i++) {
      grey[i] = ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 3;
    }
    return grey;
  }

  it('guesses the cover a frame shows among the demo’s targets, and only its own keyframes pass the check', async () => {
    const keyframes = new Map<string, CoverKeyframes>();
    const targets = feed.ar.targetSets.flatMap((set) => {
      const bytes = readFileSync(path.join(ROOT, 'public', set.href));
      const points = pointsOfMind(bytes);
      const frames = keyframesOf(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      );
      return set.targets.map((t, i) => {
        const key = `${t.kind}:${t.id}`;
        keyframes.set(key, frames?.[i]);
        return { key, points: points[i] ?? [] };
      });
    });
    expect(keyframes.size).toBeGreaterThan(40);
    const index = decodeIndex(buildRecognitionIndex(targets).bytes.slice().buffer);
    // The demo's photographs are all different books: none is taken for another's look-alike.
    expect(lookAlikePairs(index)).toEqual([]);
    const detector = await createFrameDetector(W, H);

    for (const id of ['malay-archipelago', 'laskar-pelangi']) {
      const book = feed.publications.find((p) => p.ar.id === id);
      const image = await loadImage(
        readFileSync(path.join(ROOT, 'public', book?.images[0]?.href ?? '')),
      );
      const grey = cameraFrame(image);
      const identifier = new Identifier(index);
      let named: string | undefined;
      let namedFrom: FeaturePoint[] = [];
      for (let frame = 0; frame < 9 && !named; frame++) {
        const points = detector.detect(grey);
        for (const guess of identifier.observe(points).candidates) {
          if (coverInView(keyframes.get(guess.key), points, { width: W, height: H })) {
            named = guess.key;
            namedFrom = points;
            break;
          }
        }
      }
      expect(named).toBe(`book:${id}`);
      // The check says where the cover lies, in the form mind-ar's tracker starts from: centred
      // in the frame and 320 px tall, as it was drawn.
      const own = keyframes.get(`book:${id}`) as { width: number; height: number; scale: number }[];
      const pose = checkCover(own, namedFrom, { width: W, height: H }).pose;
      expect(pose).not.toBeNull();
      const [coverW, coverH] = [
        Math.max(...own.map((k) => k.width / k.scale)),
        Math.max(...own.map((k) => k.height / k.scale)),
      ];
      const onScreen = (x: number, y: number): [number, number] => {
        const camera = (pose ?? []).map(
          (row) => (row[0] ?? 0) * x + (row[1] ?? 0) * y + (row[3] ?? 0),
        );
        const [u = 0, v = 0, w = 1] = projectionFor({ width: W, height: H }).map(
          (row) =>
            (row[0] ?? 0) * (camera[0] ?? 0) +
            (row[1] ?? 0) * (camera[1] ?? 0) +
            (row[2] ?? 0) * (camera[2] ?? 0),
        );
        return [u / w, v / w];
      };
      const [cx, cy] = onScreen(coverW / 2, coverH / 2);
      expect(Math.hypot(cx - W / 2, cy - H / 2)).toBeLessThan(8);
      const [tx, ty] = onScreen(coverW / 2, 0);
      const [bx, by] = onScreen(coverW / 2, coverH);
      expect(Math.hypot(bx - tx, by - ty)).toBeGreaterThan(320 * 0.95);
      expect(Math.hypot(bx - tx, by - ty)).toBeLessThan(320 * 1.05);
      // The check tells covers apart: the other book's keyframes do not match the same points.
      const other = id === 'malay-archipelago' ? 'laskar-pelangi' : 'malay-archipelago';
      expect(keyframes.get(`book:${other}`)).toBeDefined();
      expect(coverInView(keyframes.get(`book:${other}`), namedFrom, { width: W, height: H })).toBe(
        false,
      );
    }
  }, 180_000);

  it('names no cover for a picture that is not in the library, however long it is shown', async () => {
    const targets = feed.ar.targetSets.flatMap((set) => {
      const bytes = readFileSync(path.join(ROOT, 'public', set.href));
      const points = pointsOfMind(bytes);
      const frames = keyframesOf(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      );
      return set.targets.map((t, i) => ({
        key: `${t.kind}:${t.id}`,
        points: points[i] ?? [],
        frames: frames?.[i],
      }));
    });
    const index = decodeIndex(buildRecognitionIndex(targets).bytes.slice().buffer);
    const byKey = new Map(targets.map((t) => [t.key, t.frames]));
    const detector = await createFrameDetector(W, H);
    // A drawn cover the library does not hold: type and shapes like the real ones.
    const canvas = createCanvas(320, 480);
    drawCover(canvas.getContext('2d'), 320, 480, {
      title: 'Laut Biru Selat',
      author: 'Tanpa Nama',
      seed: 424242,
    });
    const grey = cameraFrame(canvas);
    const identifier = new Identifier(index);
    let guessed = 0;
    for (let frame = 0; frame < 18; frame++) {
      const points = detector.detect(grey);
      for (const guess of identifier.observe(points).candidates) {
        guessed++;
        expect(coverInView(byKey.get(guess.key), points, { width: W, height: H })).toBe(false);
      }
    }
    // The index did guess (so the check had work to do), and the check refused every guess.
    expect(guessed).toBeGreaterThan(0);
  }, 180_000);
  it('looks where the guessed cover lies: the aimed square passes the check where most of the nine do not', async () => {
    const keyframes = new Map<string, CoverKeyframes>();
    const targets = feed.ar.targetSets.flatMap((set) => {
      const bytes = readFileSync(path.join(ROOT, 'public', set.href));
      const frames = keyframesOf(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      );
      const points = pointsOfMind(bytes);
      return set.targets.map((t, i) => {
        keyframes.set(`${t.kind}:${t.id}`, frames?.[i]);
        return { key: `${t.kind}:${t.id}`, points: points[i] ?? [] };
      });
    });
    const index = decodeIndex(buildRecognitionIndex(targets).bytes.slice().buffer);
    const key = 'book:laskar-pelangi';
    const book = feed.publications.find((p) => p.ar.id === 'laskar-pelangi');
    const image = await loadImage(
      readFileSync(path.join(ROOT, 'public', book?.images[0]?.href ?? '')),
    );
    // A small cover low on the left, as a visitor holds a book at the frame's edge.
    const [cx, cy, tall] = [160, 330, 150];
    const canvas = createCanvas(W, H);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#7a7a70';
    ctx.fillRect(0, 0, W, H);
    ctx.translate(cx, cy);
    ctx.rotate(-0.06);
    const wide = (tall * image.width) / image.height;
    ctx.drawImage(image, -wide / 2, -tall / 2, wide, tall);
    const rgba = ctx.getImageData(0, 0, W, H).data;
    const grey = Float32Array.from({ length: W * H }, (_, i) => {
      return ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 3;
    });

    await import('mind-ar/src/image-target/detector/kernels/cpu/index.js');
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const { CropDetector } = await import('mind-ar/src/image-target/detector/crop-detector.js');
    const detector = new CropDetector(W, H);
    expect(detectionSquare(W, H)).toBe(detector.cropSize);
    const aim = aimDetectionOnRequest(detector, { width: W, height: H });
    const detect = () => {
      const input = tf.tensor(grey, [H, W], 'float32');
      try {
        return detector.detectMoving(input).featurePoints;
      } finally {
        input.dispose();
      }
    };
    // mind-ar's nine squares in turn: the pooled points name the cover; few squares hold enough of
    // it for the check, and the first, at the centre, holds none of it.
    const identifier = new Identifier(index);
    const squares = [];
    for (let turn = 0; turn < 9; turn++) {
      const points = detect();
      identifier.observe(points);
      squares.push({ points, passed: coverInView(keyframes.get(key), points, FRAME) });
    }
    expect(squares.filter((square) => square.passed).length).toBeLessThanOrEqual(3);
    expect(squares[0]?.passed).toBe(false);

    const where = identifier.whereAre([key], { size: detector.cropSize, width: W, height: H });
    expect(where).not.toBeNull();
    expect(Math.hypot((where?.x ?? 0) - cx, (where?.y ?? 0) - cy)).toBeLessThan(30);
    aim(where?.x ?? 0, where?.y ?? 0);
    const aimed = detect();
    expect(coverInView(keyframes.get(key), aimed, FRAME)).toBe(true);
    // Once: the next detection is mind-ar's own next square (the centre again), as if unaimed.
    const next = detect();
    expect(next.map(({ x, y }) => [x, y])).toEqual(squares[0]?.points.map(({ x, y }) => [x, y]));
  }, 180_000);
});

describe('the densest square of the frame', () => {
  const window = { size: 256, width: 640, height: 480 };

  it('is centred on a cluster of points, not on points scattered over the frame', () => {
    const random = seeded(7);
    const scattered = Array.from({ length: 200 }, () => ({
      x: random() * 640,
      y: random() * 480,
      weight: 1,
    }));
    const cluster = Array.from({ length: 120 }, () => ({
      x: 500 + random() * 60,
      y: 90 + random() * 60,
      weight: 1,
    }));
    const centre = densestWindow([...scattered, ...cluster], window);
    // Within the frame: a square centred on the cluster would stick out of its top.
    expect(centre?.x).toBeGreaterThan(480);
    expect(centre?.y).toBe(128);
    expect(densestWindow(scattered.slice(0, 0), window)).toBeNull();
  });

  it('always answers with a square inside the frame, or null, for any points and any frame', () => {
    const value = fc.oneof(fc.double({ noDefaultInfinity: false }), fc.integer());
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: value, y: value, weight: value }), { maxLength: 50 }),
        fc.record({
          size: fc.integer({ min: 1, max: 1024 }),
          width: fc.integer({ min: 1, max: 2000 }),
          height: fc.integer({ min: 1, max: 2000 }),
        }),
        (points, frame) => {
          const centre = densestWindow(points, frame);
          if (centre === null) return;
          for (const [at, length] of [
            [centre.x, frame.width],
            [centre.y, frame.height],
          ] as const) {
            expect(Number.isFinite(at)).toBe(true);
            expect(at).toBeGreaterThanOrEqual(Math.min(frame.size, length) / 2 - 1e-9);
            expect(at).toBeLessThanOrEqual(length - Math.min(frame.size, length) / 2 + 1e-9);
          }
        },
      ),
    );
  });
});
