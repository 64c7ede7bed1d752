/**
 * A released Controller's matching worker goes to the next Controller, which then matches its
 * first frames with warm code; a worker with a question still open is never handed on.
 */
import { describe, expect, it } from 'vitest';
import { MatchingWorkers, type MatchingWorker } from '../../src/tracking/matching-worker.ts';

class FakeWorker implements MatchingWorker {
  onmessage: ((event: MessageEvent) => unknown) | null = null;
  readonly sent: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

/** As mind-ar's Controller talks to its worker: one question at a time, answered by message. */
class FakeController {
  worker: FakeWorker = new FakeWorker();
  readonly answers: unknown[] = [];
  private waiting: ((data: unknown) => void) | null = null;
  processing = true;

  constructor() {
    this.worker.onmessage = (event) => {
      this.answers.push(event.data);
      this.waiting?.(event.data);
    };
  }
  _workerMatch = (): Promise<unknown> =>
    new Promise((resolve) => {
      this.waiting = resolve;
      this.worker.postMessage({ type: 'match' });
    });
  _workerTrackUpdate = (): Promise<unknown> =>
    new Promise((resolve) => {
      this.waiting = resolve;
      this.worker.postMessage({ type: 'trackUpdate' });
    });
  dispose(): void {
    this.stopProcessVideo();
    this.worker.postMessage({ type: 'dispose' });
  }
  stopProcessVideo(): void {
    this.processing = false;
  }
}

/** The next Controller, made and adopted, with the worker mind-ar started for it. */
function adoptNext(workers: MatchingWorkers): { controller: FakeController; started: FakeWorker } {
  const controller = new FakeController();
  const started = controller.worker;
  workers.adopt(controller);
  return { controller, started };
}

describe('MatchingWorkers', () => {
  it('gives the next Controller the worker of the one released, and its answers', async () => {
    const workers = new MatchingWorkers();
    const first = new FakeController();
    workers.adopt(first);
    const kept = first.worker;
    const asked = first._workerMatch();
    kept.answer({ type: 'matchDone', targetIndex: 0 });
    await asked;
    first.dispose();
    // mind-ar's dispose tells the worker to close itself; it must stay open to be handed on.
    expect(kept.sent).not.toContainEqual({ type: 'dispose' });
    expect(first.processing).toBe(false);
    workers.release(first);
    expect(kept.terminated).toBe(false);

    const { controller: second, started } = adoptNext(workers);
    expect(second.worker).toBe(kept);
    expect(started.terminated).toBe(true);
    const match = second._workerMatch();
    kept.answer({ type: 'matchDone', targetIndex: -1 });
    await expect(match).resolves.toEqual({ type: 'matchDone', targetIndex: -1 });
    // The first Controller hears nothing more from it.
    expect(first.answers).toHaveLength(1);
  });

  it('ends a worker released with a question still open', async () => {
    const workers = new MatchingWorkers();
    const first = new FakeController();
    workers.adopt(first);
    const busy = first.worker;
    void first._workerTrackUpdate();
    await Promise.resolve();
    workers.release(first);
    expect(busy.terminated).toBe(true);

    const { controller: second, started } = adoptNext(workers);
    expect(second.worker).toBe(started);
    expect(started.terminated).toBe(false);
  });

  it('keeps one worker, however often a Controller is released', () => {
    const workers = new MatchingWorkers();
    const first = new FakeController();
    const second = new FakeController();
    workers.adopt(first);
    workers.adopt(second);
    workers.release(first);
    workers.release(first);
    expect(first.worker.terminated).toBe(false);
    workers.release(second);
    // Only the newest is kept; the older one ends.
    expect(first.worker.terminated).toBe(true);
    expect(second.worker.terminated).toBe(false);
  });
});
