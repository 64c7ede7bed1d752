import { Clock, ScanLine, Search } from 'lucide-react';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { upcomingEvents } from '../../domain/catalog.ts';
import { openingStatus } from '../../domain/hours.ts';
import { pickText } from '../../domain/langmap.ts';
import { BookGrid, EventItem, ShelfCard, StoryCard } from '../components/Cards.tsx';
import { ShowMore, usePaged } from '../components/Paged.tsx';
import { Later } from '../components/Later.tsx';
import { LangText } from '../components/LangText.tsx';
import { useLang, useLoadedCatalog, useStores, useT } from '../context.tsx';
import { paths } from '../paths.ts';

const FEATURED_STORIES = 4;
const SHOWN_EVENTS = 3;

function OpeningStatus() {
  const t = useT();
  const { catalog } = useLoadedCatalog();
  const { openingHours, timeZone } = catalog.library;
  if (openingHours.length === 0) return null;
  const status = openingStatus(openingHours, new Date(), timeZone);
  const text = status.open
    ? t('home.openNow', { time: status.closes })
    : status.next
      ? `${t('home.closedNow')} · ${t('home.opensAt', { day: t(`days.${status.next.day}`), time: status.next.opens })}`
      : t('home.closedNow');
  return (
    <p className={`opening-status ${status.open ? 'is-open' : 'is-closed'}`}>
      <Clock aria-hidden="true" />
      {text}
    </p>
  );
}

/** A search box that opens the browse page with the visitor's words. */
function HomeSearch() {
  const t = useT();
  const [, navigate] = useLocation();
  const [words, setWords] = useState('');
  return (
    <form
      role="search"
      className="home-search"
      onSubmit={(event) => {
        event.preventDefault();
        const query = words.trim();
        navigate(query ? `${paths.browse}?q=${encodeURIComponent(query)}` : paths.browse);
      }}
    >
      <label htmlFor="home-search">{t('home.search')}</label>
      <div className="home-search-row">
        <input
          id="home-search"
          type="search"
          value={words}
          placeholder={t('home.searchPlaceholder')}
          enterKeyHint="search"
          maxLength={200}
          onChange={(event) => {
            setWords(event.target.value);
          }}
        />
        <button type="submit" className="button">
          <Search aria-hidden="true" />
          {t('home.searchButton')}
        </button>
      </div>
    </form>
  );
}

const NEW_BOOKS_SHOWN = 6;

/** Events and books the previous visit did not have; nothing on a first visit. */
function NewSinceLastVisit() {
  const t = useT();
  const { catalog } = useLoadedCatalog();
  const { lastVisit } = useStores();
  const now = new Date();
  const events = lastVisit.events
    ? upcomingEvents(catalog.events, now).filter((event) => !lastVisit.events?.has(event.id))
    : [];
  const books = lastVisit.books
    ? catalog.books.filter((book) => !lastVisit.books?.has(book.id)).slice(0, NEW_BOOKS_SHOWN)
    : [];
  if (events.length === 0 && books.length === 0) return null;
  return (
    <section aria-labelledby="new-since" className="new-since">
      <h2 id="new-since">{t('home.newSince')}</h2>
      {events.length > 0 && (
        <>
          <h3>{t('home.newEvents')}</h3>
          <ul className="event-list">
            {events.map((event) => (
              <EventItem key={event.id} event={event} isNew />
            ))}
          </ul>
        </>
      )}
      {books.length > 0 && (
        <>
          <h3>{t('home.newBooks')}</h3>
          <BookGrid books={books} />
        </>
      )}
    </section>
  );
}

/** The tours named on home; the tours page lists them all. */
const TOUR_CHIPS = 8;

export function HomePage() {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const featured = catalog.stories.filter((story) => story.featured);
  const stories = (featured.length > 0 ? featured : catalog.stories).slice(0, FEATURED_STORIES);
  const events = upcomingEvents(catalog.events, new Date()).slice(0, SHOWN_EVENTS);
  const shelves = usePaged(catalog.shelves);

  return (
    <>
      <section className="hero">
        <h1>{t('home.welcome', { library: pickText(catalog.library.name, lang) })}</h1>
        <p className="hero-lead">{t('app.tagline')}</p>
        <OpeningStatus />
        <Link href={paths.scan()} className="button button-big">
          <ScanLine aria-hidden="true" />
          {t('home.scan')}
        </Link>
        <p className="hero-hint">
          {t('home.scanHint')} <Link href={paths.browse}>{t('home.browse')}</Link>
        </p>
        <HomeSearch />
      </section>

      <Later>
        <NewSinceLastVisit />

        {stories.length > 0 && (
          <section aria-labelledby="featured-stories">
            <h2 id="featured-stories">{t('home.featuredStories')}</h2>
            <ul className="story-list">
              {stories.map((story) => (
                <StoryCard key={story.id} story={story} />
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="upcoming-events">
          <h2 id="upcoming-events">{t('home.upcomingEvents')}</h2>
          {events.length > 0 ? (
            <ul className="event-list">
              {events.map((event) => (
                <EventItem key={event.id} event={event} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noEvents')}</p>
          )}
          <Link href={paths.events} className="button button-quiet">
            {t('home.allEvents')}
          </Link>
        </section>

        <section aria-labelledby="shelves">
          <h2 id="shelves">{t('home.shelves')}</h2>
          <ul className="shelf-list">
            {shelves.visible.map((shelf) => (
              <ShelfCard key={shelf.id} shelf={shelf} />
            ))}
          </ul>
          <ShowMore
            rest={shelves.rest}
            total={shelves.total}
            shown={shelves.visible.length}
            onMore={shelves.more}
          />
        </section>

        {catalog.tours.length > 0 && (
          <section aria-labelledby="tours-teaser" className="tours-teaser">
            <h2 id="tours-teaser">{t('home.tours')}</h2>
            <p>{t('home.toursLead', { count: catalog.tours.length })}</p>
            <ul className="chip-list">
              {catalog.tours.slice(0, TOUR_CHIPS).map((tour) => (
                <li key={tour.id}>
                  <LangText text={tour.title} />
                </li>
              ))}
            </ul>
            <Link href={paths.tours} className="button">
              {t('home.seeTours')}
            </Link>
          </section>
        )}
      </Later>
    </>
  );
}
