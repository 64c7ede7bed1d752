import { Link } from 'wouter';
import type { Tour } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { LangText } from '../components/LangText.tsx';
import { OfflinePack } from '../components/OfflinePack.tsx';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { ShowMore, usePaged } from '../components/Paged.tsx';

/** Who a tour is for, how long it takes, how many stops. */
export function TourMeta({ tour }: { tour: Tour }) {
  const t = useT();
  return (
    <p className="tour-meta">
      {tour.audience.label && (
        <>
          {t('tours.audience')} <LangText text={tour.audience.label} /> ·{' '}
        </>
      )}
      {t('tours.minutes', { minutes: tour.minutes })} ·{' '}
      {t('tours.stops', { count: tour.stops.length })}
    </p>
  );
}

function TourCard({ tour }: { tour: Tour }) {
  const t = useT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const headingId = `tour-${tour.id}`;
  return (
    <li className="tour-card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          <Link href={paths.tour(tour.id)}>
            <LangText text={tour.title} />
          </Link>
        </h2>
        <TourMeta tour={tour} />
        <LangText text={tour.description} as="p" />
        <ol className="tour-stops">
          {tour.stops.map((stop) => {
            const item =
              stop.find.kind === 'book'
                ? index.books.get(stop.find.id)
                : index.shelves.get(stop.find.id);
            const name = item
              ? pickText('title' in item ? item.title : item.label, lang)
              : stop.find.id;
            const href =
              stop.find.kind === 'book' ? paths.book(stop.find.id) : paths.shelf(stop.find.id);
            return (
              <li key={stop.id}>
                <Link href={href}>
                  {t(stop.find.kind === 'book' ? 'tours.stopFind.book' : 'tours.stopFind.shelf', {
                    title: name,
                  })}
                </Link>
                {stop.question && <span className="muted"> ({t('tours.hasQuestion')})</span>}
              </li>
            );
          })}
        </ol>
        <div className="button-row">
          <Link href={paths.tour(tour.id)} className="button">
            {t('tours.start')}
          </Link>
          <Link href={paths.teacher(tour.id)} className="button button-quiet">
            {t('tours.teacher')}
          </Link>
        </div>
        <OfflinePack target={{ kind: 'tour', id: tour.id }} of={pickText(tour.title, lang)} />
      </article>
    </li>
  );
}

export function ToursPage() {
  const t = useT();
  const { catalog } = useLoadedCatalog();
  const tours = usePaged(catalog.tours, null, 10);
  return (
    <section>
      <h1>{t('tours.title')}</h1>
      <p className="lead">{t('tours.lead')}</p>
      {catalog.tours.length === 0 ? (
        <p>{t('tours.none')}</p>
      ) : (
        <>
          <ul className="tour-list">
            {tours.visible.map((tour) => (
              <TourCard key={tour.id} tour={tour} />
            ))}
          </ul>
          <ShowMore
            rest={tours.rest}
            total={tours.total}
            shown={tours.visible.length}
            onMore={tours.more}
            size={10}
          />
        </>
      )}
    </section>
  );
}
