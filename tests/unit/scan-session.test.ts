/**
 * The scan session's order of changes: a shelf the visitor picks while the camera is still
 * starting is where scanning ends up, not the set the start began with.
 */
import { describe, expect, it, vi } from 'vitest';
import { indexCatalog } from '../../src/domain/catalog.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import { createScanStore } from '../../src/state/scan-store.ts';
import { buildRecognitionIndex } from '../../src/domain/recognition/build.ts';
import type { FeaturePoint } from '../../src/domain/recognition/index-file.ts';
import { targetKey } from '../../src/domain/targets.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const slowCamera = { ms: 0 };
vi.mock('../../src/data/camera.ts', () => ({
  CameraError: class CameraError extends Error {},
  FULL_SIZE: { width: 640, height: 480 },
  REDUCED_SIZE: { width: 320, height: 240 },
  openCamera: () =>
    new Promise((resolve) =>
      setTimeout(() => {
        resolve({});
      }, slowCamera.ms),
    ),
  attachStream: () => Promise.resolve(),
  closeCamera: () => undefined,
  resizeCamera: () => Promise.resolve(),
  videoSizeChanged: () => Promise.resolve(),
}));
/** The recognition index the mocked asset loader returns, when a test sets one. */
const recognition: { bytes: ArrayBuffer | null } = { bytes: null };
/** What the mocked loaders were asked for (`set:<id>`, `part:<key>`, `index`), and engine starts. */
const loads: string[] = [];
/** The target key of each made-up part, by its hash. */
const partKeys = new Map<string, string>();
vi.mock('../../src/data/assets.ts', () => ({
  AssetError: class AssetError extends Error {},
  // A cover's part is its key alone, as a set's file is its targets' keys.
  loadAssetPart: (_asset: unknown, part: { sha256: string }) => {
    const key = partKeys.get(part.sha256) ?? '';
    loads.push(`part:${key}`);
    return Promise.resolve(new TextEncoder().encode(JSON.stringify([key])).buffer);
  },
  // A set's file names its targets, so the fake runtime below can tell sets' keyframes apart.
  loadAsset: (asset: { id?: string; targets?: { kind: string; id: string }[] }, kind: string) => {
    if (kind === 'targetSet') loads.push(`set:${asset.id ?? ''}`);
    if (kind === 'recognitionIndex') loads.push('index');
    return Promise.resolve(
      kind === 'recognitionIndex' && recognition.bytes
        ? recognition.bytes.slice(0)
        : kind === 'targetSet'
          ? new TextEncoder().encode(
              JSON.stringify((asset.targets ?? []).map((t) => `${t.kind}:${t.id}`)),
            ).buffer
          : new ArrayBuffer(8),
    );
  },
}));
vi.mock('../../src/ui/webgl.ts', () => ({ webglAvailable: () => true }));

const { ScanSession, SET_DWELL_MS, CONFIRM_MS } = await import('../../src/ui/scan/scan-session.ts');

/**
 * The runtime with a fake engine and a fake geometric check: a set's "keyframes" are its targets'
 * keys, and a cover passes the check when the test has put it in view, where `placedAt` says.
 */
/** Where the fake check places a cover that passes: a 200 px square this far from the left. */
const placedAt = { x: 100 };

/** Whether the fake check's passes are sure ones (`surePass`): plain enough to be taken at once. */
const passesSure = { value: false };

/** The pictures the fake check was handed, in order. */
const checkedPictures: unknown[] = [];

function fakeRuntime(engine: unknown, inView: ReadonlySet<string>) {
  let checks = 0;
  return {
    createTrackingEngine: () => engine,
    tensorMemory: () => null,
    oneTargetFile: (entry: ArrayBuffer) => entry,
    createCoverChecker: () => {
      const held = new Map<string, { alone: ArrayBuffer | null; buffer: ArrayBuffer | null }>();
      return {
        check: async (
          guesses: readonly { setId: string; index: number }[],
          _points: unknown,
          _frame: unknown,
          load: {
            set: (setId: string) => Promise<ArrayBuffer | null>;
            cover?: (guess: { setId: string; index: number }) => Promise<ArrayBuffer | null>;
          },
          picture?: unknown,
        ) => {
          checkedPictures.push(picture ?? null);
          // Each pass's pose says which check it was (its first row's last number).
          const pose = [
            [1, 0, 0, ++checks],
            [0, 1, 0, 0],
            [0, 0, 1, -500],
          ];
          for (const [at, guess] of guesses.entries()) {
            // Like the real check's worker, a cover is loaded once and then held.
            const name = `${guess.setId}:${String(guess.index)}`;
            const known = held.get(name);
            const alone = known ? known.alone : load.cover ? await load.cover(guess) : null;
            const buffer = known ? known.buffer : (alone ?? (await load.set(guess.setId)));
            held.set(name, { alone, buffer });
            const keys = buffer ? (JSON.parse(new TextDecoder().decode(buffer)) as string[]) : [];
            const { x } = placedAt;
            const corners = [
              [x, 100],
              [x + 200, 100],
              [x + 200, 300],
              [x, 300],
            ] as const;
            if (inView.has(keys[alone ? 0 : guess.index] ?? '')) {
              return { passed: at, pose, corners, sure: passesSure.value };
            }
          }
          return { passed: -1, pose: null, corners: null, sure: false };
        },
        dispose: () => undefined,
      };
    },
  };
}

/**
 * An index of the demo's targets with made-up descriptors, and the points a camera would give
 * for `key`: its own descriptors, a few bits changed.
 */
function madeUpIndex(
  keys: readonly string[],
  twins: readonly [string, string] | null = null,
  withParts = false,
) {
  let state = 3;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const targets = keys.map((key) => ({
    key,
    points: Array.from({ length: 80 }, (_, i) => ({
      maxima: i % 2 === 0,
      descriptors: Array.from({ length: 21 }, () => Math.floor(random() * 2 ** 32) >>> 0),
    })),
  }));
  // Twins: the second cover is the first reprinted (a series with one design).
  const [original, reprint] = twins ?? ['', ''];
  const originalPoints = targets.find((t) => t.key === original)?.points;
  const indexed = targets.map((t) =>
    t.key === reprint && originalPoints ? { ...t, points: originalPoints } : t,
  );
  // Made-up parts: each target's hash is its number, repeated.
  const parted = indexed.map((t, n) => {
    if (!withParts) return t;
    const sha256 = new Uint8Array(32).fill(n + 1);
    partKeys.set(Buffer.from(sha256).toString('hex'), t.key);
    return { ...t, part: { start: n * 100, end: n * 100 + 50, sha256 } };
  });
  const bytes = buildRecognitionIndex(parted, { branching: 8, depth: 3 }).bytes;
  const seen = (key: string): FeaturePoint[] =>
    (targets.find((t) => t.key === key)?.points ?? []).map((p) => ({
      maxima: p.maxima,
      descriptors: p.descriptors.map((d, w) => (w === 0 ? (d ^ 1) >>> 0 : d)),
    }));
  return { bytes: bytes.slice().buffer, seen };
}

type EngineEvent = { type: string; target?: { kind: string; id: string } };

/**
 * The camera on one view for a few detection frames, 40 ms apart: the index's guess is checked on
 * the first and, having passed, checked again on the next (a cover is taken on its second pass).
 */
async function show(
  fake: { features: (points: readonly FeaturePoint[]) => void },
  points: readonly FeaturePoint[],
  frames = 4,
): Promise<void> {
  for (let frame = 0; frame < frames; frame++) {
    fake.features(points);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

function fakeEngine() {
  const started: string[] = [];
  /** Each start's confirmation by the index's checks, and the pose they saw it in, or null. */
  const confirmed: ({ from: { pose: number[][] } | null } | null)[] = [];
  const listeners: ((event: EngineEvent) => void)[] = [];
  const featureListeners: ((
    points: readonly FeaturePoint[],
    takePicture: () => unknown,
  ) => void)[] = [];
  return {
    started,
    confirmed,
    emit: (event: EngineEvent) => {
      for (const listener of listeners) listener(event);
    },
    /** One detection frame's feature points, as the engine hands them on. */
    features: (points: readonly FeaturePoint[], picture: unknown = null) => {
      let kept = picture;
      const takePicture = () => {
        const taken = kept;
        kept = null;
        return taken;
      };
      for (const listener of featureListeners) listener(points, takePicture);
    },
    engine: {
      onFeatures: (
        listener: (points: readonly FeaturePoint[], takePicture: () => unknown) => void,
      ) => {
        featureListeners.push(listener);
        return () => undefined;
      },
      start: (
        _video: unknown,
        set: {
          buffer: ArrayBuffer;
          targets: readonly { id: string }[];
          only?: number;
          cut?: boolean;
        },
        options?: { confirmed?: { from: { pose: number[][] } | null } },
      ) => {
        const loaded =
          set.only === undefined ? set.targets : set.targets.slice(set.only, set.only + 1);
        started.push(loaded.map((t) => t.id).join(','));
        loads.push(`start:${started.at(-1) ?? ''}`);
        confirmed.push(options?.confirmed ?? null);
        return Promise.resolve(true);
      },
      on: (listener: (event: EngineEvent) => void) => {
        listeners.push(listener);
        return () => undefined;
      },
      stop: () => Promise.resolve(),
      dispose: () => Promise.resolve(),
    },
  };
}

describe('a scan session with a recognition index', () => {
  async function sessionOn(
    start: (session: InstanceType<typeof ScanSession>) => Promise<void>,
    inView: ReadonlySet<string> = new Set(['book:malay-archipelago']),
    twins: readonly [string, string] | null = null,
    withParts = false,
  ) {
    const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!parsed.ok) throw new Error('demo feed');
    const keys = parsed.catalog.targetSets.flatMap((set) => set.targets.map(targetKey));
    const index = madeUpIndex(keys, twins, withParts);
    loads.length = 0;
    recognition.bytes = index.bytes;
    const store = createScanStore();
    const fake = fakeEngine();
    const runtime = fakeRuntime(fake.engine, inView);
    const session = new ScanSession(
      store,
      parsed.catalog,
      indexCatalog(parsed.catalog),
      { srcObject: null } as unknown as HTMLVideoElement,
      {},
      () => Promise.resolve(runtime as never),
    );
    slowCamera.ms = 0;
    await start(session);
    // The index loads once the first set is running.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { store, fake, session, seen: index.seen };
  }

  it('tracks a cover it identifies on another shelf alone, without its sign', async () => {
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'));
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    const checksBefore = performance.getEntriesByName('lp:check').length;
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet).toEqual({
        id: 'rak-sejarah',
        shelfId: 'sejarah',
        only: 'book:malay-archipelago',
      });
    });
    // One target loaded, not the history shelf's six.
    expect(fake.started.at(-1)).toBe('malay-archipelago');
    // Its two passes count: it shows after fewer tracked frames than a shelf's covers, tracked
    // from where the pass that took it (the last check) saw it.
    expect(fake.confirmed[0]).toBeNull();
    const checks = performance.getEntriesByName('lp:check').length - checksBefore;
    expect(fake.confirmed.at(-1)?.from?.pose[0]?.[3]).toBe(checks);
    expect(fake.confirmed).toHaveLength(2);
    await session.dispose();
    recognition.bytes = null;
  });

  it('hands the check the picture of the frame whose points it checks', async () => {
    const { fake, session, seen } = await sessionOn((s) => s.start('sains'));
    checkedPictures.length = 0;
    const pictures = [{ frame: 1 }, { frame: 2 }, { frame: 3 }, { frame: 4 }];
    for (const picture of pictures) {
      fake.features(seen('book:malay-archipelago'), picture);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await vi.waitFor(() => {
      expect(checkedPictures.length).toBeGreaterThanOrEqual(2);
    });
    // The first check runs on the first frame, with that frame's picture, and each later check
    // with its own frame's: the picture a check compares is the one its points were found in.
    expect(checkedPictures[0]).toBe(pictures[0]);
    expect(new Set(checkedPictures).size).toBe(checkedPictures.length);
    for (const picture of checkedPictures) expect(pictures).toContain(picture);
    await session.dispose();
  });

  it('loads only the guessed cover’s part of its set where the index says where it lies, and tracks it from that', async () => {
    const { store, fake, session, seen } = await sessionOn(
      (s) => s.start('sains'),
      new Set(['book:malay-archipelago']),
      null,
      true,
    );
    const starts: { buffer: ArrayBuffer; only?: number; cut?: boolean }[] = [];
    const start = fake.engine.start;
    fake.engine.start = (video, set) => {
      starts.push(set);
      return start(video, set);
    };
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    // The history shelf's set was never fetched: its one cover's part was, and the tracker got it.
    expect(loads).toContain('part:book:malay-archipelago');
    expect(loads).not.toContain('set:rak-sejarah');
    const last = starts.at(-1);
    expect(last?.cut).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(last?.buffer))).toEqual(['book:malay-archipelago']);
    expect(fake.started.at(-1)).toBe('malay-archipelago');
    // Paused and resumed (the page was hidden): restarted from the cover's own file again.
    await session.pause();
    await session.resume();
    expect(starts.at(-1)?.cut).toBe(true);
    expect(fake.started.at(-1)).toBe('malay-archipelago');
    expect(loads).not.toContain('set:rak-sejarah');
    await session.dispose();
    recognition.bytes = null;
  });

  it('tracks a taken cover from its own part even when other guesses were loaded between its two passes', async () => {
    const inView = new Set(['book:malay-archipelago']);
    const { store, fake, session, seen } = await sessionOn(
      (s) => s.start('sains'),
      inView,
      null,
      true,
    );
    const starts: { cut?: boolean }[] = [];
    const start = fake.engine.start;
    fake.engine.start = (video, set) => {
      starts.push(set);
      return start(video, set);
    };
    const checks = () => performance.getEntriesByName('lp:check').length;
    let before = checks();
    fake.features(seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(checks()).toBeGreaterThan(before);
    });
    // The camera slips over ten covers of other shelves (a slow phone guesses on each frame):
    // each is guessed and its part loaded, more than the session keeps.
    inView.clear();
    const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!parsed.ok) throw new Error('demo feed');
    const others = parsed.catalog.targetSets
      .filter((set) => set.id !== 'rak-sains')
      .flatMap((set) => set.targets.map(targetKey))
      .filter((key) => key.startsWith('book:') && key !== 'book:malay-archipelago')
      .slice(0, 10);
    for (const key of others) {
      before = checks();
      fake.features(seen(key));
      await vi.waitFor(() => {
        expect(checks()).toBeGreaterThan(before);
      });
    }
    expect(loads.filter((load) => load.startsWith('part:')).length).toBeGreaterThan(10);
    // Back in view within the second pass's time: taken, and tracked from its part alone.
    inView.add('book:malay-archipelago');
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    expect(loads).not.toContain('set:rak-sejarah');
    expect(starts.at(-1)?.cut).toBe(true);
    await session.dispose();
    recognition.bytes = null;
  });

  it('takes a cover only when the check passes it twice in about the same place, never after one pass', async () => {
    const inView = new Set(['book:malay-archipelago']);
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'), inView);
    const checksBefore = performance.getEntriesByName('lp:check').length;
    fake.features(seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(performance.getEntriesByName('lp:check').length).toBeGreaterThan(checksBefore);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One pass changes nothing on screen…
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    // …and when the cover is gone from the next frames, nothing ever does.
    inView.clear();
    await show(fake, seen('book:malay-archipelago'), 8);
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_MS));
    inView.add('book:malay-archipelago');
    fake.features(seen('book:malay-archipelago'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    // A second pass that places the cover far from the first (pairs that agree by chance) is not
    // taken either…
    placedAt.x = 400;
    fake.features(seen('book:malay-archipelago'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    // …but a pass on the next frame in the same place as that one is, and the cover is taken.
    placedAt.x = 410;
    fake.features(seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    placedAt.x = 100;
    await session.dispose();
    recognition.bytes = null;
  });

  it('takes a cover at once on a sure pass, tracked from where that pass saw it', async () => {
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'));
    passesSure.value = true;
    const checksBefore = performance.getEntriesByName('lp:check').length;
    fake.features(seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    // One check, no second pass.
    expect(performance.getEntriesByName('lp:check').length - checksBefore).toBe(1);
    expect(fake.confirmed.at(-1)?.from?.pose).toBeDefined();
    passesSure.value = false;
    await session.dispose();
    recognition.bytes = null;
  });

  it('gives the identified cover’s whole set back once the cover has been put down', async () => {
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'));
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    const cover = { kind: 'book', id: 'malay-archipelago' } as const;
    store.getState().recognised({ ...cover, visible: true, at: Date.now() });
    // Held for longer than a set's dwell: it stays alone.
    await new Promise((resolve) => setTimeout(resolve, SET_DWELL_MS + 600));
    expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    store.getState().recognised({ ...cover, visible: false, at: Date.now() });
    await vi.waitFor(
      () => {
        expect(store.getState().activeSet).toEqual({ id: 'rak-sejarah', shelfId: 'sejarah' });
      },
      { timeout: SET_DWELL_MS + 1500 },
    );
    expect(fake.started.at(-1)?.split(',')).toContain('malay-archipelago');
    expect(fake.started.at(-1)?.split(',').length).toBeGreaterThan(1);
    expect(fake.confirmed.at(-1)).toBeNull();
    await session.dispose();
    recognition.bytes = null;
  }, 15_000);

  it('says so when the identified cover cannot be started, instead of scanning nothing', async () => {
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'));
    // A set whose file and feed disagree: the tracker cannot cut the cover out of it.
    const start = fake.engine.start;
    fake.engine.start = (video, set) =>
      set.only === undefined ? start(video, set) : Promise.reject(new RangeError('no target'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().phase).toBe('error');
    });
    expect(store.getState().problem).toEqual({ kind: 'engine' });
    warn.mockRestore();
    await session.dispose();
    recognition.bytes = null;
  });

  it('while one cover is tracked alone, identifies its shelf neighbours too', async () => {
    const { store, fake, session, seen } = await sessionOn(
      (s) => s.start('sains'),
      new Set(['book:malay-archipelago', 'book:indonesia-etc']),
    );
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    // Another book of the same shelf comes into view: it is in the set, but not loaded.
    await new Promise((resolve) => setTimeout(resolve, SET_DWELL_MS + 100));
    await show(fake, seen('book:indonesia-etc'), 6);
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:indonesia-etc');
    });
    await session.dispose();
    recognition.bytes = null;
  }, 15_000);

  it("checks the covers of the visitor's shelf first, though the index ranks far ones higher", async () => {
    const { store, fake, session, seen } = await sessionOn(
      (s) => s.start('sains'),
      new Set(['book:malay-archipelago', 'book:indonesia-etc']),
    );
    await show(fake, seen('book:malay-archipelago'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    await new Promise((resolve) => setTimeout(resolve, SET_DWELL_MS + 100));
    // A crowded frame: four books of other shelves fill most of it (none passes the check), and a
    // corner of a history book, the shelf the visitor is at, shows too.
    const far = [
      'book:bumi-manusia',
      'book:charlottes-web',
      'book:almayers-folly',
      'book:deru-campur-debu',
    ];
    const crowd = [
      ...far.flatMap((key) => seen(key).slice(0, 60)),
      ...seen('book:indonesia-etc').slice(0, 14),
    ];
    await show(fake, crowd, 6);
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:indonesia-etc');
    });
    await session.dispose();
    recognition.bytes = null;
  }, 15_000);

  it('loads the recognition index only once the first set is running', async () => {
    // Loaded beside the first set, a 10,000-cover index (9.6 MB fetched, hash-checked, decoded)
    // took the tracker's warm-up's cores and started scanning about half a second later.
    const { session } = await sessionOn((s) => s.start('sains'));
    const firstStart = loads.findIndex((load) => load.startsWith('start:'));
    expect(firstStart).toBeGreaterThanOrEqual(0);
    expect(loads.indexOf('index')).toBeGreaterThan(firstStart);
    await session.dispose();
    recognition.bytes = null;
  });

  it('gives the tracker time to find a cover of its own shelf before checking other guesses', async () => {
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'));
    // A frame the index reads as a science book (searched) or a history book, about alike.
    const both = [
      ...seen('book:spectral-tarsier').slice(0, 40),
      ...seen('book:malay-archipelago').slice(0, 40),
    ];
    await show(fake, both, 6);
    // Without the hold, the history book (in view) passes both checks within two frames.
    expect(store.getState().activeSet).toEqual({ id: 'rak-sains', shelfId: 'sains' });
    // The tracker did not find its own book in CHECK_HOLD_MS: the guesses are checked.
    await show(fake, both, 30);
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('book:malay-archipelago');
    });
    await session.dispose();
    recognition.bytes = null;
  });

  it('names the books whose covers look like a recognised one, and none for a cover unlike any', async () => {
    const { store, fake, session } = await sessionOn((s) => s.start('sejarah'), new Set(), [
      'book:malay-archipelago',
      'book:sapiens',
    ]);
    fake.emit({ type: 'found', target: { kind: 'book', id: 'malay-archipelago' } });
    fake.emit({ type: 'found', target: { kind: 'book', id: 'indonesia-etc' } });
    await vi.waitFor(() => {
      expect(store.getState().lookAlikes).toEqual({
        'book:malay-archipelago': ['sapiens'],
        'book:indonesia-etc': [],
      });
    });
    await session.dispose();
    recognition.bytes = null;
  });

  it('stays on its shelf when the identified cover fails the geometric check', async () => {
    // The index points at a cover of another shelf, but mind-ar's matcher does not find it in the
    // frame (a look-alike, or a book the library does not hold).
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'), new Set());
    for (let frame = 0; frame < 6; frame++) {
      fake.features(seen('book:malay-archipelago'));
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    expect(fake.started).toHaveLength(1);
    await session.dispose();
    recognition.bytes = null;
  });

  it('does not leave a shelf for its own sign, still in view after it was followed', async () => {
    const { store, fake, session, seen } = await sessionOn(
      (s) => s.start('sejarah'),
      new Set(['shelf:sejarah', 'shelf:sains']),
    );
    await show(fake, seen('shelf:sejarah'), 8);
    expect(store.getState().activeSet).toEqual({ id: 'rak-sejarah', shelfId: 'sejarah' });
    // Another shelf's sign does move the scan (to the signs, which then lead to that shelf).
    await show(fake, seen('shelf:sains'));
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.only).toBe('shelf:sains');
    });
    await session.dispose();
    recognition.bytes = null;
  });

  it('does not leave a tour stop’s own set for a cover the stop does not ask for', async () => {
    const { store, fake, session, seen } = await sessionOn((s) =>
      s.startFor({ kind: 'book', id: 'spectral-tarsier' }),
    );
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    await show(fake, seen('book:malay-archipelago'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    expect(fake.started).toHaveLength(1);
    await session.dispose();
    recognition.bytes = null;
  });

  it('keeps the set while a cover is in view', async () => {
    const { store, fake, session, seen } = await sessionOn((s) => s.start('sains'));
    fake.emit({ type: 'found', target: { kind: 'book', id: 'spectral-tarsier' } });
    await show(fake, seen('book:malay-archipelago'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().activeSet?.id).toBe('rak-sains');
    await session.dispose();
    recognition.bytes = null;
  });
});

describe('a scan session', () => {
  it('applies a shelf picked during start-up after the start, not before it', async () => {
    const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!parsed.ok) throw new Error('demo feed');
    const store = createScanStore();
    const fake = fakeEngine();
    const runtime = { createTrackingEngine: () => fake.engine, tensorMemory: () => null };
    const session = new ScanSession(
      store,
      parsed.catalog,
      indexCatalog(parsed.catalog),
      { srcObject: null } as unknown as HTMLVideoElement,
      {},
      () => Promise.resolve(runtime as never),
    );
    slowCamera.ms = 50;
    const starting = session.start(null);
    // The visitor picks a shelf while the camera is still opening.
    const switching = session.switchTo('sejarah');
    await Promise.all([starting, switching]);

    expect(store.getState().activeSet).toEqual({ id: 'rak-sejarah', shelfId: 'sejarah' });
    expect(fake.started).toHaveLength(2);
    expect(fake.started.at(-1)).toContain('malay-archipelago');
    expect(store.getState().phase).toBe('scanning');
  });

  it('follows the first shelf sign seen, not a second one glimpsed while that shelf loads', async () => {
    const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!parsed.ok) throw new Error('demo feed');
    const store = createScanStore();
    const fake = fakeEngine();
    const runtime = { createTrackingEngine: () => fake.engine, tensorMemory: () => null };
    const session = new ScanSession(
      store,
      parsed.catalog,
      indexCatalog(parsed.catalog),
      { srcObject: null } as unknown as HTMLVideoElement,
      {},
      () => Promise.resolve(runtime as never),
    );
    slowCamera.ms = 0;
    await session.start(null);
    expect(store.getState().activeSet?.shelfId).toBeNull();
    fake.emit({ type: 'found', target: { kind: 'shelf', id: 'sejarah' } });
    fake.emit({ type: 'found', target: { kind: 'shelf', id: 'sains' } });
    await vi.waitFor(() => {
      expect(store.getState().activeSet?.id).toBe('rak-sejarah');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().activeSet?.id).toBe('rak-sejarah');
    expect(fake.started.filter((ids) => ids.includes('spectral-tarsier'))).toEqual([]);
    await session.dispose();
  });

  it('searches every set of a shelf with more than 20 covers in turn, and stays on a found cover', async () => {
    vi.useFakeTimers();
    try {
      const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
      if (!parsed.ok) throw new Error('demo feed');
      // The history shelf's covers split over two sets, as a shelf of 21 to 40 covers is.
      const whole = parsed.catalog.targetSets.find((set) => set.id === 'rak-sejarah');
      if (!whole || whole.targets.length < 2) throw new Error('demo set');
      const half = Math.ceil(whole.targets.length / 2);
      const catalog = {
        ...parsed.catalog,
        targetSets: [
          ...parsed.catalog.targetSets.filter((set) => set !== whole),
          { ...whole, targets: whole.targets.slice(0, half) },
          { ...whole, id: 'rak-sejarah-2', targets: whole.targets.slice(half) },
        ],
      };
      const store = createScanStore();
      const fake = fakeEngine();
      const runtime = { createTrackingEngine: () => fake.engine, tensorMemory: () => null };
      const session = new ScanSession(
        store,
        catalog,
        indexCatalog(catalog),
        { srcObject: null } as unknown as HTMLVideoElement,
        {},
        () => Promise.resolve(runtime as never),
      );
      slowCamera.ms = 0;
      const starting = session.start('sejarah');
      await vi.advanceTimersByTimeAsync(10);
      await starting;
      expect(store.getState().activeSet?.id).toBe('rak-sejarah');

      await vi.advanceTimersByTimeAsync(SET_DWELL_MS + 600);
      expect(store.getState().activeSet?.id).toBe('rak-sejarah-2');
      await vi.advanceTimersByTimeAsync(SET_DWELL_MS + 600);
      expect(store.getState().activeSet?.id).toBe('rak-sejarah');

      // A cover in view: its set stays as long as it is there.
      const [first] = whole.targets;
      store
        .getState()
        .recognised({ kind: 'book', id: first?.id ?? '', visible: true, at: Date.now() });
      const starts = fake.started.length;
      await vi.advanceTimersByTimeAsync(SET_DWELL_MS * 4);
      expect(fake.started).toHaveLength(starts);
      expect(store.getState().activeSet?.id).toBe('rak-sejarah');
      await session.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts the tracker’s warm-up for the camera’s size and the covers’ shapes while the camera is still opening', async () => {
    const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!parsed.ok) throw new Error('demo feed');
    const tracked = parsed.catalog.books.filter((book) => book.target);
    expect(tracked.length).toBeGreaterThan(30);
    for (const [quality, size] of [
      ['full', { width: 640, height: 480 }],
      ['reduced', { width: 320, height: 240 }],
    ] as const) {
      const fake = fakeEngine();
      const steps: string[] = [];
      const engine = {
        ...fake.engine,
        prepare: (
          prepared: { width: number; height: number },
          covers: Iterable<{ width: number; height: number }>,
        ) => {
          steps.push(`prepare ${String(prepared.width)}x${String(prepared.height)}`);
          // Every tracked book's cover, whose shapes the tracker warms for.
          expect([...covers]).toEqual(tracked.map((book) => book.cover));
        },
        start: (...args: Parameters<typeof fake.engine.start>) => {
          steps.push('start');
          return fake.engine.start(...args);
        },
      };
      const runtime = { createTrackingEngine: () => engine, tensorMemory: () => null };
      const session = new ScanSession(
        createScanStore(),
        parsed.catalog,
        indexCatalog(parsed.catalog),
        { srcObject: null } as unknown as HTMLVideoElement,
        { quality },
        () => Promise.resolve(runtime as never),
      );
      // A visitor answering the camera prompt.
      slowCamera.ms = 300;
      const starting = session.start(null);
      await vi.waitFor(() => {
        expect(steps).toEqual([`prepare ${String(size.width)}x${String(size.height)}`]);
      });
      await starting;
      expect(steps).toEqual([`prepare ${String(size.width)}x${String(size.height)}`, 'start']);
      await session.dispose();
    }
  });
});
