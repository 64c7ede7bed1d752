/**
 * Small settings in localStorage: the visitor's preferences and which feed they chose. Storage can
 * be missing (private mode) or full; then settings live for this visit only. Keys: storage-map.ts.
 */
import { parseLibraries, type LibraryChoice } from '../domain/libraries.ts';
import { KEY_PREFIX as PREFIX, KEYS, type StoredKey } from './storage-map.ts';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function readSetting(key: string): string | null {
  try {
    return storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(PREFIX + key);
    else storage()?.setItem(PREFIX + key, value);
  } catch {
    // Full or blocked: the setting lives in memory for this visit.
  }
}

/** Shaped for zustand's persist middleware (its StateStorage). */
export const settingsStorage = {
  getItem: readSetting,
  setItem: (key: string, value: string) => {
    writeSetting(key, value);
  },
  removeItem: (key: string) => {
    writeSetting(key, null);
  },
};

export const rememberedFeedUrl = (): string | undefined =>
  readSetting(KEYS.feedUrl.key) ?? undefined;
export const rememberFeedUrl = (url: string | undefined): void => {
  writeSetting(KEYS.feedUrl.key, url ?? null);
};

/** The libraries the visitor has opened, most recent first (see domain/libraries.ts). */
export function readLibraries(): LibraryChoice[] {
  const text = readSetting(KEYS.libraries.key);
  if (!text) return [];
  try {
    return parseLibraries(JSON.parse(text));
  } catch {
    return [];
  }
}

export function writeLibraries(list: readonly LibraryChoice[]): void {
  writeSetting(KEYS.libraries.key, list.length > 0 ? JSON.stringify(list) : null);
}

/** Removes one key of the storage map, in localStorage or sessionStorage. */
export function removeStoredKey(entry: StoredKey): void {
  try {
    const area = entry.area === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    area.removeItem(PREFIX + entry.key);
  } catch {
    // Storage unavailable: nothing stored.
  }
}

/** Flags for this tab only (sessionStorage), e.g. "already reloaded once". */
export function readSessionFlag(key: string): boolean {
  try {
    return globalThis.sessionStorage.getItem(PREFIX + key) === '1';
  } catch {
    return false;
  }
}

export function writeSessionFlag(key: string, value: boolean): void {
  try {
    if (value) globalThis.sessionStorage.setItem(PREFIX + key, '1');
    else globalThis.sessionStorage.removeItem(PREFIX + key);
  } catch {
    // No session storage: at worst the page reloads once more.
  }
}
