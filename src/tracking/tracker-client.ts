/**
 * The page's side of the tracker worker (`tracker.worker.ts`): a `ControllerFactory` whose
 * controllers run mind-ar in the worker. Each finished frame brings the next camera picture,
 * copied from the video as an ImageBitmap, so the worker never waits on the page and the page never
 * waits on tfjs. Where the worker cannot run tfjs on WebGL (no OffscreenCanvas WebGL, a failed
 * start), the same controllers run on the page, as they did before.
 */
import type { FeaturePoint } from '../domain/recognition/index-file.ts';
import type {
  ControllerFactory,
  ControllerLike,
  ControllerSettings,
  ControllerUpdate,
  CoverPose,
} from './engine.ts';
import type * as MindAr from './mind-ar.ts';
import type { TrackerReply, TrackerRequest } from './tracker.worker.ts';
import type { KeyframeShape } from './warm-up.ts';

type PageModule = typeof MindAr;

/** How long tfjs may take to start in the worker before the page tracks instead. */
const WORKER_START_TIMEOUT_MS = 20_000;

let latestMemory: { tensors: number; bytes: number } | null = null;
let pageModule: PageModule | null = null;

/**
 * tfjs memory in use where tracking runs, as the current controller last reported it; null until
 * it has finished a frame. For the scan view's diagnostics.
 */
export function trackerMemory(): { tensors: number; bytes: number } | null {
  return pageModule ? pageModule.tensorMemory() : latestMemory;
}

async function loadPageModule(): Promise<PageModule> {
  pageModule ??= await import('./mind-ar.ts');
  return pageModule;
}

interface Waiter {
  readonly resolve: (reply: TrackerReply) => void;
  readonly reject: (error: Error) => void;
}

class TrackerChannel {
  private worker: Worker | null = null;
  private readonly controllers = new Map<number, WorkerController>();
  private readonly waiters = new Map<string, Waiter>();
  private nextId = 0;
  /** Whether the worker runs tfjs on WebGL; settles once. */
  readonly usable: Promise<boolean>;
  /**
   * The worker ran and then failed (a lost WebGL context, out of memory). The next controller
   * starts a new one: the scan view's slow-phone check restarts tracking within seconds, since
   * no frames arrive meanwhile.
   */
  crashed = false;
  private running = false;

  constructor() {
    this.usable = new Promise<boolean>((resolve) => {
      if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap !== 'function') {
        resolve(false);
        return;
      }
      try {
        this.worker = new Worker(new URL('./tracker.worker.ts', import.meta.url), {
          type: 'module',
        });
      } catch (error) {
        console.warn('Tracking runs on the page', error);
        resolve(false);
        return;
      }
      const timer = setTimeout(() => {
        console.warn('The tracker worker did not start; tracking runs on the page');
        this.close();
        resolve(false);
      }, WORKER_START_TIMEOUT_MS);
      this.worker.onmessage = (event: MessageEvent<TrackerReply>) => {
        const reply = event.data;
        if (reply.type === 'ready') {
          clearTimeout(timer);
          this.running = reply.ok;
          if (!reply.ok) {
            console.warn(
              'The tracker worker has no WebGL; tracking runs on the page',
              reply.reason,
            );
            this.close();
          }
          resolve(reply.ok);
          return;
        }
        this.receive(reply);
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        console.warn('The tracker worker failed', event.message);
        clearTimeout(timer);
        this.crashed = this.running;
        this.close();
        resolve(false);
      };
    });
  }

  newId(): number {
    return this.nextId++;
  }

  /**
   * Compiles the detector for this input size, and the tracker for covers of these keyframe
   * shapes, in the worker; false where it cannot track.
   */
  async prepare(
    size: { width: number; height: number },
    keyframes: readonly KeyframeShape[] = [],
  ): Promise<boolean> {
    if (!(await this.usable)) return false;
    try {
      await this.ask({ type: 'prewarm', id: this.newId(), ...size, keyframes }, 'prewarmed');
      return true;
    } catch {
      // The worker ended or could not compile; the first controller warms up as it always did.
      return false;
    }
  }

  attach(id: number, controller: WorkerController): void {
    this.controllers.set(id, controller);
  }

  detach(id: number): void {
    this.controllers.delete(id);
  }

  send(request: TrackerRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(request, transfer);
  }

  /** Sends a request and waits for the reply of the given type for the same controller. */
  ask<T extends TrackerReply['type']>(
    request: TrackerRequest,
    answer: T,
    transfer: Transferable[] = [],
  ): Promise<Extract<TrackerReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (!this.worker) {
        reject(new Error('The tracker worker has ended'));
        return;
      }
      this.waiters.set(`${answer}:${String(request.id)}`, {
        resolve: resolve as (reply: TrackerReply) => void,
        reject,
      });
      this.send(request, transfer);
    });
  }

  private receive(reply: TrackerReply): void {
    if (reply.type === 'memory') {
      // A released controller's last frame may still report; its figure is no longer current.
      if (this.controllers.has(reply.id))
        latestMemory = { tensors: reply.tensors, bytes: reply.bytes };
      return;
    }
    if (reply.type === 'ready') return;
    if (reply.type === 'failed') {
      for (const [key, waiter] of this.waiters) {
        if (key.endsWith(`:${String(reply.id)}`)) {
          this.waiters.delete(key);
          waiter.reject(new Error(reply.message));
        }
      }
      return;
    }
    const key = `${reply.type}:${String(reply.id)}`;
    const waiter = this.waiters.get(key);
    if (waiter) {
      this.waiters.delete(key);
      waiter.resolve(reply);
      return;
    }
    if (reply.type === 'update') this.controllers.get(reply.id)?.received(reply.update);
    else if (reply.type === 'features') {
      const controller = this.controllers.get(reply.id);
      if (controller) controller.featured(reply.points, reply.picture);
      else reply.picture?.close();
    }
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiter of this.waiters.values()) waiter.reject(new Error('Tracking has ended'));
    this.waiters.clear();
    this.controllers.clear();
  }
}

/**
 * One Controller, in the worker when it can run there, else on the page (decided when its targets
 * load, the first step that waits).
 */
class WorkerController implements ControllerLike {
  /** The Controller on the page, when the worker cannot track. */
  onPage: ControllerLike | null = null;
  private readonly id: number;
  private projection: number[] = [];
  private video: HTMLVideoElement | null = null;
  private processing = false;
  private capturing = false;
  /** Pictures go to the worker as the camera makes them (requestVideoFrameCallback). */
  private followsVideo = false;

  constructor(
    private readonly channel: TrackerChannel,
    private readonly settings: ControllerSettings,
  ) {
    this.id = channel.newId();
  }

  async addImageTargetsFromBuffer(
    buffer: ArrayBuffer,
    only?: number,
  ): Promise<{ dimensions: [number, number][] }> {
    if (!(await this.channel.usable)) {
      const { mindArFactory } = await loadPageModule();
      this.onPage = mindArFactory.create(this.settings);
      return this.onPage.addImageTargetsFromBuffer(buffer, only);
    }
    const { onUpdate: _onUpdate, onFeatures: _onFeatures, ...settings } = this.settings;
    this.channel.attach(this.id, this);
    this.channel.send({ type: 'create', id: this.id, settings });
    // Picking the one target out of the set (a MessagePack decode of it) happens in the worker.
    const reply = await this.channel.ask(
      { type: 'targets', id: this.id, buffer, ...(only === undefined ? {} : { only }) },
      'targets',
    );
    this.projection = reply.projection;
    return { dimensions: reply.dimensions };
  }

  async dummyRun(video: HTMLVideoElement): Promise<void> {
    if (this.onPage) {
      await this.onPage.dummyRun(video);
      return;
    }
    const frame = await createImageBitmap(video);
    await this.channel.ask({ type: 'warmup', id: this.id, frame }, 'warm', [frame]);
  }

  startFrom(targetIndex: number, pose: CoverPose): void {
    if (this.onPage) {
      this.onPage.startFrom?.(targetIndex, pose);
      return;
    }
    this.channel.send({ type: 'start-from', id: this.id, targetIndex, pose });
  }

  aimDetection(x: number, y: number): void {
    if (this.onPage) {
      this.onPage.aimDetection?.(x, y);
      return;
    }
    this.channel.send({ type: 'aim', id: this.id, x, y });
  }

  processVideo(video: HTMLVideoElement): void {
    if (this.onPage) {
      this.onPage.processVideo(video);
      return;
    }
    this.video = video;
    this.processing = true;
    this.channel.send({ type: 'process', id: this.id });
    this.followVideo(video);
  }

  stopProcessVideo(): void {
    if (this.onPage) {
      this.onPage.stopProcessVideo();
      return;
    }
    this.processing = false;
    this.channel.send({ type: 'stop', id: this.id });
  }

  getProjectionMatrix(): number[] {
    return this.onPage ? this.onPage.getProjectionMatrix() : this.projection;
  }

  dispose(): void {
    if (this.onPage) {
      this.onPage.dispose();
      return;
    }
    this.processing = false;
    this.channel.send({ type: 'dispose', id: this.id });
    this.channel.detach(this.id);
    latestMemory = null;
  }

  /** An update from the worker; a finished frame asks for the next picture. */
  received(update: ControllerUpdate): void {
    // Without requestVideoFrameCallback, each finished frame asks for the next picture.
    if (update.type === 'processDone' && !this.followsVideo) this.sendFrame();
    this.settings.onUpdate(update);
  }

  featured(points: readonly FeaturePoint[], picture?: ImageBitmap): void {
    this.settings.onFeatures(points, picture);
  }

  /**
   * Sends every new camera picture as it arrives, so the worker always starts a frame on the
   * newest one (as a Controller on the page reads the video's current frame), not on one taken
   * when its previous frame ended.
   */
  private followVideo(video: HTMLVideoElement): void {
    if (typeof video.requestVideoFrameCallback !== 'function') return;
    this.followsVideo = true;
    const next = () => {
      if (!this.processing) return;
      this.sendFrame();
      video.requestVideoFrameCallback(next);
    };
    video.requestVideoFrameCallback(next);
  }

  private sendFrame(): void {
    const video = this.video;
    if (!this.processing || this.capturing || !video) return;
    this.capturing = true;
    // A picture that cannot be taken (the video paused between frames) is skipped: the worker
    // keeps the last one and asks again after its next frame.
    void createImageBitmap(video)
      .then((frame) => {
        if (this.processing) this.channel.send({ type: 'frame', id: this.id, frame }, [frame]);
        else frame.close();
      })
      .catch(() => undefined)
      .finally(() => {
        this.capturing = false;
      });
  }
}

/** A factory whose controllers share one tracker worker; `close()` ends it. */
export function createTrackerFactory(): ControllerFactory {
  let channel: TrackerChannel | null = null;
  const openChannel = (): TrackerChannel => {
    if (!channel || channel.crashed) channel = new TrackerChannel();
    return channel;
  };
  return {
    create: (settings) => new WorkerController(openChannel(), settings),
    // Where the worker cannot track, the page does not prewarm: it would block the page.
    prepare: (size, keyframes) => openChannel().prepare(size, keyframes),
    release: (controller) => {
      const onPage = controller instanceof WorkerController ? controller.onPage : null;
      if (onPage && pageModule) pageModule.mindArFactory.release(onPage);
    },
    close: () => {
      channel?.close();
      channel = null;
    },
  };
}
