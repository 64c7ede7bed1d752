/**
 * The end of a tour: score, time, a badge to save or share, and the result code the teacher scans.
 */
import { Download, Share2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Tour } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { encodeResult } from '../../domain/tours/result-code.ts';
import { answerMarks, score } from '../../domain/tours/run.ts';
import { localeOf } from '../../i18n/translate.ts';
import type { TourTranslate } from '../../i18n/tour-messages.ts';
import type { TourRunStore } from '../../state/tour-run-store.ts';
import { LangText } from '../components/LangText.tsx';
import { useLang, useLoadedCatalog } from '../context.tsx';
import { drawBadge, type BadgeText } from './badge.ts';
import { useTourT } from './i18n.ts';
import { QrCode } from './QrCode.tsx';

export function duration(seconds: number, t: TourTranslate): string {
  return t('tour.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

export function FinishView({ tour, store }: { tour: Tour; store: TourRunStore }) {
  const t = useTourT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const run = useStore(store, (state) => state.run);
  const restart = useStore(store, (state) => state.restart);
  const heading = useRef<HTMLHeadingElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [badgeUrl, setBadgeUrl] = useState<string | null>(null);
  const [shareProblem, setShareProblem] = useState(false);

  const result = run ? score(tour, run, run.finishedAt ?? run.startedAt) : null;
  const badge: BadgeText | null = useMemo(
    () =>
      run && result
        ? {
            heading: t('tour.badgeTitle'),
            tour: pickText(tour.title, lang),
            group: run.group,
            score: t('tour.badgeScore', { correct: result.correct, questions: result.questions }),
            date: new Date(run.finishedAt ?? run.startedAt).toLocaleDateString(localeOf(lang), {
              dateStyle: 'long',
              timeZone: catalog.library.timeZone,
            }),
            library: pickText(catalog.library.name, lang),
          }
        : null,
    // The badge changes with the language and the run, not with each render's new score object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, lang, tour, catalog],
  );

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    if (!canvas.current || !badge) return;
    drawBadge(canvas.current, badge);
    let url: string | null = null;
    canvas.current.toBlob((blob) => {
      if (!blob) return;
      url = URL.createObjectURL(blob);
      setBadgeUrl(url);
    }, 'image/png');
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [badge]);

  if (!run || !result || !badge) return null;
  const code = encodeResult({
    tourId: tour.id,
    className: run.className,
    group: run.group,
    correct: result.correct,
    questions: result.questions,
    seconds: result.seconds,
    done: result.done,
    total: result.total,
    marks: answerMarks(tour, run),
  });
  const fileName = `lencana-${tour.id}.png`;
  const canShare = typeof navigator.canShare === 'function';

  const share = async () => {
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.current?.toBlob(resolve, 'image/png');
    });
    const file = blob ? new File([blob], fileName, { type: 'image/png' }) : null;
    if (!file || !navigator.canShare({ files: [file] })) {
      setShareProblem(true);
      return;
    }
    try {
      await navigator.share({
        files: [file],
        title: badge.tour,
        text: `${badge.group}: ${badge.score}`,
      });
    } catch (error) {
      // Closing the share sheet is not a problem; anything else is.
      if (!(error instanceof DOMException && error.name === 'AbortError')) setShareProblem(true);
    }
  };

  return (
    <section className="tour-finish" aria-labelledby="tour-finish-title">
      <h1 ref={heading} tabIndex={-1} id="tour-finish-title">
        {t('tour.finished')}
      </h1>
      <LangText text={tour.title} as="p" className="lead" />
      <ul className="tour-results">
        <li>{t('tour.score', { correct: result.correct, questions: result.questions })}</li>
        <li>{t('tour.stopsDone', { done: result.done, total: result.total })}</li>
        <li>{t('tour.time', { time: duration(result.seconds, t) })}</li>
        {result.players.map((player) => (
          <li key={player.name}>{t('tour.playerScore', player)}</li>
        ))}
      </ul>

      <h2>{t('tour.badge')}</h2>
      <canvas
        ref={canvas}
        className="tour-badge"
        role="img"
        aria-label={t('tour.badgeAlt', {
          tour: badge.tour,
          group: badge.group,
          score: badge.score,
          date: badge.date,
          library: badge.library,
        })}
      />
      <div className="button-row">
        {badgeUrl && (
          <a className="button" href={badgeUrl} download={fileName}>
            <Download aria-hidden="true" /> {t('tour.saveBadge')}
          </a>
        )}
        {canShare && (
          <button type="button" className="button button-quiet" onClick={() => void share()}>
            <Share2 aria-hidden="true" /> {t('tour.shareBadge')}
          </button>
        )}
      </div>
      <p role="status">{shareProblem ? t('tour.shareFailed') : ''}</p>

      <h2>{t('tour.resultCode')}</h2>
      <QrCode text={code} label={t('tour.resultCode')} />
      <p className="tour-code-text">{t('tour.resultCodeHelp', { code })}</p>

      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          if (window.confirm(t('tour.againConfirm'))) restart();
        }}
      >
        {t('tour.again')}
      </button>
    </section>
  );
}
