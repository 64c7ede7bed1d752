// @vitest-environment jsdom
/**
 * The one map of what the app keeps on the device (src/data/storage-map.ts) and the code agree:
 * no module names a database, cache or key of its own, the stores persist under the names the map
 * gives, and "clear my data" deletes exactly what the map marks as the visitor's, no more.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createStore, entries, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSavedData } from '../../src/data/clear.ts';
import { CACHES, DATABASES, KEY_PREFIX, KEYS } from '../../src/data/storage-map.ts';
import { createEditorStore } from '../../src/state/editor-store.ts';
import { createPrefsStore } from '../../src/state/prefs-store.ts';
import { ROOT } from '../helpers/demo-feed.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('the storage map', () => {
  it('is the only place that names a database, a cache or a stored key', () => {
    const named: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      if (file.endsWith(path.join('data', 'storage-map.ts'))) continue;
      const text = readFileSync(file, 'utf8');
      const literal =
        /createStore\(\s*['"`]|caches\.(open|delete)\(\s*['"`]|(read|write)(Setting|SessionFlag)\(\s*['"`]|Storage\.(get|set|remove)Item\(\s*['"`]/;
      if (literal.test(text)) named.push(path.relative(ROOT, file));
    }
    expect(named).toEqual([]);
  });

  it('names the keys the stores persist under', () => {
    const memory = new Map<string, string>();
    const storage = {
      getItem: (key: string) => memory.get(key) ?? null,
      setItem: (key: string, value: string) => void memory.set(key, value),
      removeItem: (key: string) => void memory.delete(key),
    };
    expect(createPrefsStore(storage, 'id').persist.getOptions().name).toBe(KEYS.prefs.key);
    expect(DATABASES.draft.keys).toContain(createEditorStore(storage).persist.getOptions().name);
  });
});

/** A Cache Storage stand-in: jsdom has none. */
function fakeCaches() {
  const open = new Set<string>();
  return {
    names: open,
    api: {
      open: (name: string) => {
        open.add(name);
        return Promise.resolve({});
      },
      delete: (name: string) => Promise.resolve(open.delete(name)),
      keys: () => Promise.resolve([...open]),
    },
  };
}

describe('"clear my data"', () => {
  let cacheStorage: ReturnType<typeof fakeCaches>;
  beforeEach(() => {
    cacheStorage = fakeCaches();
    (globalThis as { caches?: unknown }).caches = cacheStorage.api;
  });
  afterEach(() => {
    delete (globalThis as { caches?: unknown }).caches;
  });

  it('deletes every place the map gives to visitors, and keeps the staff draft', async () => {
    for (const db of Object.values(DATABASES)) {
      await set('something', 'kept', createStore(db.database, db.objectStore));
    }
    for (const cache of Object.values(CACHES)) await caches.open(cache.cache);
    for (const entry of Object.values(KEYS)) {
      (entry.area === 'local' ? localStorage : sessionStorage).setItem(
        KEY_PREFIX + entry.key,
        'kept',
      );
    }
    // Another app on the same origin: not ours to delete.
    localStorage.setItem('another-app', 'theirs');

    await clearSavedData();

    for (const db of Object.values(DATABASES)) {
      const left = await entries(createStore(db.database, db.objectStore));
      expect(left.length, db.database).toBe(db.clearedByVisitor ? 0 : 1);
    }
    for (const cache of Object.values(CACHES)) {
      expect(cacheStorage.names.has(cache.cache), cache.cache).toBe(!cache.clearedByVisitor);
    }
    for (const entry of Object.values(KEYS)) {
      const area = entry.area === 'local' ? localStorage : sessionStorage;
      expect(area.getItem(KEY_PREFIX + entry.key) === null, entry.key).toBe(entry.clearedByVisitor);
    }
    expect(localStorage.getItem('another-app')).toBe('theirs');
    // The map keeps the staff's work: the editor's draft and its files.
    expect(DATABASES.draft.clearedByVisitor).toBe(false);
    expect(DATABASES.draftFiles.clearedByVisitor).toBe(false);
  });
});
