/**
 * The feed's files are the files the feed describes: a download is refused when its bytes do not
 * match the SHA-256, when it grows past the declared size, or when the declared size is over the
 * cap for its kind; offline, a cached copy that was tampered with is refused the same way.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssetError, loadAsset, loadAssetPart } from '../../src/data/assets.ts';
import { ASSET_LIMITS } from '../../src/domain/feed/limits.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
let n = 0;
const assetFor = (data: Uint8Array, size = data.byteLength) => ({
  href: `https://perpustakaan.example/file-${++n}.bin?sha256=${sha(data)}`,
  sha256: sha(data),
  size,
});

/** A body that never ends, 64 KB a pull, counting how often it was pulled. */
function endlessBody(): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
  return { body, pulled: () => pulled };
}

/** `navigator.onLine` as the test says it is. */
function stubOnline(isOnline: () => boolean): void {
  vi.stubGlobal('navigator', {
    get onLine() {
      return isOnline();
    },
  });
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AssetError ? error.problem : `unexpected: ${String(error)}`;
  }
}

describe('feed files', () => {
  const real = bytes('the real model');
  let online = true;
  beforeEach(() => {
    online = true;
    stubOnline(() => online);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('are accepted when the bytes match', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(real))),
    );
    const loaded = await loadAsset(assetFor(real), 'model');
    expect(new Uint8Array(loaded)).toEqual(real);
  });

  it('are refused from the network when someone swapped them', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(bytes('a swapped model')))),
    );
    expect(await problemOf(loadAsset(assetFor(real, 15), 'model'))).toBe('corrupt');
  });

  it('stop downloading once a file grows past its declared size', async () => {
    const endless = endlessBody();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(endless.body))),
    );
    expect(await problemOf(loadAsset(assetFor(real), 'model'))).toBe('corrupt');
    expect(endless.pulled()).toBeLessThan(5);
  });

  it('are refused unread when the server declares more bytes than the feed does', async () => {
    const endless = endlessBody();
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(endless.body, { headers: { 'content-length': String(1 << 20) } }),
        ),
      ),
    );
    expect(await problemOf(loadAsset(assetFor(real), 'model'))).toBe('corrupt');
    expect(endless.pulled()).toBeLessThan(3);
  });

  it('are read in one piece when their length is declared, and still checked', async () => {
    const declared = (data: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
      vi.fn(() =>
        Promise.resolve(
          new Response(data, {
            headers: { 'content-length': String(data.byteLength), ...headers },
          }),
        ),
      );
    vi.stubGlobal('fetch', declared(real));
    expect(new Uint8Array(await loadAsset(assetFor(real), 'model'))).toEqual(real);
    // A lying length (more bytes than it says) is still caught by the size.
    const longer = bytes('the real model, and then much more than that');
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(longer, { headers: { 'content-length': String(real.length) } }),
        ),
      ),
    );
    expect(await problemOf(loadAsset(assetFor(real), 'model'))).toBe('corrupt');
    // A compressed body's length says nothing about what it unpacks to: it is streamed and capped.
    vi.stubGlobal('fetch', declared(longer, { 'content-encoding': 'gzip' }));
    expect(await problemOf(loadAsset(assetFor(real), 'model'))).toBe('corrupt');
  });

  it('are not fetched at all when declared larger than the cap for their kind', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const huge = { ...assetFor(real), size: ASSET_LIMITS.model + 1 };
    expect(await problemOf(loadAsset(huge, 'model'))).toBe('too-large');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('are refused from a cache offline when the cached copy was tampered with', async () => {
    online = false;
    const asset = assetFor(real);
    vi.stubGlobal('caches', {
      match: (href: string) =>
        Promise.resolve(href === asset.href ? new Response(bytes('tampered model')) : undefined),
    });
    expect(await problemOf(loadAsset(asset, 'model'))).toBe('corrupt');
    const good = assetFor(bytes('another real one'));
    vi.stubGlobal('caches', {
      match: () => Promise.resolve(new Response(bytes('another real one'))),
    });
    expect(await problemOf(loadAsset(good, 'model'))).toBe('none');
  });
});

describe('a large file loaded off the page', () => {
  const real = bytes('the recognition index');
  /** The page's view of the worker: what it posts back arrives here. */
  let toPage: ((data: unknown) => void) | null = null;
  /** The worker module's handler, run in this thread as the browser would run it in its own. */
  let handler: ((event: { data: unknown }) => unknown) | null = null;
  let started = 0;

  class FakeWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { preventDefault: () => void }) => void) | null = null;
    constructor(readonly fails: boolean) {
      started++;
      toPage = (data) => this.onmessage?.({ data });
    }
    postMessage(data: unknown) {
      setTimeout(() => {
        if (this.fails) this.onerror?.({ preventDefault: () => undefined });
        else void handler?.({ data });
      }, 0);
    }
    terminate() {}
  }

  beforeEach(async () => {
    started = 0;
    vi.stubGlobal('navigator', { onLine: true });
    vi.stubGlobal('location', { href: 'https://perpustakaan.example/scan' });
    const scope: { onmessage?: typeof handler; postMessage: (data: unknown) => void } = {
      postMessage: (data) => setTimeout(() => toPage?.(data), 0),
    };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('../../src/data/asset.worker.ts');
    handler = scope.onmessage ?? null;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const load = async (fails: boolean) => {
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor() {
          super(fails);
        }
      },
    );
    const { loadAssetOffPage } = await import('../../src/data/assets-off-page.ts');
    // The modules were loaded afresh for the worker's scope: its AssetError is the one to expect.
    const fresh = await import('../../src/data/assets.ts');
    const problem = (promise: Promise<unknown>) =>
      promise.then(
        () => 'none',
        (error: unknown) =>
          error instanceof fresh.AssetError ? error.problem : `unexpected: ${String(error)}`,
      );
    return { loadAssetOffPage, problem };
  };

  it('comes back whole from its worker when it matches', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(real))),
    );
    const { loadAssetOffPage } = await load(false);
    const loaded = await loadAssetOffPage(assetFor(real), 'recognitionIndex');
    expect(new Uint8Array(loaded)).toEqual(real);
    expect(started).toBe(1);
  });

  it('is refused with the same problem the page would give', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(bytes('a swapped index')))),
    );
    const { loadAssetOffPage, problem } = await load(false);
    expect(await problem(loadAssetOffPage(assetFor(real), 'recognitionIndex'))).toBe('corrupt');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('', { status: 404 }))),
    );
    expect(await problem(loadAssetOffPage(assetFor(real), 'recognitionIndex'))).toBe('http');
  });

  it('is loaded by the page itself when the worker fails', async () => {
    const fetched = vi.fn(() => Promise.resolve(new Response(real)));
    vi.stubGlobal('fetch', fetched);
    const { loadAssetOffPage } = await load(true);
    const loaded = await loadAssetOffPage(assetFor(real), 'recognitionIndex');
    expect(new Uint8Array(loaded)).toEqual(real);
    expect(started).toBe(1);
    expect(fetched).toHaveBeenCalledTimes(1);
  });
});

describe('one part of a file (a guessed cover’s entry in its set)', () => {
  const whole = bytes('0123456789the cover entry0123456789');
  const entry = whole.slice(10, 25);
  const part = { start: 10, end: 25, sha256: sha(entry) };
  let online = true;
  beforeEach(() => {
    online = true;
    stubOnline(() => online);
    vi.stubGlobal('caches', { match: () => Promise.resolve(undefined) });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is fetched alone with a Range request, and checked against the part’s own hash', async () => {
    const fetchSpy = vi.fn((_href: string, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('range');
      return Promise.resolve(
        range === 'bytes=10-24'
          ? new Response(entry, { status: 206 })
          : new Response(whole, { status: 200 }),
      );
    });
    vi.stubGlobal('fetch', fetchSpy);
    const loaded = await loadAssetPart(assetFor(whole), part, 'targetSet');
    expect(new TextDecoder().decode(loaded)).toBe('the cover entry');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('is cut out of the whole file when the server ignores the range', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(whole, { status: 200 }))),
    );
    const loaded = await loadAssetPart(assetFor(whole), part, 'targetSet');
    expect(new TextDecoder().decode(loaded)).toBe('the cover entry');
  });

  it('is refused when its bytes are not the part the index describes', async () => {
    const answers = [
      new Response(bytes('another entry!!'), { status: 206 }),
      new Response(bytes('the cover entry and more'), { status: 206 }),
      new Response(bytes('0123456789another entry!!0123456789'), { status: 200 }),
    ];
    for (const answer of answers) {
      vi.stubGlobal(
        'fetch',
        vi.fn(() => Promise.resolve(answer)),
      );
      expect(await problemOf(loadAssetPart(assetFor(whole), part, 'targetSet'))).toBe('corrupt');
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('gone', { status: 404 }))),
    );
    expect(await problemOf(loadAssetPart(assetFor(whole), part, 'targetSet'))).toBe('http');
  });

  it('is read from the device’s copy without the network, unless that copy does not match', async () => {
    const asset = assetFor(whole);
    const fetchSpy = vi.fn(() => Promise.resolve(new Response(entry, { status: 206 })));
    vi.stubGlobal('fetch', fetchSpy);
    vi.stubGlobal('caches', {
      match: (href: string) =>
        Promise.resolve(href === asset.href ? new Response(whole) : undefined),
    });
    online = false;
    expect(new TextDecoder().decode(await loadAssetPart(asset, part, 'targetSet'))).toBe(
      'the cover entry',
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    // A damaged copy: offline, the part cannot be had; online, it is fetched.
    const damaged = whole.slice();
    damaged[12] = 0x21;
    vi.stubGlobal('caches', { match: () => Promise.resolve(new Response(damaged)) });
    expect(await problemOf(loadAssetPart(asset, part, 'targetSet'))).toBe('offline');
    online = true;
    expect(new TextDecoder().decode(await loadAssetPart(asset, part, 'targetSet'))).toBe(
      'the cover entry',
    );
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('is refused unfetched when the range does not fit the file', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const asset = assetFor(whole);
    for (const bad of [
      { ...part, end: whole.byteLength + 1 },
      { ...part, start: -1 },
      { ...part, end: part.start },
      { ...part, start: 0.5 },
      { start: 0, end: ASSET_LIMITS.targetSet + 1, sha256: part.sha256 },
    ]) {
      expect(await problemOf(loadAssetPart(asset, bad, 'targetSet'))).toBe('corrupt');
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
