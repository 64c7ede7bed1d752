/**
 * The page's side of the tracker worker, with a stand-in Worker: a worker that fails after it ran
 * is replaced for the next controller; one that never gets WebGL leaves tracking on the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ControllerSettings } from '../../src/tracking/engine.ts';
import type { TrackerReply, TrackerRequest } from '../../src/tracking/tracker.worker.ts';

class FakeWorker {
  static made: FakeWorker[] = [];
  static webgl = true;
  onmessage: ((event: MessageEvent<TrackerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
    queueMicrotask(() => {
      this.reply({ type: 'ready', ok: FakeWorker.webgl });
    });
  }
  reply(reply: TrackerReply) {
    this.onmessage?.({ data: reply } as MessageEvent<TrackerReply>);
  }
  readonly requests: string[] = [];
  postMessage(request: TrackerRequest) {
    this.requests.push(
      request.type === 'prewarm'
        ? `prewarm ${String(request.width)}x${String(request.height)}${request.keyframes.map((k) => ` ${String(k.width)}x${String(k.height)}`).join('')}`
        : request.type,
    );
    if (request.type === 'prewarm')
      queueMicrotask(() => {
        this.reply({ type: 'prewarmed', id: request.id });
      });
    if (request.type === 'targets')
      queueMicrotask(() => {
        this.reply({
          type: 'targets',
          id: request.id,
          dimensions: [[160, 240]],
          projection: [1],
        });
      });
  }
  fail() {
    this.onerror?.({ message: 'context lost', preventDefault: () => undefined } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

const settings = {
  inputWidth: 640,
  inputHeight: 480,
  maxTrack: 1,
  filterMinCF: 0.0005,
  filterBeta: 1,
  warmupTolerance: 5,
  missTolerance: 5,
  onUpdate: () => undefined,
  onFeatures: () => undefined,
} satisfies ControllerSettings;

describe('the tracker worker client', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    FakeWorker.webgl = true;
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('OffscreenCanvas', Object);
    vi.stubGlobal('createImageBitmap', () => Promise.resolve({}));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('loads targets through the worker, and shares one worker between controllers', async () => {
    const { createTrackerFactory } = await import('../../src/tracking/tracker-client.ts');
    const factory = createTrackerFactory();
    const first = factory.create(settings);
    expect(await first.addImageTargetsFromBuffer(new ArrayBuffer(1))).toEqual({
      dimensions: [[160, 240]],
    });
    expect(first.getProjectionMatrix()).toEqual([1]);
    await factory.create(settings).addImageTargetsFromBuffer(new ArrayBuffer(1));
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('a worker that fails after it ran is replaced for the next controller', async () => {
    const { createTrackerFactory } = await import('../../src/tracking/tracker-client.ts');
    const factory = createTrackerFactory();
    await factory.create(settings).addImageTargetsFromBuffer(new ArrayBuffer(1));
    FakeWorker.made[0]!.fail();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const next = factory.create(settings);
    expect(await next.addImageTargetsFromBuffer(new ArrayBuffer(1))).toEqual({
      dimensions: [[160, 240]],
    });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('compiles the detector for the camera’s size and the tracker for the covers’ shapes in the worker before any controller, and the controller shares that worker', async () => {
    const { createTrackerFactory } = await import('../../src/tracking/tracker-client.ts');
    const factory = createTrackerFactory();
    const cover = { width: 128, height: 192, scale: 0.8 };
    expect(await factory.prepare?.({ width: 640, height: 480 }, [cover])).toBe(true);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.requests).toEqual(['prewarm 640x480 128x192']);
    await factory.create(settings).addImageTargetsFromBuffer(new ArrayBuffer(1));
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.requests).toEqual(['prewarm 640x480 128x192', 'create', 'targets']);
  });

  it('does not warm up on the page where the worker has no WebGL', async () => {
    FakeWorker.webgl = false;
    const { createTrackerFactory, trackerMemory } =
      await import('../../src/tracking/tracker-client.ts');
    const factory = createTrackerFactory();
    expect(await factory.prepare?.({ width: 640, height: 480 }, [])).toBe(false);
    expect(FakeWorker.made[0]!.requests).toEqual([]);
    // The page module (mind-ar and tfjs on the page) was not loaded for it.
    expect(trackerMemory()).toBeNull();
  });
});
