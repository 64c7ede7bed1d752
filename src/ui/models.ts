/** 3D models of books and stories: fetched and verified by src/data, parsed by src/scene. */
import type { Object3D } from 'three';
import { AssetError, loadAsset, type AssetProblem } from '../data/assets.ts';
import type { Asset } from '../domain/catalog.ts';
import { parseGlb } from '../scene/gltf.ts';

export type ModelProblem = AssetProblem | 'invalid';

/** A model, or why there is none: an expected outcome (offline, say), not an exception. */
export type ModelResult =
  | { readonly ok: true; readonly object: Object3D }
  | { readonly ok: false; readonly problem: ModelProblem };

const models = new Map<string, Promise<ModelResult>>();

async function load(asset: Asset): Promise<ModelResult> {
  let buffer: ArrayBuffer;
  try {
    buffer = await loadAsset(asset);
  } catch (error) {
    return { ok: false, problem: error instanceof AssetError ? error.problem : 'offline' };
  }
  try {
    return { ok: true, object: await parseGlb(buffer) };
  } catch {
    return { ok: false, problem: 'invalid' };
  }
}

/** One promise per model file, so React's `use()` can suspend on it and re-renders reuse it. */
export function modelFor(asset: Asset): Promise<ModelResult> {
  const key = `${asset.href}#${asset.sha256}`;
  let model = models.get(key);
  if (!model) {
    model = load(asset);
    models.set(key, model);
    // A failed download may work later (back online): forget it so the next scan fetches again.
    void model.then((result) => {
      if (!result.ok && result.problem !== 'invalid') models.delete(key);
    });
  }
  return model;
}
