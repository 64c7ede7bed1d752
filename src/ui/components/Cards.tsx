import { Link } from 'wouter';
import {
  shelfBookCount,
  type Book,
  type LibraryEvent,
  type Shelf,
  type Story,
} from '../../domain/catalog.ts';
import { formatShortDate, formatTime } from '../../i18n/format.ts';
import { useLang, useLoadedCatalog, useProgramme, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { LangText } from './LangText.tsx';
import { AssetImage } from './AssetImage.tsx';
import { ShowMore, usePaged } from './Paged.tsx';

export function BookCard({ book, badge }: { book: Book; badge?: string }) {
  return (
    <li className="book-card">
      <Link href={paths.book(book.id)} className="book-card-link">
        <AssetImage
          src={book.cover.href}
          width={book.cover.width}
          height={book.cover.height}
          alt=""
          loading="lazy"
          decoding="async"
          className="book-card-cover"
        />
        <LangText text={book.title} className="book-card-title" />
        <span className="book-card-author">{book.authors.join(', ')}</span>
        {badge && <span className="badge">{badge}</span>}
      </Link>
    </li>
  );
}

/** Books as cards, a page at a time; `resetKey` (the search words) starts again at one page. */
export function BookGrid({
  books,
  highlights = [],
  resetKey = null,
}: {
  books: readonly Book[];
  highlights?: readonly string[];
  resetKey?: unknown;
}) {
  const t = useT();
  const page = usePaged(books, resetKey);
  return (
    <>
      <ul className="book-grid">
        {page.visible.map((book) => (
          <BookCard
            key={book.id}
            book={book}
            {...(highlights.includes(book.id) ? { badge: t('shelf.highlight') } : {})}
          />
        ))}
      </ul>
      <ShowMore
        rest={page.rest}
        total={page.total}
        shown={page.visible.length}
        onMore={page.more}
      />
    </>
  );
}

export function StoryCard({ story }: { story: Story }) {
  return (
    <li className="story-card">
      <Link href={paths.story(story.id)} className="story-card-link">
        <LangText text={story.title} className="story-card-title" />
        {story.summary && <LangText text={story.summary} className="story-card-summary" />}
      </Link>
    </li>
  );
}

export function ShelfCard({ shelf }: { shelf: Shelf }) {
  const t = useT();
  const { index } = useLoadedCatalog();
  const count = shelfBookCount(index, shelf);
  return (
    <li className="shelf-card">
      <Link href={paths.shelf(shelf.id)} className="shelf-card-link">
        <LangText text={shelf.label} className="shelf-card-title" />
        <span className="shelf-card-meta">
          {t('shelf.ddcRange', { from: shelf.ddc.from, to: shelf.ddc.to })} ·{' '}
          {t('home.booksOnShelf', { count })}
        </span>
      </Link>
    </li>
  );
}

/** "Sabtu 5 Des, 09.00–10.00" in the library's time zone. */
export function useEventWhen(event: LibraryEvent): string {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const zone = catalog.library.timeZone;
  const startDay = formatShortDate(event.start, lang, zone);
  const endDay = formatShortDate(event.end, lang, zone);
  return startDay === endDay
    ? t('event.when', {
        date: startDay,
        start: formatTime(event.start, lang, zone),
        end: formatTime(event.end, lang, zone),
      })
    : t('event.whenMultiDay', { start: startDay, end: endDay });
}

export function EventItem({ event, isNew = false }: { event: LibraryEvent; isNew?: boolean }) {
  const t = useT();
  const when = useEventWhen(event);
  const starred = useProgramme((state) => state.starred.includes(event.id));
  return (
    <li className="event-item">
      <time dateTime={event.start} className="event-when">
        {when}
      </time>
      <h3 className="event-title">
        <Link href={paths.event(event.id)}>
          <LangText text={event.title} />
        </Link>
      </h3>
      <p className="event-meta">
        <LangText text={event.place} />
        {event.audience.label && (
          <>
            {' · '}
            <LangText text={event.audience.label} />
          </>
        )}
        {starred && <span className="event-badge">{t('events.reminded')}</span>}
        {isNew && <span className="event-badge event-badge-new">{t('home.newEvents')}</span>}
      </p>
      <LangText text={event.description} as="p" className="event-description" />
    </li>
  );
}
