/**
 * The geometric check's inputs are total: whatever a set file holds, reading its keyframes ends
 * in keyframes or null, and a check with nothing to compare answers "not in view" without
 * throwing. Kept sets are bounded. (The check itself, on real covers: recognition.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from '@msgpack/msgpack';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverInView, firstInView, KeyframeSets, keyframesOf } from '../../src/tracking/verify.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const feed = JSON.parse(readFileSync(path.join(ROOT, 'public/catalog.json'), 'utf8')) as {
  ar: { targetSets: { id: string; href: string; targets: unknown[] }[] };
};

function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('reading a set’s keyframes', () => {
  it('gives one entry per target of a real compiled set', () => {
    for (const set of feed.ar.targetSets) {
      const keyframes = keyframesOf(bufferOf(readFileSync(path.join(ROOT, 'public', set.href))));
      expect(keyframes).toHaveLength(set.targets.length);
    }
  });

  it('answers null, never throws, for bytes that are not a compiled set', () => {
    const shapes = [
      new Uint8Array(0),
      encode({ v: 2 }),
      encode({ dataList: 'no' }),
      encode({ dataList: [{ matchingData: 3 }] }),
      encode([1, 2, 3]),
    ];
    for (const bytes of shapes) expect(keyframesOf(bufferOf(bytes))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const keyframes = keyframesOf(bufferOf(bytes));
        expect(keyframes === null || Array.isArray(keyframes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('kept sets', () => {
  it('keeps the last few, and a guess on a set that could not be read is simply not in view', () => {
    const [first] = feed.ar.targetSets;
    if (!first) throw new Error('demo feed has no sets');
    const bytes = bufferOf(readFileSync(path.join(ROOT, 'public', first.href)));
    const sets = new KeyframeSets(2);
    sets.add('a', bytes);
    sets.add('broken', new Uint8Array([1, 2, 3]).buffer);
    sets.add('offline', null);
    expect(sets.ids()).toEqual(['broken', 'offline']);
    expect(sets.has('a')).toBe(false);
    const frame = { width: 640, height: 480 };
    const points = [{ maxima: true, x: 1, y: 1, descriptors: new Array<number>(21).fill(0) }];
    expect(
      firstInView(
        sets,
        [
          { setId: 'broken', index: 0 },
          { setId: 'offline', index: 0 },
          { setId: 'a', index: 0 },
        ],
        points,
        frame,
      ),
    ).toEqual({ passed: -1, pose: null, corners: null });
    expect(coverInView(undefined, points, frame)).toBe(false);
  });
});
