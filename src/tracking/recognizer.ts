/**
 * Identify, then check, in a worker (`recognition.worker.ts`), so that neither decoding the
 * recognition index (megabytes) nor looking up each detection frame in it nor mind-ar's matcher
 * takes the page's time; on the page where a worker cannot start or has failed.
 */
import type { Candidate } from '../domain/recognition/identify.ts';
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type { RecognitionReply, RecognitionRequest } from './recognition.worker.ts';
import { IndexHolder } from './recognizer-core.ts';
import { KeyframeSets, firstInView, type CoverGuess } from './verify.ts';

export type { Candidate, CoverGuess };

export interface Recognizer {
  /** Reads the recognition index; resolves with how many covers it holds, rejects if unreadable. */
  loadIndex(bytes: ArrayBuffer): Promise<number>;
  /** One detection frame's points: the covers the last few frames may show, best first. */
  observe(points: readonly FeaturePoint[]): Promise<readonly Candidate[]>;
  /** Forgets the frames seen (the view changed: another set was loaded, a cover was found). */
  reset(): void;
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

type Asked = Extract<RecognitionRequest, { id: number }>;
type Request = Asked extends infer R ? (R extends Asked ? Omit<R, 'id'> : never) : never;

export function createRecognizer(): Recognizer {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./recognition.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.warn('Recognition runs on the page', error);
  }
  const onPage = { index: new IndexHolder(), sets: new KeyframeSets(), indexLoaded: false };
  /** Kept so that the page can take over the index if the worker fails after reading it. */
  let indexBytes: ArrayBuffer | null = null;
  /** Sets the worker holds, as its last reply said, plus those sent since. */
  let held = new Set<string>();
  const waiting = new Map<number, (reply: RecognitionReply | null) => void>();
  let nextId = 0;
  let disposed = false;

  const stopTheWorker = () => {
    worker?.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<RecognitionReply>) => {
      const reply = event.data;
      if (reply.type === 'check') held = new Set(reply.held);
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      console.warn('The recognition worker failed; recognising on the page', event.message);
      stopTheWorker();
    };
  }

  /** The worker's reply, or null when there is no worker (any more): the page answers then. */
  const ask = (request: Request): Promise<RecognitionReply | null> => {
    const current = worker;
    if (!current) return Promise.resolve(null);
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      const message: RecognitionRequest = { ...request, id };
      current.postMessage(message);
    });
  };

  const indexOnPage = (): number | string => {
    if (!indexBytes) return 'no index';
    onPage.indexLoaded = true;
    return onPage.index.load(indexBytes);
  };

  return {
    async loadIndex(bytes) {
      indexBytes = bytes;
      const reply = await ask({ type: 'index', bytes });
      const targets = reply?.type === 'index' ? reply.targets : indexOnPage();
      if (typeof targets === 'string') throw new Error(`unreadable recognition index: ${targets}`);
      return targets;
    },
    async observe(points) {
      if (disposed) return [];
      const reply = await ask({ type: 'observe', points });
      if (reply?.type === 'observe') return reply.candidates;
      if (!onPage.indexLoaded) indexOnPage();
      return onPage.index.observe(points);
    },
    reset() {
      onPage.index.reset();
      worker?.postMessage({ type: 'reset' } satisfies RecognitionRequest);
    },
    async check(guesses, points, frame, loadSet) {
      if (disposed) return -1;
      for (const setId of new Set(guesses.map((guess) => guess.setId))) {
        if (worker ? held.has(setId) : onPage.sets.has(setId)) continue;
        const buffer = await loadSet(setId);
        if (worker) {
          const request: RecognitionRequest = {
            type: 'set',
            setId,
            buffer: buffer ?? new ArrayBuffer(0),
          };
          worker.postMessage(request);
          held.add(setId);
        } else onPage.sets.add(setId, buffer);
      }
      const reply = await ask({ type: 'check', guesses, points, frame });
      if (reply?.type === 'check') return reply.passed;
      return firstInView(onPage.sets, guesses, points, frame);
    },
    dispose() {
      disposed = true;
      stopTheWorker();
      indexBytes = null;
    },
  };
}
