/// <reference lib="webworker" />
/**
 * tfjs's `nextFrame` picks requestAnimationFrame when its module loads, and without one it does not
 * wait at all, so mind-ar's loop would never yield. Workers in Chrome and Firefox have one; where
 * one is missing, a 60 Hz timer stands in. Imported first by `tracker.worker.ts`, before tfjs.
 */
const scope = globalThis as { requestAnimationFrame?: (callback: FrameRequestCallback) => number };
if (typeof scope.requestAnimationFrame !== 'function') {
  scope.requestAnimationFrame = (callback) =>
    setTimeout(() => {
      callback(performance.now());
    }, 16) as unknown as number;
}

export {};
