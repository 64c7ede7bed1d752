/** 3D models for recognised books: fetched and verified by src/data, parsed by src/scene. */
import type { Object3D } from 'three';
import { AssetError, loadAsset } from '../../data/assets.ts';
import type { Asset } from '../../domain/catalog.ts';
import { parseGlb } from '../../scene/gltf.ts';
import { ModelError } from './model-error.ts';

export { ModelError };

const models = new Map<string, Promise<Object3D>>();

/** One promise per model file, so React's `use()` can suspend on it and re-renders reuse it. */
export function modelFor(asset: Asset): Promise<Object3D> {
  const key = `${asset.href}#${asset.sha256}`;
  let model = models.get(key);
  if (!model) {
    model = loadAsset(asset).then(
      (buffer) =>
        parseGlb(buffer).catch(() => {
          throw new ModelError('invalid');
        }),
      (error: unknown) => {
        throw new ModelError(error instanceof AssetError ? error.problem : 'offline');
      },
    );
    // A failed download may work later (back online): forget it so a retry fetches again.
    model.catch(() => models.delete(key));
    models.set(key, model);
  }
  return model;
}

/** Starts downloading the models of a shelf's books, so they appear at once when recognised. */
export function prefetchModels(assets: readonly Asset[]): void {
  for (const asset of assets) void modelFor(asset).catch(() => undefined);
}
