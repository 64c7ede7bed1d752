import { describe, expect, it } from 'vitest';
import { clampRoomScale, pinchTwist } from '../../src/ui/model/gestures.ts';

describe('two-finger gestures in the room view', () => {
  it('spreading the fingers to twice their distance doubles the size, without turning', () => {
    const change = pinchTwist(
      { x: 100, y: 0 },
      { x: 200, y: 0 },
      { x: 50, y: 0 },
      { x: 250, y: 0 },
    );
    expect(change.scale).toBeCloseTo(2);
    expect(change.turn).toBeCloseTo(0);
  });

  it('a clockwise quarter twist on the screen turns the model a quarter clockwise (negative y)', () => {
    // On screen y grows downwards: from pointing right to pointing down is clockwise.
    const change = pinchTwist({ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 100 });
    expect(change.scale).toBeCloseTo(1);
    expect(change.turn).toBeCloseTo(-Math.PI / 2);
  });

  it('takes the short way round across the ±180° line, and keeps the size within bounds', () => {
    const change = pinchTwist(
      { x: 0, y: 0 },
      { x: -100, y: 1 },
      { x: 0, y: 0 },
      { x: -100, y: -1 },
    );
    expect(Math.abs(change.turn)).toBeLessThan(0.1);
    expect(pinchTwist({ x: 5, y: 5 }, { x: 5, y: 5 }, { x: 0, y: 0 }, { x: 9, y: 9 }).scale).toBe(
      1,
    );
    expect(clampRoomScale(100)).toBe(4);
    expect(clampRoomScale(0)).toBe(0.25);
    expect(clampRoomScale(Number.NaN)).toBe(1);
  });
});
