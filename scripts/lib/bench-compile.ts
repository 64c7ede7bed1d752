/**
 * `npm run bench`'s publishing figure: how long `catalog:build` takes to compile covers into
 * tracking targets (mind-ar's offline compiler on tfjs's CPU backend, in compiling threads), on the
 * demo's real cover photographs. Compiling is most of a large library's first build: a library of
 * 10,000 covers compiles each once, and after that only the covers that change.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { COMPILE_THREADS, compileTargetSet } from '../../src/tracking/node/offline-compile.ts';

export interface CompileFigures {
  readonly covers: number;
  /** Milliseconds a cover on one compiling thread. */
  readonly oneThreadMs: number;
  readonly threads: number;
  /** Milliseconds a cover with the build's own number of threads (wall clock). */
  readonly allThreadsMs: number;
}

export async function benchCompile(root: string, covers = 12): Promise<CompileFigures> {
  const dir = path.join(root, 'public/demo/covers');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.jpg')).sort();
  const pictures = await Promise.all(
    names.slice(0, covers + 1).map((name) => readFile(path.join(dir, name))),
  );
  const [first, ...rest] = pictures;
  // Each thread's first cover also loads tfjs and mind-ar: not part of a cover's time.
  if (first) {
    await compileTargetSet(
      Array.from({ length: COMPILE_THREADS }, () => first),
      COMPILE_THREADS,
    );
  }
  let started = performance.now();
  await compileTargetSet(rest, 1);
  const oneThreadMs = (performance.now() - started) / rest.length;
  started = performance.now();
  await compileTargetSet(rest, COMPILE_THREADS);
  const allThreadsMs = (performance.now() - started) / rest.length;
  return { covers: rest.length, oneThreadMs, threads: COMPILE_THREADS, allThreadsMs };
}
