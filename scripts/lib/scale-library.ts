/**
 * A published library of `size` covers for running the built app at scale (`npm run bench:scale`):
 * the demo's 40 cover photographs and drawn covers after them (scripts/lib/scale-covers.ts, the
 * same covers the index-level benchmark describes), on the ten shelves of the generated library,
 * built with `catalog:build`'s own code. Kept in .cache/bench-scale-app/<size>; a second run
 * compiles nothing (the build is incremental).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Canvas } from '@napi-rs/canvas';
import { drawnFloorPlan } from '../../src/domain/floorplan.ts';
import { SourceCatalog, type SourceCatalogInput } from '../../src/domain/source/schema.ts';
import { buildCatalog, fileExists } from './catalog-build.ts';
import { generatedLibrary } from './generated-library.ts';
import { demoCovers, drawnCover, wordsFor } from './scale-covers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCALE_APP_CACHE = path.join(ROOT, '.cache/bench-scale-app');

/** Builds (or finds built) the library of `size` covers; returns its output folder. */
export async function scaleLibrary(size: number, log: (line: string) => void): Promise<string> {
  const dir = path.join(SCALE_APP_CACHE, String(size));
  const sourceDir = path.join(dir, 'source');
  const outDir = path.join(dir, 'out');
  await mkdir(path.join(sourceDir, 'sampul'), { recursive: true });
  const generated = generatedLibrary(size);
  const demo = await demoCovers();
  const books = [];
  for (const [i, book] of generated.books.entries()) {
    const photo = demo[i];
    const seed = i - demo.length + 1;
    const id = photo ? photo.key.slice('book:'.length) : `cover-${String(seed)}`;
    const file = `sampul/${id}.jpg`;
    const target = path.join(sourceDir, file);
    if (!(await fileExists(target))) {
      if (photo) {
        await copyFile(path.join(ROOT, 'public/demo/covers', `${id}.jpg`), target);
      } else {
        const canvas = (await drawnCover(seed).draw()) as Canvas;
        await writeFile(target, canvas.toBuffer('image/jpeg', 90));
      }
    }
    const title = photo ? id : `${wordsFor(seed).title} ${String(seed)}`;
    // Every cover is a target here (the generated library leaves imported books untracked).
    books.push({ ...book, id, title: { id: title }, cover: file, track: true });
  }
  const source: SourceCatalogInput = { ...generated, books };
  await writeFile(path.join(sourceDir, 'catalog.source.json'), JSON.stringify(source));
  const parsed = SourceCatalog.parse(source);
  const floorPlan = new TextEncoder().encode(drawnFloorPlan(parsed.library, parsed.shelves));
  const result = await buildCatalog({
    sourceDir,
    outDir,
    source,
    generated: new Map([[parsed.library.floorPlan, floorPlan]]),
    split: false,
    log,
  });
  if (!result.ok) {
    throw new Error(result.errors.map((e) => `${e.path}: ${e.message.en}`).join('\n'));
  }
  return outDir;
}
