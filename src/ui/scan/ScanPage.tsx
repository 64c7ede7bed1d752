/**
 * The scan view (`/scan`, `/scan?shelf=<id>`): the camera picture fills the screen, the AR layer
 * draws over it, and everything the overlays show is also in the DOM below, for screen readers
 * and large text.
 */
import { X } from 'lucide-react';
import './scan.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { Link, useSearch } from 'wouter';
import { pickText } from '../../domain/langmap.ts';
import { createScanStore } from '../../state/scan-store.ts';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import { Diagnostics } from './Diagnostics.tsx';
import { PinnedCard, RecognitionSheet } from './RecognitionSheet.tsx';
import { ScanProblemPanel, ScanProgress } from './ScanPanels.tsx';
import { ScanSession, type ScanOptions } from './scan-session.ts';
import { ShelfPicker } from './ShelfPicker.tsx';
import { ScanStatus } from './ScanStatus.tsx';
import { useRecognisedOnce } from './use-recognised-once.ts';

const ArLayer = lazy(() => import('./ArLayer.tsx'));

/**
 * Tuning for staff (documented in the README): `quality=full|reduced` holds one level,
 * `minfps=N` sets the frame rate under which the scanner saves effort. Anything else is ignored.
 */
function scanOptions(params: URLSearchParams): ScanOptions {
  const quality = params.get('quality');
  const minFps = Number(params.get('minfps'));
  return {
    ...(quality === 'full' || quality === 'reduced' ? { quality } : {}),
    ...(Number.isFinite(minFps) && minFps >= 1 && minFps <= 60 ? { minFps } : {}),
    ...(params.has('diagnostics') ? { markPoses: true } : {}),
  };
}

export default function ScanPage({ closeHref = paths.home }: { closeHref?: string } = {}) {
  const t = useT();
  const lang = useLang();
  const { catalog, index } = useLoadedCatalog();
  const params = new URLSearchParams(useSearch());
  const requestedShelf = params.get('shelf');
  const diagnostics = params.has('diagnostics');
  const options = scanOptions(params);
  const video = useRef<HTMLVideoElement>(null);
  const [store] = useState(createScanStore);
  const [session, setSession] = useState<ScanSession | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const phase = useStore(store, (state) => state.phase);
  const activeSet = useStore(store, (state) => state.activeSet);
  const quality = useStore(store, (state) => state.quality);
  const recognisedOnce = useRecognisedOnce(store);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const current = new ScanSession(store, catalog, index, element, options);
    setSession(current);
    void current.start(requestedShelf);
    return current.pauseWhileHidden();
    // The address only chooses where to start (shelf, tuning); later changes go through switchTo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, index, store]);

  const activeShelf = activeSet?.shelfId ? index.shelves.get(activeSet.shelfId) : undefined;
  const showLayer =
    recognisedOnce && session?.engine && (phase === 'warmup' || phase === 'scanning');

  return (
    <div className="scan-view" data-phase={phase}>
      <video ref={video} className="scan-video" muted playsInline aria-hidden="true" />
      {showLayer && session.engine && (
        <Suspense fallback={null}>
          <ArLayer
            engine={session.engine}
            store={store}
            onModelProblem={(key, problem) => {
              session.reportModelProblem(key, problem);
            }}
          />
        </Suspense>
      )}

      <div className="scan-top">
        <Link href={closeHref} className="scan-close" aria-label={t('scan.close')}>
          <X aria-hidden="true" />
        </Link>
        <h1 className="scan-set-label">
          {activeShelf
            ? t('scan.activeShelf', { shelf: pickText(activeShelf.label, lang) })
            : t('scan.activeSigns')}
        </h1>
        <div className="scan-set-actions">
          {activeShelf && (
            <button
              type="button"
              className="chip-button"
              onClick={() => void session?.switchTo(null)}
            >
              {t('scan.allShelves')}
            </button>
          )}
          <button
            type="button"
            className="chip-button"
            onClick={() => {
              setPickerOpen(true);
            }}
          >
            {t('scan.pickShelf')}
          </button>
        </div>
      </div>

      <ScanStatus store={store} />
      {quality === 'reduced' && <p className="scan-note">{t('scan.reduced')}</p>}
      {(phase === 'camera' || phase === 'engine' || phase === 'warmup') && (
        <ScanProgress phase={phase} />
      )}
      {phase === 'paused' && <p className="scan-note">{t('scan.paused')}</p>}
      {phase === 'error' && session && (
        <ScanProblemPanel
          store={store}
          onRetry={() => {
            void session.start(activeSet?.shelfId ?? requestedShelf);
          }}
        />
      )}
      {session && <PinnedCard store={store} session={session} />}
      {phase !== 'error' && <RecognitionSheet store={store} session={session} />}
      {diagnostics && session && <Diagnostics store={store} session={session} video={video} />}
      {pickerOpen && session && (
        <ShelfPicker
          onPick={(shelfId) => {
            setPickerOpen(false);
            void session.switchTo(shelfId);
          }}
          onClose={() => {
            setPickerOpen(false);
          }}
        />
      )}
    </div>
  );
}
