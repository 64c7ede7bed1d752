/**
 * The feed boundary is total, shown with fast-check: whatever JSON (or text, or value) comes in,
 * `parseFeed` returns a result and never throws; mutations of the real demo feed either validate
 * into a consistent catalog or are refused with problems; and a catalog store fed such feeds always
 * leaves its loading state with a catalog or a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFeed } from '../../src/data/feed-read.ts';
import { parseFeed, parseFeedText, type ParseResult } from '../../src/domain/feed/parse.ts';
import type { FetchedFeed } from '../../src/domain/feed/loaded.ts';
import { createCatalogStore } from '../../src/state/catalog-store.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const DEMO = demoFeed();
const RUNS = 150;

function expectSettled(result: ParseResult): void {
  if (result.ok) {
    const { catalog } = result;
    const shelves = new Set(catalog.shelves.map((shelf) => shelf.id));
    for (const book of catalog.books) {
      expect(shelves.has(book.shelfId)).toBe(true);
      expect(() => new URL(book.cover.href)).not.toThrow();
    }
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.path.startsWith('$')).toBe(true);
      expect(error.message.id.length).toBeGreaterThan(0);
      expect(error.message.en.length).toBeGreaterThan(0);
    }
  }
}

/** Every path to a value in the demo feed, as a list of keys. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((child, i) => [i, child])
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}
const PATHS = pathsOf(DEMO).filter((path) => path.length > 0);

type Mutation = 'delete' | 'replace' | 'duplicate' | 'wrap';

function mutate(feed: unknown, path: (string | number)[], op: Mutation, value: unknown): unknown {
  const copy = structuredClone(feed) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const current = parent[last];
  if (op === 'delete') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else Reflect.deleteProperty(parent, last);
  } else if (op === 'replace') parent[last] = value;
  else if (op === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(current));
  else parent[last] = [current, value];
  return copy;
}

describe('parseFeed is total', () => {
  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expectSettled(parseFeed(value, DEMO_FEED_URL));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('never throws on any value at all, JSON or not', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5, withMap: true, withSet: true }), (value) => {
        expectSettled(parseFeed(value, DEMO_FEED_URL));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => {
        expectSettled(parseFeedText(text, DEMO_FEED_URL));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('validates or refuses every mutation of the demo feed, never throwing', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: PATHS.length - 1 }),
        fc.constantFrom<Mutation>('delete', 'replace', 'duplicate', 'wrap'),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.constantFrom('', 'http://[', 'javascript:alert(1)', '__proto__', -1, 1e308),
        ),
        (pathIndex, op, value) => {
          const mutated = mutate(DEMO, PATHS[pathIndex] ?? [], op, value);
          expectSettled(parseFeed(mutated, DEMO_FEED_URL));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('refuses a feed nested a million levels deep, in words', () => {
    const deep = `{"ar":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const result = parseFeedText(deep, DEMO_FEED_URL);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message.en).toMatch(/nested too deeply/);
  });
});

describe('a catalog store fed any feed', () => {
  it('always leaves loading, with a catalog or a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.constant(JSON.stringify(DEMO)),
          fc
            .tuple(fc.nat({ max: PATHS.length - 1 }), fc.jsonValue({ maxDepth: 2 }))
            .map(([i, value]) => JSON.stringify(mutate(DEMO, PATHS[i] ?? [], 'replace', value))),
        ),
        fc.oneof(fc.constant(undefined), fc.string(), fc.constant(JSON.stringify(DEMO))),
        fc.constantFrom(undefined, 'https://other.example/feed.json', 'data:,x', 'not a url'),
        async (fetched, savedText, link) => {
          const url = 'https://app.example/catalog.json';
          const store = createCatalogStore({
            defaultUrl: url,
            fetchFeed: (requested) => {
              const read = readFeed(fetched, requested);
              return Promise.resolve<FetchedFeed>(
                read.ok ? { ...read, finalUrl: requested } : read,
              );
            },
            readFeed,
            loadBookFile: () => Promise.resolve({ ok: false, problem: 'offline' } as const),
            loadSaved: (requested) =>
              Promise.resolve(
                savedText === undefined
                  ? undefined
                  : { url: requested, text: savedText, savedAt: '2026-11-01T00:00:00Z' },
              ),
            save: () => Promise.resolve(true),
            libraries: { read: () => [], write: () => undefined },
            rememberFeedUrl: () => undefined,
            now: () => new Date('2026-11-28T10:00:00Z'),
          });
          await store.getState().launch(link, undefined);
          const state = store.getState();
          expect(state.loading).toBe(false);
          expect(state.catalog !== null || state.failure !== null).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
