import { describe, expect, it } from 'vitest';
import { demoSource } from '../../assets/demo/library.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import {
  buildFeed,
  planTargetSets,
  SIGNS_SET_ID,
  type FileFacts,
} from '../../src/domain/source/build.ts';
import { SourceCatalog } from '../../src/domain/source/schema.ts';

const source = SourceCatalog.parse(demoSource);
const fakeFile = (path: string): FileFacts => ({
  href: `assets/${path}`,
  type: path.endsWith('.svg') ? 'image/svg+xml' : 'image/jpeg',
  size: 1000,
  sha256: 'a'.repeat(64),
  width: 300,
  height: 450,
});

describe('target set plan', () => {
  it("puts all shelf signs in one set and each shelf's covers in their own", () => {
    const plans = planTargetSets(source);
    expect(plans[0]?.id).toBe(SIGNS_SET_ID);
    expect(plans[0]?.targets.map((t) => t.id)).toEqual(source.shelves.map((s) => s.id));
    const sains = plans.find((p) => p.id === 'rak-sains');
    expect(sains?.targets.every((t) => t.kind === 'book')).toBe(true);
    expect(sains?.targets).toHaveLength(source.books.filter((b) => b.shelf === 'sains').length);
  });

  it('splits a shelf of 45 books into sets of at most 20', () => {
    const big = SourceCatalog.parse({
      ...demoSource,
      books: Array.from({ length: 45 }, (_, i) => ({
        ...demoSource.books[0],
        id: `buku-${i}`,
        shelf: 'sains',
      })),
    });
    const sets = planTargetSets(big).filter((p) => p.id.startsWith('rak-sains'));
    expect(sets.map((s) => s.targets.length)).toEqual([20, 20, 5]);
    expect(sets.map((s) => s.id)).toEqual(['rak-sains', 'rak-sains-2', 'rak-sains-3']);
  });

  it('builds a feed that the app accepts, with each target pointing back at its item', () => {
    const plans = planTargetSets(source);
    const compiled = new Map(plans.map((p) => [p.id, fakeFile(`targets/${p.id}.mind`)]));
    const feed = buildFeed({
      source,
      file: fakeFile,
      plans,
      compiled,
      modified: '2026-11-28T00:00:00Z',
      selfHref: 'catalog.json',
    });
    const result = parseFeed(feed, 'https://lib.example/catalog.json');
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    const book = result.catalog.books.find((b) => b.id === 'laskar-pelangi');
    expect(book?.target).toEqual({ set: 'rak-sastra-indonesia', index: expect.any(Number) });
    const set = result.catalog.targetSets.find((s) => s.id === book?.target?.set);
    expect(set?.targets[book?.target?.index ?? -1]).toEqual({ kind: 'book', id: 'laskar-pelangi' });
  });
});
