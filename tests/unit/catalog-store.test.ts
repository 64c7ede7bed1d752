import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetchedFeed, SavedFeed } from '../../src/domain/feed/loaded.ts';
import type { LibraryChoice } from '../../src/domain/libraries.ts';
import { readFeed } from '../../src/data/feed-read.ts';
import {
  createCatalogStore,
  FIRST_LOAD_TIMEOUT_MS,
  type CatalogDeps,
} from '../../src/state/catalog-store.ts';
import { demoFeed } from '../helpers/demo-feed.ts';

const DEMO = 'https://app.example/catalog.json';
const OTHER = 'https://other-library.example/feed.json';
const THIRD = 'https://third-library.example/feed.json';
const demoText = JSON.stringify(demoFeed());

function libraryText(name: string): string {
  const feed = demoFeed();
  feed.ar.library.name = { id: name, en: name };
  return JSON.stringify(feed);
}

type Answer = FetchedFeed | ((limits: { answerMs: number }) => FetchedFeed | Promise<FetchedFeed>);

function harness(
  feeds: Record<string, Answer>,
  options: {
    saved?: SavedFeed[];
    libraries?: LibraryChoice[];
    /** A split feed's files by address (without the ?sha256= the catalog adds). */
    files?: Record<string, string>;
  } = {},
) {
  const saved = new Map((options.saved ?? []).map((feed) => [feed.url, feed]));
  let libraries = options.libraries ?? [];
  const deps: CatalogDeps = {
    defaultUrl: DEMO,
    fetchFeed: vi.fn(async (url: string, limits: { answerMs: number }) => {
      const entry = feeds[url];
      if (!entry) return { ok: false, problem: { kind: 'unreachable' } } as const;
      return typeof entry === 'function' ? entry(limits) : entry;
    }),
    readFeed,
    loadBookFile: vi.fn((file: { href: string }) => {
      const url = new URL(file.href);
      url.search = '';
      const text = options.files?.[url.href];
      return Promise.resolve(
        text === undefined
          ? ({ ok: false, problem: 'offline' } as const)
          : { ok: true as const, text },
      );
    }),
    loadSaved: (url) => Promise.resolve(saved.get(url)),
    save: vi.fn((feed: SavedFeed) => {
      saved.set(feed.url, feed);
      return Promise.resolve(true);
    }),
    libraries: {
      read: () => libraries,
      write: (list) => {
        libraries = [...list];
      },
    },
    rememberFeedUrl: vi.fn(),
    now: () => new Date('2026-11-28T10:00:00Z'),
  };
  return { store: createCatalogStore(deps), deps, saved, libraries: () => libraries };
}

const ok = (text: string, url: string, finalUrl = url): FetchedFeed => {
  const read = readFeed(text, finalUrl);
  return read.ok ? { ...read, finalUrl } : read;
};
const broken: FetchedFeed = {
  ok: false,
  problem: { kind: 'invalid', errors: [{ path: '$.publications', message: { id: 'x', en: 'x' } }] },
};
const copy = (url: string, text: string): SavedFeed => ({
  url,
  text,
  savedAt: '2026-11-20T08:00:00Z',
});
const known = (url: string, name: string): LibraryChoice => ({
  url,
  name: { id: name },
  usedAt: '2026-11-20T08:00:00Z',
});

describe('the catalog store', () => {
  it('shows a feed that loads, saves it under its address and remembers the library', async () => {
    const { store, deps, saved, libraries } = harness({ [DEMO]: ok(demoText, DEMO) });
    await store.getState().launch(undefined, undefined);
    const state = store.getState();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(state.index?.books.get('laskar-pelangi')?.shelfId).toBe('sastra-indonesia');
    expect(state.shownUrl).toBe(DEMO);
    expect(state.failure).toBeNull();
    expect(state.loading).toBe(false);
    expect(saved.get(DEMO)?.text).toBe(demoText);
    expect(libraries().map((l) => l.url)).toEqual([DEMO]);
    expect(deps.rememberFeedUrl).toHaveBeenLastCalledWith(undefined);
  });

  it('asks before opening a library from a link it has never opened, and keeps its own on no', async () => {
    const { store, deps } = harness({
      [DEMO]: ok(demoText, DEMO),
      [OTHER]: ok(libraryText('Perpustakaan Lain'), OTHER),
    });
    await store.getState().launch(OTHER, undefined);
    expect(store.getState().catalog?.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(store.getState().pending).toMatchObject({
      url: OTHER,
      host: 'other-library.example',
      name: { id: 'Perpustakaan Lain' },
    });
    store.getState().decline();
    expect(store.getState().pending).toBeNull();
    expect(store.getState().shownUrl).toBe(DEMO);
    expect(deps.rememberFeedUrl).not.toHaveBeenCalledWith(OTHER);
  });

  it('opens the new library when the visitor agrees, and remembers it', async () => {
    const { store, deps, saved } = harness({
      [DEMO]: ok(demoText, DEMO),
      [OTHER]: ok(libraryText('Perpustakaan Lain'), OTHER),
    });
    await store.getState().launch(OTHER, undefined);
    await store.getState().accept();
    expect(store.getState().catalog?.library.name.id).toBe('Perpustakaan Lain');
    expect(store.getState().shownUrl).toBe(OTHER);
    expect(saved.has(OTHER)).toBe(true);
    expect(deps.rememberFeedUrl).toHaveBeenLastCalledWith(OTHER);
  });

  it('keeps the saved copy on screen when the server sends the same feed, and replaces it when not', async () => {
    const shown: unknown[] = [];
    const same = harness({ [DEMO]: ok(demoText, DEMO) }, { saved: [copy(DEMO, demoText)] });
    same.store.subscribe((state, before) => {
      if (state.catalog !== before.catalog) shown.push(state.catalog);
    });
    await same.store.getState().launch(undefined, undefined);
    // One catalog for the visit: the search index and every page were made once.
    expect(shown).toHaveLength(1);
    expect(same.store.getState().fetchedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(same.saved.get(DEMO)?.savedAt).toBe('2026-11-28T10:00:00.000Z');

    const changed = harness(
      { [DEMO]: ok(libraryText('Perpustakaan Baru'), DEMO) },
      { saved: [copy(DEMO, demoText)] },
    );
    await changed.store.getState().launch(undefined, undefined);
    expect(changed.store.getState().catalog?.library.name.id).toBe('Perpustakaan Baru');
  });

  describe('with a saved copy on screen and a slow server', () => {
    /** A server whose answer takes `delayMs`; the request gives up at its own answer limit. */
    const slowServer = (delayMs: number, text: string) => (limits: { answerMs: number }) =>
      new Promise<FetchedFeed>((resolve) => {
        const answers = delayMs <= limits.answerMs;
        setTimeout(
          () => {
            resolve(answers ? ok(text, DEMO) : { ok: false, problem: { kind: 'unreachable' } });
          },
          answers ? delayMs : limits.answerMs,
        );
      });
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('says the network is slow after a few seconds, keeps waiting, and then shows the new copy', async () => {
      const { store } = harness(
        { [DEMO]: slowServer(9000, libraryText('Perpustakaan Baru')) },
        { saved: [copy(DEMO, demoText)] },
      );
      const savedName = demoFeed().ar.library.name.id;
      const launched = store.getState().launch(undefined, undefined);
      await vi.advanceTimersByTimeAsync(3000);
      expect(store.getState().catalog?.library.name.id).toBe(savedName);
      expect(store.getState().slowRefresh).toBe(false);
      await vi.advanceTimersByTimeAsync(2000);
      // Not "offline": the request is still on its way.
      expect(store.getState().slowRefresh).toBe(true);
      expect(store.getState().failure).toBeNull();
      await vi.advanceTimersByTimeAsync(4000);
      await launched;
      expect(store.getState().catalog?.library.name.id).toBe('Perpustakaan Baru');
      expect(store.getState()).toMatchObject({ slowRefresh: false, failure: null, loading: false });
    });

    it('a server that never answers leaves the saved copy, said to be offline, after the first visit’s limit', async () => {
      const { store } = harness(
        { [DEMO]: slowServer(Number.POSITIVE_INFINITY, demoText) },
        { saved: [copy(DEMO, demoText)] },
      );
      const launched = store.getState().launch(undefined, undefined);
      await vi.advanceTimersByTimeAsync(FIRST_LOAD_TIMEOUT_MS - 1000);
      expect(store.getState()).toMatchObject({ slowRefresh: true, failure: null });
      await vi.advanceTimersByTimeAsync(1000);
      await launched;
      expect(store.getState()).toMatchObject({
        slowRefresh: false,
        loading: false,
        failure: { url: DEMO, problem: { kind: 'unreachable' } },
      });
      expect(store.getState().catalog?.library.name.id).toBe(demoFeed().ar.library.name.id);
    });
  });

  it('opens a library opened before without asking, even offline, from its own saved copy', async () => {
    const { store } = harness(
      {},
      {
        saved: [copy(DEMO, demoText), copy(OTHER, libraryText('Perpustakaan Lain'))],
        libraries: [known(DEMO, 'Demo'), known(OTHER, 'Perpustakaan Lain')],
      },
    );
    await store.getState().launch(OTHER, DEMO);
    const state = store.getState();
    expect(state.pending).toBeNull();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Lain');
    expect(state.failure).toMatchObject({ url: OTHER, problem: { kind: 'unreachable' } });
    expect(state.fetchedAt).toBe('2026-11-20T08:00:00Z');
  });

  it('refuses feeds from data:, blob: and javascript: links, keeping the library on screen', async () => {
    for (const link of ['data:application/json,{}', 'blob:https://x.example/1', 'javascript:1']) {
      const { store, deps } = harness({ [DEMO]: ok(demoText, DEMO) });
      await store.getState().launch(link, undefined);
      expect(store.getState().shownUrl).toBe(DEMO);
      expect(store.getState().pending).toBeNull();
      expect(store.getState().failure).toMatchObject({
        url: link,
        problem: { kind: 'not-a-feed-url' },
        fallback: 'default',
      });
      expect(deps.fetchFeed).not.toHaveBeenCalledWith(link, expect.anything());
    }
  });

  it('never lets a slow answer to an earlier choice overwrite a later one', async () => {
    let answerSlowly: (feed: FetchedFeed) => void = () => undefined;
    const { store } = harness(
      {
        [OTHER]: () =>
          new Promise<FetchedFeed>((resolve) => {
            answerSlowly = resolve;
          }),
        [THIRD]: ok(libraryText('Perpustakaan Ketiga'), THIRD),
      },
      { libraries: [known(OTHER, 'Lain'), known(THIRD, 'Ketiga')] },
    );
    const slow = store.getState().open(OTHER);
    await store.getState().open(THIRD);
    answerSlowly(ok(libraryText('Perpustakaan Lain'), OTHER));
    await slow;
    expect(store.getState().catalog?.library.name.id).toBe('Perpustakaan Ketiga');
    expect(store.getState().shownUrl).toBe(THIRD);
    expect(store.getState().loading).toBe(false);
  });

  it('keeps what is on screen when a chosen feed is broken, and never saves the broken one', async () => {
    const { store, saved } = harness(
      { [THIRD]: ok(libraryText('Perpustakaan Ketiga'), THIRD), [OTHER]: broken },
      { libraries: [known(THIRD, 'Ketiga')] },
    );
    await store.getState().launch(undefined, THIRD);
    await store.getState().open(OTHER);
    const state = store.getState();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Ketiga');
    expect(state.failure).toMatchObject({
      url: OTHER,
      fallback: 'previous',
      problem: { kind: 'invalid' },
    });
    expect(saved.has(OTHER)).toBe(false);
  });

  it("falls back to the demo when the visitor's own library is broken and nothing is saved", async () => {
    const { store } = harness({
      [DEMO]: ok(demoText, DEMO),
      [OTHER]: { ok: false, problem: { kind: 'http', status: 404 } },
    });
    await store.getState().launch(undefined, OTHER);
    const state = store.getState();
    expect(state.catalog?.library.name.id).toBe('Perpustakaan Kota Bitung');
    expect(state.failure).toMatchObject({
      url: OTHER,
      fallback: 'default',
      problem: { kind: 'http', status: 404 },
    });
  });

  it('goes back to the library used before, not only to the demo', async () => {
    const { store } = harness(
      {
        [DEMO]: ok(demoText, DEMO),
        [OTHER]: ok(libraryText('Perpustakaan Lain'), OTHER),
        [THIRD]: ok(libraryText('Perpustakaan Ketiga'), THIRD),
      },
      { libraries: [known(OTHER, 'Lain'), known(THIRD, 'Ketiga')] },
    );
    await store.getState().open(OTHER);
    await store.getState().open(THIRD);
    await store.getState().backToPrevious();
    expect(store.getState().shownUrl).toBe(OTHER);
    await store.getState().backToPrevious();
    expect(store.getState().shownUrl).toBe(THIRD);
  });

  it('saves a redirected feed with where it really came from, for its relative addresses', async () => {
    const moved = 'https://new-host.example/library/feed.json';
    const { store, saved } = harness(
      { [OTHER]: ok(libraryText('Pindah'), OTHER, moved) },
      { libraries: [known(OTHER, 'Pindah')] },
    );
    await store.getState().open(OTHER);
    expect(saved.get(OTHER)?.finalUrl).toBe(moved);
    expect(store.getState().catalog?.books[0]?.cover.href).toMatch(
      /^https:\/\/new-host\.example\/library\/demo\/covers\//,
    );
  });

  it('recovers on retry once the feed is fixed', async () => {
    let fixed = false;
    const { store } = harness({
      [DEMO]: ok(demoText, DEMO),
      [OTHER]: () => (fixed ? ok(libraryText('Perpustakaan Lain'), OTHER) : broken),
    });
    await store.getState().launch(undefined, undefined);
    await store.getState().open(OTHER);
    expect(store.getState().failure).not.toBeNull();
    fixed = true;
    await store.getState().retry();
    expect(store.getState().failure).toBeNull();
    expect(store.getState().catalog?.library.name.id).toBe('Perpustakaan Lain');
  });

  it('ignores a saved copy that no longer validates, and ends with nothing and a reason', async () => {
    const { store } = harness({}, { saved: [copy(DEMO, '{"not": "a feed"}')] });
    await store.getState().launch(undefined, undefined);
    expect(store.getState().catalog).toBeNull();
    expect(store.getState().loading).toBe(false);
    expect(store.getState().failure).toMatchObject({
      fallback: 'none',
      problem: { kind: 'unreachable' },
    });
  });

  it('ends loading even when a dependency throws', async () => {
    const { store, deps } = harness({});
    vi.mocked(deps.fetchFeed).mockRejectedValue(new Error('boom'));
    await store.getState().launch(undefined, undefined);
    expect(store.getState().loading).toBe(false);
    expect(store.getState().failure?.problem.kind).toBe('unreachable');
  });
});
