import { Link } from 'wouter';
import { bookCount } from '../../domain/catalog.ts';
import { feedHost } from '../../domain/feed-url.ts';
import { DAYS } from '../../domain/hours.ts';
import { pickText } from '../../domain/langmap.ts';
import { formatList, formatShortDate, languageName } from '../../i18n/format.ts';
import { ContentLink } from '../components/ContentLink.tsx';
import { InstallSection } from '../components/InstallSection.tsx';
import { LangText } from '../components/LangText.tsx';
import { useCatalogState, useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';

/** The libraries opened on this device: back to the one before, or any of them. */
function KnownLibraries() {
  const t = useT();
  const lang = useLang();
  const libraries = useCatalogState((state) => state.libraries);
  const shownUrl = useCatalogState((state) => state.shownUrl);
  const open = useCatalogState((state) => state.open);
  const back = useCatalogState((state) => state.backToPrevious);
  const previous = libraries.find((library) => library.url !== shownUrl);
  if (libraries.length < 2 || !previous) return null;
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => void back()}>
        {t('library.previous', { name: pickText(previous.name, lang) })}
      </button>
      <h3>{t('library.known')}</h3>
      <ul className="known-libraries">
        {libraries.map((library) => (
          <li key={library.url}>
            <span>
              <LangText text={library.name} /> <span className="url">{feedHost(library.url)}</span>
            </span>
            {library.url === shownUrl ? (
              <span className="muted">{t('library.current')}</span>
            ) : (
              <button
                type="button"
                className="button button-quiet"
                aria-label={`${t('library.openThis')}: ${pickText(library.name, lang)}`}
                onClick={() => void open(library.url)}
              >
                {t('library.openThis')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AboutPage() {
  const t = useT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const fetchedAt = useCatalogState((state) => state.fetchedAt);
  const shownUrl = useCatalogState((state) => state.shownUrl);
  const switchToDefaultFeed = useCatalogState((state) => state.switchToDefaultFeed);
  const defaultUrl = useCatalogState((state) => state.defaultUrl);
  const isDefault = shownUrl === defaultUrl;
  const { library } = catalog;
  const { address } = library;

  return (
    <article className="about-page">
      <h1>{t('about.title')}</h1>
      <section aria-labelledby="about-library">
        <h2 id="about-library">
          <LangText text={library.name} />
        </h2>
        {library.about && <LangText text={library.about} as="p" />}
        <dl className="facts facts-table">
          <div>
            <dt>{t('about.address')}</dt>
            <dd>
              {[address.street, address.locality, address.region, address.postalCode]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
          <div>
            <dt>{t('about.hours')}</dt>
            <dd>
              <ul className="hours">
                {DAYS.map((day) => {
                  const slots = library.openingHours.filter((h) => h.days.includes(day));
                  return (
                    <li key={day}>
                      <span>{t(`days.${day}`)}</span>
                      <span>
                        {slots.length === 0
                          ? t('hours.closed')
                          : slots.map((s) => `${s.opens}–${s.closes}`).join(', ')}
                      </span>
                    </li>
                  );
                })}
              </ul>
              {library.hoursNote && <LangText text={library.hoursNote} as="p" className="muted" />}
            </dd>
          </div>
          {library.contact && (
            <div>
              <dt>{t('about.contact')}</dt>
              <dd>
                {library.contact.phone && (
                  <a href={`tel:${library.contact.phone}`}>{library.contact.phone}</a>
                )}{' '}
                {library.contact.email && (
                  <a href={`mailto:${library.contact.email}`}>{library.contact.email}</a>
                )}{' '}
                {library.contact.website && (
                  <ContentLink href={library.contact.website}>
                    {library.contact.website}
                  </ContentLink>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('about.languages')}</dt>
            <dd>
              {formatList(
                library.languages.map((tag) => languageName(tag, lang)),
                lang,
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="about-catalog">
        <h2 id="about-catalog">{t('about.catalog')}</h2>
        <dl className="facts facts-table">
          <div>
            <dt>{t('about.catalogSource')}</dt>
            <dd className="url">{catalog.sourceUrl}</dd>
          </div>
          <div>
            <dt>{t('about.catalogUpdated')}</dt>
            <dd>{formatShortDate(catalog.modified, lang, library.timeZone)}</dd>
          </div>
          <div>
            <dt>{t('about.schemaVersion')}</dt>
            <dd>{catalog.schemaVersion}</dd>
          </div>
        </dl>
        <p>
          {t('about.counts', {
            books: bookCount(catalog),
            shelves: catalog.shelves.length,
            stories: catalog.stories.length,
            tours: catalog.tours.length,
          })}
        </p>
        {fetchedAt && !isDefault && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void switchToDefaultFeed()}
          >
            {t('about.useDemo')}
          </button>
        )}
        <KnownLibraries />
      </section>

      <InstallSection />

      <section aria-labelledby="about-app">
        <h2 id="about-app">{t('about.app')}</h2>
        <p>{t('about.appText')}</p>
        <ul>
          <li>
            <a href={`${import.meta.env.BASE_URL}catalog.schema.json`}>{t('about.feedFormat')}</a>
          </li>
          <li>
            <Link href={paths.privacy}>{t('nav.privacy')}</Link>
          </li>
          <li>
            <Link href={paths.storage}>{t('nav.storage')}</Link>
          </li>
          <li>
            <Link href={paths.editor}>{t('editor.link')}</Link>
          </li>
        </ul>
      </section>
    </article>
  );
}
