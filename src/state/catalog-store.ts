/**
 * Which catalog the app shows, and why. The store is made by a factory with its I/O passed in, so
 * that tests drive it with fakes; `src/app/services.ts` wires it to the data layer.
 *
 * The rules:
 * - A catalog is replaced only by one that loaded and validated; when a feed fails, what was on
 *   screen stays, with an explanation, and every way in ends with loading over.
 * - A link to a library the visitor has not opened before asks first (`pending`); libraries opened
 *   before, and the demo, open at once.
 * - Each choice carries a number: a slow answer to an earlier choice never overwrites a later one.
 * - Each library's feed is saved on its own, so a library opened before also opens offline.
 */
import { createStore } from 'zustand/vanilla';
import {
  indexCatalog,
  type Book,
  type BookFile,
  type Catalog,
  type CatalogIndex,
  type DirectoryEntry,
} from '../domain/catalog.ts';
import type { FeedIssue } from '../domain/feed/issues.ts';
import { feedHost, isFeedUrl } from '../domain/feed-url.ts';
import type { FetchedFeed, LoadedFeed, SavedFeed } from '../domain/feed/loaded.ts';
import type { LangMap } from '../domain/langmap.ts';
import { previousLibrary, rememberLibrary, type LibraryChoice } from '../domain/libraries.ts';
import type { AssetProblem, FeedProblem } from '../domain/problems.ts';

export interface CatalogDeps {
  readonly defaultUrl: string;
  readonly fetchFeed: (url: string, limits: { answerMs: number }) => Promise<FetchedFeed>;
  /** The one validator; the app runs it in a worker (a promise), tests call it directly. */
  readonly readFeed: (text: string, url: string) => LoadedFeed | Promise<LoadedFeed>;
  readonly loadSaved: (url: string) => Promise<SavedFeed | undefined>;
  readonly save: (feed: SavedFeed) => Promise<boolean>;
  readonly libraries: {
    readonly read: () => readonly LibraryChoice[];
    readonly write: (list: readonly LibraryChoice[]) => void;
  };
  /** Remembers the visitor's library for the next visit (undefined: the demo). */
  readonly rememberFeedUrl: (url: string | undefined) => void;
  readonly now: () => Date;
  /** A split feed's shelf page or directory, as text; never throws. */
  readonly loadBookFile: (
    file: BookFile,
    kind: 'bookPage' | 'directory',
  ) => Promise<
    | { readonly ok: true; readonly text: string }
    | { readonly ok: false; readonly problem: AssetProblem }
  >;
}

/** How loading a file of a split feed went: on its way, or failed and why. */
export type BookFileLoad =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly problem: AssetProblem }
  | { readonly state: 'invalid'; readonly errors: readonly FeedIssue[] };

export interface FeedFailure {
  /** The feed that failed. */
  readonly url: string;
  readonly problem: FeedProblem;
  /** What is shown instead: the catalog that was on screen, the demo, or nothing. */
  readonly fallback: 'previous' | 'default' | 'none';
  /** It failed as a link's offer (trying again offers it again), not as the visitor's choice. */
  readonly fromLink?: true;
}

/** A library a link asks to open, loaded and validated, waiting for the visitor's yes or no. */
export interface PendingLibrary {
  readonly url: string;
  readonly name: LangMap;
  readonly host: string;
  readonly feed: Extract<FetchedFeed, { ok: true }>;
}

export interface CatalogState {
  readonly catalog: Catalog | null;
  readonly index: CatalogIndex | null;
  /** Whose catalog is on screen: the address of its feed. */
  readonly shownUrl: string | null;
  /** When the shown catalog was fetched (ISO). */
  readonly fetchedAt: string | null;
  readonly loading: boolean;
  /** A saved copy is on screen and the server is slow to answer: still waiting, not offline. */
  readonly slowRefresh: boolean;
  readonly failure: FeedFailure | null;
  readonly migratedFrom: string | null;
  /** The feed of the visitor's latest choice (what "try again" loads). */
  readonly requestedUrl: string;
  /** The demo library's feed, used when nothing else was asked for. */
  readonly defaultUrl: string;
  readonly pending: PendingLibrary | null;
  /** Libraries opened on this device, most recent first. */
  readonly libraries: readonly LibraryChoice[];
  /** A split feed's shelf pages being loaded or failed, by shelf (loaded ones are in `index`). */
  readonly shelfPages: Readonly<Record<string, BookFileLoad>>;
  /** A split feed's directory of every book, once loaded. */
  readonly directory: readonly DirectoryEntry[] | null;
  readonly directoryLoad: BookFileLoad | null;
  /** Brings a split feed's shelf page into the catalog (nothing to do for a single feed). */
  readonly loadShelfBooks: (shelfId: string) => Promise<void>;
  /** Loads a split feed's directory (nothing to do for a single feed). */
  readonly loadDirectory: () => Promise<void>;
  /** Opens the app: the library from a link (asking first if it is new), else the last one. */
  readonly launch: (link: string | undefined, remembered: string | undefined) => Promise<void>;
  /** Opens a library the visitor chose: no question. */
  readonly open: (url: string) => Promise<void>;
  /** A link asks to open a library: one opened before opens, a new one waits in `pending`. */
  readonly offer: (url: string) => Promise<void>;
  readonly accept: () => Promise<void>;
  readonly decline: () => void;
  readonly retry: () => Promise<void>;
  readonly switchToDefaultFeed: () => Promise<void>;
  /** Back to the library used before the one on screen (the demo when there is none). */
  readonly backToPrevious: () => Promise<void>;
  readonly dismissFailure: () => void;
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;

/**
 * With a saved copy on screen, say after this long that the network is slow. The request goes on
 * (up to FIRST_LOAD_TIMEOUT_MS): giving up here kept phones on slow Wi-Fi, or busy ones that saw
 * the answer late, on an old programme and availability for the whole visit.
 */
export const SLOW_REFRESH_NOTE_MS = 4000;
export const FIRST_LOAD_TIMEOUT_MS = 15_000;

export function createCatalogStore(deps: CatalogDeps) {
  return createStore<CatalogState>()((set, get) => {
    /** The number of the visitor's latest choice; work for an earlier one is dropped. */
    let choice = 0;
    let offers = 0;
    /** Books of the shelf pages loaded for the catalog on screen. */
    let pages = new Map<string, readonly Book[]>();

    const show = (url: string, catalog: Catalog, fetchedAt: string, migratedFrom?: string) => {
      // Pages belong to the feed that named them: a new copy of the feed starts without any.
      pages = new Map();
      set({
        catalog,
        index: indexCatalog(catalog),
        shelfPages: {},
        directory: null,
        directoryLoad: null,
        shownUrl: url,
        fetchedAt,
        migratedFrom: migratedFrom ?? null,
      });
    };

    const remember = (url: string, catalog: Catalog) => {
      const libraries = rememberLibrary(get().libraries, {
        url,
        name: catalog.library.name,
        usedAt: deps.now().toISOString(),
      });
      deps.libraries.write(libraries);
      deps.rememberFeedUrl(url === deps.defaultUrl ? undefined : url);
      set({ libraries });
    };

    const savedCopy = async (url: string) => {
      const saved = await deps.loadSaved(url);
      if (!saved) return undefined;
      const base = saved.finalUrl ?? saved.url;
      const read = await deps.readFeed(saved.text, base);
      return read.ok
        ? { read, savedAt: saved.savedAt, shown: { text: saved.text, base } }
        : undefined;
    };

    const adopt = async (
      url: string,
      feed: Extract<FetchedFeed, { ok: true }>,
      /** The saved copy on screen, if one is: its text and the address it was read against. */
      shown?: { readonly text: string; readonly base: string },
    ) => {
      const fetchedAt = deps.now().toISOString();
      // The server's feed is the saved copy on screen: only its age changes. A new catalog object
      // would make every page, the search index and the scan view start over for nothing.
      const same = feed.text === shown?.text && feed.finalUrl === shown.base;
      if (same && get().shownUrl === url) set({ fetchedAt });
      else show(url, feed.catalog, fetchedAt, feed.migratedFrom);
      remember(url, feed.catalog);
      await deps.save({ url, finalUrl: feed.finalUrl, text: feed.text, savedAt: fetchedAt });
    };

    /** Shows `url`'s saved copy (if any), then its feed from the network; false if that failed. */
    const load = async (url: string, token: number): Promise<FeedProblem | null | 'overtaken'> => {
      const copy = await savedCopy(url);
      if (token !== choice) return 'overtaken';
      if (copy) {
        show(url, copy.read.catalog, copy.savedAt, copy.read.migratedFrom);
        // The visitor's choice is made once its saved copy is on screen: a reload before the
        // network answers must not go back to the library before.
        remember(url, copy.read.catalog);
      }
      const slowNote =
        get().shownUrl === url
          ? setTimeout(() => {
              if (token === choice) set({ slowRefresh: true });
            }, SLOW_REFRESH_NOTE_MS)
          : undefined;
      let result: FetchedFeed;
      try {
        result = await deps.fetchFeed(url, { answerMs: FIRST_LOAD_TIMEOUT_MS });
      } finally {
        clearTimeout(slowNote);
        if (token === choice) set({ slowRefresh: false });
      }
      if (token !== choice) return 'overtaken';
      if (!result.ok) return result.problem;
      await adopt(url, result, copy?.shown);
      return null;
    };

    const choose = async (url: string) => {
      const token = ++choice;
      set({ loading: true, slowRefresh: false, requestedUrl: url, pending: null });
      try {
        if (!isFeedUrl(url)) {
          fail(url, { kind: 'not-a-feed-url' });
          return;
        }
        const problem = await load(url, token);
        if (problem === 'overtaken') return;
        if (!problem) {
          set({ failure: null });
          return;
        }
        if (get().catalog) {
          fail(url, problem);
          return;
        }
        // Nothing on screen at all: the demo library, so the visitor is never left with nothing.
        const demo = url === deps.defaultUrl ? problem : await load(deps.defaultUrl, token);
        if (demo === 'overtaken') return;
        set({ failure: { url, problem, fallback: demo === null ? 'default' : 'none' } });
      } catch {
        // Every dependency promises not to throw; should one do so, say "unreachable" and go on.
        if (token === choice) fail(url, { kind: 'unreachable' });
      } finally {
        if (token === choice) set({ loading: false });
      }
    };

    const fail = (url: string, problem: FeedProblem, fromLink = false) => {
      const shown = get().shownUrl;
      const fallback = !shown ? 'none' : shown === deps.defaultUrl ? 'default' : 'previous';
      set({
        failure: { url, problem, fallback, ...(fromLink ? { fromLink: true as const } : {}) },
      });
    };

    const isKnown = async (url: string) =>
      url === deps.defaultUrl ||
      get().libraries.some((known) => known.url === url) ||
      (await deps.loadSaved(url)) !== undefined;

    const offer = async (url: string) => {
      if (url === get().shownUrl || url === get().pending?.url) return;
      if (!isFeedUrl(url)) {
        fail(url, { kind: 'not-a-feed-url' }, true);
        return;
      }
      if (await isKnown(url)) {
        await choose(url);
        return;
      }
      const token = ++offers;
      let result: FetchedFeed;
      try {
        result = await deps.fetchFeed(url, { answerMs: FIRST_LOAD_TIMEOUT_MS });
      } catch {
        result = { ok: false, problem: { kind: 'unreachable' } };
      }
      if (token !== offers) return;
      if (!result.ok) {
        fail(url, result.problem, true);
        return;
      }
      set({
        failure: null,
        pending: { url, name: result.catalog.library.name, host: feedHost(url), feed: result },
      });
    };

    const loadShelfBooks = async (shelfId: string) => {
      const { catalog, index, shelfPages } = get();
      const file = index?.shelves.get(shelfId)?.books;
      if (!catalog || !index || !file) return;
      if (index.loadedShelves.has(shelfId) || shelfPages[shelfId]?.state === 'loading') return;
      const mark = (load: BookFileLoad | undefined) => {
        const { [shelfId]: _old, ...rest } = get().shelfPages;
        set({ shelfPages: load ? { ...rest, [shelfId]: load } : rest });
      };
      mark({ state: 'loading' });
      const loaded = await deps.loadBookFile(file, 'bookPage');
      if (get().catalog !== catalog) return;
      if (!loaded.ok) {
        mark({ state: 'failed', problem: loaded.problem });
        return;
      }
      // The validator (zod) loads with the first shelf page: the feed itself is read in a worker.
      const { parseShelfPage } = await import('../domain/feed/pages.ts');
      if (get().catalog !== catalog) return;
      const page = parseShelfPage(loaded.text, file.href, catalog, index, shelfId);
      if (!page.ok) {
        mark({ state: 'invalid', errors: page.errors });
        return;
      }
      pages = new Map(pages).set(shelfId, page.value);
      const { [shelfId]: _done, ...rest } = get().shelfPages;
      set({ index: indexCatalog(catalog, pages), shelfPages: rest });
    };

    const loadDirectory = async () => {
      const { catalog, directory, directoryLoad } = get();
      const file = catalog?.directory;
      if (!catalog || !file || directory || directoryLoad?.state === 'loading') return;
      set({ directoryLoad: { state: 'loading' } });
      const loaded = await deps.loadBookFile(file, 'directory');
      if (get().catalog !== catalog) return;
      if (!loaded.ok) {
        set({ directoryLoad: { state: 'failed', problem: loaded.problem } });
        return;
      }
      const { parseDirectory } = await import('../domain/feed/pages.ts');
      if (get().catalog !== catalog) return;
      const parsed = parseDirectory(loaded.text, catalog);
      set(
        parsed.ok
          ? { directory: parsed.value, directoryLoad: null }
          : { directoryLoad: { state: 'invalid', errors: parsed.errors } },
      );
    };

    return {
      catalog: null,
      index: null,
      shelfPages: {},
      directory: null,
      directoryLoad: null,
      loadShelfBooks,
      loadDirectory,
      shownUrl: null,
      fetchedAt: null,
      loading: false,
      slowRefresh: false,
      failure: null,
      migratedFrom: null,
      requestedUrl: deps.defaultUrl,
      defaultUrl: deps.defaultUrl,
      pending: null,
      libraries: deps.libraries.read(),
      launch: async (link, remembered) => {
        const current = remembered ?? deps.defaultUrl;
        if (link === undefined || link === current) {
          await choose(current);
          return;
        }
        if (isFeedUrl(link) && (await isKnown(link))) {
          await choose(link);
          return;
        }
        await choose(current);
        await offer(link);
      },
      open: choose,
      offer,
      accept: async () => {
        const pending = get().pending;
        if (!pending) return;
        ++choice;
        set({ pending: null, failure: null, requestedUrl: pending.url, loading: false });
        await adopt(pending.url, pending.feed);
      },
      decline: () => {
        offers++;
        set({ pending: null });
      },
      retry: () => {
        const failure = get().failure;
        return failure?.fromLink ? offer(failure.url) : choose(get().requestedUrl);
      },
      switchToDefaultFeed: () => choose(deps.defaultUrl),
      backToPrevious: () =>
        choose(previousLibrary(get().libraries, get().shownUrl)?.url ?? deps.defaultUrl),
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
    shownUrl: catalog.sourceUrl,
    fetchedAt: new Date().toISOString(),
    loading: false,
    slowRefresh: false,
    failure: null,
    migratedFrom: null,
    requestedUrl: catalog.sourceUrl,
    defaultUrl: catalog.sourceUrl,
    pending: null,
    libraries: [],
    shelfPages: {},
    directory: null,
    directoryLoad: null,
    loadShelfBooks: idle,
    loadDirectory: idle,
    launch: idle,
    open: idle,
    offer: idle,
    accept: idle,
    decline: () => undefined,
    retry: idle,
    switchToDefaultFeed: idle,
    backToPrevious: idle,
    dismissFailure: () => undefined,
  }));
}
