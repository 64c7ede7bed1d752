/**
 * Offline packs on this device: the files of a shelf or a tour, fetched, checked against their
 * SHA-256 and kept in Cache Storage, with a list of saved packs in IndexedDB. The service worker
 * serves them when there is no network.
 */
import { createStore, del, entries, set } from 'idb-keyval';
import { packId, packKey, type PackFile, type PackPlan, type PackRef } from '../domain/packs.ts';
import type { LangMap } from '../domain/langmap.ts';
import { matchesAsset } from './assets.ts';
import { PACK_CACHE } from './cache-names.ts';
import { DATABASES } from './storage-map.ts';

export type PackProblem = 'offline' | 'quota' | 'corrupt' | 'http' | 'unsupported';

export class PackError extends Error {
  constructor(readonly problem: PackProblem) {
    super(problem);
  }
}

export interface SavedPack {
  readonly id: string;
  /** The feed of the library it belongs to (absent in packs saved before 1.1). */
  readonly feedUrl?: string;
  readonly library?: LangMap;
  readonly ref: PackRef;
  readonly title: LangMap;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly includesModels: boolean;
  /** ISO date of the download. */
  readonly savedAt: string;
}

const registry = () => createStore(DATABASES.packs.database, DATABASES.packs.objectStore);

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

export function packsSupported(): boolean {
  return typeof caches !== 'undefined';
}

export async function listPacks(): Promise<SavedPack[]> {
  try {
    const all = await entries<string, SavedPack>(registry());
    return all.map(([, pack]) => pack).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  } catch {
    return [];
  }
}

/** Files still needed by packs other than `exceptId`. */
async function filesInUse(exceptId: string): Promise<Set<string>> {
  const packs = await listPacks();
  return new Set(packs.filter((pack) => pack.id !== exceptId).flatMap((pack) => pack.files));
}

async function deleteFiles(files: Iterable<string>, exceptId: string): Promise<void> {
  const cache = await caches.open(PACK_CACHE);
  const keep = await filesInUse(exceptId);
  for (const href of files) if (!keep.has(href)) await cache.delete(href);
}

export interface DownloadOptions {
  readonly includeModels: boolean;
  /** The library's feed and name, so packs of different libraries stay apart. */
  readonly feedUrl: string;
  readonly library: LangMap;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The saved pack of a shelf or tour of one library (a pack saved before 1.1 has no library). */
export async function findPack(feedUrl: string, ref: PackRef): Promise<SavedPack | undefined> {
  const packs = await listPacks();
  return (
    packs.find((pack) => pack.id === packKey(feedUrl, ref)) ??
    packs.find((pack) => pack.feedUrl === undefined && pack.id === packId(ref))
  );
}

/**
 * Downloads a pack, or brings an outdated one up to date (files it already has are not fetched
 * again, files no longer needed go). On failure nothing half-done stays behind, and the error
 * says why: no network, the device is full, or a file is wrong.
 */
export async function downloadPack(plan: PackPlan, options: DownloadOptions): Promise<SavedPack> {
  if (!packsSupported()) throw new PackError('unsupported');
  // Ask the browser not to evict saved packs under storage pressure; it may say no, and older
  // browsers lack the API whatever the DOM types say.
  const storage = navigator.storage as StorageManager | undefined;
  void storage?.persist().catch(() => false);
  const id = packKey(options.feedUrl, plan.ref);
  const previous = await findPack(options.feedUrl, plan.ref);
  const files: PackFile[] = plan.files.filter((f) => options.includeModels || !f.model);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const cache = await caches.open(PACK_CACHE);
  const added: string[] = [];
  let done = 0;
  options.onProgress?.(0, total);
  try {
    for (const entry of files) {
      const cached = await cache.match(entry.href);
      if (!cached) {
        let response: Response;
        try {
          response = await fetch(entry.href, { cache: 'no-cache' });
        } catch {
          throw new PackError('offline');
        }
        if (!response.ok) throw new PackError('http');
        const bytes = await response.clone().arrayBuffer();
        if (!(await matchesAsset(bytes, entry))) throw new PackError('corrupt');
        await cache.put(entry.href, response);
        added.push(entry.href);
      }
      done += entry.size;
      options.onProgress?.(done, total);
    }
    const pack: SavedPack = {
      id,
      feedUrl: options.feedUrl,
      library: options.library,
      ref: plan.ref,
      title: plan.title,
      files: files.map((f) => f.href),
      bytes: total,
      includesModels: options.includeModels,
      savedAt: new Date().toISOString(),
    };
    await set(id, pack, registry());
    if (previous) {
      if (previous.id !== id) await del(previous.id, registry());
      const kept = new Set(pack.files);
      await deleteFiles(
        previous.files.filter((href) => !kept.has(href)),
        id,
      );
    }
    return pack;
  } catch (error) {
    await deleteFiles(added, id).catch(() => undefined);
    if (error instanceof PackError) throw error;
    if (isQuotaError(error)) throw new PackError('quota');
    throw new PackError('offline');
  }
}

export async function removePack(id: string): Promise<void> {
  const pack = (await listPacks()).find((p) => p.id === id);
  await del(id, registry());
  if (pack && packsSupported()) await deleteFiles(pack.files, id);
}

export interface StorageFigures {
  readonly usage: number | null;
  readonly quota: number | null;
  readonly persisted: boolean;
}

export async function storageFigures(): Promise<StorageFigures> {
  try {
    const estimate = await navigator.storage.estimate();
    const persisted = await navigator.storage.persisted();
    return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
  } catch {
    return { usage: null, quota: null, persisted: false };
  }
}
