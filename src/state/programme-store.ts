/**
 * The visitor's own side of the programme, remembered on this device only: the events they starred
 * for a reminder, whether they want to hear of new events, which events and books they have seen
 * (for "new since your last visit"), and which reminders were already shown.
 */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

/** Bounds, so years of visits cannot grow the stored list without end. */
const MAX_STARRED = 200;
const MAX_SEEN = 3000;
const MAX_NOTIFIED = 300;

export interface ProgrammeState {
  readonly starred: readonly string[];
  readonly alertNewEvents: boolean;
  /** Event and book ids seen on earlier visits; null before the first visit ends. */
  readonly seenEvents: readonly string[] | null;
  readonly seenBooks: readonly string[] | null;
  /** Reminders already shown, as "<event id>@<start>", so a moved event is announced again. */
  readonly notified: readonly string[];
  readonly toggleStar: (eventId: string) => void;
  readonly setAlertNewEvents: (on: boolean) => void;
  readonly markSeen: (events: readonly string[], books: readonly string[]) => void;
  readonly markNotified: (key: string) => void;
}

const bounded = (list: readonly string[], max: number) =>
  list.slice(Math.max(0, list.length - max));
const union = (known: readonly string[] | null, more: readonly string[], max: number) =>
  bounded([...new Set([...(known ?? []), ...more])], max);

export function createProgrammeStore(storage: StateStorage) {
  return createStore<ProgrammeState>()(
    persist(
      (set, get) => ({
        starred: [],
        alertNewEvents: false,
        seenEvents: null,
        seenBooks: null,
        notified: [],
        toggleStar: (eventId) => {
          const { starred } = get();
          set({
            starred: starred.includes(eventId)
              ? starred.filter((id) => id !== eventId)
              : bounded([...starred, eventId], MAX_STARRED),
          });
        },
        setAlertNewEvents: (alertNewEvents) => {
          set({ alertNewEvents });
        },
        markSeen: (events, books) => {
          const state = get();
          set({
            seenEvents: union(state.seenEvents, events, MAX_SEEN),
            seenBooks:
              books.length > MAX_SEEN ? state.seenBooks : union(state.seenBooks, books, MAX_SEEN),
          });
        },
        markNotified: (key) => {
          set({ notified: bounded([...get().notified, key], MAX_NOTIFIED) });
        },
      }),
      {
        name: 'programme',
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ starred, alertNewEvents, seenEvents, seenBooks, notified }) => ({
          starred,
          alertNewEvents,
          seenEvents,
          seenBooks,
          notified,
        }),
        // Stored by hand or by a future version: keep only what has the right shape.
        merge: (stored, current) => {
          const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
            string,
            unknown
          >;
          const ids = (list: unknown, max: number) =>
            Array.isArray(list)
              ? bounded(
                  list.filter((id): id is string => typeof id === 'string' && id.length <= 200),
                  max,
                )
              : null;
          return {
            ...current,
            starred: ids(value['starred'], MAX_STARRED) ?? [],
            alertNewEvents: value['alertNewEvents'] === true,
            seenEvents: ids(value['seenEvents'], MAX_SEEN),
            seenBooks: ids(value['seenBooks'], MAX_SEEN),
            notified: ids(value['notified'], MAX_NOTIFIED) ?? [],
          };
        },
      },
    ),
  );
}

export type ProgrammeStore = ReturnType<typeof createProgrammeStore>;
