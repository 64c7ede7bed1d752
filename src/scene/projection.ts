/**
 * Camera maths shared by the AR scene and its tests: how mind-ar's camera maps onto a three.js
 * camera when the video fills the screen ("cover", centred, cropped).
 */

export interface CameraParams {
  readonly fov: number;
  readonly near: number;
  readonly far: number;
  readonly aspect: number;
}

/**
 * `projection` is mind-ar's column-major OpenGL projection for an `inputWidth`×`inputHeight`
 * frame (vertical field of view 45°). The video is scaled to cover a `viewWidth`×`viewHeight`
 * box, so the visible vertical field of view shrinks by the part of the frame cropped away.
 */
export function cameraForView(
  projection: readonly number[],
  input: { readonly width: number; readonly height: number },
  view: { readonly width: number; readonly height: number },
): CameraParams {
  const p5 = projection[5] ?? 1;
  const p10 = projection[10] ?? -1;
  const p14 = projection[14] ?? -1;
  const coverScale = Math.max(view.width / input.width, view.height / input.height);
  const shownHeight = input.height * coverScale;
  const fov = (2 * Math.atan((1 / p5) * (view.height / shownHeight)) * 180) / Math.PI;
  return {
    fov,
    near: p14 / (p10 - 1),
    far: p14 / (p10 + 1),
    aspect: view.width / view.height,
  };
}

/** Where the video's pixel (x, y) lands on screen under the same "cover" fit. */
export function videoToView(
  point: { readonly x: number; readonly y: number },
  input: { readonly width: number; readonly height: number },
  view: { readonly width: number; readonly height: number },
): { x: number; y: number } {
  const scale = Math.max(view.width / input.width, view.height / input.height);
  return {
    x: (point.x - input.width / 2) * scale + view.width / 2,
    y: (point.y - input.height / 2) * scale + view.height / 2,
  };
}

/**
 * How visible an overlay is: it fades in when its target is found, stays about a second after
 * the target is lost (a shaky hand should not make it flicker), then fades out.
 */
export const FADE_IN_MS = 250;
export const HOLD_AFTER_LOSS_MS = 1000;
export const FADE_OUT_MS = 350;

export function overlayOpacity(
  slot: { readonly tracked: boolean; readonly foundAt: number; readonly lastSeen: number },
  now: number,
  reducedMotion = false,
): number {
  if (slot.foundAt === 0) return 0;
  if (slot.tracked) {
    return reducedMotion ? 1 : Math.min(1, (now - slot.foundAt) / FADE_IN_MS);
  }
  const gone = now - slot.lastSeen;
  if (gone <= HOLD_AFTER_LOSS_MS) return 1;
  if (reducedMotion) return 0;
  return Math.max(0, 1 - (gone - HOLD_AFTER_LOSS_MS) / FADE_OUT_MS);
}
