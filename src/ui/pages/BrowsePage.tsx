import { AUDIENCE_GROUPS, isAudienceGroup } from '../../domain/audience.ts';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Book, DirectoryEntry } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { languageName } from '../../i18n/format.ts';
import { loadSearchIndexText, saveSearchIndexText } from '../../data/search-cache.ts';
import { createSearchClient, type SearchClient } from '../../search/client.ts';
import {
  documentOfBook,
  documentOfEntry,
  filtering,
  passesFilters,
  type SearchFilters,
} from '../../search/documents.ts';
import { BookGrid, ShelfCard } from '../components/Cards.tsx';
import { ShowMore, usePaged } from '../components/Paged.tsx';
import { BookFileStatus, DirectoryList, useDirectory } from '../components/SplitFeed.tsx';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';

/** The built index is kept on the device, so that the next visit searches at once. */
const SAVED_INDEXES = { load: loadSearchIndexText, save: saveSearchIndexText };

/** The search worker for the books on hand: the feed's, or a split feed's directory. */
function useSearchClient(
  books: readonly Book[] | null,
  entries: readonly DirectoryEntry[] | null,
): SearchClient | null {
  // Making the client starts nothing; its worker starts at the first question.
  const client = useMemo(() => {
    const documents = entries
      ? entries.map(documentOfEntry)
      : books
        ? books.map(documentOfBook)
        : null;
    return documents ? createSearchClient(documents, SAVED_INDEXES) : null;
  }, [books, entries]);
  useEffect(
    () => () => {
      client?.dispose();
    },
    [client],
  );
  return client;
}

/** The no-camera way in: search the catalog and open shelves. */
/** Longer than any title or call number a visitor would type. */
const MAX_QUERY = 200;

export function BrowsePage() {
  const t = useT();
  const lang = useLang();
  const { catalog, index } = useLoadedCatalog();
  // Home's search box opens this page with its words in `?q=`.
  // Bounded like the home box: a link may carry any length.
  const [query, setQuery] = useState(() =>
    (new URLSearchParams(location.search).get('q') ?? '').slice(0, MAX_QUERY),
  );
  const [filters, setFilters] = useState<SearchFilters>({});
  const shelves = usePaged(catalog.shelves);
  const deferred = useDeferredValue(query);
  // A split feed searches its directory, which arrives when the browse page opens.
  const { split, directory, load, retry } = useDirectory();
  const client = useSearchClient(split ? null : catalog.books, split ? directory : null);
  const [found, setFound] = useState<{ key: string; ids: readonly string[] } | null>(null);
  const searching = deferred.trim() !== '';
  const key = JSON.stringify([deferred, filters]);
  useEffect(() => {
    if (!client || !searching) return;
    let current = true;
    void client.search(deferred, filters).then((ids) => {
      if (current && ids) setFound({ key, ids });
    });
    return () => {
      current = false;
    };
  }, [client, searching, deferred, filters, key]);
  // Filters alone (no words) list every book that passes them: "children's books, available now".
  const filteredOnly = useMemo(() => {
    if (searching || !filtering(filters)) return null;
    return split
      ? (directory ?? [])
          .filter((entry) => passesFilters(documentOfEntry(entry), filters))
          .map((entry) => entry.id)
      : catalog.books
          .filter((book) => passesFilters(documentOfBook(book), filters))
          .map((book) => book.id);
  }, [searching, filters, split, directory, catalog.books]);
  const ids = searching ? (found?.key === key ? found.ids : null) : filteredOnly;
  // Only a feed that says who its books are for can be filtered by it.
  const hasAudience = split
    ? (directory ?? []).some((entry) => entry.audience)
    : catalog.books.some((book) => book.audience);

  const entriesById = useMemo(
    () => new Map((directory ?? []).map((entry) => [entry.id, entry])),
    [directory],
  );
  const books = split || !ids ? [] : ids.flatMap((id) => index.books.get(id) ?? []);
  const entries = split && ids ? ids.flatMap((id) => entriesById.get(id) ?? []) : [];
  const count = split ? entries.length : books.length;
  const languages = useMemo(() => {
    const codes = new Set<string>();
    for (const item of split ? (directory ?? []) : catalog.books)
      if (item.language) codes.add(item.language);
    return [...codes].sort();
  }, [split, directory, catalog.books]);

  return (
    <section className="browse-page">
      <h1>{t('browse.title')}</h1>
      <p className="lead">{t('browse.lead')}</p>
      <label className="search-field">
        <span>{t('browse.search')}</span>
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          autoComplete="off"
          maxLength={MAX_QUERY}
        />
      </label>
      <fieldset className="search-filters">
        <legend>{t('browse.filters')}</legend>
        <label htmlFor="browse-shelf">{t('browse.shelf')}</label>
        <select
          id="browse-shelf"
          value={filters.shelfId ?? ''}
          onChange={(event) => {
            const { shelfId: _old, ...rest } = filters;
            setFilters(event.target.value ? { ...rest, shelfId: event.target.value } : rest);
          }}
        >
          <option value="">{t('browse.allShelves')}</option>
          {catalog.shelves.map((shelf) => (
            <option key={shelf.id} value={shelf.id}>
              {pickText(shelf.label, lang)} ({shelf.ddc.from}–{shelf.ddc.to})
            </option>
          ))}
        </select>
        {languages.length > 1 && (
          <>
            <label htmlFor="browse-language">{t('browse.language')}</label>
            <select
              id="browse-language"
              value={filters.language ?? ''}
              onChange={(event) => {
                const { language: _old, ...rest } = filters;
                setFilters(event.target.value ? { ...rest, language: event.target.value } : rest);
              }}
            >
              <option value="">{t('browse.allLanguages')}</option>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, lang)}
                </option>
              ))}
            </select>
          </>
        )}
        {hasAudience && (
          <>
            <label htmlFor="browse-audience">{t('browse.audience')}</label>
            <select
              id="browse-audience"
              value={filters.audience ?? ''}
              onChange={(event) => {
                const { audience: _old, ...rest } = filters;
                const chosen = event.target.value;
                setFilters(isAudienceGroup(chosen) ? { ...rest, audience: chosen } : rest);
              }}
            >
              <option value="">{t('events.audience.all')}</option>
              {AUDIENCE_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {t(`events.audience.${group}`)}
                </option>
              ))}
            </select>
          </>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.availableOnly ?? false}
            onChange={(event) => {
              setFilters({ ...filters, availableOnly: event.target.checked });
            }}
          />
          {t('browse.availableOnly')}
        </label>
      </fieldset>
      {split && (
        <BookFileStatus
          load={load}
          loadingText={t('books.loadingDirectory')}
          onRetry={() => void retry()}
        />
      )}
      {split && directory && (
        <p className="muted">{t('books.directoryCount', { count: directory.length })}</p>
      )}
      {(searching || filtering(filters)) && ids && (
        <>
          <p role="status">{count > 0 ? t('browse.results', { count }) : t('browse.none')}</p>
          {split ? (
            <DirectoryList entries={entries} resetKey={key} />
          ) : (
            <BookGrid books={books} resetKey={key} />
          )}
        </>
      )}
      <h2>{t('home.shelves')}</h2>
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
  );
}
