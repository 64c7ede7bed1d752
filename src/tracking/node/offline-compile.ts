/**
 * Compiling pictures into a mind-ar target set in Node (`npm run catalog:build`, `npm run assets`),
 * with mind-ar's offline compiler drawing on @napi-rs/canvas. The browser's editor compiles in a
 * worker instead (src/tracking/compile.ts); both scale pictures to the same size first.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { TARGET_SHORT_SIDE } from '../../domain/source/target-size.ts';

/** A set's entries are independent: builds reuse compiled covers by splitting and joining sets. */
export { assembleTargetSet, oneTargetOf, splitTargetSet, targetSetLayout } from '../mind-file.ts';

/** mind-ar prints tfjs banners and warnings while compiling; keep the build output readable. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { warn, log } = console;
  console.warn = () => {};
  // eslint-disable-next-line no-console -- silencing it, not writing to it
  console.log = () => {};
  try {
    return await work();
  } finally {
    console.warn = warn;
    // eslint-disable-next-line no-console -- restoring it
    console.log = log;
  }
}

/** Compiles encoded pictures (JPEG, PNG) into one `.mind` file, in their order. */
export async function compileTargetSet(images: readonly Uint8Array[]): Promise<Uint8Array> {
  const { OfflineCompiler } = await import('mind-ar/src/image-target/offline-compiler.js');
  const scaled = await Promise.all(
    images.map(async (bytes) => {
      const image = await loadImage(bytes);
      const scale = Math.min(1, TARGET_SHORT_SIDE / Math.min(image.width, image.height));
      const width = Math.round(image.width * scale);
      const height = Math.round(image.height * scale);
      const canvas = createCanvas(width, height);
      canvas.getContext('2d').drawImage(image, 0, 0, width, height);
      return loadImage(canvas.toBuffer('image/png'));
    }),
  );
  return quietly(async () => {
    const compiler = new OfflineCompiler();
    await compiler.compileImageTargets(scaled, () => {});
    return new Uint8Array(compiler.exportData());
  });
}
