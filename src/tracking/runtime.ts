/**
 * The heavy part of scanning (mind-ar and tfjs), loaded with `import()` only when the visitor
 * opens the scan view.
 */
import { TrackingEngine } from './engine.ts';
import { mindArFactory, tensorMemory } from './mind-ar.ts';

export function createTrackingEngine(): TrackingEngine {
  return new TrackingEngine(mindArFactory);
}

export { tensorMemory };
export { createCoverChecker } from './cover-checker.ts';
