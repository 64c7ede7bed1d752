/** Two fingers on the room view: spread to scale, twist to turn. Pure geometry. */

export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

export const ROOM_SCALE_MIN = 0.25;
export const ROOM_SCALE_MAX = 4;

export const clampRoomScale = (scale: number) =>
  Math.min(ROOM_SCALE_MAX, Math.max(ROOM_SCALE_MIN, Number.isFinite(scale) ? scale : 1));

/**
 * How much two fingers that moved from (a0, b0) to (a1, b1) scaled and turned the model: the ratio
 * of their distances, and the change of the line between them (a clockwise twist on the screen
 * turns the model clockwise seen from above, a negative turn about y).
 */
export function pinchTwist(
  a0: ScreenPoint,
  b0: ScreenPoint,
  a1: ScreenPoint,
  b1: ScreenPoint,
): { scale: number; turn: number } {
  const before = Math.hypot(b0.x - a0.x, b0.y - a0.y);
  const after = Math.hypot(b1.x - a1.x, b1.y - a1.y);
  const scale = before > 0 ? after / before : 1;
  let twist = Math.atan2(b1.y - a1.y, b1.x - a1.x) - Math.atan2(b0.y - a0.y, b0.x - a0.x);
  // The short way round.
  if (twist > Math.PI) twist -= 2 * Math.PI;
  if (twist < -Math.PI) twist += 2 * Math.PI;
  return { scale, turn: -twist };
}
