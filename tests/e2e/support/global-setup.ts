/** Renders the fake-camera clips that are missing or out of date before the e2e run. */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { drawCover, seedOf } from '../../../scripts/lib/art.ts';
import { renderClip } from '../../../scripts/lib/clip.ts';
import { fileExists } from '../../../scripts/lib/catalog-build.ts';
import {
  BIG_SHELF,
  BIG_SHELF_SOURCE_DIR,
  BUILD_SOURCE_DIR,
  CLIP_DIR,
  CLIPS,
  FOREIGN_DIR,
  NEW_COVERS,
  PHOTO,
  ROOT,
  TEST_CLIPS,
  TWIN_COVER,
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

  // New books for the editor and for `catalog:build`: covers the demo library does not have.
  for (const [name, title, author] of NEW_COVERS) {
    const art = createCanvas(480, 720);
    drawCover(art.getContext('2d'), 480, 720, { title, author, seed: seedOf(name) });
    await writeFile(foreign(name), art.toBuffer('image/jpeg', 85));
  }
  const [twin, twinTitle, twinAuthor] = TWIN_COVER;
  const twinArt = createCanvas(480, 720);
  drawCover(twinArt.getContext('2d'), 480, 720, {
    title: twinTitle,
    author: twinAuthor,
    seed: seedOf('build-cover-b'),
  });
  await writeFile(foreign(twin), twinArt.toBuffer('image/jpeg', 85));
  for (const [name, title] of BIG_SHELF) {
    const art = createCanvas(320, 480);
    drawCover(art.getContext('2d'), 320, 480, { title, author: 'Tim Katalog', seed: seedOf(name) });
    await writeFile(foreign(name), art.toBuffer('image/jpeg', 85));
  }
  // A phone photo of the editor's new cover: the cover lies on a table, with a margin to crop.
  const photo = createCanvas(PHOTO.width, PHOTO.height);
  const context = photo.getContext('2d');
  context.fillStyle = '#8a7a66';
  context.fillRect(0, 0, PHOTO.width, PHOTO.height);
  const [x, y, width, height] = PHOTO.cover;
  const editorCover = createCanvas(width, height);
  drawCover(editorCover.getContext('2d'), width, height, {
    title: NEW_COVERS[0][1],
    author: NEW_COVERS[0][2],
    seed: seedOf(NEW_COVERS[0][0]),
  });
  context.drawImage(editorCover, x, y);
  await writeFile(foreign('editor-cover-photo'), photo.toBuffer('image/jpeg', 88));
}

/**
 * A folder as staff would prepare it for `npm run catalog:build`: a source catalog and two cover
 * photos, no floor plan (the build draws one).
 */
async function writeBuildSource(): Promise<void> {
  await mkdir(path.join(BUILD_SOURCE_DIR, 'sampul'), { recursive: true });
  const covers = [...NEW_COVERS.slice(1), TWIN_COVER];
  const books = covers.map(([name, title, author], index) => ({
    id: name,
    title: { id: title },
    description: {
      id: `Buku baru nomor ${index + 1} di rak pilihan.`,
      en: `New book number ${index + 1}.`,
    },
    authors: [author],
    language: 'id',
    ddc: '641.5',
    callNumber: `641.5 TIM ${index + 1}`,
    shelf: 'rak-pilihan',
    copies: 2,
    available: 1,
    cover: `sampul/${name}.jpg`,
    model: { file: 'model/perahu.glb', scale: 0.8 },
  }));
  const source = {
    title: { id: 'Katalog Uji', en: 'Test catalog' },
    library: {
      name: { id: 'Perpustakaan Uji', en: 'Test Library' },
      address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
      openingHours: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' }],
      timeZone: 'Asia/Makassar',
      languages: ['id', 'en'],
      floorPlan: 'denah.svg',
    },
    shelves: [
      {
        id: 'rak-pilihan',
        label: { id: 'Rak Pilihan', en: 'Picks' },
        ddc: { from: '000', to: '999' },
        position: { x: 60, y: 70, width: 240, height: 36 },
      },
    ],
    books,
  };
  await writeFile(
    path.join(BUILD_SOURCE_DIR, 'catalog.source.json'),
    JSON.stringify(source, null, 2),
  );
  for (const [name] of covers) {
    await copyFile(foreign(name), path.join(BUILD_SOURCE_DIR, 'sampul', `${name}.jpg`));
  }
  await mkdir(path.join(BUILD_SOURCE_DIR, 'model'), { recursive: true });
  await copyFile(
    path.join(ROOT, 'public/demo/models/boat.glb'),
    path.join(BUILD_SOURCE_DIR, 'model/perahu.glb'),
  );
}

/** One shelf of 45 books with cover photos, for `catalog:build`: three target sets. */
async function writeBigShelfSource(): Promise<void> {
  await mkdir(path.join(BIG_SHELF_SOURCE_DIR, 'sampul'), { recursive: true });
  const source = {
    title: { id: 'Rak Besar', en: 'Big Shelf' },
    library: {
      name: { id: 'Perpustakaan Rak Besar', en: 'Big Shelf Library' },
      address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
      languages: ['id', 'en'],
      floorPlan: 'denah.svg',
    },
    shelves: [
      {
        id: 'rak-besar',
        label: { id: 'Arsip Bahari', en: 'Maritime Archive' },
        ddc: { from: '900', to: '999' },
        position: { x: 60, y: 70, width: 240, height: 36 },
      },
    ],
    books: BIG_SHELF.map(([name, title], index) => ({
      id: name,
      title: { id: title },
      authors: ['Tim Katalog'],
      language: 'id',
      ddc: '959.8',
      callNumber: `959.8 TIM ${String(index + 1)}`,
      shelf: 'rak-besar',
      copies: 1,
      available: 1,
      cover: `sampul/${name}.jpg`,
    })),
  };
  await writeFile(
    path.join(BIG_SHELF_SOURCE_DIR, 'catalog.source.json'),
    JSON.stringify(source, null, 2),
  );
  for (const [name] of BIG_SHELF) {
    await copyFile(foreign(name), path.join(BIG_SHELF_SOURCE_DIR, 'sampul', `${name}.jpg`));
  }
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
  await writeBuildSource();
  await writeBigShelfSource();
}
