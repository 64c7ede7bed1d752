/// <reference lib="webworker" />
/**
 * The tracker worker's frame clock. tfjs's `nextFrame`, which mind-ar's loop awaits after every
 * frame, calls requestAnimationFrame, picked when tfjs's module loads. In the worker it waits for
 * the next camera picture instead: each new picture is processed once, as soon as it arrives, not
 * at the next display refresh. A picture that does not come (a paused video) releases the loop
 * after a while, so it never hangs. Imported first by `tracker.worker.ts`, before tfjs.
 */
const waiting: FrameRequestCallback[] = [];
/** A picture has arrived that no frame has drawn yet: the loop goes on at once. */
let fresh = false;
/** The loop goes on without a new picture after this long (the page's own rAF is about 16 ms). */
const LONGEST_WAIT_MS = 50;

let timer: ReturnType<typeof setTimeout> | null = null;

function release(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const callbacks = waiting.splice(0);
  const now = performance.now();
  for (const callback of callbacks) callback(now);
}

(
  globalThis as { requestAnimationFrame?: (callback: FrameRequestCallback) => number }
).requestAnimationFrame = (callback) => {
  waiting.push(callback);
  // A macrotask either way, so the worker's messages (new pictures, stop) are read in between.
  if (fresh) setTimeout(release, 0);
  else timer ??= setTimeout(release, LONGEST_WAIT_MS);
  return waiting.length;
};

/** Called when a new camera picture has arrived. */
export function pictureArrived(): void {
  fresh = true;
  release();
}

/** Called when a frame starts on the latest picture. */
export function pictureUsed(): void {
  fresh = false;
}
