import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/domain/catalog.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import { scannableShelves, setsForShelf, signsSet } from '../../src/domain/scan.ts';
import { recognise } from '../../src/state/scan-store.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const result = parseFeed(demoFeed(), DEMO_FEED_URL);
if (!result.ok) throw new Error('demo feed refused');
const { catalog } = result;
const index = indexCatalog(catalog);

describe('choosing target sets', () => {
  it('starts with the set of shelf signs', () => {
    expect(signsSet(catalog)?.id).toBe('rambu-rak');
  });

  it("finds a shelf's cover set, and only shelves that have one", () => {
    expect(setsForShelf(catalog, index, 'anak').map((s) => s.id)).toEqual(['rak-anak']);
    expect(scannableShelves(catalog, index)).toEqual(catalog.shelves.map((s) => s.id));
  });
});

describe('the recognition list', () => {
  it('keeps visible items first, then the most recently lost, at most four', () => {
    let list = recognise([], { kind: 'book', id: 'a', visible: true, at: 1 });
    list = recognise(list, { kind: 'book', id: 'b', visible: true, at: 2 });
    list = recognise(list, { kind: 'book', id: 'a', visible: false, at: 3 });
    expect(list.map((r) => `${r.id}:${r.visible}`)).toEqual(['b:true', 'a:false']);
    for (const id of ['c', 'd', 'e'])
      list = recognise(list, { kind: 'book', id, visible: true, at: 4 });
    expect(list.map((r) => r.id)).toEqual(['e', 'd', 'c', 'b']);
  });
});
