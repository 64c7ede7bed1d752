import { CameraOff } from 'lucide-react';
import { Link } from 'wouter';
import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n/translate.ts';
import type { ScanPhase, ScanProblem, ScanStore } from '../../state/scan-store.ts';
import { useT } from '../context.tsx';
import { paths } from '../paths.ts';

const STEPS: Partial<Record<ScanPhase, { step: number; text: MessageKey }>> = {
  camera: { step: 1, text: 'scan.progress.camera' },
  engine: { step: 2, text: 'scan.progress.engine' },
  warmup: { step: 3, text: 'scan.progress.warmup' },
};

/** Start-up takes a few seconds on a phone: say which step it is on. */
export function ScanProgress({ phase }: { phase: ScanPhase }) {
  const t = useT();
  const current = STEPS[phase];
  if (!current) return null;
  return (
    <div
      className="scan-progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={3}
      aria-valuenow={current.step - 1}
      aria-label={t(current.text)}
    >
      <div className="scan-progress-bar">
        <span style={{ width: `${((current.step - 0.5) / 3) * 100}%` }} />
      </div>
      <p>
        {t(current.text)}{' '}
        <span className="muted">{t('scan.progress.step', { step: current.step })}</span>
      </p>
    </div>
  );
}

function problemTexts(problem: ScanProblem): {
  title: MessageKey;
  body: MessageKey;
  retry: boolean;
} {
  switch (problem.kind) {
    case 'camera':
      return {
        title: `scan.problem.${problem.problem}.title`,
        body: `scan.problem.${problem.problem}.body`,
        retry:
          problem.problem === 'denied' ||
          problem.problem === 'in-use' ||
          problem.problem === 'no-camera',
      };
    case 'webgl':
      return { title: 'scan.problem.webgl.title', body: 'scan.problem.webgl.body', retry: false };
    case 'targets':
      return problem.problem === 'offline'
        ? {
            title: 'scan.problem.targets.offline.title',
            body: 'scan.problem.targets.offline.body',
            retry: true,
          }
        : {
            title: 'scan.problem.targets.other.title',
            body: 'scan.problem.targets.other.body',
            retry: true,
          };
    case 'engine':
      return { title: 'scan.problem.engine.title', body: 'scan.problem.engine.body', retry: true };
  }
}

/** What went wrong, in the visitor's language, with a way forward. */
export function ScanProblemPanel({ store, onRetry }: { store: ScanStore; onRetry: () => void }) {
  const t = useT();
  const problem = useStore(store, (state) => state.problem);
  if (!problem) return null;
  const texts = problemTexts(problem);
  return (
    <section className="scan-problem" role="alert" aria-labelledby="scan-problem-title">
      <CameraOff aria-hidden="true" className="scan-problem-icon" />
      <h2 id="scan-problem-title">{t(texts.title)}</h2>
      <p>{t(texts.body)}</p>
      <div className="button-row">
        {texts.retry && (
          <button type="button" className="button" onClick={onRetry}>
            {t('scan.retry')}
          </button>
        )}
        <Link href={paths.browse} className="button button-quiet">
          {t('scan.noCamera')}
        </Link>
      </div>
    </section>
  );
}
