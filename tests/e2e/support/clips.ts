/**
 * The fake-camera clips the e2e tests and the tracking benchmark play. Each is rendered once by the
 * global setup (tests/e2e/support/global-setup.ts) into tests/.fixtures-out, named by a hash of its
 * description and pictures, so a change re-renders it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClipSpec, Pose } from '../../../scripts/lib/clip.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CLIP_DIR = path.join(ROOT, 'tests/.fixtures-out/clips');
export const cover = (id: string) => path.join(ROOT, 'public/demo/covers', `${id}.jpg`);
export const sign = (id: string) => path.join(ROOT, 'public/demo/signs', `${id}.jpg`);
export const FOREIGN_DIR = path.join(ROOT, 'tests/.fixtures-out/pictures');
/** A picture that is not in the library, drawn by the global setup. */
export const foreign = (name: string) => path.join(FOREIGN_DIR, `${name}.jpg`);

/** Covers of new books, added through the editor (the first) and `catalog:build` (the others). */
export const NEW_COVERS = [
  ['editor-cover', 'Kisah Kapal Pinisi', 'Petugas Perpustakaan'],
  ['build-cover-a', 'Burung-Burung Tangkoko', 'Tim Katalog'],
  ['build-cover-b', 'Resep Dapur Minahasa', 'Tim Katalog'],
] as const;

/**
 * The second volume of `build-cover-b`, printed with the same design (its art is drawn from the
 * first volume's seed): the camera cannot tell the two apart, so the app names the other.
 */
export const TWIN_COVER = ['build-cover-b2', 'Resep Dapur Minahasa 2', 'Tim Katalog'] as const;

const BIG_SHELF_TOPICS = ['Laut', 'Hutan', 'Pelabuhan', 'Nelayan', 'Rempah', 'Gunung', 'Sungai', 'Pulau', 'Kampung'] as const; // prettier-ignore
const BIG_SHELF_PLACES = ['Bitung', 'Lembeh', 'Tangkoko', 'Sangihe', 'Minahasa'] as const;

/**
 * A shelf of 45 covers, so its targets fill three sets (20, 20, 5): every one must be found. Each
 * has its own title, as on a real shelf; covers that differ only by a volume number were matched
 * for one another by mind-ar (a series with one design is a known limit, docs/recognition.md).
 */
export const BIG_SHELF = Array.from({ length: 45 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  const topic = BIG_SHELF_TOPICS[i % BIG_SHELF_TOPICS.length] ?? '';
  const place = BIG_SHELF_PLACES[Math.floor(i / BIG_SHELF_TOPICS.length)] ?? '';
  return [`rak-besar-${n}`, `${topic} ${place}`] as const;
});
export const BIG_SHELF_SOURCE_DIR = path.join(ROOT, 'tests/.fixtures-out/big-shelf-source');

/** A folder for `npm run catalog:build`, written by the global setup. */
export const BUILD_SOURCE_DIR = path.join(ROOT, 'tests/.fixtures-out/build-source');

/** The editor's cover photo: the cover (x, y, width, height) on a table, to be cropped. */
export const PHOTO = { width: 800, height: 1000, cover: [160, 140, 480, 720] } as const;

export const held: Pose = { x: 320, y: 245, height: 300, roll: -4, pitch: 12 };
export const heldMoved: Pose = { x: 335, y: 235, height: 280, roll: 5, yaw: 15 };
const fastLeft: Pose = { x: 220, y: 240, height: 260 };
const fastRight: Pose = { x: 420, y: 240, height: 260 };
/** The sweeps of 'bench-fast': when (seconds into the clip) the cover's centre moves from x to x. */
export const FAST_SWEEPS = [
  { from: 12, to: 13, x0: fastLeft.x, x1: fastRight.x },
  { from: 15, to: 16, x0: fastRight.x, x1: fastLeft.x },
] as const;
const signHeld: Pose = { x: 320, y: 240, height: 200, pitch: 10 };
const signMoved: Pose = { x: 330, y: 235, height: 190, yaw: 10 };

export const CLIPS = {
  /** A demo cover enters after 2 s and is held, moving a little. */
  'cover-malay-archipelago': {
    segments: [
      { kind: 'empty', seconds: 2 },
      {
        kind: 'picture',
        image: cover('malay-archipelago'),
        seconds: 10,
        from: held,
        to: heldMoved,
      },
    ],
  },
  /** A cover that is not in the library (drawn from a seed no book uses). */
  'unknown-cover': {
    segments: [
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: foreign('unknown-cover'), seconds: 12, from: held, to: heldMoved },
    ],
  },
  /** A cover held for 6 s, then taken away for 8 s. */
  'cover-leaves': {
    segments: [
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: cover('laskar-pelangi'), seconds: 6, from: held, to: heldMoved },
      { kind: 'empty', seconds: 8 },
    ],
  },
  /**
   * The History shelf sign, then a book from that shelf. The sign is held as a visitor holds it
   * until the app answers: on a slow day the scanner has started 6 s after the camera, and a
   * 6-second sign had gone by then (the book, next, is then recognised across shelves instead).
   */
  'sign-then-cover': {
    segments: [
      { kind: 'empty', seconds: 1 },
      {
        kind: 'picture',
        image: sign('sejarah'),
        seconds: 16,
        from: { x: 320, y: 240, height: 200, pitch: 10 },
        to: { x: 330, y: 235, height: 190, yaw: 10 },
      },
      { kind: 'empty', seconds: 1 },
      {
        kind: 'picture',
        image: cover('malay-archipelago'),
        seconds: 12,
        from: held,
        to: heldMoved,
      },
    ],
  },
  /** Two covers of the History shelf side by side. */
  'two-covers': {
    segments: [
      { kind: 'empty', seconds: 1 },
      {
        kind: 'pictures',
        seconds: 14,
        items: [
          {
            image: cover('malay-archipelago'),
            from: { x: 170, y: 240, height: 250, roll: -3 },
            to: { x: 175, y: 235, height: 245, roll: 2 },
          },
          {
            image: cover('indonesia-etc'),
            from: { x: 470, y: 240, height: 250, roll: 4 },
            to: { x: 465, y: 245, height: 245, roll: -1 },
          },
        ],
      },
    ],
  },
  /**
   * The children's tour walked in one take: each stop's sign or cover in order, with another
   * children's book (not the one asked for) held up before the caterpillar book. Each is held
   * 14 s: on a slow day a stop's scanner took longer to start than the 8 s a cover was shown, and
   * the stop waited a whole loop for it.
   */
  'tour-walk': {
    segments: [
      { kind: 'empty', seconds: 3 },
      { kind: 'picture', image: sign('anak'), seconds: 14, from: signHeld, to: signMoved },
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: cover('little-prince'), seconds: 14, from: held, to: heldMoved },
      {
        kind: 'picture',
        image: cover('very-hungry-caterpillar'),
        seconds: 14,
        from: held,
        to: heldMoved,
      },
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: sign('sains'), seconds: 14, from: signHeld, to: signMoved },
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: cover('spectral-tarsier'), seconds: 14, from: held, to: heldMoved },
      {
        kind: 'picture',
        image: cover('twenty-thousand-leagues'),
        seconds: 14,
        from: held,
        to: heldMoved,
      },
    ],
  },
  /** For `npm run bench:tracking`: the engine is warm long before the cover enters at 8 s. */
  'bench-enter': {
    segments: [
      { kind: 'empty', seconds: 8 },
      {
        kind: 'picture',
        image: cover('malay-archipelago'),
        seconds: 10,
        from: held,
        to: heldMoved,
      },
    ],
  },
  /** For `npm run bench:tracking`: the cover leaves at 10 s. */
  'bench-leave': {
    segments: [
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: cover('malay-archipelago'), seconds: 9, from: held, to: heldMoved },
      { kind: 'empty', seconds: 7 },
    ],
  },
  /**
   * For `npm run bench:tracking`'s lag: held still from 2 s, then swept across the picture and back
   * (FAST_SWEEPS), flat to the camera so its centre is exactly where the clip puts it. Ten seconds
   * still, so that both pages have started and found the cover before the first sweep: the app
   * starts later than the bare page, and with four seconds it was often still finding the cover
   * during the first sweep, which the lag then counted.
   */
  'bench-fast': {
    segments: [
      { kind: 'empty', seconds: 2 },
      { kind: 'picture', image: cover('malay-archipelago'), seconds: 10, from: fastLeft },
      {
        kind: 'picture',
        image: cover('malay-archipelago'),
        seconds: 1,
        from: fastLeft,
        to: fastRight,
      },
      { kind: 'picture', image: cover('malay-archipelago'), seconds: 2, from: fastRight },
      {
        kind: 'picture',
        image: cover('malay-archipelago'),
        seconds: 1,
        from: fastRight,
        to: fastLeft,
      },
      { kind: 'picture', image: cover('malay-archipelago'), seconds: 2, from: fastLeft },
    ],
  },
  /** The cover of the book staff add in the editor. */
  'editor-cover': {
    segments: [
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: foreign('editor-cover'), seconds: 14, from: held, to: heldMoved },
    ],
  },
  /** The 1st, 21st and 45th covers of the big shelf, one after another. */
  'big-shelf': {
    segments: [
      { kind: 'empty', seconds: 1 },
      // Each cover is held through a whole round of the shelf's three sets: on a slow day a set's
      // start took 5 to 11 s, and with 16 s a cover the 21st was missed on every loop in CI.
      ...[0, 20, 44].map((i) => ({
        kind: 'picture' as const,
        image: foreign(BIG_SHELF[i]?.[0] ?? ''),
        seconds: 30,
        from: held,
        to: heldMoved,
      })),
    ],
  },
  /** A cover from a folder built with `npm run catalog:build`. */
  'build-cover': {
    segments: [
      { kind: 'empty', seconds: 1 },
      { kind: 'picture', image: foreign('build-cover-b'), seconds: 14, from: held, to: heldMoved },
    ],
  },
} satisfies Record<string, ClipSpec>;

/** Clips the e2e tests play; the benchmark's are rendered by the benchmark itself. */
export const TEST_CLIPS = [
  'cover-malay-archipelago',
  'unknown-cover',
  'cover-leaves',
  'sign-then-cover',
  'two-covers',
  'editor-cover',
  'build-cover',
  'tour-walk',
  'big-shelf',
] as const;

export type ClipName = keyof typeof CLIPS;

/** Hashes what decides a clip's frames: its description, its pictures and the code that draws them. */
export function clipHash(spec: ClipSpec): string {
  const hash = createHash('sha256').update(JSON.stringify(spec));
  // The foreign pictures' titles and drawing are in this file and the global setup.
  for (const file of [
    'scripts/lib/clip.ts',
    'scripts/lib/art.ts',
    'tests/e2e/support/clips.ts',
    'tests/e2e/support/global-setup.ts',
  ]) {
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  for (const segment of spec.segments) {
    // Foreign pictures are drawn by the code hashed above; demo pictures are committed.
    const images =
      segment.kind === 'picture'
        ? [segment.image]
        : segment.kind === 'pictures'
          ? segment.items.map((i) => i.image)
          : [];
    for (const image of images)
      if (!image.startsWith(FOREIGN_DIR)) hash.update(readFileSync(image));
  }
  return hash.digest('hex').slice(0, 10);
}

/** Where a clip's file is; the name changes when the clip's content would. */
export function clipPath(name: ClipName): string {
  const spec: ClipSpec = CLIPS[name];
  return path.join(CLIP_DIR, `${name}-${clipHash(spec)}.mjpeg`);
}
