/// <reference lib="webworker" />
/**
 * Identify, then check, off the page (`recognizer.ts`): the recognition index is decoded here and
 * each detection frame's points are looked up in it here, and the guesses are checked with
 * mind-ar's matcher against the guessed covers' keyframes. The page sends the index and a set's
 * `.mind` file once; the worker keeps the keyframes of the last few sets.
 */
import type { Candidate } from '../domain/recognition/identify.ts';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import { IndexHolder } from './recognizer-core.ts';
import { KeyframeSets, firstInView, type CoverGuess } from './verify.ts';

export type RecognitionRequest =
  | { readonly type: 'index'; readonly id: number; readonly bytes: ArrayBuffer }
  | { readonly type: 'observe'; readonly id: number; readonly points: readonly FeaturePoint[] }
  | { readonly type: 'reset' }
  | { readonly type: 'set'; readonly setId: string; readonly buffer: ArrayBuffer }
  | {
      readonly type: 'check';
      readonly id: number;
      readonly guesses: readonly CoverGuess[];
      readonly points: readonly FeaturePoint[];
      readonly frame: { readonly width: number; readonly height: number };
    };

export type RecognitionReply =
  /** The index was read: how many covers it holds, or why not. */
  | { readonly type: 'index'; readonly id: number; readonly targets: number | string }
  | { readonly type: 'observe'; readonly id: number; readonly candidates: readonly Candidate[] }
  | {
      readonly type: 'check';
      readonly id: number;
      /** The first guess that passed, or -1. */
      readonly passed: number;
      /** The sets the worker holds now: the page sends any other set again. */
      readonly held: readonly string[];
    };

const index = new IndexHolder();
const sets = new KeyframeSets();

function post(reply: RecognitionReply): void {
  self.postMessage(reply);
}

self.onmessage = (event: MessageEvent<RecognitionRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'index':
      post({ type: 'index', id: request.id, targets: index.load(request.bytes) });
      return;
    case 'observe':
      post({ type: 'observe', id: request.id, candidates: index.observe(request.points) });
      return;
    case 'reset':
      index.reset();
      return;
    case 'set':
      sets.add(request.setId, request.buffer);
      return;
    case 'check':
      post({
        type: 'check',
        id: request.id,
        passed: firstInView(sets, request.guesses, request.points, request.frame),
        held: sets.ids(),
      });
  }
};
