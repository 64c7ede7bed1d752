/**
 * The teacher's camera, reading the groups' result QR codes one after another. Each distinct code
 * is handed over once; the same code held up again is ignored for a few seconds.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  attachStream,
  CameraError,
  closeCamera,
  FULL_SIZE,
  openCamera,
} from '../../data/camera.ts';
import { createQrReader, type QrReader } from '../../tracking/qr-reader.ts';
import { useTourT } from './i18n.ts';

const READ_EVERY_MS = 250;
const SAME_CODE_QUIET_MS = 5_000;

export function ResultScanner({ onCode }: { onCode: (text: string) => void }) {
  const t = useTourT();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState(false);
  const latest = useRef(onCode);
  useLayoutEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    const session = {
      stopped: false,
      stream: null as MediaStream | null,
      reader: null as QrReader | null,
      timer: 0,
    };
    const last = { text: '', at: 0 };
    const tick = async () => {
      const element = video.current;
      if (session.stopped || !element || !session.reader) return;
      const text = await session.reader.read(element);
      const now = Date.now();
      if (text && (text !== last.text || now - last.at > SAME_CODE_QUIET_MS)) {
        latest.current(text);
      }
      if (text) Object.assign(last, { text, at: now });
      // After a stop, the next tick returns at once.
      session.timer = window.setTimeout(() => void tick(), READ_EVERY_MS);
    };
    void (async () => {
      try {
        session.reader = await createQrReader();
        session.stream = await openCamera(FULL_SIZE);
        const element = video.current;
        if (session.stopped || !element) {
          closeCamera(session.stream);
          return;
        }
        await attachStream(element, session.stream);
        void tick();
      } catch (error) {
        if (!session.stopped) setProblem(true);
        if (!(error instanceof CameraError)) console.warn('Result scanner failed', error);
      }
    })();
    return () => {
      session.stopped = true;
      window.clearTimeout(session.timer);
      session.reader?.dispose();
      closeCamera(session.stream);
    };
  }, []);

  return (
    <div className="result-scanner">
      {problem ? (
        <p role="alert">{t('teacher.cameraProblem')}</p>
      ) : (
        <video ref={video} className="result-scanner-video" muted playsInline aria-hidden="true" />
      )}
    </div>
  );
}
