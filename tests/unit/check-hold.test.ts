import { describe, expect, it } from 'vitest';
import { CHECK_HOLD_MS, CheckHold } from '../../src/domain/recognition/identify.ts';

describe('CheckHold', () => {
  it('lets every check run while no searched cover ranks among the guesses', () => {
    const hold = new CheckHold();
    for (let t = 0; t < 5000; t += 100) expect(hold.waits(false, t)).toBe(false);
  });

  it('holds the check while a searched cover ranks, for at most its time', () => {
    const hold = new CheckHold(1000);
    expect(hold.waits(true, 10_000)).toBe(true);
    expect(hold.waits(true, 10_500)).toBe(true);
    expect(hold.waits(true, 10_999)).toBe(true);
    // The tracker had its time: the guesses are checked as before, for the rest of the stretch.
    expect(hold.waits(true, 11_000)).toBe(false);
    expect(hold.waits(true, 14_000)).toBe(false);
  });

  it('checks a frame that ranks no searched cover, without starting the wait over', () => {
    const hold = new CheckHold(1000);
    expect(hold.waits(true, 0)).toBe(true);
    expect(hold.waits(false, 300)).toBe(false);
    // The same wait: a ranking that flickers cannot hold the check back for longer.
    expect(hold.waits(true, 600)).toBe(true);
    expect(hold.waits(true, 1000)).toBe(false);
    // A frame that ranks none after the wait ends the stretch; the next one waits again.
    expect(hold.waits(false, 1100)).toBe(false);
    expect(hold.waits(true, 1200)).toBe(true);
    expect(hold.waits(true, 2200)).toBe(false);
  });

  it('starts over when reset (a cover was found, or the view changed)', () => {
    const hold = new CheckHold(1000);
    hold.waits(true, 0);
    expect(hold.waits(true, 1500)).toBe(false);
    hold.reset();
    expect(hold.waits(true, 1600)).toBe(true);
  });

  it('holds for CHECK_HOLD_MS unless told otherwise', () => {
    const hold = new CheckHold();
    expect(hold.waits(true, 0)).toBe(true);
    expect(hold.waits(true, CHECK_HOLD_MS - 1)).toBe(true);
    expect(hold.waits(true, CHECK_HOLD_MS)).toBe(false);
  });
});
