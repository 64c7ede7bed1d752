/**
 * Where a 3D model sits on its cover: in cover widths from the cover's centre (x right, y up, z out
 * of the cover), turned by Euler angles in degrees (XYZ), scaled so that 1 makes its largest side
 * one cover wide. The feed, the editor's preview and the AR scene all speak this shape.
 */
export type Vec3 = readonly [number, number, number];

export interface Placement {
  readonly position: Vec3;
  readonly rotation: Vec3;
  readonly scale: number;
}

/** Where the editor puts a model first: just above the cover, a little smaller than it. */
export const DEFAULT_PLACEMENT: Placement = {
  position: [0, 0, 0.1],
  rotation: [0, 0, 0],
  scale: 0.8,
};

/**
 * What makes sense for a model on a cover: within a few cover widths of it, turned at most a full
 * turn, between a twentieth and five times the cover's width. Outside, the editor warns.
 */
export const PLACEMENT_RANGES = {
  position: { min: -3, max: 3 },
  rotation: { min: -360, max: 360 },
  scale: { min: 0.05, max: 5 },
} as const;
