/// <reference lib="webworker" />
/**
 * Checks the recognition index's guesses off the main thread (`cover-checker.ts`): mind-ar's
 * matcher between one detection frame's points and each guessed cover's keyframes. The page sends
 * a set's `.mind` file once; the worker keeps the keyframes of the last few sets.
 */
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import { KeyframeSets, firstInView, type CoverGuess } from './verify.ts';

export type CheckRequest =
  | { readonly type: 'set'; readonly setId: string; readonly buffer: ArrayBuffer }
  | {
      readonly type: 'check';
      readonly id: number;
      readonly guesses: readonly CoverGuess[];
      readonly points: readonly FeaturePoint[];
      readonly frame: { readonly width: number; readonly height: number };
    };

export interface CheckReply {
  readonly id: number;
  /** The first guess that passed, or -1. */
  readonly passed: number;
  /** The sets the worker holds now: the page sends any other set again. */
  readonly held: readonly string[];
}

const sets = new KeyframeSets();

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  if (request.type === 'set') {
    sets.add(request.setId, request.buffer);
    return;
  }
  const reply: CheckReply = {
    id: request.id,
    passed: firstInView(sets, request.guesses, request.points, request.frame),
    held: sets.ids(),
  };
  self.postMessage(reply);
};
