/**
 * Checks the recognition index's guesses with mind-ar's matcher in a worker, so a phone's page
 * stays smooth while a cover the library does not hold is in view; on the page where a worker
 * cannot start.
 */
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { CheckReply, CheckRequest } from './check.worker.ts';
import { KeyframeSets, firstInView, type CoverGuess } from './verify.ts';

export type { CoverGuess };

export interface CoverChecker {
  /** The first guess whose cover mind-ar's matcher finds in the frame's points, or -1. */
  check(
    guesses: readonly CoverGuess[],
    points: readonly FeaturePoint[],
    frame: { readonly width: number; readonly height: number },
    /** A set's `.mind` file, or null when it cannot be had (offline without its pack). */
    loadSet: (setId: string) => Promise<ArrayBuffer | null>,
  ): Promise<number>;
  dispose(): void;
}

export function createCoverChecker(): CoverChecker {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.warn('The cover check runs on the page', error);
  }
  const onPage = new KeyframeSets();
  /** Sets the worker holds, as its last reply said, plus those sent since. */
  let held = new Set<string>();
  const waiting = new Map<number, (passed: number) => void>();
  let nextId = 0;

  const stopTheWorker = () => {
    worker?.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve(-1);
    waiting.clear();
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      held = new Set(event.data.held);
      waiting.get(event.data.id)?.(event.data.passed);
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      console.warn('The cover check worker failed; checking on the page', event.message);
      stopTheWorker();
    };
  }

  return {
    async check(guesses, points, frame, loadSet) {
      for (const setId of new Set(guesses.map((guess) => guess.setId))) {
        if (worker ? held.has(setId) : onPage.has(setId)) continue;
        const buffer = await loadSet(setId);
        if (worker) {
          const request: CheckRequest = {
            type: 'set',
            setId,
            buffer: buffer ?? new ArrayBuffer(0),
          };
          worker.postMessage(request);
          held.add(setId);
        } else onPage.add(setId, buffer);
      }
      const current = worker;
      if (!current) return firstInView(onPage, guesses, points, frame);
      const id = nextId++;
      return new Promise<number>((resolve) => {
        waiting.set(id, resolve);
        const request: CheckRequest = { type: 'check', id, guesses, points, frame };
        current.postMessage(request);
      });
    },
    dispose() {
      stopTheWorker();
    },
  };
}
