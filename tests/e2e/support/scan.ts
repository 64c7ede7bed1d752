/** Helpers for the scan view's e2e tests. */
import type { Page } from '@playwright/test';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { CLIP_HEIGHT, CLIP_WIDTH, cornersFor, type Pose } from '../../../scripts/lib/clip.ts';
import { videoToView } from '../../../src/scene/projection.ts';
import { expect } from './test.ts';

export const scanStatus = (page: Page) => page.locator('.scan-status');

/**
 * How long a test waits for a recognition. How fast recognition is, is `npm run bench:tracking`'s
 * to measure; here the wait only ends a hang. On a slow day on these shared machines a browser's
 * first scanner compiles its WebGL programs on the CPU for 4 to 28 s (seen with one core taken by
 * another process), and tracking runs at 5 to 10 frames a second.
 */
export const RECOGNITION_MS = 120_000;

/**
 * Waits until scanning runs: the view says so (`data-phase`), not merely the absence of a progress
 * bar, which is also absent before the camera starts.
 */
export async function waitUntilScanning(page: Page): Promise<void> {
  await expect(page.locator('.scan-view')).toHaveAttribute('data-phase', 'scanning', {
    timeout: RECOGNITION_MS,
  });
  await expect(page.locator('.scan-problem')).toHaveCount(0);
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The screen box that the picture covers for a pose of the clip, given the page's viewport. */
export function screenBoxOf(
  poses: readonly Pose[],
  aspect: number,
  view: { width: number; height: number },
): Box {
  const points = poses.flatMap((pose) =>
    cornersFor(pose, aspect).map(([x, y]) =>
      videoToView({ x, y }, { width: CLIP_WIDTH, height: CLIP_HEIGHT }, view),
    ),
  );
  return {
    x0: Math.min(...points.map((p) => p.x)),
    y0: Math.min(...points.map((p) => p.y)),
    x1: Math.max(...points.map((p) => p.x)),
    y1: Math.max(...points.map((p) => p.y)),
  };
}

const BACKDROP = [255, 0, 255] as const;

/**
 * The box of what the WebGL layer draws: everything else on the page (camera picture, cards,
 * controls) is hidden behind a magenta backdrop, and the screenshot's other pixels are the 3D scene.
 */
export async function drawnBox(page: Page): Promise<Box & { pixels: number }> {
  // Through the CSSOM: the app's Content-Security-Policy refuses inline <style> elements.
  const hide = (hidden: boolean, backdrop: string) =>
    page.evaluate(
      ({ hidden, backdrop }) => {
        const set = (element: HTMLElement, property: string, value: string) => {
          if (hidden) element.style.setProperty(property, value, 'important');
          else element.style.removeProperty(property);
        };
        for (const element of document.querySelectorAll<HTMLElement>(
          '.scan-view > :not(.ar-canvas), .ar-card',
        ))
          set(element, 'visibility', 'hidden');
        const view = document.querySelector<HTMLElement>('.scan-view');
        if (view) set(view, 'background', backdrop);
      },
      { hidden, backdrop },
    );
  const backdrop = `rgb(${BACKDROP.join(',')})`;
  await hide(true, backdrop);
  const png = await page.screenshot();
  await hide(false, backdrop);
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  let pixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const differs =
        Math.abs(data[i]! - BACKDROP[0]) +
          Math.abs(data[i + 1]! - BACKDROP[1]) +
          Math.abs(data[i + 2]! - BACKDROP[2]) >
        60;
      if (!differs) continue;
      pixels++;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { x0, y0, x1, y1, pixels };
}
