/** Draws a floor plan as an SVG from the shelves' positions (the demo's, or a draft's in the editor). */
import { pickText, type LangMap } from './langmap.ts';

export interface PlanShelf {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const PLAN_WIDTH = 740;
export const PLAN_HEIGHT = 480;

/** Where a drawn plan puts the service desk: a feed with such a plan can name it as `serviceDesk`. */
export const DRAWN_PLAN_DESK = {
  x: PLAN_WIDTH / 2 - 70,
  y: PLAN_HEIGHT - 110,
  width: 140,
  height: 40,
} as const;

export function floorPlanSvg(title: string, shelves: readonly PlanShelf[]): string {
  const shelfShapes = shelves
    .map(
      (s) => `  <g id="shelf-${escape(s.id)}">
    <rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" rx="4" fill="#c98f4f" stroke="#5b3a1a" stroke-width="2"/>
    <text x="${s.x + s.width / 2}" y="${s.y + s.height + 18}" text-anchor="middle" font-size="15" fill="#2b2118">${escape(s.label)}</text>
  </g>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PLAN_WIDTH}" height="${PLAN_HEIGHT}" viewBox="0 0 ${PLAN_WIDTH} ${PLAN_HEIGHT}" role="img" aria-labelledby="plan-title" font-family="sans-serif">
  <title id="plan-title">${escape(title)}</title>
  <rect x="10" y="10" width="${PLAN_WIDTH - 20}" height="${PLAN_HEIGHT - 20}" fill="#fbf7ef" stroke="#2b2118" stroke-width="4"/>
  <rect x="${PLAN_WIDTH / 2 - 50}" y="${PLAN_HEIGHT - 14}" width="100" height="8" fill="#fbf7ef"/>
  <text x="${PLAN_WIDTH / 2}" y="${PLAN_HEIGHT - 22}" text-anchor="middle" font-size="14" fill="#2b2118">Pintu masuk / Entrance</text>
  <rect x="${DRAWN_PLAN_DESK.x}" y="${DRAWN_PLAN_DESK.y}" width="${DRAWN_PLAN_DESK.width}" height="${DRAWN_PLAN_DESK.height}" rx="6" fill="#7fb3a6" stroke="#2f5d50" stroke-width="2"/>
  <text x="${PLAN_WIDTH / 2}" y="${PLAN_HEIGHT - 85}" text-anchor="middle" font-size="13" fill="#10241f">Meja layanan / Desk</text>
${shelfShapes}
</svg>
`;
}

interface SourceShelfPlace {
  readonly id: string;
  readonly label: LangMap;
  readonly position: {
    readonly x: number;
    readonly y: number;
    readonly width?: number | undefined;
    readonly height?: number | undefined;
  };
}

/** The floor plan of a source catalog that has no SVG of its own, drawn from its shelves. */
export function drawnFloorPlan(
  library: { readonly name: LangMap },
  shelves: readonly SourceShelfPlace[],
  title = `${pickText(library.name, 'id')} · denah / floor plan`,
): string {
  return floorPlanSvg(
    title,
    shelves.map((shelf) => ({
      id: shelf.id,
      label: pickText(shelf.label, 'id'),
      x: shelf.position.x,
      y: shelf.position.y,
      width: shelf.position.width ?? 200,
      height: shelf.position.height ?? 30,
    })),
  );
}
