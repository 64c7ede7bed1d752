/**
 * A camera picture's grey pixels, for comparing it with a cover (`domain/recognition/
 * appearance.ts`). The picture is a small copy of a detection frame (`mind-ar.ts` makes it); the
 * check reads its pixels only for a guess whose points passed.
 */
import type { GreyPicture } from '../domain/recognition/appearance.ts';

/** At most this wide: the comparison's 32 by 48 samples need no more detail. */
export const PICTURE_WIDTH = 320;

/** The size of the small copy of a `width` × `height` frame. */
export function pictureSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, PICTURE_WIDTH / Math.max(1, width));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Its grey pixels, or null where the picture cannot be read (then the check goes without). */
export function greyPictureOf(bitmap: ImageBitmap): GreyPicture | null {
  try {
    const { width, height } = bitmap;
    if (width === 0 || height === 0 || typeof OffscreenCanvas !== 'function') return null;
    const context = new OffscreenCanvas(width, height).getContext('2d', {
      willReadFrequently: true,
    });
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    const rgba = context.getImageData(0, 0, width, height).data;
    const data = new Uint8Array(width * height);
    for (let i = 0; i < data.length; i++) {
      data[i] = ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 3;
    }
    return { data, width, height };
  } catch (error) {
    console.warn('The camera picture could not be read for the check', error);
    return null;
  }
}
