/**
 * mind-ar starts a matching worker for every Controller (`controller.worker.js`: it matches each
 * detection frame's points against the targets and refines tracked poses). A new worker matches
 * its first frames with code the JavaScript engine has not optimised yet: 94 to 134 ms for the
 * first match of a cover the index named, against 13 to 22 ms in the Controller before it, on the
 * same frames' points (probe of 3 December). So a released Controller's worker is kept and given
 * to the next one: mind-ar's `setup` message, sent when targets load, replaces all it held.
 */

export interface MatchingWorker {
  onmessage: ((event: MessageEvent) => unknown) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** The parts of mind-ar's Controller that talk to its matching worker. */
export interface MatchingSide {
  worker: MatchingWorker;
  _workerMatch: (...args: never[]) => Promise<unknown>;
  _workerTrackUpdate: (...args: never[]) => Promise<unknown>;
  dispose(): void;
  stopProcessVideo(): void;
}

export class MatchingWorkers {
  private spare: MatchingWorker | null = null;
  /** Questions each Controller has sent its worker and not yet had answered. */
  private readonly open = new WeakMap<MatchingSide, number>();

  /** Call once the Controller is made, before its targets load (their `setup` goes to the worker). */
  adopt(controller: MatchingSide): void {
    const spare = this.spare;
    this.spare = null;
    if (spare) {
      const started = controller.worker;
      // mind-ar's handler, bound to this Controller.
      spare.onmessage = started.onmessage;
      started.terminate();
      controller.worker = spare;
    }
    this.open.set(controller, 0);
    for (const name of ['_workerMatch', '_workerTrackUpdate'] as const) {
      const ask = controller[name].bind(controller);
      controller[name] = async (...args) => {
        this.open.set(controller, (this.open.get(controller) ?? 0) + 1);
        try {
          return await ask(...args);
        } finally {
          this.open.set(controller, (this.open.get(controller) ?? 1) - 1);
        }
      };
    }
    // mind-ar's dispose() tells its worker to close itself; `release` decides instead.
    controller.dispose = () => {
      controller.stopProcessVideo();
    };
  }

  /**
   * Keeps the Controller's worker for the next one, unless a question is still open: its answer
   * would reach the next Controller as the answer to its own.
   */
  release(controller: MatchingSide): void {
    const worker = controller.worker;
    const open = this.open.get(controller);
    this.open.delete(controller);
    // Released before: its worker is the one kept.
    if (worker === this.spare) return;
    if (open !== 0) {
      worker.terminate();
      return;
    }
    worker.onmessage = null;
    this.spare?.terminate();
    this.spare = worker;
  }
}
