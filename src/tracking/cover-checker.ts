/**
 * Checks the recognition index's guesses with mind-ar's matcher in a worker, so a phone's page
 * stays smooth while a cover the library does not hold is in view; on the page where a worker
 * cannot start.
 */
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { Corners } from '../domain/recognition/placement.ts';
import type { CheckReply, CheckRequest } from './check.worker.ts';
import type { CoverPose } from './engine.ts';
import { greyPictureOf } from './grey-picture.ts';
import { KeyframeSets, coverKey, firstInView, type CoverGuess } from './verify.ts';

export type { CoverGuess };

/** The first guess that passed (-1 if none), and where its cover lies in the frame. */
export interface CheckOutcome {
  readonly passed: number;
  /** Its pose in the frame, for the tracker to start from. */
  readonly pose: CoverPose | null;
  readonly corners: Corners | null;
  /** It passed plainly enough to be taken at once, without a second pass (`surePass`). */
  readonly sure: boolean;
}

/** Where a guess's keyframes come from. */
export interface GuessLoaders {
  /** A set's `.mind` file, or null when it cannot be had (offline without its pack). */
  readonly set: (setId: string) => Promise<ArrayBuffer | null>;
  /**
   * One cover's entry of its set alone, or null where only its whole set can be had (the index
   * does not say where it lies, or the part could not be fetched).
   */
  readonly cover?: (guess: CoverGuess) => Promise<ArrayBuffer | null>;
}

export interface CoverChecker {
  /**
   * The first guess whose cover mind-ar's matcher finds in the frame's points and, given the
   * frame's `picture` (which the checker then owns and closes), whose cover the picture shows.
   */
  check(
    guesses: readonly CoverGuess[],
    points: readonly FeaturePoint[],
    frame: { readonly width: number; readonly height: number },
    load: GuessLoaders,
    picture?: ImageBitmap | null,
  ): Promise<CheckOutcome>;
  dispose(): void;
}

const NOT_IN_VIEW: CheckOutcome = { passed: -1, pose: null, corners: null, sure: false };

export function createCoverChecker(): CoverChecker {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.warn('The cover check runs on the page', error);
  }
  const onPage = new KeyframeSets();
  /** Sets and covers the worker holds, as its last reply said, plus those sent since. */
  let held = new Set<string>();
  let heldCovers = new Set<string>();
  const waiting = new Map<number, (outcome: CheckOutcome) => void>();
  let nextId = 0;

  const stopTheWorker = () => {
    worker?.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve(NOT_IN_VIEW);
    waiting.clear();
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      held = new Set(event.data.held);
      heldCovers = new Set(event.data.heldCovers);
      const { passed, pose, corners, sure } = event.data;
      waiting.get(event.data.id)?.({ passed, pose, corners, sure });
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      console.warn('The cover check worker failed; checking on the page', event.message);
      stopTheWorker();
    };
  }
  const holds = (guess: CoverGuess) =>
    worker ? heldCovers.has(coverKey(guess)) || held.has(guess.setId) : onPage.hasCover(guess);
  const sendSet = (setId: string, buffer: ArrayBuffer | null) => {
    if (!worker) {
      onPage.add(setId, buffer);
      return;
    }
    const request: CheckRequest = { type: 'set', setId, buffer: buffer ?? new ArrayBuffer(0) };
    worker.postMessage(request);
    held.add(setId);
  };
  const sendCover = (cover: CoverGuess, entry: ArrayBuffer) => {
    if (!worker) {
      onPage.addCover(cover, entry);
      return;
    }
    const request: CheckRequest = { type: 'cover', cover, entry };
    worker.postMessage(request);
    heldCovers.add(coverKey(cover));
  };

  // Everything missing is loaded side by side: one set after another, four sets of 4 MB took
  // over a second on this machine while the cover was in view. A cover alone where the index
  // says where it lies; its whole set where not, or where the part cannot be had.
  const loadMissing = async (guesses: readonly CoverGuess[], load: GuessLoaders) => {
    const missing = guesses.filter(
      (guess, at) =>
        !holds(guess) && guesses.findIndex((other) => coverKey(other) === coverKey(guess)) === at,
    );
    const alone = await Promise.all(
      missing.map((guess) => (load.cover ? load.cover(guess) : Promise.resolve(null))),
    );
    const sets = [
      ...new Set(missing.filter((_, at) => !alone[at]).map((guess) => guess.setId)),
    ].filter((setId) => !(worker ? held.has(setId) : onPage.has(setId)));
    const buffers = await Promise.all(sets.map((setId) => load.set(setId)));
    missing.forEach((guess, at) => {
      const entry = alone[at];
      if (entry) sendCover(guess, entry);
    });
    sets.forEach((setId, at) => {
      sendSet(setId, buffers[at] ?? null);
    });
  };

  return {
    async check(guesses, points, frame, load, picture) {
      try {
        await loadMissing(guesses, load);
      } catch (error) {
        // The picture is the checker's from the call on: freed here, since no check will run.
        picture?.close();
        throw error;
      }
      const current = worker;
      if (!current) {
        try {
          return firstInView(onPage, guesses, points, frame, picture ? () => greyPictureOf(picture) : undefined); // prettier-ignore
        } finally {
          picture?.close();
        }
      }
      const id = nextId++;
      return new Promise<CheckOutcome>((resolve) => {
        waiting.set(id, resolve);
        const request: CheckRequest = { type: 'check', id, guesses, points, frame, picture: picture ?? null }; // prettier-ignore
        current.postMessage(request, picture ? [picture] : []);
      });
    },
    dispose() {
      stopTheWorker();
    },
  };
}
