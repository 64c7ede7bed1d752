import { describe, expect, it } from 'vitest';
import { cameraForView, overlayOpacity, videoToView } from '../../src/scene/projection.ts';

// mind-ar's projection for a 640×480 input: fovy 45°, near 10, far 100000.
const f = 240 / Math.tan(Math.PI / 8);
const projection = [
  (2 * f) / 640,
  0,
  0,
  0,
  0,
  (2 * f) / 480,
  0,
  0,
  0,
  0,
  -(100010 / 99990),
  -1,
  0,
  0,
  -(2 * 100000 * 10) / 99990,
  0,
];
const input = { width: 640, height: 480 };

describe('AR camera', () => {
  it('matches mind-ar when the view has the video aspect', () => {
    const camera = cameraForView(projection, input, { width: 640, height: 480 });
    expect(camera.fov).toBeCloseTo(45, 5);
    expect(camera.near).toBeCloseTo(10, 3);
    expect(camera.far).toBeCloseTo(100000, -1);
    expect(camera.aspect).toBeCloseTo(640 / 480);
  });

  it('narrows the field of view when a portrait screen crops the video', () => {
    const camera = cameraForView(projection, input, { width: 412, height: 915 });
    // The full 480 px of height are shown, so the vertical field of view stays 45°.
    expect(camera.fov).toBeCloseTo(45, 5);
    const wide = cameraForView(projection, input, { width: 1280, height: 600 });
    // A wide screen shows only the middle 300 of 480 px: a narrower field.
    expect(wide.fov).toBeLessThan(45);
    expect(wide.fov).toBeCloseTo((2 * Math.atan(Math.tan(Math.PI / 8) * 0.625) * 180) / Math.PI, 5);
  });

  it('maps video pixels to screen pixels the way object-fit: cover does', () => {
    expect(videoToView({ x: 320, y: 240 }, input, { width: 412, height: 915 })).toEqual({
      x: 206,
      y: 457.5,
    });
    const corner = videoToView({ x: 0, y: 0 }, input, { width: 412, height: 915 });
    expect(corner.y).toBeCloseTo(0);
    expect(corner.x).toBeCloseTo(206 - 320 * (915 / 480));
  });
});

describe('overlay fading', () => {
  it('fades in, holds about a second after a loss, then fades out', () => {
    const found = { tracked: true, foundAt: 1000, lastSeen: 1000 };
    expect(overlayOpacity(found, 1000)).toBe(0);
    expect(overlayOpacity(found, 1125)).toBeCloseTo(0.5);
    expect(overlayOpacity(found, 2000)).toBe(1);
    const lost = { tracked: false, foundAt: 1000, lastSeen: 5000 };
    expect(overlayOpacity(lost, 5900)).toBe(1);
    expect(overlayOpacity(lost, 6000 + 175)).toBeCloseTo(0.5);
    expect(overlayOpacity(lost, 7000)).toBe(0);
  });

  it('skips the fades for visitors who ask for less motion', () => {
    expect(overlayOpacity({ tracked: true, foundAt: 1000, lastSeen: 1000 }, 1001, true)).toBe(1);
    expect(overlayOpacity({ tracked: false, foundAt: 1000, lastSeen: 5000 }, 6100, true)).toBe(0);
  });
});
