/**
 * The libraries a visitor has opened, most recent first: a link to one of them opens it without
 * asking, and "back" returns to the one used before. Pure list logic; src/data stores the list.
 */
import type { LangMap } from './langmap.ts';

export interface LibraryChoice {
  /** The feed's address, as the visitor's link or choice gave it. */
  readonly url: string;
  readonly name: LangMap;
  /** When it was last shown (ISO). */
  readonly usedAt: string;
}

export const MAX_REMEMBERED_LIBRARIES = 20;

/** The list with `choice` first, each address once, at most MAX_REMEMBERED_LIBRARIES. */
export function rememberLibrary(
  list: readonly LibraryChoice[],
  choice: LibraryChoice,
): LibraryChoice[] {
  return [choice, ...list.filter((known) => known.url !== choice.url)].slice(
    0,
    MAX_REMEMBERED_LIBRARIES,
  );
}

export function forgetLibrary(list: readonly LibraryChoice[], url: string): LibraryChoice[] {
  return list.filter((known) => known.url !== url);
}

/** The library used before the one on screen, if any. */
export function previousLibrary(
  list: readonly LibraryChoice[],
  shownUrl: string | null,
): LibraryChoice | undefined {
  return list.find((known) => known.url !== shownUrl);
}

/** Reads a stored list, keeping only well-formed entries: storage may hold anything. */
export function parseLibraries(value: unknown): LibraryChoice[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is LibraryChoice =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as Record<string, unknown>)['url'] === 'string' &&
        typeof (item as Record<string, unknown>)['usedAt'] === 'string' &&
        isTextMap((item as Record<string, unknown>)['name']),
    )
    .slice(0, MAX_REMEMBERED_LIBRARIES);
}

function isTextMap(value: unknown): value is LangMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((text) => typeof text === 'string')
  );
}
