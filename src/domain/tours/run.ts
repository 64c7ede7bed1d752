/**
 * One group's walk through a tour, as a small state machine: plain data in, plain data out, so the
 * runner can save it after every step and pick it up after the phone locks or the page reloads.
 *
 * A stop is done when the group found its target (by scanning it, typing its code, or a plain
 * confirmation) or skipped it; a stop with a question also waits for one answer (the first one
 * counts). The current stop never runs ahead of the first stop that is not done.
 */
import { z } from 'zod';
import type { Tour } from '../catalog.ts';
import { targetKey, type TargetRef } from '../targets.ts';
import { knownBand, stopTexts } from './bands.ts';

export type FoundBy = 'scan' | 'code' | 'confirm';

export interface StopProgress {
  readonly status: 'todo' | 'found' | 'skipped';
  readonly foundBy?: FoundBy;
  /** The choice picked (index), once answered. */
  readonly answer?: number;
  readonly correct?: boolean;
  /** Who answered, in shared-device mode (index into `players`). */
  readonly player?: number;
  /** The group found the stop but passed on its question. */
  readonly questionSkipped?: boolean;
  /** Other items scanned while looking for this stop. */
  readonly hints: number;
}

export interface TourRun {
  readonly tourId: string;
  /** The tour's stop ids when the run began: a republished tour with other stops starts again. */
  readonly stopIds: readonly string[];
  readonly group: string;
  readonly className: string;
  readonly band: string | null;
  /** Children taking turns on one device; empty when the group answers together. */
  readonly players: readonly string[];
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly current: number;
  readonly stops: readonly StopProgress[];
}

export interface StartOptions {
  readonly group: string;
  readonly className?: string;
  readonly band?: string | null;
  readonly players?: readonly string[];
}

export const NAME_MAX = 40;
export const MAX_PLAYERS = 5;

const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);

export function startRun(tour: Tour, options: StartOptions, now: number): TourRun {
  return {
    tourId: tour.id,
    stopIds: tour.stops.map((stop) => stop.id),
    group: cleanName(options.group),
    className: cleanName(options.className ?? ''),
    band: knownBand(tour, options.band),
    players: (options.players ?? []).map(cleanName).filter(Boolean).slice(0, MAX_PLAYERS),
    startedAt: now,
    finishedAt: null,
    current: 0,
    stops: tour.stops.map(() => ({ status: 'todo', hints: 0 })),
  };
}

const question = (tour: Tour, run: TourRun, index: number) => {
  const stop = tour.stops[index];
  return stop ? stopTexts(stop, run.band).question : undefined;
};

/** Found or skipped, and its question (if any) answered or skipped with it. */
export function isStopDone(tour: Tour, run: TourRun, index: number): boolean {
  const progress = run.stops[index];
  if (!progress || progress.status === 'todo') return false;
  return (
    progress.status === 'skipped' ||
    !question(tour, run, index) ||
    progress.answer !== undefined ||
    progress.questionSkipped === true
  );
}

/** The first stop that is not done; the stop count when all are. */
export function furthestStop(tour: Tour, run: TourRun): number {
  const index = run.stops.findIndex((_, i) => !isStopDone(tour, run, i));
  return index < 0 ? run.stops.length : index;
}

function update(run: TourRun, index: number, change: Partial<StopProgress>): TourRun {
  return {
    ...run,
    stops: run.stops.map((progress, i) => (i === index ? { ...progress, ...change } : progress)),
  };
}

export type ScanOutcome =
  /** The current stop's target: the stop is found. */
  | { readonly kind: 'found' }
  /** Another item: tell the group what they found and what to look for. */
  | { readonly kind: 'other'; readonly target: TargetRef }
  /** The stop was already found, or the tour is finished: nothing to do. */
  | { readonly kind: 'ignored' };

/** A target was recognised by the camera while this stop is on screen. */
export function scanned(
  tour: Tour,
  run: TourRun,
  target: TargetRef,
): { run: TourRun; outcome: ScanOutcome } {
  const stop = tour.stops[run.current];
  const progress = run.stops[run.current];
  if (!stop || !progress || progress.status !== 'todo' || run.finishedAt !== null) {
    return { run, outcome: { kind: 'ignored' } };
  }
  if (targetKey(stop.find) === targetKey(target)) {
    return {
      run: update(run, run.current, { status: 'found', foundBy: 'scan' }),
      outcome: { kind: 'found' },
    };
  }
  return {
    run: update(run, run.current, { hints: progress.hints + 1 }),
    outcome: { kind: 'other', target },
  };
}

/** Found without the camera: by the code printed on the spine or sign, or a plain confirmation. */
export function foundWithout(run: TourRun, by: 'code' | 'confirm'): TourRun {
  const progress = run.stops[run.current];
  if (!progress || progress.status !== 'todo' || run.finishedAt !== null) return run;
  return update(run, run.current, { status: 'found', foundBy: by });
}

/** Whose turn it is in shared-device mode: one question each, in order. */
export function playerForNextAnswer(run: TourRun): number | undefined {
  if (run.players.length === 0) return undefined;
  const answered = run.stops.filter((s) => s.answer !== undefined).length;
  return answered % run.players.length;
}

/** Answers the current stop's question; only the first answer counts. */
export function answer(tour: Tour, run: TourRun, choice: number): TourRun {
  const progress = run.stops[run.current];
  const asked = question(tour, run, run.current);
  if (!progress || !asked || progress.status !== 'found' || progress.answer !== undefined) {
    return run;
  }
  if (!Number.isInteger(choice) || choice < 0 || choice >= asked.choices.length) return run;
  const player = playerForNextAnswer(run);
  return update(run, run.current, {
    answer: choice,
    correct: choice === asked.answer,
    ...(player === undefined ? {} : { player }),
  });
}

/** Leaves the current stop (and its question) undone and moves on. */
export function skip(tour: Tour, run: TourRun): TourRun {
  const progress = run.stops[run.current];
  if (!progress || isStopDone(tour, run, run.current) || run.finishedAt !== null) return run;
  // Found but the question is passed on: the stop still counts as found.
  const skipped = update(
    run,
    run.current,
    progress.status === 'found' ? { questionSkipped: true } : { status: 'skipped' },
  );
  return { ...skipped, current: Math.min(run.current + 1, run.stops.length - 1) };
}

/** To the next stop once this one is done; past the last one, the tour is finished. */
export function next(tour: Tour, run: TourRun, now: number): TourRun {
  if (!isStopDone(tour, run, run.current)) return run;
  if (run.current >= run.stops.length - 1) return finish(tour, run, now);
  return { ...run, current: run.current + 1 };
}

/** Back to an earlier stop (to read it again) or forward up to the first stop not done. */
export function goTo(tour: Tour, run: TourRun, index: number): TourRun {
  const furthest = Math.min(furthestStop(tour, run), run.stops.length - 1);
  if (!Number.isInteger(index) || index < 0 || index > furthest) return run;
  return { ...run, current: index };
}

/** Ends the tour: stops not done count as not done. */
export function finish(_tour: Tour, run: TourRun, now: number): TourRun {
  return run.finishedAt === null ? { ...run, finishedAt: now } : run;
}

export interface Score {
  readonly correct: number;
  readonly questions: number;
  readonly done: number;
  readonly total: number;
  readonly seconds: number;
  /** Correct answers per player, in shared-device mode. */
  readonly players: readonly {
    readonly name: string;
    readonly correct: number;
    readonly answered: number;
  }[];
}

export function score(tour: Tour, run: TourRun, now: number): Score {
  const questions = tour.stops.filter((_, i) => question(tour, run, i)).length;
  const end = run.finishedAt ?? now;
  return {
    correct: run.stops.filter((s) => s.correct === true).length,
    questions,
    done: run.stops.filter((s) => s.status === 'found').length,
    total: run.stops.length,
    seconds: Math.max(0, Math.round((end - run.startedAt) / 1000)),
    players: run.players.map((name, player) => {
      const theirs = run.stops.filter((s) => s.player === player);
      return { name, correct: theirs.filter((s) => s.correct).length, answered: theirs.length };
    }),
  };
}

/**
 * Per stop with a question: `1` answered right, `0` wrong, `_` not answered; `-` for a stop
 * without a question. The result code carries this, so the teacher needs no answer key.
 */
export function answerMarks(tour: Tour, run: TourRun): string {
  return run.stops
    .map((progress, i) => {
      if (!question(tour, run, i)) return '-';
      if (progress.correct === undefined) return '_';
      return progress.correct ? '1' : '0';
    })
    .join('');
}

const StoredRun = z.object({
  tourId: z.string().max(64),
  stopIds: z.array(z.string().max(64)).max(100),
  group: z.string().max(NAME_MAX),
  className: z.string().max(NAME_MAX),
  band: z.string().max(64).nullable(),
  players: z.array(z.string().max(NAME_MAX)).max(MAX_PLAYERS),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  current: z.number().int().min(0),
  stops: z
    .array(
      z.object({
        status: z.enum(['todo', 'found', 'skipped']),
        foundBy: z.enum(['scan', 'code', 'confirm']).optional(),
        answer: z.number().int().min(0).max(10).optional(),
        correct: z.boolean().optional(),
        player: z.number().int().min(0).max(MAX_PLAYERS).optional(),
        questionSkipped: z.boolean().optional(),
        hints: z.number().int().min(0).max(100_000),
      }),
    )
    .max(100),
});

export function serializeRun(run: TourRun): string {
  return JSON.stringify(run);
}

/**
 * A saved run, if it still fits the tour as published now; anything else (another tour, stops
 * changed, a damaged value) is null, and the group starts again.
 */
export function parseRun(text: string, tour: Tour): TourRun | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredRun.safeParse(json);
  if (!parsed.success) return null;
  const run = parsed.data;
  const sameStops =
    run.tourId === tour.id &&
    run.stopIds.length === tour.stops.length &&
    run.stopIds.every((id, i) => tour.stops[i]?.id === id) &&
    run.stops.length === tour.stops.length;
  if (!sameStops || run.current >= run.stops.length) return null;
  const clean: TourRun = {
    ...run,
    band: knownBand(tour, run.band),
    stops: run.stops.map((s) => ({
      status: s.status,
      hints: s.hints,
      ...(s.foundBy === undefined ? {} : { foundBy: s.foundBy }),
      ...(s.answer === undefined ? {} : { answer: s.answer }),
      ...(s.correct === undefined ? {} : { correct: s.correct }),
      ...(s.player === undefined ? {} : { player: s.player }),
      ...(s.questionSkipped === undefined ? {} : { questionSkipped: s.questionSkipped }),
    })),
  };
  const furthest = Math.min(furthestStop(tour, clean), clean.stops.length - 1);
  return clean.current <= furthest ? clean : { ...clean, current: furthest };
}
