/**
 * The scanning runtime, loaded with `import()` only when the visitor opens the scan view. mind-ar
 * and tfjs run in the tracker worker (`tracker.worker.ts`); they load on the page only where the
 * worker cannot track.
 */
import { TrackingEngine } from './engine.ts';
import { createTrackerFactory, trackerMemory } from './tracker-client.ts';

export function createTrackingEngine(): TrackingEngine {
  return new TrackingEngine(createTrackerFactory());
}

/** tfjs memory in use where tracking runs, for the scan view's diagnostics. */
export function tensorMemory(): { tensors: number; bytes: number } | null {
  return trackerMemory();
}

export { createCoverChecker } from './cover-checker.ts';
export { oneTargetFile } from './mind-file.ts';
