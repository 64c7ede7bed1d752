/**
 * The recognition index (megabytes) fetched and checked in a worker, its bytes handed to the page
 * without a copy: on the page, Chromium finishing its 3.5 MB body into an ArrayBuffer took 11 to
 * 19 ms, in the middle of the scan view's start. One worker, idle between files, serves every
 * request; where none starts, or once it fails, the page loads the file itself, with the same
 * checks.
 */
import type { AssetKind } from '../domain/feed/limits.ts';
import type { AssetReply, AssetRequest } from './asset.worker.ts';
import { AssetError, loadAsset, type AssetRef } from './assets.ts';
import { sharedLoads } from './shared-loads.ts';

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, (reply: AssetReply | null) => void>();
// The worker would share one download's bytes between two requests, and a second transfer of them
// fails: the page asks once per file.
const shared = sharedLoads();

function assetWorker(): Worker | null {
  if (worker || broken || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./asset.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<AssetReply>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    broken = true;
    worker?.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  return worker;
}

async function viaWorker(asset: AssetRef, kind: AssetKind): Promise<ArrayBuffer> {
  const current = assetWorker();
  if (!current) return loadAsset(asset, kind);
  const id = nextId++;
  const reply = await new Promise<AssetReply | null>((resolve) => {
    waiting.set(id, resolve);
    const request: AssetRequest = {
      id,
      // The worker resolves a relative address against its own script's, not the page's.
      asset: {
        href: new URL(asset.href, location.href).href,
        sha256: asset.sha256,
        size: asset.size,
      },
      kind,
      online: navigator.onLine,
    };
    current.postMessage(request);
  });
  if (!reply) return loadAsset(asset, kind);
  if (reply.ok) return reply.bytes;
  throw new AssetError(reply.problem, reply.href, reply.status);
}

/** `loadAsset`, done in a worker: the same caps, checks and problems; one download per file. */
export function loadAssetOffPage(asset: AssetRef, kind: AssetKind): Promise<ArrayBuffer> {
  return shared(asset, () => viaWorker(asset, kind));
}
