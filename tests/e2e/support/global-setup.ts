/** Renders the fake-camera clips that are missing or out of date before the e2e run. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { drawCover, seedOf } from '../../../scripts/lib/art.ts';
import { renderClip } from '../../../scripts/lib/clip.ts';
import { fileExists } from '../../../scripts/lib/catalog-build.ts';
import {
  CLIP_DIR,
  CLIPS,
  FOREIGN_DIR,
  TEST_CLIPS,
  clipPath,
  foreign,
  type ClipName,
} from './clips.ts';

/** Covers of books the library does not have: the tracker must never announce them. */
async function drawForeignPictures(): Promise<void> {
  await mkdir(FOREIGN_DIR, { recursive: true });
  const canvas = createCanvas(300, 450);
  drawCover(canvas.getContext('2d'), 300, 450, {
    title: 'Buku yang Tidak Ada di Rak',
    author: 'Penulis Rahasia',
    seed: seedOf('not-in-the-library'),
  });
  await writeFile(foreign('unknown-cover'), canvas.toBuffer('image/jpeg', 82));
}

export async function ensureClips(names: readonly ClipName[]): Promise<void> {
  await drawForeignPictures();
  await mkdir(CLIP_DIR, { recursive: true });
  // Remove outdated renderings of these clips: a changed clip gets a new file name.
  const wanted = new Set(names.map((name) => path.basename(clipPath(name))));
  for (const file of await readdir(CLIP_DIR)) {
    if (!wanted.has(file) && names.some((name) => file.startsWith(`${name}-`))) {
      await rm(path.join(CLIP_DIR, file));
    }
  }
  for (const name of names) {
    const file = clipPath(name);
    if (await fileExists(file)) continue;
    const started = Date.now();
    const frames = await renderClip(CLIPS[name], file);
    console.log(`clip ${name}: ${frames} frames in ${Date.now() - started} ms`);
  }
}

export default async function globalSetup(): Promise<void> {
  await ensureClips(TEST_CLIPS);
}
