import { CloudOff, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import type { FeedProblem } from '../../domain/problems.ts';
import { pickText } from '../../domain/langmap.ts';
import { formatBytes, formatShortDate } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/translate.ts';
import { useCatalogState, useLang, useT } from '../context.tsx';

const SHOWN_PROBLEMS = 5;

/** A link can hold anything, a whole `data:` document too: show its beginning. */
const shortened = (url: string) => (url.length > 120 ? `${url.slice(0, 117)}…` : url);

function ProblemDetail({ problem, t }: { problem: FeedProblem; t: Translate }) {
  const lang = useLang();
  switch (problem.kind) {
    case 'unreachable':
      return <p>{t('feed.unreachable')}</p>;
    case 'slow':
      return <p>{t('feed.slow')}</p>;
    case 'not-a-feed-url':
      return <p>{t('feed.notFeedUrl')}</p>;
    case 'too-large':
      return <p>{t('feed.tooLarge', { size: formatBytes(problem.maxBytes, lang) })}</p>;
    case 'http':
      return <p>{t('feed.httpError', { status: problem.status })}</p>;
    case 'invalid':
      return (
        <>
          <p>{t('feed.invalid', { count: problem.errors.length })}</p>
          <ul className="feed-problems">
            {problem.errors.slice(0, SHOWN_PROBLEMS).map((error, i) => (
              <li key={i}>
                <code>{error.path}</code>: {error.message[lang]}
              </li>
            ))}
          </ul>
          {problem.errors.length > SHOWN_PROBLEMS && (
            <p>{t('feed.moreProblems', { count: problem.errors.length - SHOWN_PROBLEMS })}</p>
          )}
        </>
      );
  }
}

/** A calm note above a saved copy that is in use (offline, or a slow refresh): not an alert. */
function SavedCopyNote({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <div role="status" className="offline-banner">
      <CloudOff aria-hidden="true" />
      <span>{text}</span>
      {children}
    </div>
  );
}

/**
 * Says why a feed did not load, where the problem is, and what is shown instead, with a way on:
 * try again, or go back to the demo catalog.
 */
export function FeedAlert() {
  const t = useT();
  const lang = useLang();
  const failure = useCatalogState((state) => state.failure);
  const catalog = useCatalogState((state) => state.catalog);
  const fetchedAt = useCatalogState((state) => state.fetchedAt);
  const loading = useCatalogState((state) => state.loading);
  const shownUrl = useCatalogState((state) => state.shownUrl);
  const retry = useCatalogState((state) => state.retry);
  const dismiss = useCatalogState((state) => state.dismissFailure);
  const slowRefresh = useCatalogState((state) => state.slowRefresh);
  if (!failure) {
    // The saved copy works meanwhile; the new one replaces it when it comes.
    return slowRefresh && fetchedAt ? (
      <SavedCopyNote text={t('feed.stillTrying', { date: formatShortDate(fetchedAt, lang) })} />
    ) : null;
  }

  // Offline with a saved copy is normal in a library with patchy Wi-Fi: a calm note, not an alert.
  if (failure.problem.kind === 'unreachable' && failure.url === shownUrl && fetchedAt) {
    return (
      <SavedCopyNote text={t('feed.offline', { date: formatShortDate(fetchedAt, lang) })}>
        <button
          type="button"
          className="button button-quiet"
          disabled={loading}
          onClick={() => void retry()}
        >
          {t('feed.retry')}
        </button>
      </SavedCopyNote>
    );
  }

  return (
    <div role="alert" className="feed-alert">
      <TriangleAlert aria-hidden="true" className="feed-alert-icon" />
      <div className="feed-alert-body">
        <p className="feed-alert-title">
          {t('feed.problemTitle', { source: shortened(failure.url) })}
        </p>
        <ProblemDetail problem={failure.problem} t={t} />
        {failure.fallback === 'previous' && catalog && fetchedAt && (
          <p>
            {t('feed.keptPrevious', {
              library: pickText(catalog.library.name, lang),
              date: formatShortDate(fetchedAt, lang),
            })}
          </p>
        )}
        {failure.fallback === 'default' && <p>{t('feed.usingDefault')}</p>}
        <div className="button-row">
          <button type="button" className="button" disabled={loading} onClick={() => void retry()}>
            {t('feed.retry')}
          </button>
          {catalog && (
            <button type="button" className="button button-quiet" onClick={dismiss}>
              {t('feed.dismiss')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
