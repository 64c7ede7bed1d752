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
}

export function createAppStatusStore(online: boolean, installed: boolean) {
  return createStore<AppStatusState>()(() => ({
    online,
    applyUpdate: null,
    updateDismissed: false,
    install: null,
    installed,
  }));
}

export type AppStatusStore = ReturnType<typeof createAppStatusStore>;
