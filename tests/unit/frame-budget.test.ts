/**
 * The AR layer's drawing budget: where WebGL draws on the CPU, the camera's redraws, the model's
 * turn-in and the fades together draw at most 15 times a second, and a put-off request still draws.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameBudget } from '../../src/scene/frame-budget.ts';

describe('the AR layer frame budget', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws at once, then merges the requests of the next 66 ms into one drawing at its end', () => {
    const draw = vi.fn();
    const budget = frameBudget(draw, 1000 / 15, () => Date.now());
    budget.request();
    expect(draw).toHaveBeenCalledTimes(1);
    // A turn-in asks every display frame (60 a second).
    for (let frame = 0; frame < 3; frame++) {
      vi.advanceTimersByTime(16);
      budget.request();
    }
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000 / 15 - 48);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('keeps requests at every display frame to one drawing each 66 ms', () => {
    const drawnAt: number[] = [];
    const budget = frameBudget(
      () => drawnAt.push(Date.now()),
      1000 / 15,
      () => Date.now(),
    );
    for (let frame = 0; frame < 60; frame++) {
      budget.request();
      vi.advanceTimersByTime(1000 / 60);
    }
    // 60 requests over a second: 15 drawings, and the last request's put-off one.
    expect(drawnAt.length).toBeGreaterThanOrEqual(15);
    expect(drawnAt.length).toBeLessThanOrEqual(16);
    const gaps = drawnAt.slice(1).map((at, i) => at - (drawnAt[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(66);
  });

  it('draws on every request with no interval (a phone whose GPU draws)', () => {
    const draw = vi.fn();
    const budget = frameBudget(draw, 0, () => Date.now());
    for (let frame = 0; frame < 10; frame++) {
      budget.request();
      vi.advanceTimersByTime(1);
    }
    expect(draw).toHaveBeenCalledTimes(10);
  });

  it('drops a put-off drawing when the canvas goes', () => {
    const draw = vi.fn();
    const budget = frameBudget(draw, 100, () => Date.now());
    budget.request();
    budget.request();
    budget.cancel();
    vi.advanceTimersByTime(500);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
