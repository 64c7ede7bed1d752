import { useEffect, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { ScanStore } from '../../state/scan-store.ts';
import { useT } from '../context.tsx';
import type { ScanSession } from './scan-session.ts';

/** For staff and tests (`/scan?diagnostics`): how the tracker is doing on this phone. */
export function Diagnostics({
  store,
  session,
  video,
}: {
  store: ScanStore;
  session: ScanSession;
  video: RefObject<HTMLVideoElement | null>;
}) {
  const t = useT();
  const fps = useStore(store, (state) => state.fps);
  const quality = useStore(store, (state) => state.quality);
  const set = useStore(store, (state) => state.activeSet?.id ?? '–');
  const only = useStore(store, (state) => state.activeSet?.only ?? '–');
  const [memory, setMemory] = useState<{ tensors: number; bytes: number } | null>(null);
  const [camera, setCamera] = useState('–');
  useEffect(() => {
    const timer = setInterval(() => {
      setMemory(session.memory());
      const element = video.current;
      if (element) setCamera(`${element.videoWidth}×${element.videoHeight}`);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [session, video]);
  return (
    <dl className="scan-diagnostics" aria-label={t('diag.title')}>
      <dt>{t('diag.fps')}</dt>
      <dd data-testid="diag-fps">{fps ?? '–'}</dd>
      <dt>{t('diag.quality')}</dt>
      <dd data-testid="diag-quality">{quality}</dd>
      <dt>{t('diag.camera')}</dt>
      <dd data-testid="diag-camera">{camera}</dd>
      <dt>{t('diag.set')}</dt>
      <dd data-testid="diag-set">{set}</dd>
      <dt>{t('diag.only')}</dt>
      <dd data-testid="diag-only">{only}</dd>
      <dt>{t('diag.tensors')}</dt>
      <dd data-testid="diag-tensors">{memory?.tensors ?? '–'}</dd>
      <dt>{t('diag.bytes')}</dt>
      <dd data-testid="diag-bytes">{memory ? memory.bytes : '–'}</dd>
    </dl>
  );
}
