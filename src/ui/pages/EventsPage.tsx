/**
 * The library's programme: this week, later and past events, filtered by who they are for, with
 * the visitor's choice to hear of new events.
 */
import { useState } from 'react';
import type { LibraryEvent } from '../../domain/catalog.ts';
import { AUDIENCE_GROUPS, isFor, programme, type AudienceGroup } from '../../domain/events.ts';
import { pickText } from '../../domain/langmap.ts';
import { EventItem } from '../components/Cards.tsx';
import { useLang, useLoadedCatalog, useStores, useT } from '../context.tsx';
import { NewEventsToggle } from './EventPage.tsx';

type AudienceChoice = AudienceGroup | 'all';

function EventGroup({
  id,
  title,
  events,
  emptyText,
  fresh,
}: {
  id: string;
  title: string;
  events: readonly LibraryEvent[];
  emptyText: string;
  fresh: ReadonlySet<string> | null;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {events.length > 0 ? (
        <ul className="event-list">
          {events.map((event) => (
            <EventItem
              key={event.id}
              event={event}
              isNew={fresh !== null && !fresh.has(event.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">{emptyText}</p>
      )}
    </section>
  );
}

export function EventsPage() {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const { lastVisit } = useStores();
  const [audience, setAudience] = useState<AudienceChoice>('all');
  const shown =
    audience === 'all' ? catalog.events : catalog.events.filter((event) => isFor(event, audience));
  const groups = programme(shown, new Date());
  const empty = audience === 'all' ? t('events.none') : t('events.noneFor');

  return (
    <article className="events-page">
      <h1>{t('events.title')}</h1>
      <p className="lead">{t('events.lead', { library: pickText(catalog.library.name, lang) })}</p>
      <fieldset className="chip-choices">
        <legend>{t('events.audience')}</legend>
        {(['all', ...AUDIENCE_GROUPS] as const).map((choice) => (
          <label key={choice} className="chip-choice">
            <input
              type="radio"
              name="audience"
              value={choice}
              checked={audience === choice}
              onChange={() => {
                setAudience(choice);
              }}
            />
            <span>{t(`events.audience.${choice}`)}</span>
          </label>
        ))}
      </fieldset>
      <NewEventsToggle />
      {(
        [
          ['events-week', 'events.thisWeek', groups.thisWeek, lastVisit.events],
          ['events-later', 'events.later', groups.later, lastVisit.events],
          // Past events are not news.
          ['events-past', 'events.past', groups.past, null],
        ] as const
      ).map(([id, title, events, fresh]) => (
        <EventGroup
          key={id}
          id={id}
          title={t(title)}
          events={events}
          emptyText={empty}
          fresh={fresh}
        />
      ))}
    </article>
  );
}
