/**
 * The covers of the scale benchmarks (`npm run bench:scale`): the demo's photographs, then drawn
 * covers of varied design, each with a title and author of its own (scripts/lib/art.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { createRandom, drawCover } from './art.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const WORDS = ['Laut', 'Hutan', 'Pelabuhan', 'Nelayan', 'Rempah', 'Gunung', 'Sungai', 'Pulau',
  'Kampung', 'Pasar', 'Kapal', 'Terumbu', 'Burung', 'Tarsius', 'Kelapa', 'Cengkih', 'Musik', 'Tari',
  'Lembeh', 'Tangkoko', 'Sangihe', 'Minahasa', 'Bitung', 'Angin', 'Bintang', 'Karang'] as const; // prettier-ignore

export interface Cover {
  readonly key: string;
  readonly draw: () => Promise<Image | Canvas>;
}

export async function demoCovers(): Promise<Cover[]> {
  const feed = JSON.parse(await readFile(path.join(ROOT, 'public/catalog.json'), 'utf8')) as {
    publications: { ar: { id: string }; images: { href: string }[] }[];
  };
  return feed.publications.map((book) => ({
    key: `book:${book.ar.id}`,
    draw: async () =>
      loadImage(await readFile(path.join(ROOT, 'public', book.images[0]?.href ?? ''))),
  }));
}

/** A drawn cover's words: three for the title, two for the author, drawn from the seed. */
export function wordsFor(seed: number): { readonly title: string; readonly author: string } {
  // Not art.ts's stream for the same seed, which picks the cover's colours and patterns.
  const random = createRandom((seed * 2654435761) ^ 0x5bd1e995);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] ?? '';
  return { title: `${pick()} ${pick()} ${pick()}`, author: `${pick()} ${pick()}` };
}

/**
 * A drawn cover: its own colours, patterns, panel and typeface (art.ts, from `seed`), its own
 * title and author, and a number. Words that repeat every 26 seeds would make the collection a few
 * series of many volumes. `volumeOf` makes a new volume of that cover's series: the same words,
 * another number, art of its own, or with `sameArt` the same art (one design for the series).
 */
export function drawnCover(seed: number, volumeOf?: number, sameArt = false): Cover {
  const words = wordsFor(volumeOf ?? seed);
  return {
    key: volumeOf === undefined ? `book:cover-${String(seed)}` : `book:volume-${String(seed)}`,
    draw: () => {
      const canvas = createCanvas(320, 480);
      drawCover(canvas.getContext('2d'), 320, 480, {
        title: `${words.title} ${String(seed)}`,
        author: words.author,
        // A series printed with one design: the held volume's art, only the number differs.
        seed: sameArt && volumeOf !== undefined ? volumeOf : seed,
      });
      return Promise.resolve(canvas);
    },
  };
}
