/**
 * A cover held up to the camera, drawn as a grey 640×480 frame in one of five conditions: the query
 * frames of `npm run bench:scale`'s index-level part and of the cover check's tests.
 */
import { createCanvas, type Canvas, type Image } from '@napi-rs/canvas';

export const QUERY_CONDITIONS = ['frontal', 'angle', 'small', 'hand', 'blurred'] as const;
export type QueryCondition = (typeof QUERY_CONDITIONS)[number];

export const [QUERY_W, QUERY_H] = [640, 480];

/** Grey (the mean of red, green and blue) of `pixels` RGBA pixels. */
export function greyOf(data: Uint8ClampedArray, pixels: number): Float32Array {
  const grey = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) {
    grey[i] = ((data[i * 4] ?? 0) + (data[i * 4 + 1] ?? 0) + (data[i * 4 + 2] ?? 0)) / 3;
  }
  return grey;
}

export function queryFrame(image: Image | Canvas, condition: QueryCondition): Float32Array {
  const canvas = createCanvas(QUERY_W, QUERY_H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#8a8478';
  ctx.fillRect(0, 0, QUERY_W, QUERY_H);
  ctx.translate(QUERY_W / 2, QUERY_H / 2);
  const height = condition === 'small' ? 170 : 320;
  const width = (height * image.width) / image.height;
  if (condition === 'angle') {
    // About 35° of turn: foreshortened across, sheared, and rolled a little.
    ctx.rotate(0.12);
    ctx.transform(0.8, 0.12, -0.08, 1, 0, 0);
  } else ctx.rotate(-0.06);
  if (condition === 'blurred') ctx.filter = 'blur(2px)';
  ctx.drawImage(image, -width / 2, -height / 2, width, height);
  ctx.filter = 'none';
  if (condition === 'hand') {
    ctx.fillStyle = '#c58c6a';
    ctx.beginPath();
    ctx.ellipse(width * 0.3, height * 0.25, width * 0.35, height * 0.3, 0.5, 0, Math.PI * 2);
    ctx.fill();
  }
  return greyOf(ctx.getImageData(0, 0, QUERY_W, QUERY_H).data, QUERY_W * QUERY_H);
}
