/**
 * Directions from the entrance to a shelf, read off the floor plan's geometry: which side, how far
 * into the room, and which shelf on that side counting from the entrance. Pure.
 */

export interface PlanPoint {
  readonly x: number;
  readonly y: number;
}

export interface PlanBox extends PlanPoint {
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

export type RouteSide = 'left' | 'right' | 'ahead';
export type RouteDepth = 'front' | 'middle' | 'back';

export interface Route {
  readonly side: RouteSide;
  readonly depth: RouteDepth;
  /** 1 for the first shelf on that side counting from the entrance. */
  readonly ordinal: number;
  /** The walk passes the service desk on its way (the desk is nearer than the shelf). */
  readonly pastDesk: boolean;
}

const centreOf = (box: PlanBox): PlanPoint => ({
  x: box.x + (box.width ?? 0) / 2,
  y: box.y + (box.height ?? 0) / 2,
});

/** The middle of the plan's bottom edge, where the drawn plans put the door. */
export function defaultEntrance(plan: { width: number; height: number }): PlanPoint {
  return { x: plan.width / 2, y: plan.height };
}

export function routeTo(
  plan: { readonly width: number; readonly height: number },
  entrance: PlanPoint,
  shelves: readonly { readonly id: string; readonly position: PlanBox }[],
  shelfId: string,
  desk?: PlanBox,
): Route | null {
  // Walking in means walking towards the middle of the room; "right" is a quarter turn clockwise
  // of that in plan coordinates (y grows downwards).
  const middle = { x: plan.width / 2, y: plan.height / 2 };
  const inward = { x: middle.x - entrance.x, y: middle.y - entrance.y };
  const length = Math.hypot(inward.x, inward.y);
  if (!(length > 0)) return null;
  const forward = { x: inward.x / length, y: inward.y / length };
  const right = { x: -forward.y, y: forward.x };
  const depthOfRoom = 2 * length;

  const placed = shelves.map((shelf) => {
    const centre = centreOf(shelf.position);
    const offset = { x: centre.x - entrance.x, y: centre.y - entrance.y };
    const along = offset.x * forward.x + offset.y * forward.y;
    const across = offset.x * right.x + offset.y * right.y;
    // A shelf whose middle is within a tenth of the room's width of the walking line is ahead.
    const side: RouteSide =
      Math.abs(across) < 0.1 * depthOfRoom ? 'ahead' : across > 0 ? 'right' : 'left';
    return { id: shelf.id, along, side };
  });
  const target = placed.find((shelf) => shelf.id === shelfId);
  if (!target || !Number.isFinite(target.along)) return null;
  const share = target.along / depthOfRoom;
  const depth: RouteDepth = share < 1 / 3 ? 'front' : share < 2 / 3 ? 'middle' : 'back';
  const ordinal =
    placed.filter((shelf) => shelf.side === target.side && shelf.along < target.along).length + 1;
  const deskCentre = desk && centreOf(desk);
  const deskAlong = deskCentre
    ? (deskCentre.x - entrance.x) * forward.x + (deskCentre.y - entrance.y) * forward.y
    : Number.NaN;
  const pastDesk = deskAlong > 0 && deskAlong < target.along;
  return { side: target.side, depth, ordinal, pastDesk };
}
