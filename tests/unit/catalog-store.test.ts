import { describe, expect, it, vi } from 'vitest';
import type { LoadedFeed, SavedFeed } from '../../src/domain/feed/loaded.ts';
import { readFeed } from '../../src/data/feed-loader.ts';
import { createCatalogStore, type CatalogDeps } from '../../src/state/catalog-store.ts';
import { demoFeed } from '../helpers/demo-feed.ts';

const DEMO = 'https://app.example/catalog.json';
const OTHER = 'https://other-library.example/feed.json';
const demoText = JSON.stringify(demoFeed());

function otherLibraryText(): string {
  const feed = demoFeed();
  feed.ar.library.name = { id: 'Perpustakaan Lain', en: 'Another Library' };
  return JSON.stringify(feed);
}

function harness(feeds: Record<string, LoadedFeed | (() => LoadedFeed)>, saved?: SavedFeed) {
  let stored = saved;
  const deps: CatalogDeps = {
    defaultUrl: DEMO,
    fetchFeed: vi.fn((url: string) => {
      const entry = feeds[url];
      if (!entry) return Promise.resolve({ ok: false, problem: { kind: 'unreachable' } } as const);
      return Promise.resolve(typeof entry === 'function' ? entry() : entry);
    }),
    readFeed,
    loadLastGood: () => Promise.resolve(stored),
    saveLastGood: vi.fn((feed: SavedFeed) => {
      stored = feed;
      return Promise.resolve(true);
    }),
    rememberFeedUrl: vi.fn(),
    now: () => new Date('2026-11-28T10:00:00Z'),
  };
  return { store: createCatalogStore(deps), deps, stored: () => stored };
}

const ok = (text: string, url: string) => readFeed(text, url);
const broken: LoadedFeed = {
  ok: false,
  problem: { kind: 'invalid', errors: [{ path: '$.publications', message: { id: 'x', en: 'x' } }] },
};

describe('the catalog store', () => {
  it('shows a feed that loads and keeps it as the last good copy', async () => {
    const { store, deps, stored } = harness({ [DEMO]: ok(demoText, DEMO) });
    await store.getState().start(DEMO);
    const state = store.getState();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(state.index?.books.get('laskar-pelangi')?.shelfId).toBe('sastra-indonesia');
    expect(state.failure).toBeNull();
    expect(stored()?.url).toBe(DEMO);
    expect(deps.rememberFeedUrl).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps the last good catalog on screen when a new feed is broken, and says so', async () => {
    const { store } = harness(
      { [DEMO]: ok(demoText, DEMO), [OTHER]: broken },
      { url: DEMO, text: demoText, savedAt: '2026-11-20T08:00:00Z' },
    );
    await store.getState().start(OTHER);
    const state = store.getState();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(state.failure).toMatchObject({
      url: OTHER,
      fallback: 'previous',
      problem: { kind: 'invalid' },
    });
  });

  it('never replaces the last good copy with a broken feed', async () => {
    const { store, stored } = harness(
      { [OTHER]: broken },
      { url: DEMO, text: demoText, savedAt: '2026-11-20T08:00:00Z' },
    );
    await store.getState().start(OTHER);
    expect(stored()?.url).toBe(DEMO);
  });

  it('falls back to the demo catalog when a first visit asks for a broken feed', async () => {
    const { store } = harness({
      [DEMO]: ok(demoText, DEMO),
      [OTHER]: { ok: false, problem: { kind: 'http', status: 404 } },
    });
    await store.getState().start(OTHER);
    const state = store.getState();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(state.failure).toMatchObject({
      fallback: 'default',
      problem: { kind: 'http', status: 404 },
    });
  });

  it('switches to another library and remembers it when its feed loads', async () => {
    const { store, deps } = harness({
      [DEMO]: ok(demoText, DEMO),
      [OTHER]: ok(otherLibraryText(), OTHER),
    });
    await store.getState().start(DEMO);
    await store.getState().start(OTHER);
    expect(store.getState().catalog?.library.name.en).toBe('Another Library');
    expect(deps.rememberFeedUrl).toHaveBeenLastCalledWith(OTHER);
  });

  it('recovers on retry once the feed is fixed', async () => {
    let fixed = false;
    const { store } = harness(
      {
        [DEMO]: ok(demoText, DEMO),
        [OTHER]: () => (fixed ? ok(otherLibraryText(), OTHER) : broken),
      },
      { url: DEMO, text: demoText, savedAt: '2026-11-20T08:00:00Z' },
    );
    await store.getState().start(OTHER);
    expect(store.getState().failure).not.toBeNull();
    fixed = true;
    await store.getState().retry();
    expect(store.getState().failure).toBeNull();
    expect(store.getState().catalog?.library.name.en).toBe('Another Library');
  });

  it('ignores a saved copy that no longer validates', async () => {
    const { store } = harness(
      {},
      { url: DEMO, text: '{"not": "a feed"}', savedAt: '2026-11-20T08:00:00Z' },
    );
    await store.getState().start(DEMO);
    expect(store.getState().catalog).toBeNull();
    expect(store.getState().failure).toMatchObject({
      fallback: 'none',
      problem: { kind: 'unreachable' },
    });
  });
});
