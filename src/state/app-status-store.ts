/** The app's own condition: connectivity, a waiting new version, installability. */
import { createStore } from 'zustand/vanilla';

export interface AppStatusState {
  readonly online: boolean;
  /** Set when a new version is installed and waiting; calling it reloads into it. */
  readonly applyUpdate: (() => void) | null;
  readonly updateDismissed: boolean;
  /** Set when the browser offers installation. */
  readonly install: (() => Promise<boolean>) | null;
  readonly installed: boolean;
  readonly setOnline: (online: boolean) => void;
  /** A new version is waiting: offer it again, even if an earlier one was dismissed. */
  readonly offerUpdate: (apply: () => void) => void;
  readonly dismissUpdate: () => void;
  readonly offerInstall: (install: () => Promise<boolean>) => void;
  /** Installed (the prompt was accepted, or the browser says so): no more offers. */
  readonly markInstalled: () => void;
}

export function createAppStatusStore(online: boolean, installed: boolean) {
  return createStore<AppStatusState>()((set) => ({
    online,
    applyUpdate: null,
    updateDismissed: false,
    install: null,
    installed,
    setOnline: (next) => {
      set({ online: next });
    },
    offerUpdate: (apply) => {
      set({ applyUpdate: apply, updateDismissed: false });
    },
    dismissUpdate: () => {
      set({ updateDismissed: true });
    },
    offerInstall: (install) => {
      set({ install });
    },
    markInstalled: () => {
      set({ install: null, installed: true });
    },
  }));
}

export type AppStatusStore = ReturnType<typeof createAppStatusStore>;
