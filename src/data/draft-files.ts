/**
 * The editor's files (photographed covers, models, compiled targets) in IndexedDB, stored once
 * per content hash. They are saved the moment staff add them, so a reload, a crashed tab or an
 * app update loses nothing.
 */
import { createStore, del, entries, get, keys, set } from 'idb-keyval';
import { sha256Hex } from './sha256.ts';
import { DATABASES } from './storage-map.ts';

const files = () => createStore(DATABASES.draftFiles.database, DATABASES.draftFiles.objectStore);

export class DraftStorageError extends Error {
  constructor(readonly full: boolean) {
    super(full ? 'storage full' : 'storage unavailable');
  }
}

/** Saves bytes and returns their SHA-256, which is also their key. */
export async function saveDraftFile(
  bytes: ArrayBuffer | Uint8Array,
  type: string,
): Promise<string> {
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  const hash = await sha256Hex(buffer);
  try {
    if ((await get(hash, files())) === undefined)
      await set(hash, new Blob([buffer], { type }), files());
  } catch (error) {
    throw new DraftStorageError(
      error instanceof DOMException && error.name === 'QuotaExceededError',
    );
  }
  return hash;
}

export async function readDraftFile(hash: string): Promise<Blob | undefined> {
  try {
    return await get<Blob>(hash, files());
  } catch {
    return undefined;
  }
}

/** Every stored file, by hash: for exporting what is stored when the draft cannot be opened. */
export async function allDraftFiles(): Promise<[string, Blob][]> {
  try {
    return await entries<string, Blob>(files());
  } catch {
    return [];
  }
}

/** Drops stored files that no draft refers to any more. */
export async function pruneDraftFiles(inUse: ReadonlySet<string>): Promise<void> {
  try {
    for (const key of await keys<string>(files())) {
      if (!inUse.has(key)) await del(key, files());
    }
  } catch {
    // Tidying up can wait for the next visit.
  }
}

const urls = new Map<string, string>();

/** An object URL for a stored file, made once per hash. */
export async function draftFileUrl(hash: string): Promise<string | undefined> {
  const known = urls.get(hash);
  if (known) return known;
  const blob = await readDraftFile(hash);
  if (!blob) return undefined;
  const url = URL.createObjectURL(blob);
  urls.set(hash, url);
  return url;
}
