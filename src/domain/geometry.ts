/**
 * Plane projective geometry: the homography that maps the unit square onto any quadrilateral.
 * Used to straighten a photographed cover in the editor and to render fake-camera clips.
 */
export type Point = readonly [number, number];
export type Quad = readonly [Point, Point, Point, Point];
/** Row-major 3×3 matrix. */
export type Matrix3 = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** Maps (0,0), (1,0), (1,1), (0,1) to the quad's corners, in that order (Heckbert's closed form). */
export function squareToQuad([[x0, y0], [x1, y1], [x2, y2], [x3, y3]]: Quad): Matrix3 {
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
    return [x1 - x0, x2 - x1, x0, y1 - y0, y2 - y1, y0, 0, 0, 1];
  }
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

export function invert(m: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

export function apply(m: Matrix3, [x, y]: Point): Point {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

/**
 * Writes the first `channels` channels of the RGBA `source` at (x, y), in pixels with 0 at the
 * first pixel's centre and inside the image, into `target` from index `at`, interpolated
 * bilinearly.
 */
export function sampleBilinear(
  source: { readonly data: ArrayLike<number>; readonly width: number; readonly height: number },
  x: number,
  y: number,
  target: { [index: number]: number },
  at: number,
  channels: number,
): void {
  const { data, width, height } = source;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  for (let c = 0; c < channels; c++) {
    const p00 = data[(y0 * width + x0) * 4 + c] as number;
    const p10 = data[(y0 * width + x1) * 4 + c] as number;
    const p01 = data[(y1 * width + x0) * 4 + c] as number;
    const p11 = data[(y1 * width + x1) * 4 + c] as number;
    target[at + c] = (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
  }
}

/**
 * Straightens the quad of a source image into a `width`×`height` rectangle, sampling bilinearly.
 * `source` and the result are RGBA.
 */
export function warpQuadToRect(
  source: { readonly data: Uint8ClampedArray; readonly width: number; readonly height: number },
  quad: Quad,
  width: number,
  height: number,
): Uint8ClampedArray<ArrayBuffer> {
  const toSource = squareToQuad(quad);
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  const { width: sw, height: sh } = source;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, v] = apply(toSource, [(x + 0.5) / width, (y + 0.5) / height]);
      const sx = Math.min(Math.max(u - 0.5, 0), sw - 1);
      const sy = Math.min(Math.max(v - 0.5, 0), sh - 1);
      sampleBilinear(source, sx, sy, out, (y * width + x) * 4, 4);
    }
  }
  return out;
}
