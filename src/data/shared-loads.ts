import type { AssetRef } from './assets.ts';

/**
 * A place where concurrent requests for the same file share one promise until it settles; each
 * caller keeps its own, so that one loader may fall back on another without waiting for itself.
 */
export function sharedLoads(): (
  asset: AssetRef,
  start: () => Promise<ArrayBuffer>,
) => Promise<ArrayBuffer> {
  const inFlight = new Map<string, Promise<ArrayBuffer>>();
  return (asset, start) => {
    const key = `${asset.href}#${asset.sha256}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = start().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
