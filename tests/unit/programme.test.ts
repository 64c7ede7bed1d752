/**
 * The programme: grouping by week, audience filters, reminders, new events, the .ics file (read
 * back with Mozilla's ical.js, an independent parser), directions from the entrance, and reading
 * aloud sentence by sentence.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../src/domain/catalog.ts';
import {
  eventCalendar,
  isFor,
  newEvents,
  programme,
  startingSoon,
} from '../../src/domain/events.ts';
import { defaultEntrance, routeTo } from '../../src/domain/route.ts';
import { formatOrdinal } from '../../src/i18n/format.ts';
import { createProgrammeStore } from '../../src/state/programme-store.ts';
import { sentencesOf } from '../../src/ui/speech.ts';
import { shelves as demoShelves } from '../../assets/demo/library.ts';
import { DRAWN_PLAN_DESK, PLAN_HEIGHT, PLAN_WIDTH } from '../../src/domain/floorplan.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

function event(id: string, startH: number, endH: number, ages: [number?, number?] = []) {
  return {
    id,
    title: { id: `Acara ${id}`, en: `Event ${id}` },
    start: hours(startH),
    end: hours(endH),
    place: { id: 'Ruang Anak' },
    description: { id: 'Deskripsi' },
    audience: {
      ...(ages[0] === undefined ? {} : { minAge: ages[0] }),
      ...(ages[1] === undefined ? {} : { maxAge: ages[1] }),
    },
  } as LibraryEvent;
}

describe('the programme', () => {
  const events = [
    event('later', 24 * 9, 24 * 9 + 2),
    event('past', -30, -28),
    event('now', -1, 1),
    event('soon', 0.5, 2, [5, 10]),
    event('older-past', -80, -79),
  ];

  it('groups this week (and what is on now), later and past, in the order a visitor reads them', () => {
    const groups = programme(events, NOW);
    expect(groups.thisWeek.map((e) => e.id)).toEqual(['now', 'soon']);
    expect(groups.later.map((e) => e.id)).toEqual(['later']);
    expect(groups.past.map((e) => e.id)).toEqual(['past', 'older-past']);
  });

  it('filters by age group; an event without ages is for everyone', () => {
    expect(isFor(event('kids', 1, 2, [5, 10]), 'children')).toBe(true);
    expect(isFor(event('kids', 1, 2, [5, 10]), 'adults')).toBe(false);
    expect(isFor(event('club', 1, 2, [15]), 'teens')).toBe(true);
    expect(isFor(event('club', 1, 2, [15]), 'adults')).toBe(true);
    expect(isFor(event('club', 1, 2, [15]), 'children')).toBe(false);
    expect(isFor(event('all', 1, 2), 'children')).toBe(true);
  });

  it('finds events starting within the hour, and events not seen before', () => {
    expect(startingSoon(events, NOW, 3_600_000).map((e) => e.id)).toEqual(['soon']);
    expect(newEvents(events, new Set(['now', 'later']), NOW).map((e) => e.id)).toEqual(['soon']);
  });
});

describe('the calendar file', () => {
  it('parses with ical.js into the same event, in UTC, with text escaped and long lines folded', () => {
    const long = `${'Membahas bab-bab awal; buku, catatan, dan kopi. '.repeat(4)}Selesai`;
    const text = eventCalendar(
      event('klub-baca', 3, 5),
      {
        title: 'Klub Baca: Bumi Manusia',
        description: long,
        place: 'Ruang Diskusi',
        library: 'Perpustakaan Kota Bitung',
        url: 'https://pustaka.example/events/klub-baca',
      },
      'pustaka.example',
      NOW,
    );
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
      true,
    );
    const component = new ICAL.Component(ICAL.parse(text));
    const vevent = new ICAL.Event(component.getFirstSubcomponent('vevent') ?? undefined);
    expect(vevent.summary).toBe('Klub Baca: Bumi Manusia');
    expect(vevent.description).toBe(long);
    expect(vevent.location).toBe('Ruang Diskusi, Perpustakaan Kota Bitung');
    expect(vevent.uid).toBe('klub-baca@pustaka.example');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(hours(3));
    expect(vevent.endDate.toJSDate().toISOString()).toBe(hours(5));
  });
});

describe('directions from the entrance', () => {
  const plan = { width: PLAN_WIDTH, height: PLAN_HEIGHT };
  const positioned = demoShelves.map((shelf) => ({ id: shelf.id, position: shelf.position }));

  it("reads the demo plan: the children's corner is the first shelf on the left, near the door", () => {
    expect(routeTo(plan, defaultEntrance(plan), positioned, 'anak')).toEqual({
      side: 'left',
      depth: 'front',
      ordinal: 1,
      pastDesk: false,
    });
    expect(routeTo(plan, defaultEntrance(plan), positioned, 'sains')).toEqual({
      side: 'left',
      depth: 'back',
      ordinal: 3,
      pastDesk: false,
    });
  });

  it('says when the walk passes the service desk, and not when the desk is beyond the shelf', () => {
    const entrance = defaultEntrance(plan);
    // The drawn plan's desk stands just inside the door, before every shelf.
    expect(routeTo(plan, entrance, positioned, 'anak', DRAWN_PLAN_DESK)?.pastDesk).toBe(true);
    expect(routeTo(plan, entrance, positioned, 'sains', DRAWN_PLAN_DESK)?.pastDesk).toBe(true);
    const deskAtTheBack = { x: PLAN_WIDTH / 2 - 70, y: 20, width: 140, height: 40 };
    expect(routeTo(plan, entrance, positioned, 'anak', deskAtTheBack)?.pastDesk).toBe(false);
    // Behind the entrance (outside the room) is never on the way.
    const deskOutside = { x: PLAN_WIDTH / 2, y: PLAN_HEIGHT + 50 };
    expect(routeTo(plan, entrance, positioned, 'anak', deskOutside)?.pastDesk).toBe(false);
  });

  it('turns with the entrance: a door on the left wall puts the same shelf ahead or to the side', () => {
    const fromLeftWall = routeTo(plan, { x: 0, y: PLAN_HEIGHT / 2 }, positioned, 'anak');
    expect(fromLeftWall?.side).not.toBe('left');
    expect(routeTo(plan, defaultEntrance(plan), positioned, 'tidak-ada')).toBeNull();
  });

  it('says the ordinal in both languages', () => {
    expect(formatOrdinal(2, 'id')).toBe('kedua');
    expect(formatOrdinal(2, 'en')).toBe('second');
    expect(formatOrdinal(12, 'id')).toBe('ke-12');
    expect(formatOrdinal(12, 'en')).toBe('12th');
    expect(formatOrdinal(22, 'en')).toBe('22nd');
  });
});

const memory = () => {
  const map = new Map<string, string>();
  return {
    map,
    storage: {
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => void map.set(key, value),
      removeItem: (key: string) => void map.delete(key),
    },
  };
};

describe("the visitor's programme store", () => {
  it('stars and unstars, remembers what was seen, and survives a reload', () => {
    const { storage } = memory();
    const store = createProgrammeStore(storage);
    store.getState().toggleStar('a');
    store.getState().toggleStar('b');
    store.getState().toggleStar('a');
    store.getState().markSeen(['e1', 'e2'], ['b1']);
    const again = createProgrammeStore(storage);
    expect(again.getState().starred).toEqual(['b']);
    expect(again.getState().seenEvents).toEqual(['e1', 'e2']);
    expect(again.getState().seenBooks).toEqual(['b1']);
  });

  it('keeps only well-formed, bounded lists from whatever was stored', () => {
    const { storage, map } = memory();
    map.set(
      'programme',
      JSON.stringify({
        state: { starred: ['ok', 7, 'x'.repeat(500)], seenEvents: 'nope', notified: null },
        version: 1,
      }),
    );
    const store = createProgrammeStore(storage);
    expect(store.getState().starred).toEqual(['ok']);
    expect(store.getState().seenEvents).toBeNull();
    expect(store.getState().notified).toEqual([]);
    for (let i = 0; i < 500; i++) store.getState().markNotified(`n${i}`);
    expect(store.getState().notified.length).toBe(300);
    expect(store.getState().notified.at(-1)).toBe('n499');
  });
});

describe('reading aloud', () => {
  it('splits a text into sentences, keeping their punctuation and quotes', () => {
    expect(sentencesOf('Tarsius kecil sekali. Matanya besar! Di mana?  "Di Tangkoko."')).toEqual([
      'Tarsius kecil sekali.',
      'Matanya besar!',
      'Di mana?',
      '"Di Tangkoko."',
    ]);
    expect(sentencesOf('tanpa titik')).toEqual(['tanpa titik']);
    expect(sentencesOf('   ')).toEqual([]);
  });
});

describe('reminders as local notifications', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('announces a starred event that a refreshed feed moves into the next hour, once', async () => {
    const shown: { title: string; url: string }[] = [];
    vi.doMock('../../src/data/notifications.ts', () => ({
      showLocalNotification: (n: { title: string; url: string }) => {
        shown.push(n);
        return Promise.resolve(true);
      },
    }));
    const { watchProgramme } = await import('../../src/app/programme-alerts.ts');
    const { createStore } = await import('zustand/vanilla');
    const { storage } = memory();
    const programmeStore = createProgrammeStore(storage);
    const prefs = createStore(() => ({ lang: 'id' as const }));
    const catalogOf = (events: LibraryEvent[]) => ({
      catalog: { events, books: [], library: { timeZone: 'Asia/Makassar' } },
      shownUrl: 'https://pustaka.example/catalog.json',
    });
    const catalogStore = createStore(() => catalogOf([event('dongeng', 3, 4)]));
    programmeStore.getState().toggleStar('dongeng');
    const stop = watchProgramme(
      // Only what the watcher reads.
      { catalog: catalogStore, programme: programmeStore, prefs } as never,
      () => NOW,
    );
    await vi.waitFor(() => {
      expect(programmeStore.getState().seenEvents).toEqual(['dongeng']);
    });
    expect(shown).toEqual([]);
    catalogStore.setState(catalogOf([event('dongeng', 0.5, 1.5)]));
    await vi.waitFor(() => {
      expect(shown.map((n) => n.title)).toEqual(['Segera dimulai: Acara dongeng']);
    });
    expect(shown[0]?.url).toBe('/events/dongeng');
    catalogStore.setState(catalogOf([event('dongeng', 0.5, 1.5), event('baru', 30, 31)]));
    await vi.waitFor(() => {
      expect(programmeStore.getState().seenEvents).toContain('baru');
    });
    // Not asked for: no news of new events; and the reminder is not repeated.
    expect(shown).toHaveLength(1);
    stop();
  });
});
