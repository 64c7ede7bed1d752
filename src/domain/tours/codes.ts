/**
 * Finding a stop without the camera still takes finding the shelf: the group types the call number
 * printed on the book's spine, or the class range printed on the shelf sign ("500–599", or just
 * its first number). Spaces, case and the kind of dash do not matter; anything else does.
 */
import type { CatalogIndex } from '../catalog.ts';
import type { TargetRef } from '../targets.ts';

export const CODE_MAX = 40;

/** Upper case, no spaces, one kind of dash, no trailing dot. */
export function compactCode(text: string): string {
  return text
    .slice(0, CODE_MAX * 2)
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(/\.+$/, '');
}

/** What may be typed for a stop's target: none when the catalog has no such item. */
export function acceptedCodes(target: TargetRef, index: CatalogIndex): string[] {
  if (target.kind === 'book') {
    const callNumber = index.books.get(target.id)?.callNumber;
    if (!callNumber) return [];
    const tokens = callNumber.trim().split(/\s+/);
    // A location mark in front ("A" for the children's corner) is on the sign, not always on the spine.
    const withoutMark =
      tokens.length > 2 && /^[A-Za-z]{1,3}$/.test(tokens[0] ?? '')
        ? tokens.slice(1).join(' ')
        : null;
    return [callNumber, ...(withoutMark ? [withoutMark] : [])].map(compactCode);
  }
  const shelf = index.shelves.get(target.id);
  if (!shelf) return [];
  return [`${shelf.ddc.from}-${shelf.ddc.to}`, shelf.ddc.from].map(compactCode);
}

export function codeMatches(typed: string, target: TargetRef, index: CatalogIndex): boolean {
  const code = compactCode(typed);
  return code.length > 0 && acceptedCodes(target, index).includes(code);
}
