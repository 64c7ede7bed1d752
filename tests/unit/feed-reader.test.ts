/**
 * The page's side of the feed worker, with a stand-in Worker: a visit reads the saved copy and then
 * the same feed from the network, and the second read must not validate 10,000 books again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedReply, FeedRequest } from '../../src/data/feed.worker.ts';
import type { Catalog } from '../../src/domain/catalog.ts';

class FakeWorker {
  static requests: FeedRequest[] = [];
  onmessage: ((event: MessageEvent<FeedReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: FeedRequest) {
    FakeWorker.requests.push(request);
    // A feed whose text says "broken" does not validate; any other gives a catalog of its own.
    const read: FeedReply['read'] = request.text.includes('broken')
      ? { ok: false, problem: { kind: 'invalid', errors: [] } }
      : { ok: true, catalog: { sourceUrl: request.url } as unknown as Catalog, text: request.text };
    queueMicrotask(() => {
      this.onmessage?.({ data: { id: request.id, read } } as MessageEvent<FeedReply>);
    });
  }
  terminate() {}
}

async function reader() {
  return (await import('../../src/data/feed-reader.ts')).readFeedOffThread;
}

describe('reading a feed off the page', () => {
  beforeEach(() => {
    vi.resetModules();
    FakeWorker.requests = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('the same text from the same address, read next, is validated once and gives the same catalog', async () => {
    const read = await reader();
    const saved = await read('{"feed":1}', 'https://perpustakaan.example/catalog.json');
    const fetched = await read('{"feed":1}', 'https://perpustakaan.example/catalog.json');
    expect(FakeWorker.requests).toHaveLength(1);
    expect(fetched).toBe(saved);
    // Used once, it is let go (a large feed's text is not held for the rest of the visit).
    await read('{"feed":1}', 'https://perpustakaan.example/catalog.json');
    expect(FakeWorker.requests).toHaveLength(2);
  });

  it('a changed feed, or the same text read against another address, is validated again', async () => {
    const read = await reader();
    await read('{"feed":1}', 'https://perpustakaan.example/catalog.json');
    const changed = await read('{"feed":2}', 'https://perpustakaan.example/catalog.json');
    const moved = await read('{"feed":2}', 'https://cermin.example/catalog.json');
    expect(FakeWorker.requests.map((r) => [r.text, r.url])).toEqual([
      ['{"feed":1}', 'https://perpustakaan.example/catalog.json'],
      ['{"feed":2}', 'https://perpustakaan.example/catalog.json'],
      ['{"feed":2}', 'https://cermin.example/catalog.json'],
    ]);
    expect(changed.ok && changed.catalog.sourceUrl).toBe(
      'https://perpustakaan.example/catalog.json',
    );
    expect(moved.ok && moved.catalog.sourceUrl).toBe('https://cermin.example/catalog.json');
  });

  it('a feed that did not validate is read again, and does not stand in for the last good one', async () => {
    const read = await reader();
    await read('{"good":1}', 'https://perpustakaan.example/catalog.json');
    expect((await read('{"broken":1}', 'https://perpustakaan.example/catalog.json')).ok).toBe(
      false,
    );
    expect((await read('{"broken":1}', 'https://perpustakaan.example/catalog.json')).ok).toBe(
      false,
    );
    expect((await read('{"good":1}', 'https://perpustakaan.example/catalog.json')).ok).toBe(true);
    expect(FakeWorker.requests).toHaveLength(4);
  });
});
