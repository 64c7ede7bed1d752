/**
 * Where a checked cover lies: the check passes only a cover-like place, and the second pass must
 * place the cover where the first did.
 */
import { describe, expect, it } from 'vitest';
import { plausiblePlacement, samePlacement } from '../../src/domain/recognition/placement.ts';

const frame = { width: 640, height: 480 };
/** An upright rectangle from (left, top) to (right, bottom), corners in the cover's order. */
const rectangle = (left: number, top: number, right: number, bottom: number) =>
  [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ] as const;
/** A cover held upright, seen from the front: top-left, top-right, bottom-right, bottom-left. */
const held = [
  [220, 90],
  [420, 85],
  [425, 385],
  [230, 390],
] as const;

describe('a checked cover’s place in the frame', () => {
  it('is plausible for a cover seen from the front, at an angle, or close up', () => {
    expect(plausiblePlacement(held, frame)).toBe(true);
    const angled = [
      [229, 101],
      [395, 66],
      [423, 409],
      [262, 376],
    ] as const;
    expect(plausiblePlacement(angled, frame)).toBe(true);
    const close = rectangle(-100, -150, 740, 630);
    expect(plausiblePlacement(close, frame)).toBe(true);
  });

  it('is not for a folded, mirrored, tiny, huge or broken quad', () => {
    const folded = [held[0], held[2], held[1], held[3]];
    expect(plausiblePlacement(folded, frame)).toBe(false);
    expect(plausiblePlacement([...held].reverse(), frame)).toBe(false);
    const sliver = rectangle(300, 200, 340, 205);
    expect(plausiblePlacement(sliver, frame)).toBe(false);
    const huge = rectangle(-2000, -2000, 2600, 2400);
    expect(plausiblePlacement(huge, frame)).toBe(false);
    expect(plausiblePlacement([held[0], held[1], held[2], [Number.NaN, 1]], frame)).toBe(false);
    expect(plausiblePlacement(held.slice(0, 3), frame)).toBe(false);
  });

  it('is the same for a cover moved a little, and not for one placed elsewhere or at another size', () => {
    const moved = held.map(([x, y]) => [x + 12, y - 8] as const);
    expect(samePlacement(held, moved)).toBe(true);
    const elsewhere = held.map(([x, y]) => [x - 150, y] as const);
    expect(samePlacement(held, elsewhere)).toBe(false);
    const half = held.map(([x, y]) => [320 + (x - 320) / 2, 240 + (y - 240) / 2] as const);
    expect(samePlacement(held, half)).toBe(false);
    expect(samePlacement(held, held.slice(0, 2))).toBe(false);
  });
});
