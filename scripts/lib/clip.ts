/**
 * Renders fake-camera clips for Chromium (`--use-file-for-fake-video-capture`): a cover or shelf
 * sign held in front of a desk, in a sequence of poses with perspective, and empty frames. Frames
 * are written as Y4M into ffmpeg, which stores them as MJPEG, about nine times smaller.
 */
import { spawn } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import { invert, sampleBilinear, squareToQuad, type Quad } from '../../src/domain/geometry.ts';
import { createRandom } from './art.ts';

export const CLIP_WIDTH = 640;
export const CLIP_HEIGHT = 480;
export const CLIP_FPS = 30;

export interface Pose {
  /** Centre of the picture in the frame, in pixels. */
  readonly x: number;
  readonly y: number;
  /** Height of the picture on screen, in pixels (before perspective). */
  readonly height: number;
  /** Turn in the image plane, degrees. */
  readonly roll?: number;
  /** Tilt away from the camera about the horizontal and vertical axes, degrees. */
  readonly pitch?: number;
  readonly yaw?: number;
}

export interface HeldPicture {
  /** Path of the image file to hold up. */
  readonly image: string;
  readonly from: Pose;
  /** Where the picture moves to by the end of the segment; it stays still if absent. */
  readonly to?: Pose;
}

export type Segment =
  | { readonly kind: 'empty'; readonly seconds: number }
  | ({ readonly kind: 'picture'; readonly seconds: number } & HeldPicture)
  /** Several pictures at once, e.g. two covers side by side. */
  | { readonly kind: 'pictures'; readonly seconds: number; readonly items: readonly HeldPicture[] };

function heldPictures(segment: Segment): readonly HeldPicture[] {
  if (segment.kind === 'picture') return [segment];
  if (segment.kind === 'pictures') return segment.items;
  return [];
}

export interface ClipSpec {
  readonly segments: readonly Segment[];
  readonly seed?: number;
}

/** Projects the picture's corners for a pose with a pinhole camera (focal length as mind-ar's). */
export function cornersFor(pose: Pose, aspect: number): [number, number][] {
  const focal = CLIP_HEIGHT / 2 / Math.tan((45 * Math.PI) / 360);
  const halfH = pose.height / 2;
  const halfW = halfH * aspect;
  const rad = Math.PI / 180;
  const [cr, sr] = [Math.cos((pose.roll ?? 0) * rad), Math.sin((pose.roll ?? 0) * rad)];
  const [cp, sp] = [Math.cos((pose.pitch ?? 0) * rad), Math.sin((pose.pitch ?? 0) * rad)];
  const [cy, sy] = [Math.cos((pose.yaw ?? 0) * rad), Math.sin((pose.yaw ?? 0) * rad)];
  const local: [number, number][] = [
    [-halfW, -halfH],
    [halfW, -halfH],
    [halfW, halfH],
    [-halfW, halfH],
  ];
  return local.map(([u, v]) => {
    // roll, then pitch (about x), then yaw (about y); the picture sits at depth `focal`.
    const x1 = u * cr - v * sr;
    const y1 = u * sr + v * cr;
    const y2 = y1 * cp;
    const z2 = y1 * sp;
    const x3 = x1 * cy + z2 * sy;
    const z3 = -x1 * sy + z2 * cy;
    const depth = focal + z3;
    return [pose.x + (x3 * focal) / depth, pose.y + (y2 * focal) / depth];
  });
}

function lerpPose(a: Pose, b: Pose, t: number): Pose {
  const mix = (p?: number, q?: number) => (p ?? 0) + ((q ?? 0) - (p ?? 0)) * t;
  return {
    x: mix(a.x, b.x),
    y: mix(a.y, b.y),
    height: mix(a.height, b.height),
    roll: mix(a.roll, b.roll),
    pitch: mix(a.pitch, b.pitch),
    yaw: mix(a.yaw, b.yaw),
  };
}

/** A desk: warm wood grain with soft blotches and no sharp features that could be mistaken for a target. */
function background(random: () => number): Uint8ClampedArray {
  const canvas = createCanvas(CLIP_WIDTH, CLIP_HEIGHT);
  const ctx = canvas.getContext('2d');
  const gradient = ctx.createLinearGradient(0, 0, CLIP_WIDTH, CLIP_HEIGHT);
  gradient.addColorStop(0, '#9c6b43');
  gradient.addColorStop(1, '#7a4f2e');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, CLIP_WIDTH, CLIP_HEIGHT);
  for (let i = 0; i < 70; i++) {
    ctx.strokeStyle = `rgba(60, 35, 15, ${0.05 + random() * 0.1})`;
    ctx.lineWidth = 1 + random() * 5;
    ctx.beginPath();
    const y = random() * CLIP_HEIGHT;
    ctx.moveTo(0, y);
    ctx.bezierCurveTo(
      CLIP_WIDTH / 3,
      y + random() * 30 - 15,
      (2 * CLIP_WIDTH) / 3,
      y + random() * 30 - 15,
      CLIP_WIDTH,
      y + random() * 20 - 10,
    );
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, CLIP_WIDTH, CLIP_HEIGHT).data;
}

interface Picture {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

async function readPicture(file: string): Promise<Picture> {
  const image: Image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    rgba: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

/** Draws the picture into the RGB frame where the pose puts it, sampling bilinearly. */
function composite(frame: Uint8ClampedArray, picture: Picture, pose: Pose): void {
  const corners = cornersFor(pose, picture.width / picture.height);
  const toPicture = invert(squareToQuad(corners as unknown as Quad));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const minX = Math.max(0, Math.floor(Math.min(...xs)));
  const maxX = Math.min(CLIP_WIDTH - 1, Math.ceil(Math.max(...xs)));
  const minY = Math.max(0, Math.floor(Math.min(...ys)));
  const maxY = Math.min(CLIP_HEIGHT - 1, Math.ceil(Math.max(...ys)));
  const [a, b, c, d, e, f, g, h, i] = toPicture;
  const { width: pw, height: ph, rgba } = picture;
  const pixels = { data: rgba, width: pw, height: ph };
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const w = g * x + h * y + i;
      const u = ((a * x + b * y + c) / w) * pw - 0.5;
      const v = ((d * x + e * y + f) / w) * ph - 0.5;
      if (u < 0 || v < 0 || u > pw - 1 || v > ph - 1) continue;
      sampleBilinear(pixels, u, v, frame, (y * CLIP_WIDTH + x) * 4, 3);
    }
  }
}

/** RGBA to Y4M's 4:2:0 planes (BT.601, studio range). */
function toYuv420(rgba: Uint8ClampedArray): Buffer {
  const w = CLIP_WIDTH;
  const h = CLIP_HEIGHT;
  const out = Buffer.alloc(w * h * 1.5);
  const uOffset = w * h;
  const vOffset = uOffset + (w * h) / 4;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      const r = rgba[p] as number;
      const g = rgba[p + 1] as number;
      const b = rgba[p + 2] as number;
      out[y * w + x] = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256;
      if (y % 2 === 0 && x % 2 === 0) {
        const q = (y / 2) * (w / 2) + x / 2;
        out[uOffset + q] = 128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256;
        out[vOffset + q] = 128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256;
      }
    }
  }
  return out;
}

/** Renders the clip to `outFile` (.mjpeg). Returns the number of frames. */
export async function renderClip(spec: ClipSpec, outFile: string): Promise<number> {
  const random = createRandom(spec.seed ?? 7);
  const desk = background(random);
  const pictures = new Map<string, Picture>();
  for (const held of spec.segments.flatMap(heldPictures)) {
    if (!pictures.has(held.image)) pictures.set(held.image, await readPicture(held.image));
  }
  await mkdir(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'yuv4mpegpipe',
      '-i',
      '-',
      '-c:v',
      'mjpeg',
      '-q:v',
      '3',
      '-f',
      'mjpeg',
      partial,
    ],
    {
      stdio: ['pipe', 'inherit', 'inherit'],
    },
  );
  const done = new Promise<void>((resolve, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code}`));
    });
  });
  const write = (chunk: Buffer | string) =>
    new Promise<void>((resolve, reject) => {
      ffmpeg.stdin.write(chunk, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });

  await write(`YUV4MPEG2 W${CLIP_WIDTH} H${CLIP_HEIGHT} F${CLIP_FPS}:1 Ip A1:1 C420jpeg\n`);
  let frames = 0;
  for (const segment of spec.segments) {
    const count = Math.round(segment.seconds * CLIP_FPS);
    for (let n = 0; n < count; n++) {
      const frame = new Uint8ClampedArray(desk);
      const t = count > 1 ? n / (count - 1) : 0;
      for (const held of heldPictures(segment)) {
        const pose = held.to ? lerpPose(held.from, held.to, t) : held.from;
        composite(frame, pictures.get(held.image) as Picture, pose);
      }
      // Sensor noise: without it, identical frames make tracking look better than on a phone.
      for (let p = 0; p < frame.length; p += 4) {
        const noise = (random() - 0.5) * 10;
        frame[p] = (frame[p] as number) + noise;
        frame[p + 1] = (frame[p + 1] as number) + noise;
        frame[p + 2] = (frame[p + 2] as number) + noise;
      }
      await write('FRAME\n');
      await write(toYuv420(frame));
      frames++;
    }
  }
  ffmpeg.stdin.end();
  await done;
  await rename(partial, outFile);
  return frames;
}
