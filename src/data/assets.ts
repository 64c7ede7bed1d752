/**
 * Fetching the feed's files (target sets, models): each is checked against the size and SHA-256
 * the feed gives, so a corrupt or wrong file is refused rather than shown.
 */
import type { Asset } from '../domain/catalog.ts';
import type { AssetProblem } from '../domain/problems.ts';
import { sha256Hex } from './sha256.ts';

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

const inFlight = new Map<string, Promise<ArrayBuffer>>();

/** Offline, a file is either in a cache (offline pack or seen before) or not available. */
async function fromCache(asset: AssetRef): Promise<ArrayBuffer> {
  const cached = typeof caches === 'undefined' ? undefined : await caches.match(asset.href);
  if (!cached) throw new AssetError('offline', asset.href);
  const bytes = await cached.arrayBuffer();
  if (!(await matchesAsset(bytes, asset))) throw new AssetError('corrupt', asset.href);
  return bytes;
}

async function download(asset: AssetRef): Promise<ArrayBuffer> {
  if (!navigator.onLine) return fromCache(asset);
  let response: Response;
  try {
    response = await fetch(asset.href);
  } catch {
    throw new AssetError('offline', asset.href);
  }
  if (!response.ok) throw new AssetError('http', asset.href, response.status);
  const bytes = await response.arrayBuffer();
  if (!(await matchesAsset(bytes, asset))) throw new AssetError('corrupt', asset.href);
  return bytes;
}

/** Fetches and verifies an asset; concurrent requests for the same file share one download. */
export function loadAsset(asset: AssetRef): Promise<ArrayBuffer> {
  const key = `${asset.href}#${asset.sha256}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = download(asset).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
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
