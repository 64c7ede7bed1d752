/**
 * Finding the tfjs tensors a mind-ar object keeps, to free them when its Controller is released:
 * mind-ar's own `dispose()` leaves them alive. No tfjs import, so it is tested in Node.
 */
import type { Tensor } from '@tensorflow/tfjs';

function isTensor(value: unknown): value is Tensor {
  return (
    typeof value === 'object' &&
    value !== null &&
    'dataId' in value &&
    'isDisposed' in value &&
    typeof (value as { dispose?: unknown }).dispose === 'function'
  );
}

/**
 * Whether a value can hold no tensor: pixels and numbers. A tracker's keyframes hold their
 * pictures' pixels; walking them value by value took 65 to 125 ms of every release of a set of
 * signs here, while the next Controller waited.
 */
function holdsNoTensor(value: object): boolean {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  return Array.isArray(value) && value.length > 0 && typeof value[0] !== 'object';
}

/** Disposes every tensor reachable from `root` through plain objects and arrays. */
export function disposeTensorsIn(root: unknown, depth = 0, seen = new Set<unknown>()): number {
  if (depth > 6 || typeof root !== 'object' || root === null || seen.has(root)) return 0;
  seen.add(root);
  if (isTensor(root)) {
    if (root.isDisposed) return 0;
    root.dispose();
    return 1;
  }
  if (holdsNoTensor(root)) return 0;
  let count = 0;
  const values = Array.isArray(root) ? root : Object.values(root as Record<string, unknown>);
  for (const value of values) count += disposeTensorsIn(value, depth + 1, seen);
  return count;
}
