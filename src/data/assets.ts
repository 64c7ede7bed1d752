/**
 * Fetching the feed's files (target sets, models, audio): the size the feed declares is checked
 * against the cap for that kind of file before anything is downloaded, the download stops as soon
 * as it grows past that size, and the bytes must match the SHA-256 the feed gives, so a corrupt,
 * swapped or oversized file is refused rather than shown.
 */
import { ASSET_LIMITS, type AssetKind } from '../domain/feed/limits.ts';
import type { Asset } from '../domain/catalog.ts';
import type { AssetProblem } from '../domain/problems.ts';
import { sha256Hex } from './sha256.ts';
import { sharedLoads } from './shared-loads.ts';

/** What is needed to fetch and check a file: any asset, or a target set. */
export type AssetRef = Pick<Asset, 'href' | 'sha256'> & { readonly size?: number | undefined };

export class AssetError extends Error {
  constructor(
    readonly problem: AssetProblem,
    readonly href: string,
    readonly status?: number,
  ) {
    super(`${problem}: ${href}`);
  }
}

/** True when the bytes are the file the feed describes. */
export async function matchesAsset(bytes: ArrayBuffer, asset: AssetRef): Promise<boolean> {
  if (asset.size !== undefined && bytes.byteLength !== asset.size) return false;
  return (await sha256Hex(bytes)) === asset.sha256;
}

const shared = sharedLoads();

/** Offline, a file is either in a cache (offline pack or seen before) or not available. */
async function fromCache(asset: AssetRef): Promise<ArrayBuffer> {
  const cached = typeof caches === 'undefined' ? undefined : await caches.match(asset.href);
  if (!cached) throw new AssetError('offline', asset.href);
  const bytes = await cached.arrayBuffer();
  if (!(await matchesAsset(bytes, asset))) throw new AssetError('corrupt', asset.href);
  return bytes;
}

/** Reads a body, stopping at `limit` bytes: a server that sends more is refused as corrupt. */
async function readAtMost(response: Response, limit: number, href: string): Promise<ArrayBuffer> {
  // A declared, unencoded length is all the browser will deliver: read the body in one piece,
  // off the main thread (streaming a 1.4 MB index chunk by chunk cost ~40 ms of the page's thread).
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const knownLength = !encoded && Number.isInteger(declared) && declared >= 0;
  if (knownLength && declared > limit) {
    await response.body?.cancel();
    throw new AssetError('corrupt', href);
  }
  const reader = knownLength ? undefined : response.body?.getReader();
  if (!reader) {
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > limit) throw new AssetError('corrupt', href);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw new AssetError('corrupt', href);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

async function download(asset: AssetRef, limit: number, online: boolean): Promise<ArrayBuffer> {
  if (!online) return fromCache(asset);
  let response: Response;
  try {
    response = await fetch(asset.href);
  } catch {
    throw new AssetError('offline', asset.href);
  }
  if (!response.ok) throw new AssetError('http', asset.href, response.status);
  const bytes = await readAtMost(response, limit, asset.href).catch((error: unknown) => {
    throw error instanceof AssetError ? error : new AssetError('offline', asset.href);
  });
  if (!(await matchesAsset(bytes, asset))) throw new AssetError('corrupt', asset.href);
  return bytes;
}

/**
 * Fetches and verifies an asset of a kind (its size cap); concurrent requests for the same file
 * share one download. A file the feed declares larger than the cap is refused without fetching.
 * Offline (as the page knows it: a worker is told), it comes from the caches or not at all.
 */
export function loadAsset(
  asset: AssetRef,
  kind: AssetKind,
  online: boolean = navigator.onLine,
): Promise<ArrayBuffer> {
  const cap = ASSET_LIMITS[kind];
  if (asset.size !== undefined && asset.size > cap) {
    return Promise.reject(new AssetError('too-large', asset.href));
  }
  return shared(asset, () => download(asset, Math.min(asset.size ?? cap, cap), online));
}

/** A file's bytes as the server sends them, or undefined when it cannot be fetched. */
export async function fetchFileBytes(href: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(href);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a file can be shown without a network: it is in an offline pack or was seen before. */
export async function isCached(href: string): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  try {
    return (await caches.match(href)) !== undefined;
  } catch {
    return false;
  }
}

/** A byte range of an asset and that range's SHA-256 (a cover's entry in its target set). */
export interface AssetPart {
  readonly start: number;
  readonly end: number;
  readonly sha256: string;
}

/**
 * One part of an asset, checked against the part's own hash: a guessed cover's 0.2 MB of its
 * set's 4 MB. A copy the device holds (an offline pack, or the file seen before) is read straight
 * from the cache, without passing the whole file through the service worker (130 to 600 ms a set
 * while scanning, measured); otherwise the part alone is fetched with a Range request, and a
 * server that sends the whole file is read up to the kind's cap and cut. Ends in the bytes or an
 * `AssetError`, like `loadAsset`.
 */
export async function loadAssetPart(
  asset: AssetRef,
  part: AssetPart,
  kind: AssetKind,
  online: boolean = navigator.onLine,
): Promise<ArrayBuffer> {
  const cap = ASSET_LIMITS[kind];
  const length = part.end - part.start;
  const fits =
    Number.isInteger(part.start) &&
    Number.isInteger(part.end) &&
    part.start >= 0 &&
    length > 0 &&
    length <= cap &&
    (asset.size === undefined || part.end <= asset.size);
  if (!fits) throw new AssetError('corrupt', asset.href);
  const fromDevice = await cachedPart(asset, part);
  if (fromDevice) return fromDevice;
  if (!online) throw new AssetError('offline', asset.href);
  let response: Response;
  try {
    response = await fetch(asset.href, {
      headers: { Range: `bytes=${String(part.start)}-${String(part.end - 1)}` },
      // Past the browser's HTTP cache: a copy it holds of a host's gzipped answer counts ranges in
      // gzipped bytes (Chromium answered 416 for a range inside the file, found in the e2e run).
      cache: 'no-store',
    });
  } catch {
    throw new AssetError('offline', asset.href);
  }
  if (response.status !== 206 && response.status !== 200) {
    await response.body?.cancel();
    throw new AssetError('http', asset.href, response.status);
  }
  const whole = response.status === 200;
  const limit = whole ? Math.min(asset.size ?? cap, cap) : length;
  const body = await readAtMost(response, limit, asset.href).catch((error: unknown) => {
    throw error instanceof AssetError ? error : new AssetError('offline', asset.href);
  });
  const bytes = whole ? body.slice(part.start, part.end) : body;
  if (bytes.byteLength !== length || (await sha256Hex(bytes)) !== part.sha256) {
    throw new AssetError('corrupt', asset.href);
  }
  return bytes;
}

/** The part from a cached copy of the file, if there is one and the part matches its hash. */
async function cachedPart(asset: AssetRef, part: AssetPart): Promise<ArrayBuffer | null> {
  if (typeof caches === 'undefined') return null;
  try {
    const cached = await caches.match(asset.href);
    if (!cached) return null;
    const blob = await cached.blob();
    if (blob.size < part.end || (asset.size !== undefined && blob.size !== asset.size)) return null;
    const bytes = await blob.slice(part.start, part.end).arrayBuffer();
    return (await sha256Hex(bytes)) === part.sha256 ? bytes : null;
  } catch {
    return null;
  }
}
