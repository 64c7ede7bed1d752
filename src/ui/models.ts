/** 3D models of books and stories: fetched and verified by src/data, parsed by src/scene. */
import { AssetError, loadAsset } from '../data/assets.ts';
import type { Asset } from '../domain/catalog.ts';
import { isModelFileProblem, type ModelProblem } from '../domain/problems.ts';
import { checkModelFigures, checkModelFile } from '../domain/model-file.ts';
import { modelFigures, parseGlb, type SceneModel } from '../scene/gltf.ts';

/** A model, or why there is none: an expected outcome (offline, say), not an exception. */
export type ModelResult =
  | { readonly ok: true; readonly object: SceneModel }
  | { readonly ok: false; readonly problem: ModelProblem };

const models = new Map<string, Promise<ModelResult>>();

/**
 * Downloads (within the feed's declared size), checks and parses a model. A model that needs
 * other files, or asks more of the phone than the caps allow, is refused as the editor would.
 */
async function load(asset: Asset): Promise<ModelResult> {
  let buffer: ArrayBuffer;
  try {
    buffer = await loadAsset(asset, 'model');
  } catch (error) {
    return { ok: false, problem: error instanceof AssetError ? error.problem : 'offline' };
  }
  const file = checkModelFile(new Uint8Array(buffer));
  if (!file.ok) return { ok: false, problem: file.issue.problem };
  let object: SceneModel;
  try {
    object = await parseGlb(buffer);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const figures = checkModelFigures(modelFigures(object));
  return figures ? { ok: false, problem: figures.problem } : { ok: true, object };
}

// Failed downloads are remembered, so that re-rendering never fetches again in a loop, until the
// visitor asks to try again or a moment after the device is back online. Not at the 'online' event
// itself: requests made right then can still fail, and the catalog refreshed at that moment
// re-renders every model, which would fetch it too early.
export const ONLINE_SETTLE_MS = 1500;
const failed = new Set<string>();

/** Lets the next use of a model that failed to download fetch it again. */
export function forgetFailedModels(): void {
  for (const key of failed) models.delete(key);
  failed.clear();
}

/** Views showing a failed model, told when it is worth trying again. */
const retryListeners = new Set<() => void>();

/** Calls `listener` a moment after the device comes back online; returns how to stop. */
export function onOnlineAgain(listener: () => void): () => void {
  retryListeners.add(listener);
  return () => {
    retryListeners.delete(listener);
  };
}

// One timer for the page, not one per view: a view that re-renders or remounts while the catalog
// refreshes (as it does right after 'online') cannot lose it.
let settleTimer: ReturnType<typeof setTimeout> | undefined;
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      forgetFailedModels();
      for (const listener of [...retryListeners]) listener();
    }, ONLINE_SETTLE_MS);
  });
}

/** One promise per model file, so React's `use()` can suspend on it and re-renders reuse it. */
export function modelFor(asset: Asset): Promise<ModelResult> {
  const key = `${asset.href}#${asset.sha256}`;
  let model = models.get(key);
  if (!model) {
    model = load(asset);
    models.set(key, model);
    void model.then((result) => {
      if (!result.ok && !isModelFileProblem(result.problem)) failed.add(key);
    });
  }
  return model;
}
