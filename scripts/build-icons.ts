/**
 * `npm run icons`: the app icons for the web app manifest and iOS, drawn from one SVG. The
 * maskable icon keeps the mark inside the central safe zone that launchers may crop to.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'public/icons');

/** The mark: an open book with a lens, on sea blue. `inset` shrinks it for maskable icons. */
function markSvg(inset: number, rounded: boolean): string {
  const s = 1 - inset * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="512" height="512">
  <rect width="64" height="64" ${rounded ? 'rx="14"' : ''} fill="#0b4f6c"/>
  <g transform="translate(${32 - 32 * s} ${32 - 32 * s}) scale(${s})">
    <path d="M14 18h14a6 6 0 0 1 6 6v24a5 5 0 0 0-5-5H14zM50 18H38a6 6 0 0 0-6 6v24a5 5 0 0 1 5-5h13z" fill="#f6efe2"/>
    <circle cx="44" cy="44" r="9" fill="none" stroke="#f4a261" stroke-width="4"/>
    <path d="m50.5 50.5 6 6" stroke="#f4a261" stroke-width="4" stroke-linecap="round"/>
  </g>
</svg>`;
}

async function render(svg: string, size: number, file: string): Promise<void> {
  const image = await loadImage(Buffer.from(svg));
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  await writeFile(path.join(out, file), canvas.toBuffer('image/png'));
  console.log(`icons/${file}`);
}

await mkdir(out, { recursive: true });
await render(markSvg(0, true), 192, 'icon-192.png');
await render(markSvg(0, true), 512, 'icon-512.png');
await render(markSvg(0.12, false), 512, 'icon-maskable-512.png');
await render(markSvg(0.06, false), 180, 'apple-touch-icon.png');
