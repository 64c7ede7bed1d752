/**
 * The stars staff see for a cover photo: from the feature points mind-ar's own compiler finds.
 * A plain cover (a title on a flat colour) gets one star and advice; a demo cover, drawn with
 * texture everywhere, gets four or five.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { assessTarget, pictureStatistics } from '../../src/domain/target-quality.ts';
import { pointsOf, splitTargetSet } from '../../src/tracking/mind-file.ts';
import { compileTargetSet } from '../../src/tracking/node/offline-compile.ts';
import { ROOT } from '../helpers/demo-feed.ts';

const spread = (count: number): [number, number][] =>
  Array.from({ length: count }, (_, i) => [((i * 37) % 100) / 100, ((i * 61) % 100) / 100]);

describe('the star rating', () => {
  it('gives one star and advice to a few points in one corner', () => {
    const corner: [number, number][] = Array.from({ length: 25 }, (_, i) => [
      (i % 5) / 50,
      Math.floor(i / 5) / 50,
    ]);
    const report = assessTarget({ points: corner, aspect: 2 / 3, contrast: 60, glare: 0 });
    expect(report.stars).toBe(1);
    expect(report.advice).toEqual(['texture', 'spread']);
  });

  it('caps many points by how little of the cover they cover', () => {
    const clustered: [number, number][] = Array.from({ length: 300 }, (_, i) => [
      (i % 17) / 40,
      Math.floor(i / 17) / 40,
    ]);
    expect(assessTarget({ points: clustered, aspect: 2 / 3, contrast: 60, glare: 0 }).stars).toBe(
      1,
    );
  });

  it('gives five stars to many points spread over the whole cover', () => {
    const report = assessTarget({ points: spread(200), aspect: 2 / 3, contrast: 60, glare: 0 });
    expect(report.stars).toBe(5);
    expect(report.advice).toEqual([]);
  });

  it('says what would help, glare and contrast first', () => {
    const report = assessTarget({ points: spread(40), aspect: 2 / 3, contrast: 20, glare: 0.3 });
    expect(report.stars).toBe(2);
    expect(report.advice).toEqual(['glare', 'contrast', 'texture']);
  });

  it('measures contrast and glare from pixels', () => {
    const flat = new Uint8ClampedArray(4 * 100).fill(128);
    expect(pictureStatistics(flat)).toEqual({ contrast: 0, glare: 0 });
    const white = new Uint8ClampedArray(4 * 100).fill(255);
    expect(pictureStatistics(white).glare).toBe(1);
  });

  it('rates a real plain cover one star and a demo cover four or more, from compiled points', async () => {
    const canvas = createCanvas(320, 480);
    const context = canvas.getContext('2d');
    context.fillStyle = '#2a6f97';
    context.fillRect(0, 0, 320, 480);
    context.fillStyle = '#ffffff';
    context.font = 'bold 28px DejaVu Sans';
    context.fillText('Laporan Tahunan', 40, 220);
    const plainPng = canvas.toBuffer('image/png');
    const plain = await compileTargetSet([new Uint8Array(plainPng)]);
    const pixels = context.getImageData(0, 0, 320, 480).data;
    const plainReport = assessTarget({
      points: pointsOf(plain),
      aspect: 320 / 480,
      ...pictureStatistics(new Uint8ClampedArray(pixels)),
    });
    expect(plainReport.stars).toBe(1);
    expect(plainReport.advice).toContain('texture');

    // The committed History shelf set, compiled from generated demo covers.
    const set = new Uint8Array(
      readFileSync(path.join(ROOT, 'public/demo/targets/rak-sejarah.mind')),
    );
    const cover = splitTargetSet(set)[0]!;
    const report = assessTarget({ points: pointsOf(cover), aspect: 2 / 3, contrast: 60, glare: 0 });
    expect(report.stars).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
