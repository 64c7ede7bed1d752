/**
 * Reminders and news from the programme, as local notifications: a starred event that begins within
 * the hour, and (when the visitor asked for it) events that a refreshed feed brings. Checked when a
 * feed arrives and once a minute while the app is open; there is no push server.
 */
import { newEvents, startingSoon } from '../domain/events.ts';
import { pickText } from '../domain/langmap.ts';
import { showLocalNotification } from '../data/notifications.ts';
import { formatTime } from '../i18n/format.ts';
import { translator } from '../i18n/translate.ts';
import type { CatalogStore } from '../state/catalog-store.ts';
import type { PrefsStore } from '../state/prefs-store.ts';
import type { ProgrammeStore } from '../state/programme-store.ts';
import { paths } from '../ui/paths.ts';

export const REMINDER_WITHIN_MS = 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 1000;

interface Stores {
  readonly catalog: CatalogStore;
  readonly programme: ProgrammeStore;
  readonly prefs: PrefsStore;
}

export function watchProgramme(stores: Stores, now: () => Date = () => new Date()): () => void {
  let shownCatalog: unknown = null;

  const check = async () => {
    const { catalog, shownUrl } = stores.catalog.getState();
    if (!catalog) return;
    const lang = stores.prefs.getState().lang;
    const t = translator(lang);
    const programme = stores.programme.getState();
    const zone = catalog.library.timeZone;

    for (const event of startingSoon(catalog.events, now(), REMINDER_WITHIN_MS)) {
      const key = `${event.id}@${event.start}`;
      if (!programme.starred.includes(event.id) || programme.notified.includes(key)) continue;
      stores.programme.getState().markNotified(key);
      await showLocalNotification({
        title: t('alerts.soon', { title: pickText(event.title, lang) }),
        body: t('alerts.soonBody', {
          time: formatTime(event.start, lang, zone),
          place: pickText(event.place, lang),
        }),
        url: paths.event(event.id),
        tag: key,
      });
    }

    // A new copy of the feed (not the first one this visit shows): events nobody saw before.
    const newCopy = shownCatalog !== catalog;
    const fresh = shownCatalog !== null && newCopy;
    shownCatalog = catalog;
    const seen = programme.seenEvents;
    if (fresh && seen && programme.alertNewEvents) {
      const added = newEvents(catalog.events, new Set(seen), now());
      const [first] = added;
      if (first) {
        await showLocalNotification({
          title: t('alerts.newEvents', { count: added.length }),
          body: added.map((event) => pickText(event.title, lang)).join(' · '),
          url: added.length === 1 ? paths.event(first.id) : paths.events,
          tag: `new-events@${shownUrl ?? ''}`,
        });
      }
    }
    // Once per copy of the feed, not on every minute's check (it is written to localStorage).
    if (newCopy) {
      stores.programme.getState().markSeen(
        catalog.events.map((event) => event.id),
        catalog.books.map((book) => book.id),
      );
    }
  };

  let running = Promise.resolve();
  const queueCheck = () => {
    running = running.then(check).catch((error: unknown) => {
      console.warn('Programme check failed', error);
    });
  };
  const unsubscribe = stores.catalog.subscribe((state, previous) => {
    // In a task of its own: the new catalog's first render comes first, this writes to storage.
    if (state.catalog !== previous.catalog) setTimeout(queueCheck, 0);
  });
  queueCheck();
  const timer = setInterval(queueCheck, CHECK_EVERY_MS);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
