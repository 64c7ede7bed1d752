/**
 * `npm run assets`: draws the demo library's covers, shelf signs and floor plan from seeds, builds
 * its GLB models, compiles its target sets and writes `public/catalog.json`. Everything is
 * deterministic, so running it again reproduces the committed files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { demoSource } from '../assets/demo/library.ts';
import { SourceCatalog } from '../src/domain/source/schema.ts';
import { drawCover, drawSign, seedOf } from './lib/art.ts';
import { buildCatalog } from './lib/catalog-build.ts';
import { drawnFloorPlan } from '../src/domain/floorplan.ts';
import { buildModel, MODELS, type ModelName } from './lib/models.ts';

const root = path.resolve(import.meta.dirname, '..');
const publicDir = path.join(root, 'public');
const demoDir = path.join(publicDir, 'demo');

/** Display size of the covers: sharp on a phone's book page; targets are compiled smaller. */
export const COVER_WIDTH = 300;
export const COVER_HEIGHT = 450;
const SIGN_WIDTH = 480;
const SIGN_HEIGHT = 240;

async function write(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

async function main(): Promise<void> {
  const source = SourceCatalog.parse(demoSource);

  for (const book of source.books) {
    if (!book.cover) continue;
    const canvas = createCanvas(COVER_WIDTH, COVER_HEIGHT);
    drawCover(canvas.getContext('2d'), COVER_WIDTH, COVER_HEIGHT, {
      title: book.title.en ?? book.title.id ?? book.id,
      author: book.authors.join(', '),
      seed: seedOf(book.id),
    });
    await write(path.join(demoDir, book.cover), canvas.toBuffer('image/jpeg', 82));
  }

  for (const shelf of source.shelves) {
    if (!shelf.sign) continue;
    const canvas = createCanvas(SIGN_WIDTH, SIGN_HEIGHT);
    drawSign(canvas.getContext('2d'), SIGN_WIDTH, SIGN_HEIGHT, {
      label: shelf.label.id ?? shelf.id,
      subtitle: shelf.label.en ?? '',
      ddc: `${shelf.ddc.from}–${shelf.ddc.to}`,
      seed: seedOf(`shelf:${shelf.id}`),
    });
    await write(path.join(demoDir, shelf.sign), canvas.toBuffer('image/jpeg', 85));
  }

  await write(
    path.join(demoDir, source.library.floorPlan),
    drawnFloorPlan(
      source.library,
      source.shelves,
      'Denah Perpustakaan Kota Bitung / Bitung City Library floor plan',
    ),
  );

  for (const name of Object.keys(MODELS) as ModelName[]) {
    const glb = await buildModel(name);
    await write(path.join(demoDir, 'models', `${name}.glb`), glb);
    console.log(`model ${name}: ${glb.byteLength} bytes`);
  }

  const result = await buildCatalog({
    sourceDir: demoDir,
    outDir: publicDir,
    source: demoSource,
    log: console.log,
  });
  if (!result.ok) {
    for (const error of result.errors) console.error(`${error.path}: ${error.message.en}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `wrote ${path.relative(root, result.feedPath)} (${result.bytes} bytes); target sets ${result.targetBytes} bytes`,
  );
}

await main();
