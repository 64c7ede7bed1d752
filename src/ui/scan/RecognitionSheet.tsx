/**
 * Everything the AR overlays show, as ordinary page content: the screen-reader and large-text
 * view of the scan, and where the actions are (listen, story, book page, pin).
 */
import { BookOpen, ChevronDown, ChevronUp, Pin, PinOff } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { useStore } from 'zustand';
import type { Book, Shelf } from '../../domain/catalog.ts';
import { pick, pickText } from '../../domain/langmap.ts';
import type { Recognition, ScanStore } from '../../state/scan-store.ts';
import { LangText } from '../components/LangText.tsx';
import { NarrateButton } from '../components/NarrateButton.tsx';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import type { ScanSession } from './scan-session.ts';
import { AssetImage } from '../components/AssetImage.tsx';

function BookDetails({
  book,
  recognition,
  store,
  session,
  expanded,
}: {
  book: Book;
  recognition: Recognition;
  store: ScanStore;
  session: ScanSession;
  expanded: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const pinned = useStore(store, (state) => state.pinned?.key === recognition.key);
  const modelProblem = useStore(store, (state) => state.modelProblems[recognition.key]);
  const lookAlikeIds = useStore(store, (state) => state.lookAlikes[recognition.key]);
  const lookAlikes = (lookAlikeIds ?? []).flatMap((id) => index.books.get(id) ?? []);
  const story = book.storyIds.map((id) => index.stories.get(id)).find(Boolean);
  const summary = pick(book.summary, lang);
  const shelf = index.shelves.get(book.shelfId);
  return (
    <>
      <div className="sheet-head">
        <AssetImage src={book.cover.href} alt="" width={48} height={72} className="sheet-cover" />
        <div>
          <LangText text={book.title} as="h2" className="sheet-title" />
          <p className="sheet-meta">{book.authors.join(', ')}</p>
          <p className={`sheet-availability ${book.available > 0 ? 'is-available' : 'is-out'}`}>
            {book.available > 0
              ? t('book.available', { available: book.available, copies: book.copies })
              : t('book.noneAvailable', { copies: book.copies })}
          </p>
          <p className="sheet-meta">
            {t('book.callNumber')}: <span className="call-number">{book.callNumber}</span>
            {shelf && <> · {pickText(shelf.label, lang)}</>}
          </p>
        </div>
      </div>
      {lookAlikes.length > 0 && (
        <div className="sheet-warning" role="note">
          <p>{t('scan.lookAlike')}</p>
          <ul className="sheet-links">
            {lookAlikes.map((other) => (
              <li key={other.id}>
                <Link href={paths.book(other.id)}>
                  <LangText text={other.title} />
                </Link>{' '}
                <span className="call-number">{other.callNumber}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {modelProblem && (
        <p className="sheet-warning">
          {t(modelProblem === 'offline' ? 'scan.modelProblem.offline' : 'scan.modelProblem.other')}
        </p>
      )}
      {expanded && summary.text && (
        <p className="sheet-summary" lang={summary.lang === lang ? undefined : summary.lang}>
          {summary.text}
        </p>
      )}
      <div className="button-row">
        {summary.text && <NarrateButton text={summary.text} lang={summary.lang} />}
        {story && (
          <Link href={paths.story(story.id)} className="button">
            <BookOpen aria-hidden="true" />
            {t('scan.openStory', { title: pickText(story.title, lang) })}
          </Link>
        )}
        <Link href={paths.book(book.id)} className="button button-quiet">
          {t('scan.openBook')}
        </Link>
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={pinned}
          onClick={() => {
            session.pin(pinned ? null : recognition.key);
          }}
        >
          {pinned ? <PinOff aria-hidden="true" /> : <Pin aria-hidden="true" />}
          {pinned ? t('scan.unpin') : t('scan.pin')}
        </button>
      </div>
    </>
  );
}

function ShelfDetails({
  shelf,
  session,
  store,
  expanded,
}: {
  shelf: Shelf;
  session: ScanSession;
  store: ScanStore;
  expanded: boolean;
}) {
  const t = useT();
  const { index } = useLoadedCatalog();
  const active = useStore(store, (state) => state.activeSet?.shelfId === shelf.id);
  const highlights = shelf.highlights.flatMap((id) => index.books.get(id) ?? []);
  return (
    <>
      <LangText text={shelf.label} as="h2" className="sheet-title" />
      <p className="sheet-meta">
        {t('shelf.ddcRange', { from: shelf.ddc.from, to: shelf.ddc.to })}
      </p>
      {expanded && highlights.length > 0 && (
        <>
          <h3 className="sheet-subtitle">{t('scan.highlights')}</h3>
          <ul className="sheet-links">
            {highlights.map((book) => (
              <li key={book.id}>
                <Link href={paths.book(book.id)}>
                  <LangText text={book.title} />
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        {!active && (
          <button type="button" className="button" onClick={() => void session.switchTo(shelf.id)}>
            {t('scan.scanShelf')}
          </button>
        )}
        <Link href={paths.shelf(shelf.id)} className="button button-quiet">
          {t('nav.shelf')}
        </Link>
      </div>
    </>
  );
}

function Details({
  recognition,
  store,
  session,
  expanded,
}: {
  recognition: Recognition;
  store: ScanStore;
  session: ScanSession;
  expanded: boolean;
}) {
  const { index } = useLoadedCatalog();
  if (recognition.kind === 'book') {
    const book = index.books.get(recognition.id);
    return book ? (
      <BookDetails
        book={book}
        recognition={recognition}
        store={store}
        session={session}
        expanded={expanded}
      />
    ) : null;
  }
  const shelf = index.shelves.get(recognition.id);
  return shelf ? (
    <ShelfDetails shelf={shelf} session={session} store={store} expanded={expanded} />
  ) : null;
}

/**
 * `session` is null on the view's first render, before the camera starts: the hint shows at once
 * (it is the largest text a visitor sees first), recognitions come later with the session.
 */
export function RecognitionSheet({
  store,
  session,
}: {
  store: ScanStore;
  session: ScanSession | null;
}) {
  const t = useT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const recognitions = useStore(store, (state) => state.recognitions);
  const pinnedKey = useStore(store, (state) => state.pinned?.key);
  const activeShelfId = useStore(store, (state) => state.activeSet?.shelfId ?? null);
  const activeShelf = activeShelfId ? index.shelves.get(activeShelfId) : undefined;
  const shown = session ? recognitions.filter((r) => r.key !== pinnedKey) : [];
  // Compact by default so the camera picture stays visible; one tap shows summaries and the rest.
  const [expanded, setExpanded] = useState(false);
  const visibleItems = expanded ? shown : shown.slice(0, 1);
  return (
    <section className={`scan-sheet${expanded ? ' is-expanded' : ''}`} aria-label={t('scan.title')}>
      {shown.length > 0 && (
        <button
          type="button"
          className="sheet-toggle"
          aria-expanded={expanded}
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          {expanded ? <ChevronDown aria-hidden="true" /> : <ChevronUp aria-hidden="true" />}
          {expanded ? t('scan.less') : t('scan.more')}
        </button>
      )}
      {shown.length === 0 || !session ? (
        <p className="sheet-hint">
          {activeShelf
            ? t('scan.hint.shelf', { shelf: pickText(activeShelf.label, lang) })
            : t('scan.hint.signs')}
        </p>
      ) : (
        <ul className="sheet-list">
          {visibleItems.map((recognition) => (
            <li key={recognition.key} className={recognition.visible ? 'is-visible' : 'is-gone'}>
              {!recognition.visible && <span className="sheet-gone">{t('scan.notInView')}</span>}
              <Details
                recognition={recognition}
                store={store}
                session={session}
                expanded={expanded}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A pinned card stays on screen after its cover has gone. */
export function PinnedCard({ store, session }: { store: ScanStore; session: ScanSession }) {
  const t = useT();
  const pinned = useStore(store, (state) => state.pinned);
  if (!pinned) return null;
  return (
    <section className="scan-pinned" aria-label={t('scan.pinned')}>
      <Details recognition={pinned} store={store} session={session} expanded={false} />
    </section>
  );
}
