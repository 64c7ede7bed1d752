/**
 * The geometric check's inputs are total: whatever a set file holds, reading its keyframes ends
 * in keyframes or null, and a check with nothing to compare answers "not in view" without
 * throwing. Kept sets are bounded. (The check itself, on real covers: recognition.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from '@msgpack/msgpack';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createCoverChecker } from '../../src/tracking/cover-checker.ts';
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
    ).toEqual({ passed: -1, pose: null, corners: null, sure: false });
    expect(coverInView(undefined, points, frame)).toBe(false);
  });
});

describe('the frame’s picture handed to the checker', () => {
  // Node has no Worker: the checker checks on the page, as a browser without module workers does.
  /** A stand-in picture, and the spy on its `close`. */
  const picture = () => {
    const close = vi.fn();
    return { held: { close } as unknown as ImageBitmap, close };
  };
  const guess = { setId: 'rak-sejarah', index: 0 };
  const frame = { width: 640, height: 480 };

  it('is freed when a guess cannot be loaded, and the failure still reaches the caller', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const checker = createCoverChecker();
    const { held, close } = picture();
    const failing = {
      set: () => Promise.reject(new Error('offline')),
      cover: () => Promise.reject(new Error('offline')),
    };
    await expect(checker.check([guess], [], frame, failing, held)).rejects.toThrow('offline');
    expect(close).toHaveBeenCalledTimes(1);
    checker.dispose();
    warn.mockRestore();
  });

  it('is freed after a check that ran', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const checker = createCoverChecker();
    const { held, close } = picture();
    const nothing = { set: () => Promise.resolve(null) };
    await expect(checker.check([guess], [], frame, nothing, held)).resolves.toMatchObject({
      passed: -1,
    });
    expect(close).toHaveBeenCalledTimes(1);
    checker.dispose();
    warn.mockRestore();
  });
});
