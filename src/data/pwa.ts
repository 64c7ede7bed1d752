/**
 * The installable, offline side of the app: service-worker registration with workbox-window,
 * the "new version" handshake, the install prompt, and recovery from chunks that vanished in a
 * deploy. The page only ever reloads when the visitor asks, except once for a vanished chunk.
 */
import { Workbox } from 'workbox-window';
import { readSessionFlag, writeSessionFlag } from './local-settings.ts';
import { KEYS } from './storage-map.ts';

/** The part of workbox-window's Workbox that the update flow uses; tests pass a fake. */
export interface UpdateChannel {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  messageSkipWaiting(): void;
}

export interface UpdateFlow {
  /** Activates the waiting version; the page reloads once it controls the page. */
  readonly apply: () => void;
}

/**
 * Calls `onUpdateReady` when a new version is installed and waiting. Nothing happens until the
 * visitor accepts: then the waiting worker takes over and the page reloads once.
 */
export function watchForUpdates(
  channel: UpdateChannel,
  onUpdateReady: () => void,
  reload: () => void,
): UpdateFlow {
  let accepted = false;
  let reloaded = false;
  channel.addEventListener('waiting', onUpdateReady);
  channel.addEventListener('controlling', () => {
    // Another tab may have accepted the update; reload only for the visitor who asked here.
    if (accepted && !reloaded) {
      reloaded = true;
      reload();
    }
  });
  return {
    apply: () => {
      accepted = true;
      channel.messageSkipWaiting();
    },
  };
}

export function registerServiceWorker(onUpdateReady: (flow: UpdateFlow) => void): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, {
    scope: import.meta.env.BASE_URL,
  });
  const flow = watchForUpdates(
    workbox,
    () => {
      onUpdateReady(flow);
    },
    () => {
      location.reload();
    },
  );
  void workbox.register().catch((error: unknown) => {
    console.warn('Service worker registration failed; the app works online only', error);
  });
}

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Chrome's install prompt, kept until the visitor taps "Install". */
export function watchInstallPrompt(
  onAvailable: (install: () => Promise<boolean>) => void,
  onInstalled: () => void,
): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    const prompt = event as InstallPromptEvent;
    onAvailable(async () => {
      await prompt.prompt();
      return (await prompt.userChoice).outcome === 'accepted';
    });
  });
  window.addEventListener('appinstalled', onInstalled);
}

export function runningInstalled(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia('(display-mode: standalone)').matches;
}

/** iPhone and iPad Safari have no install prompt: the visitor uses Share › Add to Home Screen. */
export function needsIosInstallSteps(): boolean {
  const ios =
    /iPad|iPhone|iPod/.test(navigator.userAgent) ||
    (navigator.userAgent.includes('Mac') && navigator.maxTouchPoints > 1);
  return ios && !runningInstalled();
}

const RELOADED_FLAG = KEYS.reloadedForNewVersion.key;

/**
 * After a deploy, an open page may ask for a chunk that no longer exists. Reload once to get the
 * new version; if that does not help, the error reaches the page's error screen.
 */
export function recoverFromStaleChunks(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (readSessionFlag(RELOADED_FLAG)) return;
    writeSessionFlag(RELOADED_FLAG, true);
    event.preventDefault();
    location.reload();
  });
  // A page that loaded fine clears the flag for the next deploy.
  window.addEventListener('load', () => {
    setTimeout(() => {
      writeSessionFlag(RELOADED_FLAG, false);
    }, 10_000);
  });
}

export function watchConnectivity(onChange: (online: boolean) => void): void {
  window.addEventListener('online', () => {
    onChange(true);
  });
  window.addEventListener('offline', () => {
    onChange(false);
  });
}
