/** Which shelf a book stands on, from its DDC class and the shelves' ranges. */

interface ShelfRange {
  readonly id: string;
  readonly ddc: { readonly from: string; readonly to: string };
}

const CLASS = /^\d{3}(?:\.\d+)?$/;

/**
 * Whether the class lies in the range. DDC numbers are decimals with three integer digits, so
 * they compare as text; a range's end covers everything under it: "599" takes 599.9, "899.29"
 * takes 899.291.
 */
function inRange(ddc: string, from: string, to: string): boolean {
  return ddc >= from && (ddc <= to || ddc.startsWith(to));
}

/**
 * The shelf whose range holds the class; of several, the narrowest (a "Sastra Indonesia 899.2"
 * shelf beats "Sastra 800–898", a children's corner of 000–999 loses to every subject shelf).
 */
export function shelfForClass(ddc: string, shelves: readonly ShelfRange[]): string | undefined {
  const value = ddc.trim();
  if (!CLASS.test(value)) return undefined;
  let best: { id: string; width: number } | undefined;
  for (const shelf of shelves) {
    const { from, to } = shelf.ddc;
    if (!CLASS.test(from) || !CLASS.test(to) || !inRange(value, from, to)) continue;
    const width = Number(to) - Number(from);
    if (!best || width < best.width) best = { id: shelf.id, width };
  }
  return best?.id;
}
