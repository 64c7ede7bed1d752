/**
 * Draws the demo library's covers and shelf signs from a seed. They must look distinct and carry
 * strong, irregular texture everywhere, because image tracking finds its feature points in corners
 * and contrast: flat colour areas cannot be tracked.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const FONTS = {
  serifBold: 'DejaVuSerif-Bold.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  sans: 'DejaVuSans.ttf',
} as const;
type FontName = keyof typeof FONTS;

let fontsRegistered = false;
function registerFonts(): void {
  if (fontsRegistered) return;
  for (const [alias, file] of Object.entries(FONTS)) {
    GlobalFonts.registerFromPath(path.join(fontDir, file), `lp-${alias}`);
  }
  fontsRegistered = true;
}

export { createRandom } from '../../src/domain/random.ts';
import { createRandom } from '../../src/domain/random.ts';

export function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

type Random = () => number;
const between = (random: Random, min: number, max: number) => min + random() * (max - min);
const pickOne = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

function hsl(h: number, s: number, l: number): string {
  return `hsl(${Math.round(h) % 360} ${Math.round(s)}% ${Math.round(l)}%)`;
}

interface Palette {
  readonly dark: string;
  readonly light: string;
  readonly accents: readonly string[];
}

function paletteFor(random: Random): Palette {
  const hue = random() * 360;
  return {
    dark: hsl(hue, between(random, 40, 70), between(random, 10, 20)),
    light: hsl(hue + 30, between(random, 30, 60), between(random, 88, 95)),
    accents: [0, 1, 2, 3].map((i) =>
      hsl(hue + i * between(random, 60, 120), between(random, 55, 90), between(random, 35, 65)),
    ),
  };
}

type Pattern = (ctx: SKRSContext2D, random: Random, w: number, h: number, p: Palette) => void;

const confetti: Pattern = (ctx, random, w, h, p) => {
  for (let i = 0; i < 260; i++) {
    ctx.fillStyle = random() < 0.2 ? p.light : pickOne(random, p.accents);
    const x = random() * w;
    const y = random() * h;
    const size = between(random, w * 0.01, w * 0.08);
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(random() * Math.PI);
    if (random() < 0.5) ctx.fillRect(-size / 2, -size / 2, size, size * between(random, 0.3, 1.5));
    else {
      ctx.beginPath();
      ctx.moveTo(0, -size);
      ctx.lineTo(size * 0.9, size * 0.6);
      ctx.lineTo(-size * 0.9, size * 0.6);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  }
};

const mosaic: Pattern = (ctx, random, w, h, p) => {
  const cell = w / Math.floor(between(random, 9, 15));
  for (let y = 0; y < h; y += cell) {
    for (let x = 0; x < w; x += cell) {
      ctx.fillStyle =
        random() < 0.3 ? p.dark : random() < 0.4 ? p.light : pickOne(random, p.accents);
      const split = random();
      if (split < 0.5) {
        ctx.fillRect(x, y, cell, cell);
      } else {
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + cell, split < 0.75 ? y : y + cell);
        ctx.lineTo(x, y + cell);
        ctx.closePath();
        ctx.fill();
      }
    }
  }
};

const rings: Pattern = (ctx, random, w, h, p) => {
  for (let i = 0; i < 40; i++) {
    const x = random() * w;
    const y = random() * h;
    const r = between(random, w * 0.03, w * 0.22);
    ctx.lineWidth = between(random, 2, w * 0.03);
    ctx.strokeStyle = pickOne(random, [...p.accents, p.light, p.dark]);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * between(random, 1.2, 2));
    ctx.stroke();
    if (random() < 0.4) {
      ctx.fillStyle = pickOne(random, p.accents);
      ctx.beginPath();
      ctx.arc(x, y, r * 0.3, 0, Math.PI * 2);
      ctx.fill();
    }
  }
};

const stripes: Pattern = (ctx, random, w, h, p) => {
  ctx.save();
  ctx.translate(w / 2, h / 2);
  ctx.rotate(between(random, -0.8, 0.8));
  let offset = -h;
  while (offset < h) {
    const band = between(random, w * 0.015, w * 0.07);
    ctx.fillStyle = pickOne(random, [...p.accents, p.dark, p.light]);
    ctx.fillRect(-w, offset, w * 2, band);
    offset += band + between(random, 1, w * 0.03);
  }
  ctx.restore();
  for (let i = 0; i < 60; i++) {
    ctx.fillStyle = random() < 0.5 ? p.dark : p.light;
    const size = between(random, 3, w * 0.03);
    ctx.fillRect(random() * w, random() * h, size, size);
  }
};

const glyphs: Pattern = (ctx, random, w, h, p) => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&?!#%';
  for (let i = 0; i < 160; i++) {
    ctx.fillStyle = pickOne(random, [...p.accents, p.light]);
    ctx.font = `${Math.round(between(random, w * 0.04, w * 0.16))}px lp-${pickOne<FontName>(random, ['serifBold', 'sansBold', 'condensedBold'])}`;
    ctx.save();
    ctx.translate(random() * w, random() * h);
    ctx.rotate(between(random, -0.6, 0.6));
    ctx.fillText(pickOne(random, Array.from(letters)), 0, 0);
    ctx.restore();
  }
};

const waves: Pattern = (ctx, random, w, h, p) => {
  const rows = Math.floor(between(random, 14, 24));
  for (let row = 0; row < rows; row++) {
    const y0 = (row / rows) * h;
    const amplitude = between(random, h * 0.01, h * 0.04);
    const frequency = between(random, 2, 7);
    ctx.lineWidth = between(random, 2, h * 0.02);
    ctx.strokeStyle = pickOne(random, [...p.accents, p.light]);
    ctx.beginPath();
    for (let x = 0; x <= w; x += 4) {
      const y = y0 + Math.sin((x / w) * Math.PI * frequency + row) * amplitude;
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  for (let i = 0; i < 50; i++) {
    ctx.fillStyle = pickOne(random, p.accents);
    ctx.beginPath();
    ctx.arc(random() * w, random() * h, between(random, 2, w * 0.025), 0, Math.PI * 2);
    ctx.fill();
  }
};

const PATTERNS: readonly Pattern[] = [confetti, mosaic, rings, stripes, glyphs, waves];

/** Breaks a title into lines that fit the width, shrinking the font until it fits the height. */
function fitText(
  ctx: SKRSContext2D,
  text: string,
  font: FontName,
  maxWidth: number,
  maxHeight: number,
  startSize: number,
): { lines: string[]; size: number } {
  for (let size = startSize; size > 8; size -= 2) {
    ctx.font = `${size}px lp-${font}`;
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (ctx.measureText(candidate).width <= maxWidth || !current) current = candidate;
      else {
        lines.push(current);
        current = word;
      }
    }
    if (current) lines.push(current);
    const widest = Math.max(...lines.map((line) => ctx.measureText(line).width));
    if (lines.length * size * 1.15 <= maxHeight && widest <= maxWidth) return { lines, size };
  }
  return { lines: [text], size: 8 };
}

export interface CoverSpec {
  readonly title: string;
  readonly author: string;
  readonly seed: number;
}

export function drawCover(ctx: SKRSContext2D, w: number, h: number, spec: CoverSpec): void {
  registerFonts();
  const random = createRandom(spec.seed);
  const palette = paletteFor(random);
  ctx.fillStyle = palette.dark;
  ctx.fillRect(0, 0, w, h);
  pickOne(random, PATTERNS)(ctx, random, w, h, palette);
  // A second, sparser pattern breaks up regularity that would confuse matching.
  ctx.globalAlpha = 0.55;
  pickOne(random, PATTERNS)(ctx, random, w, h, palette);
  ctx.globalAlpha = 1;

  const panelTop = h * between(random, 0.08, 0.45);
  const panelHeight = h * 0.3;
  const margin = w * 0.07;
  ctx.fillStyle = palette.light;
  ctx.fillRect(margin * 0.6, panelTop, w - margin * 1.2, panelHeight);
  ctx.strokeStyle = palette.dark;
  ctx.lineWidth = Math.max(2, w * 0.012);
  ctx.strokeRect(margin * 0.6, panelTop, w - margin * 1.2, panelHeight);

  const titleFont = pickOne<FontName>(random, ['serifBold', 'sansBold', 'condensedBold']);
  const { lines, size } = fitText(
    ctx,
    spec.title,
    titleFont,
    w - margin * 2.2,
    panelHeight * 0.72,
    Math.round(w * 0.12),
  );
  ctx.fillStyle = palette.dark;
  ctx.textBaseline = 'top';
  ctx.font = `${size}px lp-${titleFont}`;
  lines.forEach((line, i) => {
    ctx.fillText(line, margin * 1.1, panelTop + panelHeight * 0.08 + i * size * 1.15);
  });

  const authorSize = Math.round(w * 0.055);
  ctx.font = `${authorSize}px lp-serifItalic`;
  ctx.fillStyle = palette.accents[0] ?? palette.dark;
  ctx.fillText(
    spec.author,
    margin * 1.1,
    panelTop + panelHeight - authorSize * 1.4,
    w - margin * 2.2,
  );

  // Spine band on the left with tick marks: strong edges near the border help at steep angles.
  ctx.fillStyle = palette.dark;
  ctx.fillRect(0, 0, w * 0.045, h);
  ctx.fillStyle = palette.light;
  for (let y = 0; y < h; y += h / 24)
    ctx.fillRect(0, y, w * 0.045 * between(random, 0.3, 1), h / 60);
}

export interface SignSpec {
  readonly label: string;
  readonly subtitle: string;
  readonly ddc: string;
  readonly seed: number;
}

export function drawSign(ctx: SKRSContext2D, w: number, h: number, spec: SignSpec): void {
  registerFonts();
  const random = createRandom(spec.seed);
  const palette = paletteFor(random);
  ctx.fillStyle = palette.dark;
  ctx.fillRect(0, 0, w, h);
  pickOne(random, PATTERNS)(ctx, random, w, h, palette);

  const panelX = w * 0.06;
  const panelY = h * 0.22;
  ctx.fillStyle = palette.light;
  ctx.fillRect(panelX, panelY, w * 0.62, h * 0.56);
  ctx.strokeStyle = palette.dark;
  ctx.lineWidth = h * 0.02;
  ctx.strokeRect(panelX, panelY, w * 0.62, h * 0.56);

  ctx.fillStyle = palette.dark;
  ctx.textBaseline = 'top';
  const { lines, size } = fitText(
    ctx,
    spec.label,
    'sansBold',
    w * 0.56,
    h * 0.3,
    Math.round(h * 0.2),
  );
  ctx.font = `${size}px lp-sansBold`;
  lines.forEach((line, i) => {
    ctx.fillText(line, panelX + w * 0.03, panelY + h * 0.05 + i * size * 1.1);
  });
  ctx.font = `${Math.round(h * 0.08)}px lp-serifItalic`;
  ctx.fillText(spec.subtitle, panelX + w * 0.03, panelY + h * 0.38, w * 0.56);

  // The DDC range in a disc on the right, like a printed class label.
  const cx = w * 0.84;
  const cy = h * 0.5;
  const radius = h * 0.3;
  ctx.fillStyle = palette.light;
  ctx.beginPath();
  ctx.arc(cx, cy, radius, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = palette.dark;
  ctx.font = `${Math.round(h * 0.09)}px lp-condensedBold`;
  ctx.textAlign = 'center';
  ctx.fillText('DDC', cx, cy - h * 0.13);
  ctx.font = `${Math.round(h * 0.085)}px lp-condensedBold`;
  ctx.fillText(spec.ddc, cx, cy - h * 0.01, radius * 1.8);
  ctx.textAlign = 'left';
}
