/**
 * Compiled target files: a cover the recognition index names is tracked from a one-target file
 * cut out of its shelf's set, which must hold exactly what the set holds for it.
 */
import { readFileSync } from 'node:fs';
import { decode, encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { oneTargetOf, splitTargetSet } from '../../src/tracking/mind-file.ts';

const set = new Uint8Array(readFileSync('public/demo/targets/rak-sejarah.mind'));

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
    expect(() => oneTargetOf(new Uint8Array([0xc1]), 0)).toThrow();
  });
});
