/** Which compiled target set to scan with. Pure: reads the catalog only. */
import type { Catalog, CatalogIndex, TargetSet } from './catalog.ts';
import { targetKey, type TargetRef } from './targets.ts';

/** The sets that recognise shelf signs (more than one past 20 signs). */
export function signsSets(catalog: Catalog): TargetSet[] {
  return catalog.targetSets.filter(
    (set) => set.targets.length > 0 && set.targets.every((target) => target.kind === 'shelf'),
  );
}

/** The first set of shelf signs: scanning starts with it. */
export function signsSet(catalog: Catalog): TargetSet | undefined {
  return signsSets(catalog)[0];
}

/** The sets that recognise the covers on one shelf (more than one when it holds over 20). */
export function setsForShelf(catalog: Catalog, index: CatalogIndex, shelfId: string): TargetSet[] {
  return catalog.targetSets.filter((set) =>
    set.targets.some(
      (target) => target.kind === 'book' && index.books.get(target.id)?.shelfId === shelfId,
    ),
  );
}

/** Shelves that have at least one recognisable cover. */
export function scannableShelves(catalog: Catalog, index: CatalogIndex): string[] {
  return catalog.shelves
    .filter((shelf) => setsForShelf(catalog, index, shelf.id).length > 0)
    .map((shelf) => shelf.id);
}

/** The set that recognises one target: a tour stop's book cover or shelf sign. */
export function setFor(catalog: Catalog, target: TargetRef): TargetSet | undefined {
  const key = targetKey(target);
  return catalog.targetSets.find((set) => set.targets.some((t) => targetKey(t) === key));
}
