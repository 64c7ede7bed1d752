/**
 * Stands in for the `ndarray-ops` package (through an alias in vite.config.ts), offering the two
 * operations `ndarray-pixels` uses. The package builds its functions with `Function()` when it
 * loads, which the app's Content-Security-Policy (no 'unsafe-eval') forbids, and
 * @gltf-transform/functions loads it with the editor.
 */
interface NdArray {
  readonly shape: readonly number[];
  get(...index: number[]): number;
  set(...args: number[]): number;
}

function forEachIndex(shape: readonly number[], visit: (index: number[]) => void): void {
  if (shape.some((side) => side === 0)) return;
  const index = shape.map(() => 0);
  for (;;) {
    visit(index);
    let axis = shape.length - 1;
    while (axis >= 0 && ++(index[axis] as number) === shape[axis]) index[axis--] = 0;
    if (axis < 0) return;
  }
}

export function assign(target: NdArray, source: NdArray): NdArray {
  forEachIndex(target.shape, (index) => target.set(...index, source.get(...index)));
  return target;
}

export function assigns(target: NdArray, value: number): NdArray {
  forEachIndex(target.shape, (index) => target.set(...index, value));
  return target;
}

export default { assign, assigns };
