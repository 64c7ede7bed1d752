/**
 * Picture work for the editor, in the browser: reading sizes, straightening a photographed cover,
 * and compiling a picture into a target with its quality report.
 */
import { warpQuadToRect, type Quad } from '../domain/geometry.ts';
import { TARGET_SHORT_SIDE } from '../domain/source/target-size.ts';
import { assessTarget, pictureStatistics, type QualityReport } from '../domain/target-quality.ts';
import { compileTarget } from '../tracking/compile.ts';

export async function pictureSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

function pixels(bitmap: ImageBitmap, width: number, height: number): ImageData {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(bitmap, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

const distance = ([ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]) =>
  Math.hypot(ax - bx, ay - by);

/** The longer side of a straightened cover, in pixels: sharp on a phone, small to store. */
export const COVER_LONG_SIDE = 600;

/**
 * Straightens the cover inside `quad` (corners in picture pixels: top-left, top-right,
 * bottom-right, bottom-left) into an upright JPEG, keeping the cover's proportions.
 */
export async function straighten(blob: Blob, quad: Quad): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const [tl, tr, br, bl] = quad;
  const width = (distance(tl, tr) + distance(bl, br)) / 2;
  const height = (distance(tl, bl) + distance(tr, br)) / 2;
  const scale = COVER_LONG_SIDE / Math.max(width, height);
  const outW = Math.round(width * scale);
  const outH = Math.round(height * scale);
  const source = pixels(bitmap, bitmap.width, bitmap.height);
  bitmap.close();
  const out = warpQuadToRect(source, quad, outW, outH);
  const canvas = new OffscreenCanvas(outW, outH);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.putImageData(new ImageData(out, outW, outH), 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

export interface CompiledPictureResult {
  readonly mind: Uint8Array;
  readonly points: readonly (readonly [number, number])[];
  readonly report: QualityReport;
}

/** The picture's size when compiled, and its contrast figures at that size. */
async function atTargetSize(blob: Blob) {
  const full = await createImageBitmap(blob);
  const scale = Math.min(1, TARGET_SHORT_SIDE / Math.min(full.width, full.height));
  const width = Math.round(full.width * scale);
  const height = Math.round(full.height * scale);
  const statistics = pictureStatistics(pixels(full, width, height).data);
  full.close();
  return { width, height, statistics };
}

/** Compiles a picture into a one-target .mind, at the size the catalog build uses. */
export async function compilePicture(
  blob: Blob,
  onProgress: (percent: number) => void,
): Promise<CompiledPictureResult> {
  const { width, height, statistics } = await atTargetSize(blob);
  const small = await createImageBitmap(blob, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  const compiled = await compileTarget(small, onProgress);
  const report = assessTarget({ points: compiled.points, aspect: width / height, ...statistics });
  return { mind: compiled.mind, points: compiled.points, report };
}

/** The quality report of an already compiled picture (after importing a bundle). */
export async function reportFor(
  blob: Blob,
  points: readonly (readonly [number, number])[],
): Promise<QualityReport> {
  const { width, height, statistics } = await atTargetSize(blob);
  return assessTarget({ points, aspect: width / height, ...statistics });
}
