/**
 * One group's tour on this device: the domain's run state machine behind named actions, saved after
 * every step through the `save` function the page gives it (data/tour-storage.ts).
 */
import { createStore } from 'zustand/vanilla';
import type { Tour } from '../domain/catalog.ts';
import type { TargetRef } from '../domain/targets.ts';
import * as tours from '../domain/tours/run.ts';
import type { ScanOutcome, StartOptions, TourRun } from '../domain/tours/run.ts';

export interface LastScan {
  readonly outcome: ScanOutcome['kind'];
  readonly target: TargetRef;
  /** Counts up with each scan, so the same hint twice is announced twice. */
  readonly count: number;
}

export interface TourRunData {
  readonly run: TourRun | null;
  /** What the camera last recognised for the current stop: a confirmation or a hint. */
  readonly lastScan: LastScan | null;
  /** The last save was refused (the device is full): progress lives on this page only. */
  readonly unsaved: boolean;
}

export interface TourRunActions {
  readonly start: (options: StartOptions) => void;
  readonly scanned: (target: TargetRef) => ScanOutcome;
  readonly foundWithout: (by: 'code' | 'confirm') => void;
  readonly answer: (choice: number) => void;
  readonly skip: () => void;
  readonly next: () => void;
  readonly goTo: (index: number) => void;
  readonly finish: () => void;
  /** Forget this run (after the finish screen, or to start again). */
  readonly restart: () => void;
}

export type TourRunState = TourRunData & TourRunActions;

export function createTourRunStore(
  tour: Tour,
  saved: TourRun | null,
  save: (run: TourRun | null) => boolean,
  now: () => number = Date.now,
) {
  return createStore<TourRunState>()((set, get) => {
    const change = (run: TourRun | null, extra: Partial<TourRunData> = {}) => {
      const previous = get().run;
      const stopChanged = run?.current !== previous?.current;
      set({
        run,
        unsaved: !save(run),
        ...(stopChanged ? { lastScan: null } : {}),
        ...extra,
      });
    };
    const withRun = (step: (run: TourRun) => TourRun) => {
      const run = get().run;
      if (run) change(step(run));
    };
    return {
      run: saved,
      lastScan: null,
      unsaved: false,
      start: (options) => {
        change(tours.startRun(tour, options, now()));
      },
      scanned: (target) => {
        const run = get().run;
        if (!run) return { kind: 'ignored' };
        const result = tours.scanned(tour, run, target);
        if (result.outcome.kind === 'ignored') return result.outcome;
        change(result.run, {
          lastScan: {
            outcome: result.outcome.kind,
            target,
            count: (get().lastScan?.count ?? 0) + 1,
          },
        });
        return result.outcome;
      },
      foundWithout: (by) => {
        withRun((run) => tours.foundWithout(run, by));
      },
      answer: (choice) => {
        withRun((run) => tours.answer(tour, run, choice));
      },
      skip: () => {
        withRun((run) => tours.skip(tour, run));
      },
      next: () => {
        withRun((run) => tours.next(tour, run, now()));
      },
      goTo: (index) => {
        withRun((run) => tours.goTo(tour, run, index));
      },
      finish: () => {
        withRun((run) => tours.finish(tour, run, now()));
      },
      restart: () => {
        change(null);
      },
    };
  });
}

export type TourRunStore = ReturnType<typeof createTourRunStore>;
