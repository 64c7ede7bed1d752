import { describe, expect, it, vi } from 'vitest';
import {
  CONFIRMED_WARMUP_TOLERANCE,
  DEFAULT_SMOOTHING,
  SEEN_POSE_MAX_AGE_MS,
  TrackingEngine,
  type ControllerFactory,
  type ControllerLike,
  type ControllerSettings,
  type EngineEvent,
} from '../../src/tracking/engine.ts';

/** A stand-in for mind-ar's Controller that the test drives frame by frame. */
class FakeController implements ControllerLike {
  processing = false;
  disposed = false;
  released = false;
  constructor(readonly settings: ControllerSettings) {}
  only: number | undefined;
  addImageTargetsFromBuffer(buffer: ArrayBuffer, only?: number) {
    this.only = only;
    const count = only === undefined ? (new Uint8Array(buffer)[0] ?? 1) : 1;
    return { dimensions: Array.from({ length: count }, () => [160, 240] as [number, number]) };
  }
  dummyRun = vi.fn();
  /** `startFrom` calls, and whether processing had started by then. */
  startedFrom: { targetIndex: number; pose: number[][]; processing: boolean }[] = [];
  startFrom(targetIndex: number, pose: number[][]) {
    this.startedFrom.push({ targetIndex, pose, processing: this.processing });
  }
  processVideo() {
    this.processing = true;
  }
  stopProcessVideo() {
    this.processing = false;
  }
  getProjectionMatrix() {
    return [2.4, 0, 0, 0, 0, 3.2, 0, 0, 0, 0, -1, -1, 0, 0, -20, 0];
  }
  dispose() {
    this.disposed = true;
  }
  /** One processed frame: some targets seen, then processDone. */
  frame(seen: Record<number, number[] | null>) {
    for (const [index, matrix] of Object.entries(seen)) {
      this.settings.onUpdate({
        type: 'updateMatrix',
        targetIndex: Number(index),
        worldMatrix: matrix,
      });
    }
    this.settings.onUpdate({ type: 'processDone' });
  }
}

function setup(prepare?: ControllerFactory['prepare']) {
  const controllers: FakeController[] = [];
  const close = vi.fn();
  const factory: ControllerFactory = {
    ...(prepare ? { prepare } : {}),
    create: (settings) => {
      const controller = new FakeController(settings);
      controllers.push(controller);
      return controller;
    },
    release: (controller) => {
      const fake = controllers.find((candidate) => candidate === controller);
      if (fake) fake.released = true;
    },
    close,
  };
  let clock = 0;
  const engine = new TrackingEngine(factory, () => clock);
  const events: EngineEvent[] = [];
  engine.on((event) => events.push(event));
  const video = { videoWidth: 640, videoHeight: 480, width: 0, height: 0 } as HTMLVideoElement;
  return {
    engine,
    controllers,
    events,
    video,
    close,
    tick: (ms: number) => (clock += ms),
  };
}

const targets = [
  { kind: 'book', id: 'laskar-pelangi' },
  { kind: 'book', id: 'bumi-manusia' },
] as const;
const buffer = (count: number) => new Uint8Array([count]).buffer;
const matrix = (x: number) =>
  Array.from({ length: 16 }, (_, i) => (i === 12 ? x : i % 5 === 0 ? 1 : 0));

describe('the tracking engine', () => {
  it('hands a detection frame’s picture to the listener that takes it, and frees it otherwise', async () => {
    const { engine, controllers, video } = setup();
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    const picture = () => {
      const close = vi.fn();
      return { bitmap: { close } as unknown as ImageBitmap, close };
    };
    const taken: (ImageBitmap | null)[] = [];
    let take = true;
    const stop = engine.onFeatures((_points, takePicture) => {
      if (take) taken.push(takePicture(), takePicture());
    });
    const first = picture();
    controllers[0]?.settings.onFeatures([], first.bitmap);
    // Taken once: the second take finds none, and the engine leaves the taken one open.
    expect(taken).toEqual([first.bitmap, null]);
    expect(first.close).not.toHaveBeenCalled();
    take = false;
    const second = picture();
    controllers[0]?.settings.onFeatures([], second.bitmap);
    expect(second.close).toHaveBeenCalledOnce();
    stop();
    // A controller that has been replaced: its late frame's picture is freed, nobody hears it.
    await engine.start(video, { buffer: buffer(1), targets }, { maxTrack: 1 });
    take = true;
    const late = picture();
    controllers[0]?.settings.onFeatures([], late.bitmap);
    expect(late.close).toHaveBeenCalledOnce();
    expect(taken).toHaveLength(2);
  });

  it('starts a controller sized to the video, warms it up and processes', async () => {
    const { engine, controllers, video } = setup();
    expect(await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 })).toBe(true);
    const [controller] = controllers;
    expect(controller?.settings).toMatchObject({ inputWidth: 640, inputHeight: 480, maxTrack: 2 });
    expect(video.width).toBe(640);
    expect(controller?.dummyRun).toHaveBeenCalledOnce();
    expect(controller?.processing).toBe(true);
    expect(engine.projectionMatrix?.[5]).toBe(3.2);
  });

  it('warms the tracker for the covers’ common shapes once, after the first controller runs', async () => {
    const prepared: string[] = [];
    const { engine, controllers, video } = setup((size, keyframes) => {
      prepared.push(
        [`${String(size.width)}x${String(size.height)}`]
          .concat(keyframes.map((k) => `${String(k.width)}x${String(k.height)}`))
          .join(' '),
      );
      return Promise.resolve(true);
    });
    const covers = [
      { width: 400, height: 600 },
      { width: 1748, height: 2480 },
      { width: 400, height: 600 },
      { width: 1000, height: 1000 },
      { width: 1748, height: 2480 },
      { width: 400, height: 600 },
    ];
    engine.prepare({ width: 640, height: 480 }, covers);
    // Before the camera: the detector only, so that scanning starts no later.
    expect(prepared).toEqual(['640x480']);
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    expect(prepared).toEqual(['640x480', '640x480 128x192 128x182']);
    controllers[0]!.frame({});
    await engine.start(video, { buffer: buffer(2), targets, only: 1 }, { maxTrack: 2 });
    expect(prepared).toHaveLength(2);
  });

  it('writes poses into per-target slots and emits only found and lost', async () => {
    const { engine, controllers, events, video, tick } = setup();
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    const controller = controllers[0]!;
    const slot = engine.poses.get('book:bumi-manusia')!;
    tick(100);
    controller.frame({ 1: matrix(5) });
    expect(slot.tracked).toBe(true);
    expect(slot.matrix[12]).toBe(5);
    expect(slot.foundAt).toBe(100);
    for (let i = 0; i < 10; i++) controller.frame({ 1: matrix(5 + i) });
    expect(slot.matrix[12]).toBe(14);
    controller.frame({ 1: null });
    expect(slot.tracked).toBe(false);
    expect(events).toEqual([
      { type: 'found', target: targets[1] },
      { type: 'lost', target: targets[1] },
    ]);
  });

  it('with `only`, loads and tracks just that target of the set', async () => {
    const { engine, controllers, events, video } = setup();
    await engine.start(video, { buffer: buffer(2), targets, only: 1 }, { maxTrack: 2 });
    const controller = controllers[0]!;
    expect(controller.only).toBe(1);
    expect([...engine.poses.keys()]).toEqual(['book:bumi-manusia']);
    // mind-ar numbers the one target it holds 0.
    controller.frame({ 0: matrix(3) });
    expect(engine.poses.get('book:bumi-manusia')?.tracked).toBe(true);
    expect(events).toEqual([{ type: 'found', target: targets[1] }]);
  });

  it('shows a cover the index has confirmed after fewer tracked frames, and only that one', async () => {
    const { engine, controllers, video } = setup();
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    await engine.start(
      video,
      { buffer: buffer(2), targets, only: 1 },
      { maxTrack: 2, confirmed: { from: null } },
    );
    // A whole set: the index's checks say nothing of its other covers.
    await engine.start(
      video,
      { buffer: buffer(2), targets },
      { maxTrack: 2, confirmed: { from: null } },
    );
    await engine.start(video, { buffer: buffer(2), targets, only: 1 }, { maxTrack: 2 });
    expect(controllers.map((controller) => controller.settings.warmupTolerance)).toEqual([
      DEFAULT_SMOOTHING.warmupTolerance,
      CONFIRMED_WARMUP_TOLERANCE,
      DEFAULT_SMOOTHING.warmupTolerance,
      DEFAULT_SMOOTHING.warmupTolerance,
    ]);
    expect(CONFIRMED_WARMUP_TOLERANCE).toBeLessThan(DEFAULT_SMOOTHING.warmupTolerance);
  });

  it('tracks a confirmed cover from where the check saw it, if that is recent and of this camera size', async () => {
    const { engine, controllers, video } = setup();
    const pose = [
      [1, 0, 0, 10],
      [0, 1, 0, 20],
      [0, 0, 1, -500],
    ];
    const seen = { pose, width: video.videoWidth, height: video.videoHeight };
    const confirmed = (from: typeof seen & { at: number }) => ({
      maxTrack: 2,
      confirmed: { from },
    });
    const one = { buffer: buffer(2), targets, only: 1 };
    await engine.start(video, one, confirmed({ ...seen, at: performance.now() }));
    // Before its first frame, as the one target it holds (mind-ar numbers it 0).
    expect(controllers[0]?.startedFrom).toEqual([{ targetIndex: 0, pose, processing: false }]);
    // Too old: the book has moved since; another camera size: the pose means another place.
    await engine.start(video, one, confirmed({ ...seen, at: performance.now() - SEEN_POSE_MAX_AGE_MS - 50 })); // prettier-ignore
    await engine.start(video, one, confirmed({ ...seen, width: 320, at: performance.now() }));
    // A whole set is searched for.
    await engine.start(video, { buffer: buffer(2), targets }, confirmed({ ...seen, at: performance.now() })); // prettier-ignore
    expect(controllers.slice(1).map((controller) => controller.startedFrom)).toEqual([[], [], []]);
  });

  it('reports frames processed per second', async () => {
    vi.useFakeTimers();
    try {
      const { engine, controllers, events, video } = setup();
      const started = engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 1 });
      await vi.advanceTimersByTimeAsync(1);
      await started;
      for (let i = 0; i < 12; i++) controllers[0]!.frame({});
      await vi.advanceTimersByTimeAsync(1000);
      expect(events).toContainEqual({ type: 'stats', fps: 12, tracking: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('switching sets ends the old controller: released (worker and tensors), targets lost', async () => {
    const { engine, controllers, events, video, close } = setup();
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    controllers[0]!.frame({ 0: matrix(1) });
    const switching = engine.start(
      video,
      { buffer: buffer(1), targets: [{ kind: 'book', id: 'sitti-nurbaya' }] },
      { maxTrack: 2 },
    );
    controllers[0]!.frame({}); // the frame in flight finishes
    await switching;
    expect(controllers).toHaveLength(2);
    expect(controllers[0]).toMatchObject({ processing: false, disposed: true, released: true });
    expect(close).not.toHaveBeenCalled();
    expect(events).toContainEqual({ type: 'lost', target: targets[0] });
    expect([...engine.poses.keys()]).toEqual(['book:sitti-nurbaya']);
  });

  it('ignores updates from a controller it already replaced', async () => {
    const { engine, controllers, events, video } = setup();
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    const old = controllers[0]!;
    const switching = engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    old.frame({});
    await switching;
    events.length = 0;
    old.frame({ 0: matrix(3) });
    expect(events).toEqual([]);
    expect(engine.poses.get('book:laskar-pelangi')?.tracked).toBe(false);
  });

  it('is safe when a start is overtaken, as under React StrictMode', async () => {
    const { engine, controllers, video } = setup();
    const first = engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    const second = engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    const live = controllers.filter((c) => !c.disposed);
    expect(live).toHaveLength(1);
    expect(live[0]?.processing).toBe(true);
  });

  it('dispose ends processing and the worker, and tells nobody afterwards', async () => {
    const { engine, controllers, events, video, close } = setup();
    await engine.start(video, { buffer: buffer(2), targets }, { maxTrack: 2 });
    const disposing = engine.dispose();
    controllers[0]!.frame({});
    await disposing;
    expect(controllers[0]).toMatchObject({ processing: false, disposed: true, released: true });
    expect(close).toHaveBeenCalledOnce();
    events.length = 0;
    controllers[0]!.frame({ 0: matrix(1) });
    expect(events).toEqual([]);
    expect(engine.state).toBe('disposed');
  });
});
