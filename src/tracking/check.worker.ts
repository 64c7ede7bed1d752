/// <reference lib="webworker" />
/**
 * Checks the recognition index's guesses off the main thread (`cover-checker.ts`): mind-ar's
 * matcher between one detection frame's points and each guessed cover's keyframes. The page sends
 * a guessed cover's entry once (or, where the index does not say where it lies, its set's `.mind`
 * file); the worker keeps the last few.
 */
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { Corners } from '../domain/recognition/placement.ts';
import { greyPictureOf } from './grey-picture.ts';
import type { CoverPose } from './engine.ts';
import { KeyframeSets, firstInView, type CoverGuess } from './verify.ts';

export type CheckRequest =
  | { readonly type: 'set'; readonly setId: string; readonly buffer: ArrayBuffer }
  | { readonly type: 'cover'; readonly cover: CoverGuess; readonly entry: ArrayBuffer | null }
  | {
      readonly type: 'check';
      readonly id: number;
      readonly guesses: readonly CoverGuess[];
      readonly points: readonly FeaturePoint[];
      readonly frame: { readonly width: number; readonly height: number };
      /** A small copy of the frame's picture, or null (then the points decide alone). */
      readonly picture: ImageBitmap | null;
    };

export interface CheckReply {
  readonly id: number;
  /** The first guess that passed, or -1. */
  readonly passed: number;
  /** Where that cover lies in the frame: its pose, for the tracker to start from, and corners. */
  readonly pose: CoverPose | null;
  readonly corners: Corners | null;
  /** Whether it passed plainly enough to be taken at once (`surePass`). */
  readonly sure: boolean;
  /** The sets and covers (`coverKey`) the worker holds now: the page sends any other again. */
  readonly held: readonly string[];
  readonly heldCovers: readonly string[];
}

const sets = new KeyframeSets();

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  if (request.type === 'set') {
    sets.add(request.setId, request.buffer);
    return;
  }
  if (request.type === 'cover') {
    sets.addCover(request.cover, request.entry);
    return;
  }
  const { picture } = request;
  const outcome = firstInView(
    sets,
    request.guesses,
    request.points,
    request.frame,
    picture ? () => greyPictureOf(picture) : undefined,
  );
  picture?.close();
  const reply: CheckReply = {
    id: request.id,
    ...outcome,
    held: sets.ids(),
    heldCovers: sets.coverIds(),
  };
  self.postMessage(reply);
};
