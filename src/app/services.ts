/**
 * Composition root: the stores, wired to the data layer, created once at start-up. `?feed=` and
 * `?lang=` are read here, so a link or QR code can open another library or force a language.
 */
import { isLang } from '../domain/langmap.ts';
import { loadBookFile } from '../data/book-files.ts';
import { loadSavedFeed, saveFeed } from '../data/catalog-cache.ts';
import { fetchFeed } from '../data/feed-loader.ts';
import { readFeedOffThread, warmFeedReader } from '../data/feed-reader.ts';
import {
  readLibraries,
  rememberedFeedUrl,
  rememberFeedUrl,
  settingsStorage,
  writeLibraries,
} from '../data/local-settings.ts';
import { FEED_PARAM } from '../domain/feed-url.ts';
import { languageFromBrowser } from '../i18n/translate.ts';
import { createCatalogStore } from '../state/catalog-store.ts';
import { createPrefsStore } from '../state/prefs-store.ts';
import { createAppStatusStore } from '../state/app-status-store.ts';
import { createProgrammeStore } from '../state/programme-store.ts';
import {
  recoverFromStaleChunks,
  registerServiceWorker,
  runningInstalled,
  watchConnectivity,
  watchInstallPrompt,
} from '../data/pwa.ts';

export const DEFAULT_FEED_URL = new URL(`${import.meta.env.BASE_URL}catalog.json`, location.href)
  .href;

const params = new URLSearchParams(location.search);

/** The feed a link or QR code names (`?feed=`), resolved against the app's address. */
function linkedFeedUrl(): string | undefined {
  const fromQuery = params.get(FEED_PARAM);
  if (!fromQuery) return undefined;
  // Not a URL at all: kept as it is, and refused as "not a feed address".
  return URL.canParse(fromQuery, location.href)
    ? new URL(fromQuery, location.href).href
    : fromQuery;
}

/**
 * Opens the library of the link (asking first when it is new), else the visitor's own. The link's
 * `?feed=` leaves the address bar, so a reload does not ask again.
 */
export function startCatalog(): Promise<void> {
  const link = linkedFeedUrl();
  if (link !== undefined) {
    const url = new URL(location.href);
    url.searchParams.delete(FEED_PARAM);
    history.replaceState(history.state, '', url.href);
  }
  return catalogStore.getState().launch(link, rememberedFeedUrl());
}

// The browser's languages are the default; persist then restores what the visitor chose earlier.
// The same for contrast: the system's "more contrast" setting, until the visitor chooses.
export const prefsStore = createPrefsStore(
  settingsStorage,
  languageFromBrowser(navigator.languages),
  window.matchMedia('(prefers-contrast: more)').matches ? 'high' : 'normal',
);

// `?lang=` wins over what was remembered, and is remembered from now on.
const forcedLang = params.get('lang');
if (isLang(forcedLang)) prefsStore.getState().setLang(forcedLang);

// What was remembered applies before the first render, so text chosen at 200 % does not start at
// 100 % and jump (the e2e test read 16 px after a reload); Layout keeps it in step afterwards.
{
  const { lang, textSize, contrast } = prefsStore.getState();
  document.documentElement.lang = lang;
  document.documentElement.dataset['textSize'] = textSize;
  document.documentElement.dataset['contrast'] = contrast;
}

export const catalogStore = createCatalogStore({
  defaultUrl: DEFAULT_FEED_URL,
  fetchFeed: (url, limits) => {
    warmFeedReader(url);
    return fetchFeed(url, limits, readFeedOffThread);
  },
  readFeed: readFeedOffThread,
  loadSaved: loadSavedFeed,
  save: saveFeed,
  libraries: { read: readLibraries, write: writeLibraries },
  rememberFeedUrl,
  now: () => new Date(),
  loadBookFile,
});

export const programmeStore = createProgrammeStore(settingsStorage);

/** The events and books seen on earlier visits, read before this visit adds its own. */
const remembered = programmeStore.getState();
export const lastVisit = {
  events: remembered.seenEvents ? new Set(remembered.seenEvents) : null,
  books: remembered.seenBooks ? new Set(remembered.seenBooks) : null,
};

export const statusStore = createAppStatusStore(navigator.onLine, runningInstalled());

/** Offline support, updates and installation; call once at start-up. */
export function startPwa(): void {
  recoverFromStaleChunks();
  const status = statusStore.getState();
  registerServiceWorker((flow) => {
    status.offerUpdate(flow.apply);
  });
  watchInstallPrompt(status.offerInstall, status.markInstalled);
  watchConnectivity((online) => {
    status.setOnline(online);
    // Back online after showing a saved copy: fetch the feed again.
    const { failure, retry } = catalogStore.getState();
    if (online && failure?.problem.kind === 'unreachable') void retry();
  });
}
