/**
 * Freeing what a released Controller's tracker and detector keep: every tensor they reach, and
 * without reading their keyframes' pixels one by one (which held up the next Controller's start).
 */
import { describe, expect, it } from 'vitest';
import { disposeTensorsIn } from '../../src/tracking/tensor-walk.ts';

function fakeTensor(): { dataId: object; isDisposed: boolean; dispose(): void } {
  return {
    dataId: {},
    isDisposed: false,
    dispose() {
      this.isDisposed = true;
    },
  };
}

/** A number array that counts how many of its values are read. */
function countedNumbers(length: number): { values: number[]; reads: () => number } {
  let reads = 0;
  const values = new Proxy(
    Array.from({ length }, (_, i) => i),
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    },
  );
  return { values, reads: () => reads };
}

describe('disposeTensorsIn', () => {
  it('frees the tensors a tracker keeps in its lists and caches, each once', () => {
    const points = [fakeTensor(), fakeTensor()];
    const pixels = fakeTensor();
    const cached = fakeTensor();
    const tracker = {
      featurePointsListT: points,
      imagePixelsListT: [pixels],
      // The same tensor reached twice is freed once.
      kernelCaches: { computeMatching: { input: cached, again: cached } },
      trackingKeyframeList: [{ data: new Uint8Array(128 * 192), points: [{ x: 1, y: 2 }] }],
    };
    expect(disposeTensorsIn(tracker)).toBe(4);
    expect([...points, pixels, cached].every((tensor) => tensor.isDisposed)).toBe(true);
    expect(disposeTensorsIn(tracker)).toBe(0);
  });

  it('does not read pictures’ pixels or number lists value by value', () => {
    const { values, reads } = countedNumbers(100_000);
    const tensor = fakeTensor();
    expect(disposeTensorsIn({ keyframes: [{ data: values, scale: 1 }], tensor })).toBe(1);
    expect(reads()).toBeLessThanOrEqual(1);
  });

  it('stops at six levels, so a cycle or a deep structure cannot hold up a release', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { tensor: fakeTensor() } } } } } } } };
    expect(disposeTensorsIn(deep)).toBe(0);
    const cycle: Record<string, unknown> = { tensor: fakeTensor() };
    cycle.self = cycle;
    expect(disposeTensorsIn(cycle)).toBe(1);
  });
});
