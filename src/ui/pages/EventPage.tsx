/**
 * One event: when, where (on the floor plan), for whom, a reminder as a local notification, and an
 * .ics file for the visitor's own calendar.
 */
import { Bell, BellOff, CalendarPlus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { LibraryEvent } from '../../domain/catalog.ts';
import { calendarFileName, eventCalendar } from '../../domain/events.ts';
import { pickText } from '../../domain/langmap.ts';
import {
  askNotificationPermission,
  notificationPermission,
  type NotifyPermission,
} from '../../data/notifications.ts';
import { useEventWhen } from '../components/Cards.tsx';
import { PlanWithMarker } from '../components/FloorPlan.tsx';
import { LangText } from '../components/LangText.tsx';
import { useLang, useLoadedCatalog, useProgramme, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { NotFound } from './NotFound.tsx';

/** What the visitor should know about notifications after asking, or nothing. */
function permissionNote(permission: NotifyPermission | null, t: ReturnType<typeof useT>) {
  if (permission === 'denied') return t('event.notificationsBlocked');
  if (permission === 'unsupported') return t('event.notificationsUnsupported');
  return '';
}

function RemindButton({ event }: { event: LibraryEvent }) {
  const t = useT();
  const starred = useProgramme((state) => state.starred.includes(event.id));
  const toggleStar = useProgramme((state) => state.toggleStar);
  const [permission, setPermission] = useState<NotifyPermission | null>(null);
  return (
    <div className="remind">
      <button
        type="button"
        className="button"
        aria-pressed={starred}
        onClick={() => {
          toggleStar(event.id);
          if (!starred) void askNotificationPermission().then(setPermission);
        }}
      >
        {starred ? <BellOff aria-hidden="true" /> : <Bell aria-hidden="true" />}
        {starred ? t('event.reminding') : t('event.remind')}
      </button>
      <p className="field-hint">{t('event.remindNote')}</p>
      <p role="status" className="remind-note">
        {permissionNote(starred ? permission : null, t)}
      </p>
    </div>
  );
}

/** The visitor's choice to hear of events a refreshed feed brings (events page). */
export function NewEventsToggle() {
  const t = useT();
  const on = useProgramme((state) => state.alertNewEvents);
  const setOn = useProgramme((state) => state.setAlertNewEvents);
  const [permission, setPermission] = useState<NotifyPermission | null>(null);
  return (
    <div className="remind">
      <label className="check-row">
        <input
          type="checkbox"
          checked={on}
          onChange={(change) => {
            setOn(change.target.checked);
            if (change.target.checked) void askNotificationPermission().then(setPermission);
          }}
        />
        <span>{t('events.alertNew')}</span>
      </label>
      <p className="field-hint">{t('events.alertNewHint')}</p>
      <p role="status" className="remind-note">
        {permissionNote(on ? permission : null, t)}
      </p>
    </div>
  );
}

function CalendarLink({ event }: { event: LibraryEvent }) {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const file = useMemo(() => {
    const text = eventCalendar(
      event,
      {
        title: pickText(event.title, lang),
        description: pickText(event.description, lang),
        place: pickText(event.place, lang),
        library: pickText(catalog.library.name, lang),
        url: new URL(paths.event(event.id), location.origin).href,
      },
      location.host || 'lensa-pustaka',
      new Date(),
    );
    return URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  }, [event, lang, catalog.library.name]);
  useEffect(
    () => () => {
      URL.revokeObjectURL(file);
    },
    [file],
  );
  return (
    <a className="button button-quiet" href={file} download={calendarFileName(event)}>
      <CalendarPlus aria-hidden="true" />
      {t('event.addToCalendar')}
    </a>
  );
}

export function EventPage({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const event = catalog.events.find((candidate) => candidate.id === id);
  if (!event) return <NotFound message={t('event.notFound')} />;
  return <EventDetails event={event} placeName={pickText(event.place, lang)} />;
}

function EventDetails({ event, placeName }: { event: LibraryEvent; placeName: string }) {
  const t = useT();
  const when = useEventWhen(event);
  const [openedAt] = useState(Date.now);
  const over = Date.parse(event.end) < openedAt;
  // Checked once on opening: the reminder note depends on it.
  const [permission] = useState(notificationPermission);
  return (
    <article className="event-page">
      <p>
        <Link href={paths.events}>{t('event.toEvents')}</Link>
      </p>
      <LangText text={event.title} as="h1" />
      <p className="event-when">
        <time dateTime={event.start}>{when}</time>
      </p>
      {over && <p className="muted">{t('event.over')}</p>}
      <dl className="facts">
        <dt>{t('event.where')}</dt>
        <dd>
          <LangText text={event.place} />
        </dd>
        {event.audience.label && (
          <>
            <dt>{t('event.audience')}</dt>
            <dd>
              <LangText text={event.audience.label} />
            </dd>
          </>
        )}
      </dl>
      <LangText text={event.description} as="p" />
      {!over && (
        <div className="event-actions">
          {permission !== 'unsupported' && <RemindButton event={event} />}
          <CalendarLink event={event} />
        </div>
      )}
      {event.position && (
        <PlanWithMarker area={event.position} alt={t('event.planAlt', { place: placeName })} />
      )}
    </article>
  );
}
