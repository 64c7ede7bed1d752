/**
 * The tour stop by stop: where to go, the scan (or the no-camera way), then the stop's narration
 * and question. The camera scanner stays mounted between stops for a while, hidden, so the next
 * scan starts without waiting for the camera and the tracker again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CatalogIndex, Tour } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { setFor } from '../../domain/scan.ts';
import type { TargetRef } from '../../domain/targets.ts';
import { stopTexts } from '../../domain/tours/bands.ts';
import { furthestStop, isStopDone } from '../../domain/tours/run.ts';
import type { TourRunStore } from '../../state/tour-run-store.ts';
import { FloorPlan } from '../components/FloorPlan.tsx';
import { LangText } from '../components/LangText.tsx';
import { useLang, useLoadedCatalog } from '../context.tsx';
import type { TourTranslate } from '../../i18n/tour-messages.ts';
import { useTourT } from './i18n.ts';
import { StopFound, StopSearch } from './StopParts.tsx';
import { TourScanner } from './TourScanner.tsx';

/** How long the hidden camera stays open after a stop is found. */
const KEEP_CAMERA_MS = 90_000;

export function targetName(
  target: TargetRef,
  index: CatalogIndex,
  lang: string,
  t: TourTranslate,
): string {
  if (target.kind === 'book') {
    const book = index.books.get(target.id);
    return book ? pickText(book.title, lang) : target.id;
  }
  const shelf = index.shelves.get(target.id);
  return t('scan.shelfName', { shelf: shelf ? pickText(shelf.label, lang) : target.id });
}

export function RunView({
  tour,
  store,
  resumed,
}: {
  tour: Tour;
  store: TourRunStore;
  resumed: boolean;
}) {
  const t = useTourT();
  const lang = useLang();
  const { catalog, index } = useLoadedCatalog();
  const run = useStore(store, (state) => state.run);
  const lastScan = useStore(store, (state) => state.lastScan);
  const unsaved = useStore(store, (state) => state.unsaved);
  const actions = useStore(store, (state) => state);
  const [scannerMounted, setScannerMounted] = useState(false);
  const [scannerOpen, setScannerOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const current = run?.current ?? 0;
  useEffect(() => {
    // A new stop: keyboard and screen-reader users start at its heading (not on the first render).
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [current]);

  // The hidden camera closes after a while.
  useEffect(() => {
    if (!scannerMounted || scannerOpen) return;
    const timer = window.setTimeout(() => {
      setScannerMounted(false);
    }, KEEP_CAMERA_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [scannerMounted, scannerOpen]);

  const stop = tour.stops[current];
  const onRecognised = useCallback(
    (target: TargetRef) => {
      if (store.getState().scanned(target).kind === 'found') setScannerOpen(false);
    },
    [store],
  );
  const closeScanner = useCallback(() => {
    setScannerOpen(false);
  }, []);
  if (!run || !stop) return null;

  const progress = run.stops[current];
  const texts = stopTexts(stop, run.band);
  const done = run.stops.filter((_, i) => isStopDone(tour, run, i)).length;
  const furthest = furthestStop(tour, run);
  const shelfId = stop.find.kind === 'book' ? index.books.get(stop.find.id)?.shelfId : stop.find.id;
  const shelf = shelfId ? index.shelves.get(shelfId) : undefined;
  const scannable = setFor(catalog, stop.find) !== undefined;
  const found = progress?.status === 'found';
  const hint =
    lastScan?.outcome === 'other'
      ? t('tour.hint', {
          name: targetName(lastScan.target, index, lang, t),
          instruction: pickText(texts.instruction, lang),
        })
      : '';

  return (
    <section className="tour-run" aria-labelledby="tour-title">
      <LangText text={tour.title} as="p" className="tour-run-title" id="tour-title" />
      {resumed && (
        <p className="note" role="status">
          {t('tour.resumed', { group: run.group, n: current + 1 })}
        </p>
      )}
      {unsaved && (
        <p className="alert" role="alert">
          {t('tour.unsaved')}
        </p>
      )}
      <div className="tour-progress">
        <div
          role="progressbar"
          aria-label={t('tour.progress')}
          aria-valuemin={0}
          aria-valuemax={tour.stops.length}
          aria-valuenow={done}
          aria-valuetext={t('tour.progressText', { done, total: tour.stops.length })}
          className="tour-progress-bar"
        >
          <span style={{ width: `${(done / tour.stops.length) * 100}%` }} />
        </div>
        <p>{t('tour.progressText', { done, total: tour.stops.length })}</p>
      </div>
      <nav aria-label={t('tour.stops')} className="tour-stop-nav">
        <ol>
          {tour.stops.map((s, i) => {
            const state = run.stops[i]?.status;
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className="tour-stop-chip"
                  disabled={i > Math.min(furthest, tour.stops.length - 1)}
                  aria-current={i === current ? 'step' : undefined}
                  onClick={() => {
                    actions.goTo(i);
                  }}
                >
                  {t('tour.stopButton', { n: i + 1 })}
                  {state === 'found' && ` ✓`}
                  {state === 'skipped' && ` (${t('tour.stopSkipped')})`}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <h1 ref={heading} tabIndex={-1} className="tour-stop-heading">
        {t('tour.stopHeading', { n: current + 1, total: tour.stops.length })}
      </h1>
      <LangText text={texts.instruction} as="p" className="tour-instruction" />
      {shelf && (
        <details className="tour-where" open={!found}>
          <summary>{t('tour.where')}</summary>
          <p>{t('tour.whereShelf', { shelf: pickText(shelf.label, lang) })}</p>
          <FloorPlan shelf={shelf} />
        </details>
      )}

      {found ? (
        <StopFound tour={tour} store={store} />
      ) : progress?.status === 'todo' ? (
        <StopSearch
          tour={tour}
          store={store}
          scannable={scannable}
          onScan={() => {
            setScannerMounted(true);
            setScannerOpen(true);
          }}
        />
      ) : (
        <StopFound tour={tour} store={store} />
      )}

      {scannerMounted && (
        <TourScanner
          target={stop.find}
          open={scannerOpen}
          message={hint}
          onRecognised={onRecognised}
          onClose={closeScanner}
        />
      )}
    </section>
  );
}
