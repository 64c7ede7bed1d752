/**
 * What pages need from a split feed (schema 1.2): a shelf's books and the directory are fetched
 * when a page asks for them, with a status line while they arrive and, when they cannot, a message
 * and a way to try again. For a single-file feed these do nothing.
 */
import { useEffect } from 'react';
import { Link } from 'wouter';
import type { DirectoryEntry, Shelf } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { formatList } from '../../i18n/format.ts';
import type { BookFileLoad } from '../../state/catalog-store.ts';
import { useCatalogState, useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { ShowMore, usePaged } from './Paged.tsx';

/** Starts loading a shelf's page when it has one that is not loaded; returns how that goes. */
export function useShelfBooks(shelf: Shelf | undefined): BookFileLoad | undefined {
  const { index } = useLoadedCatalog();
  const load = useCatalogState((state) => (shelf ? state.shelfPages[shelf.id] : undefined));
  const loadShelfBooks = useCatalogState((state) => state.loadShelfBooks);
  const needed = Boolean(shelf?.books) && !index.loadedShelves.has(shelf?.id ?? '');
  useEffect(() => {
    if (needed && shelf && !load) void loadShelfBooks(shelf.id);
  }, [needed, shelf, load, loadShelfBooks]);
  return needed && !load ? { state: 'loading' } : load;
}

/** Starts loading the directory of a split feed; returns the entries once they are there. */
export function useDirectory(wanted = true) {
  const { catalog } = useLoadedCatalog();
  const directory = useCatalogState((state) => state.directory);
  const load = useCatalogState((state) => state.directoryLoad);
  const loadDirectory = useCatalogState((state) => state.loadDirectory);
  const split = Boolean(catalog.directory);
  useEffect(() => {
    if (wanted && split && !directory && !load) void loadDirectory();
  }, [wanted, split, directory, load, loadDirectory]);
  return {
    split,
    directory,
    load: split && !directory && !load ? ({ state: 'loading' } as const) : load,
    retry: loadDirectory,
  };
}

/** "Loading…", or why it failed with a button to try again. */
export function BookFileStatus({
  load,
  loadingText,
  onRetry,
}: {
  load: BookFileLoad | null | undefined;
  loadingText: string;
  onRetry: () => void;
}) {
  const t = useT();
  const lang = useLang();
  if (!load) return null;
  if (load.state === 'loading') {
    return (
      <p role="status" className="muted book-file-status">
        {loadingText}
      </p>
    );
  }
  const message =
    load.state === 'failed'
      ? t(`books.failed.${load.problem}`)
      : t('books.invalid', {
          detail: load.errors
            .slice(0, 2)
            .map((error) => `${error.path}: ${error.message[lang]}`)
            .join('; '),
        });
  return (
    <div role="alert" className="notice notice-warning book-file-status">
      <p>{message}</p>
      <button type="button" className="button button-quiet" onClick={onRetry}>
        {t('feed.retry')}
      </button>
    </div>
  );
}

/** Directory lines as a list of links: title, authors, call number, availability. */
export function DirectoryList({
  entries,
  resetKey = null,
}: {
  entries: readonly DirectoryEntry[];
  resetKey?: unknown;
}) {
  const t = useT();
  const lang = useLang();
  const page = usePaged(entries, resetKey);
  return (
    <>
      <ul className="directory-list">
        {page.visible.map((entry) => (
          <li key={entry.id} className="directory-entry">
            <Link href={paths.book(entry.id)} className="directory-link">
              <span className="directory-title" lang={entry.title[lang] ? lang : undefined}>
                {pickText(entry.title, lang)}
              </span>
              {entry.authors.length > 0 && (
                <span className="directory-authors">{formatList(entry.authors, lang)}</span>
              )}
              <span className="directory-meta">
                <span className="call-number">{entry.callNumber}</span> ·{' '}
                {entry.available > 0
                  ? t('books.available', { available: entry.available, copies: entry.copies })
                  : t('books.noneAvailable')}
              </span>
            </Link>
          </li>
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
