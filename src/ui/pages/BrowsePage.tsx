import { useDeferredValue, useState } from 'react';
import type { Book, DirectoryEntry } from '../../domain/catalog.ts';
import { BookGrid, ShelfCard } from '../components/Cards.tsx';
import { ShowMore, usePaged } from '../components/Paged.tsx';
import { BookFileStatus, DirectoryList, useDirectory } from '../components/SplitFeed.tsx';
import { useLoadedCatalog, useT } from '../context.tsx';

/** Lower-case, without accents, so "saint-exupery" finds "Saint-Exupéry". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

// Folded once per book of a catalog, not on every keystroke.
const haystacks = new WeakMap<Book, string>();

function haystack(book: Book): string {
  const known = haystacks.get(book);
  if (known !== undefined) return known;
  const text = fold(
    [
      ...Object.values(book.title),
      ...book.authors,
      book.callNumber,
      book.ddc ?? '',
      ...book.subjects.flatMap((s) => Object.values(s.name)),
    ].join(' '),
  );
  haystacks.set(book, text);
  return text;
}

const entryHaystacks = new WeakMap<DirectoryEntry, string>();

function entryHaystack(entry: DirectoryEntry): string {
  const known = entryHaystacks.get(entry);
  if (known !== undefined) return known;
  const text = fold(
    [...Object.values(entry.title), ...entry.authors, entry.callNumber, entry.ddc ?? ''].join(' '),
  );
  entryHaystacks.set(entry, text);
  return text;
}

/** The no-camera way in: search the catalog and open shelves. */
export function BrowsePage() {
  const t = useT();
  const { catalog } = useLoadedCatalog();
  const [query, setQuery] = useState('');
  const shelves = usePaged(catalog.shelves);
  const deferred = useDeferredValue(query);
  const words = fold(deferred).split(/\s+/).filter(Boolean);
  // A split feed searches its directory, which arrives when the browse page opens.
  const { split, directory, load, retry } = useDirectory();
  const results =
    words.length === 0 || split
      ? []
      : catalog.books.filter((book) => words.every((word) => haystack(book).includes(word)));
  const entries =
    words.length === 0 || !directory
      ? []
      : directory.filter((entry) => words.every((word) => entryHaystack(entry).includes(word)));
  const count = split ? entries.length : results.length;

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
        />
      </label>
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
      {words.length > 0 && (!split || directory) && (
        <>
          <p role="status">{count > 0 ? t('browse.results', { count }) : t('browse.none')}</p>
          {split ? (
            <DirectoryList entries={entries} resetKey={deferred} />
          ) : (
            <BookGrid books={results} resetKey={deferred} />
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
