/**
 * Composition root: the stores, wired to the data layer, created once at start-up. `?feed=` and
 * `?lang=` are read here, so a link or QR code can open another library or force a language.
 */
import { isLang } from '../domain/langmap.ts';
import { loadLastGoodFeed, saveLastGoodFeed } from '../data/catalog-cache.ts';
import { fetchFeed, readFeed } from '../data/feed-loader.ts';
import { rememberedFeedUrl, rememberFeedUrl, settingsStorage } from '../data/local-settings.ts';
import { languageFromBrowser } from '../i18n/translate.ts';
import { createCatalogStore } from '../state/catalog-store.ts';
import { createPrefsStore } from '../state/prefs-store.ts';
import { createAppStatusStore } from '../state/app-status-store.ts';
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

/** The feed to open: `?feed=` first, then the one chosen earlier, then the demo library. */
export function requestedFeedUrl(): string {
  const fromQuery = params.get('feed');
  if (fromQuery) {
    try {
      return new URL(fromQuery, location.href).href;
    } catch {
      // Not a URL at all: the loader reports it as unreachable.
      return fromQuery;
    }
  }
  return rememberedFeedUrl() ?? DEFAULT_FEED_URL;
}

// The browser's languages are the default; persist then restores what the visitor chose earlier.
export const prefsStore = createPrefsStore(
  settingsStorage,
  languageFromBrowser(navigator.languages),
);

// `?lang=` wins over what was remembered, and is remembered from now on.
const forcedLang = params.get('lang');
if (isLang(forcedLang)) prefsStore.getState().setLang(forcedLang);

export const catalogStore = createCatalogStore({
  defaultUrl: DEFAULT_FEED_URL,
  fetchFeed,
  readFeed,
  loadLastGood: loadLastGoodFeed,
  saveLastGood: saveLastGoodFeed,
  rememberFeedUrl,
  now: () => new Date(),
});

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
