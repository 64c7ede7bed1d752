/**
 * Which catalog the app shows, and why. The store is made by a factory with its I/O passed in, so
 * that tests drive it with fakes; `src/app/services.ts` wires it to the data layer.
 *
 * The rule: a catalog is replaced only by one that loaded and validated. When a feed fails, the
 * last good catalog stays on screen with an explanation.
 */
import { createStore } from 'zustand/vanilla';
import { indexCatalog, type Catalog, type CatalogIndex } from '../domain/catalog.ts';
import type { LoadedFeed, SavedFeed } from '../domain/feed/loaded.ts';
import type { FeedProblem } from '../domain/problems.ts';

export interface CatalogDeps {
  readonly defaultUrl: string;
  readonly fetchFeed: (url: string, timeoutMs: number) => Promise<LoadedFeed>;
  readonly readFeed: (text: string, url: string) => LoadedFeed;
  readonly loadLastGood: () => Promise<SavedFeed | undefined>;
  readonly saveLastGood: (feed: SavedFeed) => Promise<boolean>;
  readonly rememberFeedUrl: (url: string | undefined) => void;
  readonly now: () => Date;
}

export interface FeedFailure {
  /** The feed that failed. */
  readonly url: string;
  readonly problem: FeedProblem;
  /** What is shown instead: the last good catalog, the default one, or nothing. */
  readonly fallback: 'previous' | 'default' | 'none';
}

export interface CatalogState {
  readonly catalog: Catalog | null;
  readonly index: CatalogIndex | null;
  /** When the shown catalog was fetched (ISO). */
  readonly fetchedAt: string | null;
  readonly loading: boolean;
  readonly failure: FeedFailure | null;
  readonly migratedFrom: string | null;
  /** The feed the visitor asked for. */
  readonly requestedUrl: string;
  /** The demo library's feed, used when nothing else was asked for. */
  readonly defaultUrl: string;
  readonly start: (url: string) => Promise<void>;
  readonly retry: () => Promise<void>;
  readonly switchToDefaultFeed: () => Promise<void>;
  readonly dismissFailure: () => void;
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;

/** With a saved copy on screen, wait this long for the network before saying "offline". */
export const SAVED_COPY_TIMEOUT_MS = 4000;
export const FIRST_LOAD_TIMEOUT_MS = 15_000;

export function createCatalogStore(deps: CatalogDeps) {
  return createStore<CatalogState>()((set, get) => {
    const show = (catalog: Catalog, fetchedAt: string, migratedFrom?: string) => {
      set({ catalog, index: indexCatalog(catalog), fetchedAt, migratedFrom: migratedFrom ?? null });
    };

    const restoreLastGood = async () => {
      if (get().catalog) return;
      const saved = await deps.loadLastGood();
      if (!saved || get().catalog) return;
      const read = deps.readFeed(saved.text, saved.url);
      if (read.ok) show(read.catalog, saved.savedAt, read.migratedFrom);
    };

    const load = async (url: string): Promise<LoadedFeed> => {
      // Network first, but a slow connection should not hide a saved copy for long.
      const timeout = get().catalog ? SAVED_COPY_TIMEOUT_MS : FIRST_LOAD_TIMEOUT_MS;
      const result = await deps.fetchFeed(url, timeout);
      if (result.ok) {
        const fetchedAt = deps.now().toISOString();
        show(result.catalog, fetchedAt, result.migratedFrom);
        await deps.saveLastGood({ url, text: result.text, savedAt: fetchedAt });
      }
      return result;
    };

    const start = async (url: string) => {
      set({ loading: true, requestedUrl: url });
      await restoreLastGood();
      const result = await load(url);
      if (result.ok) {
        deps.rememberFeedUrl(url === deps.defaultUrl ? undefined : url);
        set({ loading: false, failure: null });
        return;
      }
      if (get().catalog) {
        set({ loading: false, failure: { url, problem: result.problem, fallback: 'previous' } });
        return;
      }
      if (url !== deps.defaultUrl) {
        const fallback = await load(deps.defaultUrl);
        set({
          loading: false,
          failure: { url, problem: result.problem, fallback: fallback.ok ? 'default' : 'none' },
        });
        return;
      }
      set({ loading: false, failure: { url, problem: result.problem, fallback: 'none' } });
    };

    return {
      catalog: null,
      index: null,
      fetchedAt: null,
      loading: false,
      failure: null,
      migratedFrom: null,
      requestedUrl: deps.defaultUrl,
      defaultUrl: deps.defaultUrl,
      start,
      retry: () => start(get().requestedUrl),
      switchToDefaultFeed: () => {
        deps.rememberFeedUrl(undefined);
        return start(deps.defaultUrl);
      },
      dismissFailure: () => {
        set({ failure: null });
      },
    };
  });
}

/** A store that only shows one catalog (the editor's draft in "Try it"): nothing to load. */
export function createStaticCatalogStore(catalog: Catalog) {
  const idle = () => Promise.resolve();
  return createStore<CatalogState>()(() => ({
    catalog,
    index: indexCatalog(catalog),
    fetchedAt: new Date().toISOString(),
    loading: false,
    failure: null,
    migratedFrom: null,
    requestedUrl: catalog.sourceUrl,
    defaultUrl: catalog.sourceUrl,
    start: idle,
    retry: idle,
    switchToDefaultFeed: idle,
    dismissFailure: () => undefined,
  }));
}
