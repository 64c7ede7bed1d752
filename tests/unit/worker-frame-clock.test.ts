/**
 * The tracker worker's frame clock: mind-ar's loop waits for the next camera picture, goes on at
 * once when one came during the last frame, and never hangs when pictures stop.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pictureArrived, pictureUsed } from '../../src/tracking/worker-frame-clock.ts';

const nextFrame = (callback: FrameRequestCallback) =>
  (
    globalThis as unknown as { requestAnimationFrame: (c: FrameRequestCallback) => number }
  ).requestAnimationFrame(callback);

describe('the tracker worker frame clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('releases the loop when a new picture arrives, not before', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    pictureUsed();
    const released = vi.fn();
    nextFrame(released);
    vi.advanceTimersByTime(20);
    expect(released).not.toHaveBeenCalled();
    pictureArrived();
    expect(released).toHaveBeenCalledOnce();
  });

  it('goes on at once with a picture that came while the last frame ran', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    pictureUsed();
    pictureArrived(); // nobody waiting yet
    const released = vi.fn();
    nextFrame(released);
    vi.advanceTimersByTime(1);
    expect(released).toHaveBeenCalledOnce();
  });

  it('never hangs: without pictures the loop goes on after 50 ms', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    pictureArrived();
    pictureUsed();
    const released = vi.fn();
    nextFrame(released);
    vi.advanceTimersByTime(49);
    expect(released).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(released).toHaveBeenCalledOnce();
  });
});
