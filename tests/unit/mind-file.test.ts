/**
 * Compiled target files: a cover the recognition index names is tracked from a one-target file
 * cut out of its shelf's set, which must hold exactly what the set holds for it. Sets are cut,
 * split and joined on their bytes, without decoding them, so the walk over the bytes must find
 * each entry exactly, and end (never throw, never hang) on bytes that are not a set.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode } from '@msgpack/msgpack';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assembleTargetSet,
  matchingDataOf,
  oneTargetOf,
  splitTargetSet,
  targetSetLayout,
} from '../../src/tracking/mind-file.ts';
import { KeyframeSets, keyframesOf } from '../../src/tracking/verify.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const set = new Uint8Array(readFileSync(path.join(ROOT, 'public/demo/targets/rak-sejarah.mind')));
const feed = JSON.parse(readFileSync(path.join(ROOT, 'public/catalog.json'), 'utf8')) as {
  ar: { targetSets: { href: string }[] };
};
const demoSets = feed.ar.targetSets.map(
  (entry) =>
    new Uint8Array(readFileSync(path.join(ROOT, 'public', entry.href.split('?')[0] ?? ''))),
);

/** Byte equality; vitest's deep equality takes minutes over megabytes. */
function same(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
}

interface MindFile {
  v: number;
  dataList: { matchingData: unknown }[];
}

describe('the layout of a compiled set', () => {
  it('finds every entry of every demo set, byte for byte where a decode puts it', () => {
    expect(demoSets.length).toBeGreaterThan(3);
    for (const bytes of demoSets) {
      const whole = decode(bytes) as MindFile;
      const layout = targetSetLayout(bytes);
      expect(layout?.version).toBe(whole.v);
      expect(layout?.entries).toHaveLength(whole.dataList.length);
      for (const [at, range] of (layout?.entries ?? []).entries()) {
        const entry = whole.dataList[at];
        expect(same(bytes.subarray(range.start, range.end), encode(entry))).toBe(true);
        expect(same(encode(matchingDataOf(bytes, range)), encode(entry?.matchingData))).toBe(true);
      }
    }
  });

  it('cuts, splits and joins exactly as decoding and encoding again would', () => {
    for (const bytes of demoSets) {
      const whole = decode(bytes) as MindFile;
      const parts = splitTargetSet(bytes);
      expect(parts).toHaveLength(whole.dataList.length);
      for (const [at, entry] of whole.dataList.entries()) {
        const old = encode({ v: whole.v, dataList: [entry] });
        expect(same(oneTargetOf(bytes, at), old)).toBe(true);
        expect(same(parts[at], old)).toBe(true);
      }
      expect(same(assembleTargetSet(parts), bytes)).toBe(true);
    }
  });

  it('joins more than fifteen targets (a longer array header)', () => {
    const parts = Array.from({ length: 17 }, (_, at) => splitTargetSet(set)[at % 6] ?? set);
    const joined = decode(assembleTargetSet(parts)) as MindFile;
    expect(joined.dataList).toHaveLength(17);
    expect(same(encode(joined.dataList[16]), encode((decode(set) as MindFile).dataList[4]))).toBe(
      true,
    );
  });

  it('is null, never a throw or a hang, for bytes that are not a whole set', () => {
    const cut = set.subarray(0, set.byteLength - 1);
    const shapes = [
      new Uint8Array(0),
      cut,
      new Uint8Array([...set, 0]),
      encode({ v: 2 }),
      encode({ v: 'two', dataList: [] }),
      encode({ v: 2, dataList: 'x' }),
      encode([1, 2, 3]),
      new Uint8Array([0xc1]),
      // An array that claims four billion items in five bytes.
      new Uint8Array([
        0x82,
        0xa1,
        0x76,
        0x02,
        0xa8,
        ...'dataList'.split('').map((c) => c.charCodeAt(0)),
        0xdd,
        0xff,
        0xff,
        0xff,
        0xff,
      ]),
    ];
    for (const bytes of shapes) expect(targetSetLayout(bytes)).toBeNull();
    // Nesting deeper than any stack is walked without recursion: one entry, end to end.
    const nested = new Uint8Array([
      ...encode({ v: 2, dataList: [] }).subarray(0, -1),
      0x91,
      ...new Uint8Array(200_000).fill(0x91),
      0,
    ]);
    expect(targetSetLayout(nested)?.entries).toEqual([{ start: 14, end: nested.byteLength }]);
    expect(targetSetLayout(nested.subarray(0, -1))).toBeNull();
    expect(() => splitTargetSet(cut)).toThrow(RangeError);
    expect(() => assembleTargetSet([set, cut])).toThrow(RangeError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const layout = targetSetLayout(bytes);
        for (const range of layout?.entries ?? []) {
          expect(range.start).toBeLessThanOrEqual(range.end);
          expect(range.end).toBeLessThanOrEqual(bytes.byteLength);
        }
      }),
      { numRuns: 500 },
    );
    // A real set with a byte changed anywhere: a layout or null, never a throw.
    fc.assert(
      fc.property(fc.nat(set.byteLength - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const changed = set.slice();
        changed[at] = value;
        expect(() => targetSetLayout(changed)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('one target of a compiled set', () => {
  it('is the set’s entry for that target, alone, in the set’s version', () => {
    const one = decode(oneTargetOf(set, 2)) as { v: number; dataList: unknown[] };
    const whole = decode(set) as { v: number; dataList: unknown[] };
    expect(one.v).toBe(whole.v);
    expect(one.dataList).toHaveLength(1);
    expect(one.dataList[0]).toEqual(whole.dataList[2]);
    expect(oneTargetOf(set, 2)).toEqual(splitTargetSet(set)[2]);
    // A fraction of the set's size: what the tracker has to read and hold.
    expect(oneTargetOf(set, 2).byteLength).toBeLessThan(set.byteLength / 3);
  });

  it('is refused for a target the set does not have, or a file that is not a set', () => {
    expect(() => oneTargetOf(set, 6)).toThrow(RangeError);
    expect(() => oneTargetOf(set, -1)).toThrow(RangeError);
    expect(() => oneTargetOf(set, 0.5)).toThrow(RangeError);
    expect(() => oneTargetOf(encode({ v: 2, dataList: 'x' }), 0)).toThrow(RangeError);
    expect(() => oneTargetOf(new Uint8Array([0xc1]), 0)).toThrow(RangeError);
  });
});

describe('the check’s kept covers', () => {
  it('decodes a guessed cover’s keyframes alone, the same as reading the whole set', () => {
    const buffer = set.slice().buffer;
    const all = keyframesOf(buffer);
    const sets = new KeyframeSets(2, 2);
    sets.add('sejarah', buffer);
    for (const index of [0, 3, 5, 3, 1]) {
      expect(sets.cover({ setId: 'sejarah', index })).toEqual(all?.[index]);
    }
    // A cover sent alone (its part of the set) reads the same; the last few are kept.
    const layout = targetSetLayout(set);
    const alone = new KeyframeSets(2, 2);
    for (const index of [1, 2, 3]) {
      const range = layout?.entries[index];
      alone.addCover({ setId: 'sejarah', index }, set.slice(range?.start, range?.end).buffer);
    }
    expect(alone.coverIds()).toHaveLength(2);
    expect(alone.cover({ setId: 'sejarah', index: 1 })).toBeUndefined();
    expect(alone.cover({ setId: 'sejarah', index: 3 })).toEqual(all?.[3]);
    alone.addCover({ setId: 'sejarah', index: 4 }, new Uint8Array([0xc1, 2, 3]).buffer);
    alone.addCover({ setId: 'sejarah', index: 5 }, null);
    expect(alone.cover({ setId: 'sejarah', index: 4 })).toBeUndefined();
    expect(alone.cover({ setId: 'sejarah', index: 5 })).toBeUndefined();
    expect(sets.cover({ setId: 'sejarah', index: 6 })).toBeUndefined();
    expect(sets.cover({ setId: 'sejarah', index: 1.5 })).toBeUndefined();
    expect(sets.cover({ setId: 'other', index: 0 })).toBeUndefined();
  });
});
