/**
 * The scan engine restricted to one tour stop: it starts on the target set that recognises the
 * stop's cover or sign, never wanders to a shelf when a sign is seen, and reports every
 * recognition to the runner, which decides between "found" and a hint.
 *
 * Between stops the camera stays open (hidden) for a while, so the next scan starts at once; the
 * runner unmounts it after that, which closes the camera.
 */
import { X } from 'lucide-react';
import '../scan/scan.css';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { TargetRef } from '../../domain/targets.ts';
import { createScanStore } from '../../state/scan-store.ts';
import { useLoadedCatalog } from '../context.tsx';
import { ScanProblemPanel, ScanProgress } from '../scan/ScanPanels.tsx';
import { ScanSession } from '../scan/scan-session.ts';
import { useRecognisedOnce } from '../scan/use-recognised-once.ts';
import { useTourT } from './i18n.ts';

const ArLayer = lazy(() => import('../scan/ArLayer.tsx'));

interface Props {
  readonly target: TargetRef;
  readonly open: boolean;
  /** A hint or confirmation to show over the camera, announced. */
  readonly message: string;
  readonly onRecognised: (target: TargetRef) => void;
  readonly onClose: () => void;
}

export function TourScanner({ target, open, message, onRecognised, onClose }: Props) {
  const t = useTourT();
  const { catalog, index } = useLoadedCatalog();
  const video = useRef<HTMLVideoElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [store] = useState(createScanStore);
  const [session, setSession] = useState<ScanSession | null>(null);
  const phase = useStore(store, (state) => state.phase);
  const recognisedOnce = useRecognisedOnce(store);
  const latest = useRef({ open, onRecognised, target });
  useLayoutEffect(() => {
    latest.current = { open, onRecognised, target };
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const current = new ScanSession(store, catalog, index, element, { followSigns: false });
    setSession(current);
    void current.startFor(latest.current.target);
    return current.pauseWhileHidden();
  }, [catalog, index, store]);

  // The next stop: the same camera, the set that recognises its target.
  useEffect(() => {
    if (open) void session?.scanFor(target);
  }, [open, session, target]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const event = state.lastEvent;
        if (!event || event === previous.lastEvent || event.type !== 'found') return;
        if (latest.current.open) latest.current.onRecognised({ kind: event.kind, id: event.id });
      }),
    [store],
  );

  useEffect(() => {
    if (!open) return;
    // A browser may pause a video it thinks nobody sees; the next stop needs it running.
    if (video.current?.paused && video.current.srcObject)
      void video.current.play().catch(() => undefined);
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [open, onClose]);

  const showLayer =
    open && recognisedOnce && session?.engine && (phase === 'warmup' || phase === 'scanning');
  return (
    <div
      className={`scan-view tour-scanner${open ? '' : ' is-hidden'}`}
      data-phase={phase}
      role="dialog"
      aria-modal="true"
      aria-label={t('tour.scan')}
      aria-hidden={!open}
      inert={!open}
    >
      <video ref={video} className="scan-video" muted playsInline aria-hidden="true" />
      {showLayer && session.engine && (
        <Suspense fallback={null}>
          <ArLayer engine={session.engine} store={store} onModelProblem={() => undefined} />
        </Suspense>
      )}
      <div className="scan-top">
        <button
          ref={closeButton}
          type="button"
          className="scan-close"
          aria-label={t('tour.scanClose')}
          onClick={onClose}
        >
          <X aria-hidden="true" />
        </button>
        <h2 className="scan-set-label">
          {t('tour.scanning', {
            what: t(target.kind === 'book' ? 'tour.lookFor.book' : 'tour.lookFor.shelf'),
          })}
        </h2>
      </div>
      <p role="status" className={`scan-status${message ? ' is-visible' : ''}`}>
        {open ? message : ''}
      </p>
      {(phase === 'camera' || phase === 'engine' || phase === 'warmup') && (
        <ScanProgress phase={phase} />
      )}
      {phase === 'error' && session && (
        <ScanProblemPanel
          store={store}
          onRetry={() => {
            void session.startFor(latest.current.target);
          }}
        />
      )}
    </div>
  );
}
