/**
 * Whether a camera picture looks like a cover where the geometric check placed it: the cover's own
 * grey picture (the tracking image a compiled target carries) compared with the picture under its
 * corners, cell by cell. Pairs of feature points can agree by chance (a title word in the same
 * type, a series' spine band) on a cover the library does not hold; the picture around them does
 * not. Plain arithmetic on grey pixels, for the check's worker, its fallback on the page, and Node.
 */
import type { Corners } from './placement.ts';

/** A grey picture, one byte (0 to 255) a pixel, row by row. */
export interface GreyPicture {
  readonly data: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

/** The cover is compared on a grid of this many samples across and down, in 4 by 4 cells. */
const SAMPLES_X = 32;
const SAMPLES_Y = 48;
const CELLS = 4;
/** A cell whose cover samples barely vary (a plain background) says nothing either way. */
const MIN_CELL_SPREAD = 6;

export interface AppearanceResult {
  /** Cells with enough detail on the cover to compare. */
  readonly cells: number;
  /** Of those, the cells whose picture follows the cover's (correlation of at least `AGREE`). */
  readonly agreeing: number;
  /** The correlation over every sample in view. */
  readonly overall: number;
}

/** A cell agrees when its samples correlate at least this much with the cover's. */
export const AGREE = 0.5;

/**
 * Where the point (u, v) of the unit square lands in the quad: the projective map that takes the
 * square's corners to `corners` (top-left, top-right, bottom-right, bottom-left).
 */
export function squareToQuad(corners: Corners): (u: number, v: number) => [number, number] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = corners as [
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
  ];
  // Heckbert's closed form (Fundamentals of Texture Mapping, 1989).
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  let a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number;
  if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
    [a, b, c, d, e, f, g, h] = [x1 - x0, x3 - x0, x0, y1 - y0, y3 - y0, y0, 0, 0];
  } else {
    const dx1 = x1 - x2;
    const dx2 = x3 - x2;
    const dy1 = y1 - y2;
    const dy2 = y3 - y2;
    const det = dx1 * dy2 - dx2 * dy1;
    g = (sx * dy2 - dx2 * sy) / det;
    h = (dx1 * sy - sx * dy1) / det;
    a = x1 - x0 + g * x1;
    b = x3 - x0 + h * x3;
    c = x0;
    d = y1 - y0 + g * y1;
    e = y3 - y0 + h * y3;
    f = y0;
  }
  return (u, v) => {
    const w = g * u + h * v + 1;
    return [(a * u + b * v + c) / w, (d * u + e * v + f) / w];
  };
}

/** Sums of a picture's pixels over any box in constant time. */
function integralOf(picture: GreyPicture): Float64Array {
  const { width, height, data } = picture;
  const sums = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] ?? 0;
      sums[(y + 1) * (width + 1) + x + 1] = (sums[y * (width + 1) + x + 1] ?? 0) + row;
    }
  }
  return sums;
}

/** The mean of the box [x0, x1) × [y0, y1), clipped to the picture; NaN when nothing is left. */
function boxMean(
  sums: Float64Array,
  width: number,
  height: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(width, Math.max(left + 1, Math.ceil(x1)));
  const bottom = Math.min(height, Math.max(top + 1, Math.ceil(y1)));
  if (left >= width || top >= height || right <= left || bottom <= top) return Number.NaN;
  const stride = width + 1;
  const total =
    (sums[bottom * stride + right] ?? 0) -
    (sums[top * stride + right] ?? 0) -
    (sums[bottom * stride + left] ?? 0) +
    (sums[top * stride + left] ?? 0);
  return total / ((right - left) * (bottom - top));
}

/** Pearson's correlation of two equally long lists; 0 when either does not vary. */
function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] ?? 0;
    mb += b[i] ?? 0;
  }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

function spread(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

/**
 * Compares the cover with the frame under `corners` (frame pixels). Each sample is the mean of the
 * box it covers, on the cover and in the frame alike, so a small or blurred cover is compared at
 * the detail the frame holds.
 */
export function compareAppearance(
  cover: GreyPicture,
  frame: GreyPicture,
  corners: Corners,
): AppearanceResult {
  const none = { cells: 0, agreeing: 0, overall: 0 };
  if (corners.length !== 4 || cover.width < SAMPLES_X || cover.height < SAMPLES_Y) return none;
  if (frame.width < 2 || frame.height < 2) return none;
  const place = squareToQuad(corners);
  const coverSums = integralOf(cover);
  const frameSums = integralOf(frame);
  const cellCover: number[][] = Array.from({ length: CELLS * CELLS }, () => []);
  const cellFrame: number[][] = Array.from({ length: CELLS * CELLS }, () => []);
  for (let j = 0; j < SAMPLES_Y; j++) {
    for (let i = 0; i < SAMPLES_X; i++) {
      const u = (i + 0.5) / SAMPLES_X;
      const v = (j + 0.5) / SAMPLES_Y;
      const [x, y] = place(u, v);
      if (!(x >= 0 && y >= 0 && x < frame.width && y < frame.height)) continue;
      // The sample's footprint in the frame: half the way to its neighbours on each side.
      const [xr, yr] = place(u + 0.5 / SAMPLES_X, v);
      const [xd, yd] = place(u, v + 0.5 / SAMPLES_Y);
      const half = Math.max(0.5, Math.hypot(xr - x, yr - y), Math.hypot(xd - x, yd - y));
      const seen = boxMean(frameSums, frame.width, frame.height, x - half, y - half, x + half, y + half); // prettier-ignore
      const cx = (i / SAMPLES_X) * cover.width;
      const cy = (j / SAMPLES_Y) * cover.height;
      const drawn = boxMean(coverSums, cover.width, cover.height, cx, cy, cx + cover.width / SAMPLES_X, cy + cover.height / SAMPLES_Y); // prettier-ignore
      if (!Number.isFinite(seen) || !Number.isFinite(drawn)) continue;
      const cell =
        Math.min(CELLS - 1, Math.floor((j * CELLS) / SAMPLES_Y)) * CELLS +
        Math.min(CELLS - 1, Math.floor((i * CELLS) / SAMPLES_X));
      cellCover[cell]?.push(drawn);
      cellFrame[cell]?.push(seen);
    }
  }
  const perCell = (SAMPLES_X / CELLS) * (SAMPLES_Y / CELLS);
  let cells = 0;
  let agreeing = 0;
  for (let cell = 0; cell < CELLS * CELLS; cell++) {
    const drawn = cellCover[cell] ?? [];
    // A cell mostly outside the frame, or plain on the cover, is not counted.
    if (drawn.length < perCell / 2 || spread(drawn) < MIN_CELL_SPREAD) continue;
    cells++;
    if (correlation(drawn, cellFrame[cell] ?? []) >= AGREE) agreeing++;
  }
  return { cells, agreeing, overall: correlation(cellCover.flat(), cellFrame.flat()) };
}
