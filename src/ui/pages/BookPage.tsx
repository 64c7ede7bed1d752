import { ReadAloud } from '../components/ReadAloud.tsx';
import { Link } from 'wouter';
import { pick, pickText } from '../../domain/langmap.ts';
import { formatDaysAgo, formatList, formatShortDate, languageName } from '../../i18n/format.ts';
import { StoryCard } from '../components/Cards.tsx';
import { FloorPlan } from '../components/FloorPlan.tsx';
import { Later } from '../components/Later.tsx';
import { LangText } from '../components/LangText.tsx';
import { useCatalogState, useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { NotFound } from './NotFound.tsx';
import { AssetImage } from '../components/AssetImage.tsx';
import { ModelSection } from '../components/ModelSection.tsx';
import { BookFileStatus, useDirectory, useShelfBooks } from '../components/SplitFeed.tsx';

export function BookPage({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const { index, catalog } = useLoadedCatalog();
  const { catalogue, timeZone } = catalog.library;
  const book = index.books.get(id);
  if (!book) {
    return catalog.directory ? (
      <BookOnUnopenedShelf id={id} />
    ) : (
      <NotFound message={t('book.notFound')} />
    );
  }
  const shelf = index.shelves.get(book.shelfId);
  const stories = book.storyIds.flatMap((storyId) => index.stories.get(storyId) ?? []);
  const title = pickText(book.title, lang);

  const availability =
    book.copies === 0
      ? t('book.noCopies')
      : book.available > 0
        ? t('book.available', { available: book.available, copies: book.copies })
        : t('book.noneAvailable', { copies: book.copies });

  return (
    <article className="book-page">
      <div className="book-head">
        <AssetImage
          src={book.cover.href}
          width={book.cover.width}
          height={book.cover.height}
          alt={t('book.cover', { title })}
          // The page's largest picture: ask for it before the floor plan and the icons.
          fetchPriority="high"
          className="book-cover"
        />
        <div>
          <LangText text={book.title} as="h1" />
          <p className="book-authors">
            {t('book.by', { authors: formatList(book.authors, lang) })}
          </p>
          <p className={`availability ${book.available > 0 ? 'is-available' : 'is-out'}`}>
            <span className="visually-hidden">{t('book.availability')}: </span>
            {availability}
          </p>
          {catalogue?.availabilityAsOf && (
            <p className="availability-age">
              {t('book.availabilityAsOf', {
                date: formatShortDate(catalogue.availabilityAsOf, lang, timeZone),
                ago: formatDaysAgo(catalogue.availabilityAsOf, lang),
              })}
            </p>
          )}
          {book.opacUrl && (
            <p>
              <a className="button" href={book.opacUrl} target="_blank" rel="noopener noreferrer">
                {t('book.opac', { name: catalogue?.name ?? 'OPAC' })}
              </a>
            </p>
          )}
          <dl className="facts">
            <div>
              <dt>{t('book.callNumber')}</dt>
              <dd className="call-number">{book.callNumber}</dd>
            </div>
            {shelf && (
              <div>
                <dt>{t('book.shelf')}</dt>
                <dd>
                  <Link href={paths.shelf(shelf.id)}>
                    <LangText text={shelf.label} />
                  </Link>
                </dd>
              </div>
            )}
          </dl>
        </div>
      </div>

      <Later>
        {Object.keys(book.description).length > 0 && (
          <ReadAloud key={lang} {...pick(book.description, lang)} />
        )}
        {Object.keys(book.description).length > 0 && (
          <LangText text={book.description} as="p" className="book-description" />
        )}

        {book.model && (
          <ModelSection
            model={book.model}
            fallbackTitle={book.title}
            coverWidthMm={book.physicalWidthMm}
          />
        )}

        {stories.length > 0 && (
          <section aria-labelledby="book-stories">
            <h2 id="book-stories">{t('book.relatedStories')}</h2>
            <ul className="story-list">
              {stories.map((story) => (
                <StoryCard key={story.id} story={story} />
              ))}
            </ul>
          </section>
        )}

        {shelf && (
          <section aria-labelledby="book-map">
            <h2 id="book-map">{t('book.findOnMap')}</h2>
            <FloorPlan shelf={shelf} />
          </section>
        )}

        <section aria-labelledby="book-details">
          <h2 id="book-details">{t('book.details')}</h2>
          <dl className="facts facts-table">
            {book.year !== undefined && (
              <div>
                <dt>{t('book.year')}</dt>
                <dd>{book.year}</dd>
              </div>
            )}
            {book.publisher && (
              <div>
                <dt>{t('book.publisher')}</dt>
                <dd>{book.publisher}</dd>
              </div>
            )}
            {book.language && (
              <div>
                <dt>{t('book.language')}</dt>
                <dd>{languageName(book.language, lang)}</dd>
              </div>
            )}
            {book.ddc && (
              <div>
                <dt>{t('book.ddc')}</dt>
                <dd>{book.ddc}</dd>
              </div>
            )}
            {book.subjects.some((s) => s.scheme === undefined) && (
              <div>
                <dt>{t('book.subjects')}</dt>
                <dd>
                  {formatList(
                    book.subjects
                      .filter((s) => s.scheme === undefined)
                      .map((s) => pickText(s.name, lang)),
                    lang,
                  )}
                </dd>
              </div>
            )}
            {book.isbn && (
              <div>
                <dt>{t('book.isbn')}</dt>
                <dd>{book.isbn}</dd>
              </div>
            )}
            {book.slimsBiblioId && (
              <div>
                <dt>{t('book.slimsId')}</dt>
                <dd>{book.slimsBiblioId}</dd>
              </div>
            )}
          </dl>
        </section>
      </Later>
    </article>
  );
}

/**
 * A split feed's book whose shelf page has not been loaded (a link, a search result): the directory
 * says which shelf holds it, and that shelf's page brings it in, after which BookPage shows it.
 */
function BookOnUnopenedShelf({ id }: { id: string }) {
  const t = useT();
  const { index } = useLoadedCatalog();
  const { directory, load, retry } = useDirectory();
  const entry = directory?.find((line) => line.id === id);
  const shelf = entry ? index.shelves.get(entry.shelfId) : undefined;
  const shelfLoad = useShelfBooks(shelf);
  const loadShelfBooks = useCatalogState((state) => state.loadShelfBooks);
  if (load) {
    return (
      <BookFileStatus
        load={load}
        loadingText={t('books.loadingBook')}
        onRetry={() => void retry()}
      />
    );
  }
  if (!directory) return null;
  if (!shelf || (!shelfLoad && index.loadedShelves.has(shelf.id))) {
    return <NotFound message={t('book.notFound')} />;
  }
  return (
    <BookFileStatus
      load={shelfLoad ?? { state: 'loading' }}
      loadingText={t('books.loadingBook')}
      onRetry={() => void loadShelfBooks(shelf.id)}
    />
  );
}
