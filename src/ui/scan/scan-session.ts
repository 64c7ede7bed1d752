/**
 * One scanning session, from opening the camera to leaving the view. Plain TypeScript, created by
 * the scan page and disposed when it unmounts; it writes discrete events to the scan store and
 * leaves per-frame poses in the engine's slots.
 *
 * Start-up order: camera (so the visitor sees something at once), then the AR engine (a separate
 * chunk) and the target set in parallel, then warm-up, then scanning.
 */
import {
  attachStream,
  CameraError,
  closeCamera,
  FULL_SIZE,
  openCamera,
  REDUCED_SIZE,
  resizeCamera,
  videoSizeChanged,
  type CameraSize,
} from '../../data/camera.ts';
import { AssetError, loadAsset, loadAssetPart } from '../../data/assets.ts';
import { loadAssetOffPage } from '../../data/assets-off-page.ts';
import type { Catalog, CatalogIndex, TargetSet } from '../../domain/catalog.ts';
import { setFor, setsForShelf, signsSet, signsSets } from '../../domain/scan.ts';
import {
  coverPart,
  decodeIndex,
  type FeaturePoint,
  type RecognitionIndex,
} from '../../domain/recognition/index-file.ts';
import { lookAlikesOf } from '../../domain/recognition/look-alike.ts';
import { CheckHold, Identifier } from '../../domain/recognition/identify.ts';
import { samePlacement, type Corners } from '../../domain/recognition/placement.ts';
import { touch, trimOldest } from '../../domain/recent.ts';
import { targetKey, type TargetRef } from '../../domain/targets.ts';
import type { ScanActions, ScanStore } from '../../state/scan-store.ts';
import type { CoverPose, SeenPose, TrackingEngine } from '../../tracking/engine.ts';
import type { CoverChecker } from '../../tracking/cover-checker.ts';
import {
  DEFAULT_QUALITY_POLICY,
  policyWithMinFps,
  QualityGovernor,
} from '../../tracking/quality.ts';
import type { ModelProblem, QualityLevel } from '../../domain/problems.ts';
import { webglAvailable } from '../webgl.ts';

import type * as RuntimeModule from '../../tracking/runtime.ts';

type Runtime = typeof RuntimeModule;

const MAX_TRACK: Record<QualityLevel, number> = { full: 2, reduced: 1 };

/**
 * A shelf of more than 20 covers (or a library of more than 20 signs) has several target sets,
 * and one Controller searches one set. While nothing is in view, each set is searched this long
 * before the next, so every cover is reachable; a recognised cover keeps its set.
 */
export const SET_DWELL_MS = 3000;
const ROTATION_TICK_MS = 500;
/**
 * Checking guesses costs a few milliseconds a cover (in a worker); while a cover that is not in
 * the library stays in view, once every so often is enough. Every detection frame found 2 of 4
 * replayed clips sooner, but the bench then named an outside cover in 1 of 4 and 1 of 8 visits
 * at 1,000 covers (two passes, placed alike): each check is another chance for pairs that agree
 * by chance (docs/recognition.md).
 */
const CHECK_INTERVAL_MS = 300;
/**
 * How long before a check is due the detection frames start looking where the guesses lie: about
 * two detection frames, so the frame the check reads is one of them.
 */
const AIM_LEAD_MS = 150;
/**
 * The index moves the scan to a cover only when the check passes it twice, in two frames within
 * this time, or once plainly (`surePass`): at 1,000 covers a cover outside the collection passed
 * once (16 pairs: the word "Kapal" in the same type and a spine strip like its own), and earlier
 * ones with up to 28 pairs over half the cover, while the right covers pass again and again
 * (docs/recognition.md).
 */
export const CONFIRM_MS = 2000;
/** Guessed covers' parts kept on the page (0.2 MB each). */
const KEPT_ENTRIES = 8;
const CAMERA_SIZE: Record<QualityLevel, CameraSize> = { full: FULL_SIZE, reduced: REDUCED_SIZE };

/** How the scanner treats the phone; `/scan?quality=` and `&minfps=` set them (diagnostics). */
export interface ScanOptions {
  /** Hold one quality level instead of adapting to the phone. */
  readonly quality?: QualityLevel;
  /** Frames a second under which tracking counts as slow (default 15). */
  readonly minFps?: number;
  /**
   * A recognised shelf sign moves scanning on to that shelf's covers (the scan view). A tour stop
   * that asks for the sign itself turns this off.
   */
  readonly followSigns?: boolean;
  /** Each pose leaves a User Timing mark (`npm run bench:tracking` reads the app's own jitter). */
  readonly markPoses?: boolean;
}

/** Lets the browser draw and handle input before going on. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

export class ScanSession {
  engine: TrackingEngine | null = null;
  private runtime: Runtime | null = null;
  private runtimeLoading: Promise<Runtime> | null = null;
  private stream: MediaStream | null = null;
  private readonly governor: QualityGovernor;
  private readonly followSigns: boolean;
  private readonly markPoses: boolean;
  /** A sign's shelf is being switched to; other signs seen meanwhile are not followed. */
  private followingSign = false;
  private disposed = false;
  /** Checked after every await: the visitor may have left in the meantime. */
  private gone(): boolean {
    return this.disposed;
  }
  private unsubscribe: (() => void) | null = null;
  /**
   * Every change of what the engine runs (another shelf, another camera size, pausing) waits its
   * turn here, so a slow-phone switch cannot undo the shelf the visitor just chose.
   */
  private changes: Promise<void> = Promise.resolve();
  /** The sets searched in turn (a shelf's covers, or the signs), when there is more than one. */
  private group: { readonly sets: readonly TargetSet[]; readonly shelfId: string | null } | null =
    null;
  private searchedSince = 0;
  private rotationTimer: ReturnType<typeof setInterval> | null = null;
  /**
   * Identifies covers outside the loaded set from the recognition index (docs/recognition.md);
   * null until the index has loaded, and for good when the feed has none or it cannot be read.
   */
  private identifier: Identifier | null = null;
  private indexRequested = false;
  /** The decoded index, for the covers that look like a recognised one. */
  private recognitionIndex: RecognitionIndex | null = null;
  /** A cover that passed the check once, and when: checked first, at once, for its second pass. */
  private unconfirmed: {
    readonly key: string;
    readonly at: number;
    readonly corners: Corners | null;
  } | null = null;
  /** The file of the cover tracked alone, for a restart (quality, resume) without its set. */
  private alone: {
    readonly setId: string;
    readonly key: string;
    readonly file: ArrayBuffer;
  } | null = null;
  /** The last guessed covers' parts, by key, to start the tracker from the one that passes. */
  private readonly entries = new Map<string, ArrayBuffer>();
  /** Off for a tour stop, which looks for its own target only. */
  private identifyAcross = true;
  private identifiedSwitchAt = Number.NEGATIVE_INFINITY;
  /** A guess is being checked; frames that arrive meanwhile only feed the identifier. */
  private checking = false;
  private checkedAt = Number.NEGATIVE_INFINITY;
  /** Holds the check back while the index ranks a cover the tracker searches itself. */
  private readonly checkHold = new CheckHold();
  /** mind-ar's matcher for the index's guesses, in a worker; made with the first guess. */
  private checker: CoverChecker | null = null;

  private queue(change: () => Promise<void>): Promise<void> {
    this.changes = this.changes.then(change, change);
    return this.changes;
  }

  constructor(
    private readonly store: ScanStore,
    private readonly catalog: Catalog,
    private readonly index: CatalogIndex,
    private readonly video: HTMLVideoElement,
    options: ScanOptions = {},
    private readonly loadRuntime: () => Promise<Runtime> = () =>
      import('../../tracking/runtime.ts'),
  ) {
    const policy =
      options.minFps === undefined ? DEFAULT_QUALITY_POLICY : policyWithMinFps(options.minFps);
    this.governor = new QualityGovernor(policy, options.quality ?? null);
    this.followSigns = options.followSigns ?? true;
    this.markPoses = options.markPoses ?? false;
  }

  /** Calls a store action while the visitor is still here; afterwards nothing is reported. */
  private report<K extends keyof ScanActions>(action: K, ...args: Parameters<ScanActions[K]>) {
    if (this.disposed) return;
    (this.store.getState()[action] as (...values: Parameters<ScanActions[K]>) => void)(...args);
  }

  /**
   * Starts scanning on a shelf's covers, or on the shelf signs when `shelfId` is null. Queued like
   * every other change: a shelf the visitor picks while the camera is still starting comes after
   * the start, instead of being overtaken by it.
   */
  start(shelfId: string | null): Promise<void> {
    const set = this.initialSet(shelfId);
    return this.queue(() => this.startOn(set, set ? shelfIdOf(set, shelfId) : null));
  }

  /** Starts on the set that recognises one target (a tour stop's book or sign). */
  startFor(target: TargetRef): Promise<void> {
    const set = setFor(this.catalog, target);
    return this.queue(() => this.startOn(set, set ? this.shelfOf(target) : null, true));
  }

  private shelfOf(target: TargetRef): string | null {
    return target.kind === 'book' ? (this.index.books.get(target.id)?.shelfId ?? null) : null;
  }

  private async startOn(
    set: TargetSet | undefined,
    shelfId: string | null,
    /** A tour stop: only the set that holds its target. */
    single = false,
  ): Promise<void> {
    this.report('begin', this.governor.level);
    // The view has just been drawn in this task; the WebGL check and the camera come in the next,
    // so that a slow phone is never blocked for both at once. (The check stays on the page:
    // Chromium with WebGL switched off for pages still gives it to workers.)
    await nextTask();
    if (this.gone()) return;
    if (!webglAvailable()) {
      this.report('fail', { kind: 'webgl' });
      return;
    }
    void this.prepareEngine(CAMERA_SIZE[this.governor.level]);
    try {
      await this.openCamera(CAMERA_SIZE[this.governor.level]);
    } catch (error) {
      const problem = error instanceof CameraError ? error.problem : 'no-camera';
      this.report('fail', { kind: 'camera', problem });
      return;
    }
    if (this.gone()) return;
    this.report('enterPhase', 'engine');
    if (!set) {
      this.report('fail', { kind: 'targets', problem: 'http' });
      return;
    }
    try {
      const [runtime, buffer] = await Promise.all([
        this.runtimeModule(),
        loadAsset(set, 'targetSet'),
      ]);
      if (this.gone()) return;
      this.engine ??= runtime.createTrackingEngine();
      this.engine.markPoses = this.markPoses;
      this.listen(this.engine);
      this.identifyAcross = !single && this.followSigns;
      this.searchIn(set, shelfId, single);
      await this.run(set, buffer, shelfId);
      void this.loadRecognitionIndex(this.engine);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Makes the engine and starts the tracker's first warm-up for a camera of `size` while the
   * camera opens: seconds on a slow phone that the visitor no longer waits for after it.
   */
  private async prepareEngine(size: CameraSize): Promise<void> {
    if (this.engine) return;
    try {
      const runtime = await this.runtimeModule();
      if (this.gone()) return;
      this.engine ??= runtime.createTrackingEngine();
      this.engine.prepare(
        size,
        this.catalog.books.flatMap((book) => (book.target ? [book.cover] : [])),
      );
    } catch {
      // The start loads the runtime again and reports what fails.
    }
  }

  private initialSet(shelfId: string | null): TargetSet | undefined {
    if (shelfId) {
      const [first] = setsForShelf(this.catalog, this.index, shelfId);
      if (first) return first;
    }
    return signsSet(this.catalog) ?? this.catalog.targetSets[0];
  }

  private async runtimeModule(): Promise<Runtime> {
    // One load for the warm-up and the start; a failed one may be tried again.
    this.runtimeLoading ??= this.loadRuntime().then(
      (runtime) => (this.runtime = runtime),
      (error: unknown) => {
        this.runtimeLoading = null;
        throw error;
      },
    );
    return this.runtimeLoading;
  }

  private async openCamera(size: CameraSize): Promise<void> {
    closeCamera(this.stream);
    this.stream = await openCamera(size);
    if (this.gone()) {
      closeCamera(this.stream);
      return;
    }
    await attachStream(this.video, this.stream);
    performance.mark('lp:camera');
  }

  private fail(error: unknown): void {
    if (this.gone()) return;
    if (error instanceof AssetError) {
      this.report('fail', { kind: 'targets', problem: error.problem });
      return;
    }
    console.warn('Scanning failed to start', error);
    this.report('fail', { kind: 'engine' });
  }

  /**
   * Runs the engine on `set`, or with `only` (a target's key) on just that target of it: a cover
   * the index named is searched and tracked alone, at the cost of one target, until it has been
   * out of view for SET_DWELL_MS (`rotate`). With `cut`, `buffer` is that target's file alone.
   * `confirmed`: the index's two passes took it, and `from` is where the second saw it.
   */
  private async run(
    set: TargetSet,
    buffer: ArrayBuffer,
    shelfId: string | null,
    only?: string,
    cut = false,
    confirmed?: { readonly from: SeenPose | null },
  ): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    const index = only === undefined ? -1 : set.targets.findIndex((t) => targetKey(t) === only);
    this.report('activate', { id: set.id, shelfId, ...(only && index >= 0 ? { only } : {}) });
    const started = await engine.start(
      this.video,
      { buffer, targets: set.targets, ...(index >= 0 ? { only: index, cut } : {}) },
      { maxTrack: MAX_TRACK[this.governor.level], ...(confirmed ? { confirmed } : {}) },
    );
    if (started) this.report('enterPhase', 'scanning');
    this.searchedSince = Date.now();
    if (this.gone()) return;
    this.rotationTimer ??= setInterval(() => {
      this.rotate();
    }, ROTATION_TICK_MS);
  }

  /**
   * Remembers the sets that go with `set`: all of its shelf's (or all sign sets) when it is one of
   * several, none for a single set or a tour stop's own set.
   */
  private searchIn(set: TargetSet, shelfId: string | null, single = false): void {
    const sets = single
      ? [set]
      : shelfIdOf(set, shelfId) === null
        ? signsSets(this.catalog)
        : setsForShelf(this.catalog, this.index, shelfId ?? '');
    this.group = sets.length > 1 && sets.some((s) => s.id === set.id) ? { sets, shelfId } : null;
  }

  /**
   * After SET_DWELL_MS with nothing in view: a cover the index named alone gives way to its whole
   * set (the visitor has put it down, and its shelf neighbours are the likeliest next), and a
   * group's set to the group's next.
   */
  private rotate(): void {
    const group = this.group;
    const state = this.store.getState();
    const active = state.activeSet;
    if (!active || this.gone() || state.phase !== 'scanning') return;
    if (state.recognitions.some((recognition) => recognition.visible)) {
      this.searchedSince = Date.now();
      return;
    }
    if (Date.now() - this.searchedSince < SET_DWELL_MS) return;
    let next: TargetSet | undefined;
    if (active.only !== undefined) {
      next = this.catalog.targetSets.find((set) => set.id === active.id);
    } else if (group) {
      const at = group.sets.findIndex((set) => set.id === active.id);
      next = group.sets[(at + 1) % group.sets.length];
    }
    if (!next) return;
    const set = next;
    // Counted from now, so a slow set change does not queue another.
    this.searchedSince = Number.POSITIVE_INFINITY;
    void this.queue(async () => {
      if (this.gone() || this.store.getState().activeSet !== active) return;
      try {
        await this.run(set, await loadAsset(set, 'targetSet'), active.shelfId);
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /**
   * Loads the feed's recognition index once, after the first set is running: scanning starts
   * without it and gains the whole collection when it arrives. Loaded beside the first set, a
   * 10,000-cover index (9.6 MB fetched, hash-checked and decoded) took two cores from the
   * tracker's warm-up and started scanning about 0.5 s later. A library without one, or offline
   * without a saved copy, scans set by set as before.
   */
  private async loadRecognitionIndex(engine: TrackingEngine): Promise<void> {
    const asset = this.catalog.recognitionIndex;
    if (!asset || this.indexRequested) return;
    this.indexRequested = true;
    try {
      // Fetched and hash-checked in a worker: finishing its 3.5 MB body took the page 11-19 ms.
      const bytes = await loadAssetOffPage(asset, 'recognitionIndex');
      // Decoding a large index is a task of its own, apart from the worker's reply.
      await nextTask();
      if (this.gone()) return;
      const index = decodeIndex(bytes);
      const targets = new Map<string, TargetRef>();
      for (const set of this.catalog.targetSets) {
        for (const target of set.targets) targets.set(targetKey(target), target);
      }
      // Working out each cover's expected score is another pass over the postings: a task apart.
      await nextTask();
      if (this.gone()) return;
      performance.mark('lp:index', { detail: { targets: index.targets.length } });
      this.identifier = new Identifier(index);
      this.recognitionIndex = index;
      for (const recognition of this.store.getState().recognitions) {
        if (recognition.visible) this.noteLookAlikes(recognition);
      }
      engine.onFeatures((points, takePicture) => {
        this.identify(points, targets, takePicture);
      });
    } catch (error) {
      console.warn('The recognition index is not available; scanning set by set', error);
    }
  }

  /**
   * One detection frame's points: the index's guesses from other sets are checked geometrically
   * against the same points (mind-ar's matcher on each guess's keyframes), and the set of a guess
   * that passes is loaded, where mind-ar then tracks it. A guess that fails changes nothing: a cover
   * that is not in the library, or a wrong guess, never moves the scan to another shelf.
   */
  private identify(
    points: readonly FeaturePoint[],
    targets: ReadonlyMap<string, TargetRef>,
    takePicture: () => ImageBitmap | null = () => null,
  ): void {
    const identifier = this.identifier;
    const state = this.store.getState();
    if (!identifier || !this.identifyAcross || this.gone() || this.followingSign) return;
    const active = state.activeSet;
    if (state.phase !== 'scanning' || !active) return;
    if (state.recognitions.some((recognition) => recognition.visible)) {
      identifier.reset();
      this.checkHold.reset();
      return;
    }
    // What the engine is searching (the active set, or while one cover is alone, that cover), and
    // the sign of the shelf being scanned: moving to the signs to find that sign again would only
    // lead back to this shelf (the sign stays in view for a while after it was followed).
    const ownSign =
      active.shelfId === null ? null : targetKey({ kind: 'shelf', id: active.shelfId });
    const ignored = (key: string) => key === ownSign;
    const searched = (key: string) => {
      const target = targets.get(key);
      const set = target && setFor(this.catalog, target);
      return set?.id === active.id && (active.only === undefined || active.only === key);
    };
    // A shelf's sign scanned (or one of its covers found): its other covers are the likeliest.
    const shelfId = active.shelfId;
    const near =
      shelfId === null
        ? undefined
        : (key: string) => {
            const target = targets.get(key);
            return target !== undefined && this.shelfOf(target) === shelfId;
          };
    const { candidates, searchedRanked } = identifier.observe(points, {
      searched,
      ignored,
      ...(near ? { near } : {}),
    });
    const now = Date.now();
    // Only a book: the signs rank high on a picture with no cover in it (plain shapes and type),
    // and while the signs are searched every cover held up is a guess to check.
    const held = this.checkHold.waits(
      searchedRanked !== null && targets.get(searchedRanked)?.kind === 'book',
      now,
    );
    // A cover waiting for its second pass is checked first, whatever the index ranks now.
    if (this.unconfirmed && now - this.unconfirmed.at > CONFIRM_MS) this.unconfirmed = null;
    const waiting = this.unconfirmed?.key;
    if (
      waiting &&
      !searched(waiting) &&
      !ignored(waiting) &&
      !candidates.some((c) => c.key === waiting)
    ) {
      candidates.unshift({ key: waiting, score: 0 });
    }
    const guesses = candidates
      .map((candidate) => {
        const target = targets.get(candidate.key);
        const set = target && setFor(this.catalog, target);
        return target && set ? { ...candidate, target, set } : null;
      })
      .filter((guess) => guess !== null);
    if (guesses.length === 0) return;
    // A cover waiting for its second pass is checked again on the next frame, held or not: that
    // check is of a cover already at hand, and the visitor is waiting.
    if (held && !this.unconfirmed) return;
    const interval = this.unconfirmed ? 0 : CHECK_INTERVAL_MS;
    const dwelling = now - this.identifiedSwitchAt < SET_DWELL_MS;
    if (this.checking || dwelling || now - this.checkedAt < interval) {
      // The frame the next check will read looks where the guesses' points lie.
      if (!dwelling && now - this.checkedAt >= interval - AIM_LEAD_MS) {
        this.aimAt(
          identifier,
          guesses.map((guess) => guess.key),
        );
      }
      return;
    }
    this.checkedAt = now;
    const frame = { width: this.video.videoWidth, height: this.video.videoHeight };
    this.checking = true;
    const started = performance.now();
    const picture = takePicture();
    const compared = picture !== null;
    void this.check(guesses, points, frame, picture)
      .then((found) => {
        performance.measure('lp:check', {
          start: started,
          // For the benchmarks' timelines: which cover passed, if one did.
          detail: {
            guesses: guesses.length,
            guessed: guesses.map((guess) => guess.key),
            picture: compared,
            passed: found?.key ?? null,
          },
        });
        if (!found || this.gone() || !this.identifyAcross) return;
        if (this.store.getState().activeSet !== active) return;
        // Taken on its second pass, when both passes place it alike: a visitor's book moves little
        // between two frames, so two passes far apart are not two sightings of one cover. (Pairs
        // that agree by chance on a still picture can agree twice on where: the pictures compared
        // in each pass are what keeps such a cover out, since the tracker starts from its pose.)
        // A sure pass is taken at once: the next crop of mind-ar's detector that holds enough of
        // the cover for a second pass can be seconds away.
        const first = this.unconfirmed;
        const twice =
          first?.key === found.key &&
          !!first.corners &&
          !!found.corners &&
          samePlacement(first.corners, found.corners);
        if (!found.sure && !twice) {
          this.unconfirmed = { key: found.key, at: Date.now(), corners: found.corners };
          // Its entry is the newest kept, for the second pass (other guesses load meanwhile).
          if (found.entry) touch(this.entries, found.key, found.entry);
          return;
        }
        this.unconfirmed = null;
        identifier.reset();
        this.checkHold.reset();
        this.identifiedSwitchAt = Date.now();
        performance.mark('lp:identified', {
          detail: { key: found.key, score: found.score, sure: found.sure },
        });
        const shelfId = this.shelfOf(found.target);
        return this.queue(async () => {
          if (this.gone() || !this.identifyAcross) return;
          // The check has the cover's own entry (or its set's file): not fetched and hashed again.
          // Guesses loaded between the two passes can have pushed the entry out of those kept:
          // then the part again (0.2 MB), not the whole set (1.3 MB), as on a slow phone (CI).
          const runtime = await this.runtimeModule();
          const entry = found.entry ?? (found.buffer ? null : await this.coverEntry(found));
          if (this.gone()) return;
          const cut = entry ? runtime.oneTargetFile(entry) : null;
          this.alone = cut ? { setId: found.set.id, key: found.key, file: cut.slice(0) } : null;
          const buffer = cut ?? found.buffer ?? (await this.setBuffer(found.set));
          if (!buffer || this.gone()) return;
          this.searchIn(found.set, shelfId);
          try {
            // Its two passes are evidence enough to show it after fewer tracked frames, tracked
            // from where the second saw it rather than searched for again.
            await this.run(found.set, buffer, shelfId, found.key, cut !== null, {
              from: found.pose
                ? { pose: found.pose, width: frame.width, height: frame.height, at: started }
                : null,
            });
          } catch (error) {
            // The old set is released by now: say so, as any other failed start does.
            this.fail(error);
          }
        });
      })
      .catch((error: unknown) => {
        console.warn('Checking the identified cover failed', error);
      })
      .finally(() => {
        this.checking = false;
      });
  }

  /**
   * Makes the tracker's next detection look at the square of the frame where the pooled points of
   * `keys`' covers lie. mind-ar's detector looks at one square a frame, nine places in turn, and a
   * check passes only on a square that holds enough of the cover: of the nine, 68 of 162 passed in
   * a replay of three covers in six places, the aimed one 18 of 18 (docs/recognition.md).
   */
  private aimAt(identifier: Identifier, keys: readonly string[]): void {
    const engine = this.engine;
    const window = engine?.detectionWindow;
    if (!engine || !window) return;
    const centre = identifier.whereAre(keys, window);
    if (centre) engine.aimNextDetection(centre.x, centre.y);
  }

  /**
   * The first guess whose cover mind-ar's matcher finds in the frame's points, with its set's file
   * when the check had to load it.
   */
  private async check<T extends { key: string; target: TargetRef; set: TargetSet }>(
    guesses: readonly T[],
    points: readonly FeaturePoint[],
    frame: { width: number; height: number },
    picture: ImageBitmap | null,
  ): Promise<
    | (T & {
        buffer: ArrayBuffer | null;
        entry: ArrayBuffer | null;
        corners: Corners | null;
        /** Its pose in the checked frame, for the tracker to start from. */
        pose: CoverPose | null;
        /** It passed plainly enough to be taken without a second pass. */
        sure: boolean;
      })
    | null
  > {
    const runtime = await this.runtimeModule();
    if (this.gone()) {
      picture?.close();
      return null;
    }
    this.checker ??= runtime.createCoverChecker();
    const loaded = new Map<string, ArrayBuffer | null>();
    const placed = guesses.map((guess) => ({
      setId: guess.set.id,
      index: guess.set.targets.findIndex((target) => targetKey(target) === guess.key),
    }));
    const { passed, pose, corners, sure } = await this.checker.check(
      placed,
      points,
      frame,
      {
        set: async (setId) => {
          const set = this.catalog.targetSets.find((candidate) => candidate.id === setId);
          const buffer = set ? await this.setBuffer(set) : null;
          loaded.set(setId, buffer);
          return buffer;
        },
        cover: (cover) => {
          const at = placed.findIndex((p) => p.setId === cover.setId && p.index === cover.index);
          const guess = guesses[at];
          return guess ? this.coverEntry(guess) : Promise.resolve(null);
        },
      },
      picture,
    );
    const found = guesses[passed];
    return found
      ? {
          ...found,
          buffer: loaded.get(found.set.id) ?? null,
          entry: this.entries.get(found.key) ?? null,
          corners,
          pose,
          sure,
        }
      : null;
  }

  /**
   * A guessed cover's own part of its set, where the index says where it lies, or null (then its
   * whole set is used). Kept: the check worker holds it from then on, and the pass that takes the
   * cover (the second) will not load it again.
   */
  private async coverEntry(guess: { key: string; set: TargetSet }): Promise<ArrayBuffer | null> {
    const index = this.recognitionIndex;
    const t = this.identifier?.numberOf(guess.key);
    const part = index && t !== undefined ? coverPart(index, t) : null;
    if (!part) return null;
    try {
      const entry = await loadAssetPart(guess.set, part, 'targetSet');
      touch(this.entries, guess.key, entry);
      trimOldest(this.entries, KEPT_ENTRIES);
      return entry;
    } catch (error) {
      // Its whole set instead: the part may be stale, or the server may refuse ranges.
      console.warn("The guessed cover's part could not be loaded", error);
      return null;
    }
  }

  /** A set's file, or null offline without its pack (scanning goes on with what is loaded). */
  private async setBuffer(set: TargetSet): Promise<ArrayBuffer | null> {
    try {
      return await loadAsset(set, 'targetSet');
    } catch (error) {
      console.warn("The identified cover's set could not be loaded", error);
      return null;
    }
  }

  private listen(engine: TrackingEngine): void {
    if (this.unsubscribe) return;
    this.unsubscribe = engine.on((event) => {
      if (event.type === 'stats') {
        this.report('reportFps', event.fps);
        const change = this.governor.sample(event);
        if (change) void this.changeQuality(change);
        return;
      }
      const visible = event.type === 'found';
      const scanningSigns = this.store.getState().activeSet?.shelfId === null;
      this.report('recognised', { ...event.target, visible, at: Date.now() });
      if (visible) this.noteLookAlikes(event.target);
      // A shelf sign recognised while scanning signs: go on with that shelf's covers. The first
      // sign wins: while its shelf loads, the signs are still searched, and another sign seen in
      // those frames (a glimpse, or a false match as the camera moves on) must not follow it.
      if (
        visible &&
        event.target.kind === 'shelf' &&
        scanningSigns &&
        this.followSigns &&
        !this.followingSign
      ) {
        this.followingSign = true;
        void this.switchTo(event.target.id).finally(() => {
          this.followingSign = false;
        });
      }
    });
  }

  /**
   * Tells the visitor which other books a recognised cover looks like, once per cover: a series
   * printed with one design is matched by mind-ar as one cover (docs/recognition.md). A pass over
   * the index's postings (milliseconds at 10,000 covers), in a task of its own after the found
   * frame.
   */
  private noteLookAlikes(target: TargetRef): void {
    const index = this.recognitionIndex;
    const key = targetKey(target);
    if (!index || target.kind !== 'book' || key in this.store.getState().lookAlikes) return;
    void nextTask().then(() => {
      if (this.gone()) return;
      const bookIds = lookAlikesOf(index, key)
        .map((alike) => alike.key)
        .filter((other) => other.startsWith('book:'))
        .map((other) => other.slice('book:'.length))
        .filter((id) => this.index.books.has(id));
      this.report('reportLookAlikes', key, bookIds);
    });
  }

  /** Scans one shelf's covers (`shelfId`), or the shelf signs (`null`). */
  switchTo(shelfId: string | null): Promise<void> {
    return this.queue(async () => {
      if (this.gone()) return;
      const sets = shelfId
        ? setsForShelf(this.catalog, this.index, shelfId)
        : signsSets(this.catalog);
      const [set] = sets;
      this.identifyAcross = this.followSigns;
      const active = this.store.getState().activeSet;
      // Already searching this shelf (on any of its sets, whole): nothing to change.
      const searching =
        active?.shelfId === shelfId &&
        active.only === undefined &&
        sets.some((s) => s.id === active.id);
      if (!set || searching) return;
      try {
        const buffer = await loadAsset(set, 'targetSet');
        this.searchIn(set, shelfId);
        await this.run(set, buffer, shelfId);
        if (shelfId) {
          this.report('switchedTo', shelfId, Date.now());
        }
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /** Scans for another target (the next tour stop), keeping the camera open. */
  scanFor(target: TargetRef): Promise<void> {
    return this.queue(async () => {
      const set = setFor(this.catalog, target);
      const active = this.store.getState().activeSet;
      if (this.gone() || !set || (active?.id === set.id && active.only === undefined)) return;
      if (this.store.getState().phase !== 'scanning' && this.store.getState().phase !== 'warmup') {
        return;
      }
      try {
        const buffer = await loadAsset(set, 'targetSet');
        this.identifyAcross = false;
        this.searchIn(set, this.shelfOf(target), true);
        await this.run(set, buffer, this.shelfOf(target));
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private changeQuality(level: QualityLevel): Promise<void> {
    return this.queue(async () => {
      this.report('setQuality', level);
      // Whatever set is active when this change's turn comes, not when it was asked for.
      const active = this.store.getState().activeSet;
      const [track] = this.stream?.getVideoTracks() ?? [];
      if (!active || !track || !this.stream || this.store.getState().phase !== 'scanning') return;
      const before = { width: this.video.videoWidth, height: this.video.videoHeight };
      await resizeCamera(this.stream, CAMERA_SIZE[level]);
      await videoSizeChanged(this.video, before);
      const set = this.catalog.targetSets.find((s) => s.id === active.id);
      if (!set || this.gone()) return;
      try {
        const { buffer, cut } = await this.targetsFor(set, active.only);
        await this.run(set, buffer, active.shelfId, active.only, cut);
      } catch (error) {
        // Leaving the scan view mid-change ends tracking under it; `fail` says nothing then.
        this.fail(error);
      }
    });
  }

  /** The set's file, or for the cover tracked alone, its own file when the session has it. */
  private async targetsFor(
    set: TargetSet,
    only: string | undefined,
  ): Promise<{ buffer: ArrayBuffer; cut: boolean }> {
    const alone = this.alone;
    if (only !== undefined && alone?.setId === set.id && alone.key === only) {
      return { buffer: alone.file.slice(0), cut: true };
    }
    return { buffer: await loadAsset(set, 'targetSet'), cut: false };
  }

  /** The page is hidden: stop the camera and the tracker until it comes back. */
  pause(): Promise<void> {
    return this.queue(async () => {
      if (this.store.getState().phase !== 'scanning') return;
      this.report('enterPhase', 'paused');
      await this.engine?.stop();
      closeCamera(this.stream);
      this.stream = null;
    });
  }

  resume(): Promise<void> {
    return this.queue(() => this.resumeNow());
  }

  private async resumeNow(): Promise<void> {
    if (this.store.getState().phase !== 'paused') return;
    const active = this.store.getState().activeSet;
    try {
      this.report('enterPhase', 'camera');
      await this.openCamera(CAMERA_SIZE[this.governor.level]);
      const kept = this.catalog.targetSets.find((s) => s.id === active?.id);
      const set = kept ?? this.initialSet(null);
      if (!set) return;
      const shelfId = active?.shelfId ?? null;
      const only = kept ? active?.only : undefined;
      const { buffer, cut } = await this.targetsFor(set, only);
      await this.run(set, buffer, shelfId, only, cut);
    } catch (error) {
      if (error instanceof CameraError) {
        this.report('fail', { kind: 'camera', problem: error.problem });
      } else this.fail(error);
    }
  }

  /** tfjs memory in use, once the engine has loaded. */
  memory(): { tensors: number; bytes: number } | null {
    return this.runtime?.tensorMemory() ?? null;
  }

  pin(key: string | null): void {
    this.report('pin', key);
  }

  reportModelProblem(key: string, problem: ModelProblem): void {
    this.report('reportModelProblem', key, problem);
  }

  /**
   * Pauses while the page is hidden (the phone locked, another app) and resumes when it is back.
   * Returns what the view calls when it goes: stop listening and dispose.
   */
  pauseWhileHidden(): () => void {
    const onVisibility = () => {
      void (document.hidden ? this.pause() : this.resume());
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      void this.dispose();
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.rotationTimer) clearInterval(this.rotationTimer);
    this.rotationTimer = null;
    this.unsubscribe?.();
    this.checker?.dispose();
    this.checker = null;
    closeCamera(this.stream);
    this.stream = null;
    await this.engine?.dispose();
    this.engine = null;
    if (this.video.srcObject) this.video.srcObject = null;
  }
}

function shelfIdOf(set: TargetSet, requested: string | null): string | null {
  return set.targets.every((t) => t.kind === 'shelf') ? null : requested;
}
