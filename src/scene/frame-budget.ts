/**
 * How often the AR layer may draw. Where its WebGL draws on the CPU, every drawing takes time from
 * the tracker, so camera-driven redraws, the model's turn-in and the fades all share one budget:
 * a request within `minIntervalMs` of the last drawing is put off to the end of that interval,
 * and the requests in between become one drawing. With an interval of 0 each request draws.
 */
export interface FrameBudget {
  /** Asks for one drawing, now or at the end of the current interval. */
  readonly request: () => void;
  /** Drops a put-off drawing (the canvas is going away). */
  readonly cancel: () => void;
}

export function frameBudget(
  draw: () => void,
  minIntervalMs: number,
  now: () => number = () => performance.now(),
): FrameBudget {
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const drawNow = () => {
    pending = null;
    lastDrawn = now();
    draw();
  };
  return {
    request() {
      if (pending !== null) return;
      const wait = lastDrawn + minIntervalMs - now();
      if (wait <= 0) drawNow();
      else pending = setTimeout(drawNow, wait);
    },
    cancel() {
      if (pending !== null) clearTimeout(pending);
      pending = null;
    },
  };
}
