/// <reference lib="webworker" />
/**
 * Fetches and checks large files off the page (`assets-off-page.ts`): the same `loadAsset`,
 * run where finishing a body of megabytes does not take the page's time.
 */
import type { AssetKind } from '../domain/feed/limits.ts';
import type { AssetProblem } from '../domain/problems.ts';
import { AssetError, loadAsset, type AssetRef } from './assets.ts';

export interface AssetRequest {
  readonly id: number;
  readonly asset: AssetRef;
  readonly kind: AssetKind;
  /** Whether the page is online: a worker's own `navigator.onLine` may not follow it. */
  readonly online: boolean;
}

export type AssetReply =
  | { readonly id: number; readonly ok: true; readonly bytes: ArrayBuffer }
  | {
      readonly id: number;
      readonly ok: false;
      readonly problem: AssetProblem;
      readonly href: string;
      readonly status: number | undefined;
    };

self.onmessage = async (event: MessageEvent<AssetRequest>) => {
  const { id, asset, kind, online } = event.data;
  try {
    const bytes = await loadAsset(asset, kind, online);
    // Transferred, not copied; a transfer that fails is answered below, so the page never waits.
    self.postMessage({ id, ok: true, bytes } satisfies AssetReply, [bytes]);
  } catch (error) {
    self.postMessage(
      (error instanceof AssetError
        ? { id, ok: false, problem: error.problem, href: error.href, status: error.status }
        : {
            id,
            ok: false,
            problem: 'offline',
            href: asset.href,
            status: undefined,
          }) satisfies AssetReply,
    );
  }
};
