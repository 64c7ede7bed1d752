// @vitest-environment jsdom
/**
 * The tour runner's store and its storage: every step is saved, a reload reads it back, a full
 * device is reported instead of swallowed, and the class table survives a reload.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexCatalog } from '../../src/domain/catalog.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import {
  readClassTable,
  readTourRun,
  writeClassTable,
  writeTourRun,
} from '../../src/data/tour-storage.ts';
import { parseRun, serializeRun } from '../../src/domain/tours/run.ts';
import { createTourRunStore } from '../../src/state/tour-run-store.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
if (!parsed.ok) throw new Error('demo feed');
const tour = indexCatalog(parsed.catalog).tours.get('jejak-tangkasi')!;

function storeFor(feed: string) {
  const saved = readTourRun(feed, tour.id);
  return createTourRunStore(tour, saved ? parseRun(saved, tour) : null, (run) =>
    writeTourRun(feed, tour.id, run ? serializeRun(run) : null),
  );
}

afterEach(() => {
  localStorage.clear();
});

describe('the tour run store', () => {
  it('saves every step, so a new page picks the tour up where it was', () => {
    const store = storeFor(DEMO_FEED_URL);
    store.getState().start({ group: 'Kelompok Maleo' });
    expect(store.getState().scanned({ kind: 'book', id: 'little-prince' })).toEqual({
      kind: 'other',
      target: { kind: 'book', id: 'little-prince' },
    });
    expect(store.getState().lastScan).toMatchObject({ outcome: 'other', count: 1 });
    store.getState().scanned({ kind: 'shelf', id: 'anak' });
    store.getState().next();

    const reloaded = storeFor(DEMO_FEED_URL);
    expect(reloaded.getState().run?.current).toBe(1);
    expect(reloaded.getState().run?.group).toBe('Kelompok Maleo');
    // Another library's feed has its own runs.
    expect(storeFor('https://other.example/catalog.json').getState().run).toBeNull();

    reloaded.getState().restart();
    expect(storeFor(DEMO_FEED_URL).getState().run).toBeNull();
  });

  it('says when the device refused to save, and keeps the run on the page', () => {
    const store = storeFor(DEMO_FEED_URL);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.getState().start({ group: 'A' });
    expect(store.getState().unsaved).toBe(true);
    expect(store.getState().run?.group).toBe('A');
  });

  it('keeps the class table per class, and drops an entry damaged in storage', () => {
    const entry = {
      tourId: tour.id,
      className: '4B',
      group: 'Kelompok Pari',
      correct: 2,
      questions: 3,
      seconds: 700,
      done: 5,
      total: 5,
      marks: '-1-01',
      receivedAt: 1,
    };
    expect(writeClassTable(DEMO_FEED_URL, tour.id, '4B', [entry])).toBe(true);
    expect(readClassTable(DEMO_FEED_URL, tour.id, '4b')).toEqual([entry]);
    expect(readClassTable(DEMO_FEED_URL, tour.id, '5A')).toEqual([]);

    const key = 'lensa-pustaka.class-results';
    localStorage.setItem(key, localStorage.getItem(key)!.replace('Pari', 'Hiu'));
    expect(readClassTable(DEMO_FEED_URL, tour.id, '4B')).toEqual([]);
    localStorage.setItem(key, '{not json');
    expect(readClassTable(DEMO_FEED_URL, tour.id, '4B')).toEqual([]);
  });
});
