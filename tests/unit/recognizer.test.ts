/**
 * The recognizer identifies in a worker and answers on the page where none starts, or once its
 * worker has failed: the visitor's scan goes on recognising covers either way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRecognitionIndex } from '../../src/domain/recognition/build.ts';
import type { FeaturePoint } from '../../src/domain/recognition/index-file.ts';
import { createRecognizer } from '../../src/tracking/recognizer.ts';
import { IndexHolder } from '../../src/tracking/recognizer-core.ts';

/** Three covers with made-up descriptors, and what a camera sees of one of them. */
function madeUp() {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const targets = ['book:a', 'book:b', 'shelf:c'].map((key) => ({
    key,
    points: Array.from({ length: 80 }, (_, i) => ({
      maxima: i % 2 === 0,
      descriptors: Array.from({ length: 21 }, () => Math.floor(random() * 2 ** 32) >>> 0),
    })),
  }));
  const bytes = buildRecognitionIndex(targets, { branching: 8, depth: 3 }).bytes.slice().buffer;
  const seen = (key: string): FeaturePoint[] =>
    (targets.find((t) => t.key === key)?.points ?? []).map((p) => ({
      maxima: p.maxima,
      descriptors: p.descriptors.map((d, w) => (w === 0 ? (d ^ 1) >>> 0 : d)),
    }));
  return { bytes, seen };
}

/**
 * A worker that runs the real index code in this thread, as the browser's would in its own, and
 * can be made to fail as a worker does (its error event) on a given request type.
 */
function fakeWorkerClass(failOn: string | null) {
  return class FakeWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
    private readonly index = new IndexHolder();
    terminated = false;
    postMessage(request: {
      type: string;
      id?: number;
      bytes?: ArrayBuffer;
      points?: FeaturePoint[];
    }) {
      setTimeout(() => {
        if (this.terminated) return;
        if (request.type === failOn) {
          this.onerror?.({ message: 'out of memory', preventDefault: () => undefined });
          return;
        }
        if (request.type === 'index' && request.bytes) {
          this.onmessage?.({
            data: { type: 'index', id: request.id, targets: this.index.load(request.bytes) },
          });
        } else if (request.type === 'observe' && request.points) {
          this.onmessage?.({
            data: {
              type: 'observe',
              id: request.id,
              candidates: this.index.observe(request.points),
            },
          });
        }
      }, 0);
    }
    terminate() {
      this.terminated = true;
    }
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the recognizer', () => {
  it('names the cover in view from the index, on the page where no worker starts', async () => {
    const { bytes, seen } = madeUp();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const recognizer = createRecognizer();
    expect(await recognizer.loadIndex(bytes)).toBe(3);
    const guesses = await recognizer.observe(seen('book:b'));
    expect(guesses[0]?.key).toBe('book:b');
    recognizer.dispose();
    expect(await recognizer.observe(seen('book:b'))).toEqual([]);
  });

  it('refuses an index it cannot read, so the scan goes on set by set', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('Worker', fakeWorkerClass(null));
    const recognizer = createRecognizer();
    await expect(
      recognizer.loadIndex(new TextEncoder().encode('LPRI but not one').buffer),
    ).rejects.toThrow(/unreadable recognition index/);
    recognizer.dispose();
  });

  it('reads the index in its worker, and takes over on the page when the worker fails', async () => {
    const { bytes, seen } = madeUp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('Worker', fakeWorkerClass('observe'));
    const recognizer = createRecognizer();
    expect(await recognizer.loadIndex(bytes)).toBe(3);
    // The worker fails on the first frame; the page reads its own copy of the index and answers.
    const guesses = await recognizer.observe(seen('shelf:c'));
    expect(guesses[0]?.key).toBe('shelf:c');
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/recognising on the page/),
      'out of memory',
    );
    expect((await recognizer.observe(seen('book:a')))[0]?.key).toBe('book:a');
    recognizer.dispose();
  });
});
