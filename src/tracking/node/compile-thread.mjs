/**
 * One compiling thread of `compileTargetSet` (offline-compile.ts): mind-ar's offline compiler runs
 * on one core, so a build compiles a set's covers on several of these at once. Plain JavaScript, so
 * that it starts the same under tsx, vitest and plain Node.
 *
 * Receives `{ images }` (PNG bytes, already scaled) and answers `{ bytes }` (a `.mind` file of those
 * covers, in their order) or `{ error }`, one job at a time.
 */
import { parentPort } from 'node:worker_threads';
import { loadImage } from '@napi-rs/canvas';

/** mind-ar prints tfjs banners and warnings while compiling; keep the build output readable. */
console.warn = () => {};
// eslint-disable-next-line no-console -- silencing it, not writing to it
console.log = () => {};

const { OfflineCompiler } = await import('mind-ar/src/image-target/offline-compiler.js');

parentPort?.on('message', async ({ images }) => {
  try {
    const pictures = await Promise.all(images.map((bytes) => loadImage(bytes)));
    const compiler = new OfflineCompiler();
    await compiler.compileImageTargets(pictures, () => {});
    const bytes = new Uint8Array(compiler.exportData());
    parentPort?.postMessage({ bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
