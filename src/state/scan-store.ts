/**
 * What the scan view shows: the start-up phase, problems, the active target set, what is
 * recognised. Discrete events only; per-frame poses live in the tracking engine's slots.
 */
import { createStore } from 'zustand/vanilla';
import type {
  AssetProblem,
  CameraProblem,
  ModelProblem,
  QualityLevel,
} from '../domain/problems.ts';
import { targetKey, type TargetKind, type TargetRef } from '../domain/targets.ts';

export type ScanPhase = 'idle' | 'camera' | 'engine' | 'warmup' | 'scanning' | 'paused' | 'error';

export type ScanProblem =
  | { readonly kind: 'camera'; readonly problem: CameraProblem }
  | { readonly kind: 'webgl' }
  | { readonly kind: 'targets'; readonly problem: AssetProblem }
  | { readonly kind: 'engine' };

export interface Recognition {
  readonly kind: TargetKind;
  readonly id: string;
  readonly key: string;
  readonly visible: boolean;
  /** Date.now() when it was last found or lost. */
  readonly at: number;
}

export interface ScanEvent {
  readonly type: 'found' | 'lost' | 'switched';
  readonly kind: TargetKind;
  readonly id: string;
  readonly at: number;
}

export interface ActiveSet {
  readonly id: string;
  /** The shelf whose covers the set recognises; null for the set of shelf signs. */
  readonly shelfId: string | null;
  /**
   * The one target of the set that is loaded (its key), when the recognition index named it; the
   * rest of the set comes back once it has been out of view a while.
   */
  readonly only?: string;
}

export interface ScanData {
  readonly phase: ScanPhase;
  readonly problem: ScanProblem | null;
  readonly activeSet: ActiveSet | null;
  /** Most recent first; at most a few. */
  readonly recognitions: readonly Recognition[];
  readonly lastEvent: ScanEvent | null;
  readonly pinned: Recognition | null;
  readonly quality: QualityLevel;
  readonly fps: number | null;
  /** Models that could not be shown, by target key. */
  readonly modelProblems: Readonly<Record<string, ModelProblem>>;
  /**
   * Books whose covers look like a recognised one's (a series with one design), by its target
   * key: the camera cannot tell them apart, so the visitor is told which else it may be.
   */
  readonly lookAlikes: Readonly<Record<string, readonly string[]>>;
}

/** What happens during a scan, as named actions; the scan session calls them. */
export interface ScanActions {
  /** Starting (again) at `quality` (a level staff held reduced is the saving mode too). */
  readonly begin: (quality: QualityLevel) => void;
  readonly enterPhase: (phase: 'camera' | 'engine' | 'scanning' | 'paused') => void;
  readonly fail: (problem: ScanProblem) => void;
  /** A target set is loaded and warming up. */
  readonly activate: (set: ActiveSet) => void;
  readonly reportFps: (fps: number) => void;
  readonly setQuality: (quality: QualityLevel) => void;
  /** A target was found or lost. */
  readonly recognised: (event: TargetRef & { visible: boolean; at: number }) => void;
  /** The visitor's choice (or a sign) moved scanning to a shelf's covers. */
  readonly switchedTo: (shelfId: string, at: number) => void;
  readonly pin: (key: string | null) => void;
  readonly reportModelProblem: (key: string, problem: ModelProblem) => void;
  readonly reportLookAlikes: (key: string, bookIds: readonly string[]) => void;
}

export type ScanState = ScanData & ScanActions;

export const MAX_RECOGNITIONS = 4;

export const initialScanState: ScanData = {
  phase: 'idle',
  problem: null,
  activeSet: null,
  recognitions: [],
  lastEvent: null,
  pinned: null,
  quality: 'full',
  fps: null,
  modelProblems: {},
  lookAlikes: {},
};

export function createScanStore() {
  return createStore<ScanState>()((set, get) => ({
    ...initialScanState,
    begin: (quality) => {
      set({ ...initialScanState, phase: 'camera', quality });
    },
    enterPhase: (phase) => {
      set({ phase });
    },
    fail: (problem) => {
      set({ phase: 'error', problem });
    },
    activate: (activeSet) => {
      set({ phase: 'warmup', activeSet });
    },
    reportFps: (fps) => {
      set({ fps });
    },
    setQuality: (quality) => {
      set({ quality });
    },
    recognised: (event) => {
      set({
        recognitions: recognise(get().recognitions, event),
        lastEvent: {
          type: event.visible ? 'found' : 'lost',
          kind: event.kind,
          id: event.id,
          at: event.at,
        },
      });
    },
    switchedTo: (shelfId, at) => {
      set({ lastEvent: { type: 'switched', kind: 'shelf', id: shelfId, at } });
    },
    pin: (key) => {
      set({ pinned: key ? (get().recognitions.find((r) => r.key === key) ?? null) : null });
    },
    reportModelProblem: (key, problem) => {
      const known = get().modelProblems;
      if (known[key] !== problem) set({ modelProblems: { ...known, [key]: problem } });
    },
    reportLookAlikes: (key, bookIds) => {
      const known = get().lookAlikes;
      if (!(key in known)) set({ lookAlikes: { ...known, [key]: bookIds } });
    },
  }));
}

export type ScanStore = ReturnType<typeof createScanStore>;

/** Applies a found/lost event to the recognition list. */
export function recognise(
  list: readonly Recognition[],
  event: { kind: TargetKind; id: string; visible: boolean; at: number },
): Recognition[] {
  const key = targetKey(event);
  const entry: Recognition = {
    kind: event.kind,
    id: event.id,
    key,
    visible: event.visible,
    at: event.at,
  };
  const rest = list.filter((item) => item.key !== key);
  // Visible items first, then the most recently lost.
  const next = event.visible
    ? [entry, ...rest]
    : [...rest.filter((r) => r.visible), entry, ...rest.filter((r) => !r.visible)];
  return next.slice(0, MAX_RECOGNITIONS);
}
