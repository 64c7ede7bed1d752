/**
 * Where a checked cover lies in a camera frame: its four corners, in frame pixels, in the order
 * top-left, top-right, bottom-right, bottom-left of the cover. Plain geometry for the check
 * (`tracking/verify.ts`) and the scan session's second pass.
 */
export type Corners = readonly (readonly [number, number])[];

/** Twice the signed area of the quad (shoelace). */
function signedArea(corners: Corners): number {
  let sum = 0;
  for (let i = 0; i < corners.length; i++) {
    const [x1, y1] = corners[i] ?? [0, 0];
    const [x2, y2] = corners[(i + 1) % corners.length] ?? [0, 0];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/**
 * Whether a cover could look like this in the frame: a convex quad, not mirrored, neither a sliver
 * (under 0.5 % of the frame) nor far larger than it (a cover held close fills the frame, but not
 * four times over). A homography fitted to pairs that happen to agree along a line of type gives
 * folded or degenerate quads.
 */
export function plausiblePlacement(
  corners: Corners,
  frame: { readonly width: number; readonly height: number },
): boolean {
  if (corners.length !== 4 || !corners.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)))
    return false;
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = corners[i] ?? [0, 0];
    const [bx, by] = corners[(i + 1) % 4] ?? [0, 0];
    const [cx, cy] = corners[(i + 2) % 4] ?? [0, 0];
    const turn = Math.sign((bx - ax) * (cy - by) - (by - ay) * (cx - bx));
    if (turn === 0 || (sign !== 0 && turn !== sign)) return false;
    sign = turn;
  }
  // Frame pixels run downwards, so a cover seen from the front turns clockwise: a positive area.
  const area = signedArea(corners) / 2;
  const frameArea = frame.width * frame.height;
  return area >= 0.005 * frameArea && area <= 4 * frameArea;
}

/**
 * Whether two checks placed the cover in about the same place: each corner within a quarter of
 * the cover's diagonal. A visitor holding a book moves it little between two detection frames.
 * Pairs that agree by chance (a word in the same type on another cover) can still place it alike
 * twice on a still picture (docs/recognition.md), so this is not the only check.
 */
export function samePlacement(a: Corners, b: Corners): boolean {
  if (a.length !== 4 || b.length !== 4) return false;
  const diagonal = (c: Corners) =>
    Math.hypot((c[2]?.[0] ?? 0) - (c[0]?.[0] ?? 0), (c[2]?.[1] ?? 0) - (c[0]?.[1] ?? 0));
  const limit = 0.25 * Math.min(diagonal(a), diagonal(b));
  return a.every(([x, y], i) => {
    const [u, v] = b[i] ?? [Number.NaN, Number.NaN];
    return Math.hypot(x - u, y - v) <= limit;
  });
}
