/**
 * How well a picture will track, from the feature points mind-ar's compiler finds in it: enough
 * points, spread over the whole picture, make a target that is found quickly and held steadily.
 * Calibrated on the demo covers compiled at 160 px (170 to 300 points, spread everywhere: five
 * stars) and on plain covers (a title on a flat colour: about 25 points, one star).
 */

export type Advice = 'texture' | 'spread' | 'contrast' | 'glare';

export interface QualityInput {
  /** Feature points of the full-size keyframe, as fractions of width and height (0..1). */
  readonly points: readonly (readonly [number, number])[];
  /** Picture aspect, width / height. */
  readonly aspect: number;
  /** Standard deviation of the picture's grey levels (0..255). */
  readonly contrast: number;
  /** Share of near-white, blown-out pixels (0..1). */
  readonly glare: number;
}

export interface QualityReport {
  /** 1 to 5. */
  readonly stars: number;
  readonly count: number;
  /** Share of grid cells that hold at least two points. */
  readonly coverage: number;
  /** What would help, most useful first; given below three stars. */
  readonly advice: readonly Advice[];
}

const COUNT_STEPS = [30, 60, 100, 160]; // fewer than 30 points: one star … 160 or more: five
const COVERAGE_CAPS: readonly [number, number][] = [
  [0.3, 1],
  [0.5, 2],
  [0.7, 3],
  [0.85, 4],
];

export function assessTarget(input: QualityInput): QualityReport {
  const [cols, rows] = input.aspect >= 1 ? [6, 4] : [4, 6];
  const counts = new Map<string, number>();
  for (const [x, y] of input.points) {
    const cell = `${Math.min(cols - 1, Math.floor(x * cols))},${Math.min(rows - 1, Math.floor(y * rows))}`;
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const coverage = [...counts.values()].filter((n) => n >= 2).length / (cols * rows);
  const count = input.points.length;
  let stars = 1 + COUNT_STEPS.filter((step) => count >= step).length;
  for (const [limit, cap] of COVERAGE_CAPS) {
    if (coverage < limit) {
      stars = Math.min(stars, cap);
      break;
    }
  }
  const advice: Advice[] = [];
  if (stars < 3) {
    if (input.glare > 0.15) advice.push('glare');
    if (input.contrast < 35) advice.push('contrast');
    if (count < 60) advice.push('texture');
    if (coverage < 0.5) advice.push('spread');
    if (advice.length === 0) advice.push('texture');
  }
  return { stars, count, coverage, advice };
}

/** Grey-level contrast and glare of RGBA pixels, for `assessTarget`. */
export function pictureStatistics(rgba: Uint8ClampedArray): { contrast: number; glare: number } {
  let sum = 0;
  let sumSquares = 0;
  let bright = 0;
  const pixels = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    const grey = ((rgba[i] as number) + (rgba[i + 1] as number) + (rgba[i + 2] as number)) / 3;
    sum += grey;
    sumSquares += grey * grey;
    if (grey > 245) bright++;
  }
  const mean = sum / pixels;
  return {
    contrast: Math.sqrt(Math.max(0, sumSquares / pixels - mean * mean)),
    glare: bright / pixels,
  };
}
