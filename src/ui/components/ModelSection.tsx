/**
 * "3D model" on a book's or a story's page: the model without the camera, for everyone, and in the
 * room where the phone has WebXR. Nothing is downloaded until the visitor asks: models cost data.
 */
import { lazy, Suspense, useId, useState } from 'react';
import type { ModelOverlay } from '../../domain/catalog.ts';
import { pickText, type LangMap } from '../../domain/langmap.ts';
import { formatBytes } from '../../i18n/format.ts';
import { useLang, useT } from '../context.tsx';
import { webglAvailable } from '../webgl.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

const ModelViewer = lazy(() => import('../model/ModelViewer.tsx'));

export function ModelSection({
  model,
  fallbackTitle,
  coverWidthMm,
}: {
  model: ModelOverlay;
  /** Names the model when the feed gives it no title of its own. */
  fallbackTitle: LangMap;
  coverWidthMm?: number | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const headingId = useId();
  // Checked once, when asked: each check creates a WebGL context.
  const [shown, setShown] = useState<'no' | 'yes' | 'no-webgl'>('no');
  const [attempt, setAttempt] = useState(0);
  const title = pickText(model.title ?? fallbackTitle, lang);
  const size = model.asset.size;

  let body;
  if (shown === 'no') {
    body = (
      <button
        type="button"
        className="button"
        onClick={() => {
          setShown(webglAvailable() ? 'yes' : 'no-webgl');
        }}
      >
        {size ? t('model.showSize', { size: formatBytes(size, lang) }) : t('model.show')}
      </button>
    );
  } else if (shown === 'no-webgl') {
    body = (
      <p role="alert" className="pack-problem">
        {t('model.noWebgl')}
      </p>
    );
  } else {
    body = (
      <ErrorBoundary
        resetKey={String(attempt)}
        fallback={() => (
          <p role="alert" className="pack-problem">
            {t('model.failed')}
          </p>
        )}
      >
        <Suspense fallback={<p role="status">{t('model.loading')}</p>}>
          <ModelViewer
            key={attempt}
            model={model}
            title={title}
            coverWidthMm={coverWidthMm}
            onRetry={() => {
              setAttempt((value) => value + 1);
            }}
          />
        </Suspense>
      </ErrorBoundary>
    );
  }

  return (
    <section aria-labelledby={headingId} className="model-section">
      <h2 id={headingId}>{t('model.heading')}</h2>
      <p>{title}</p>
      {body}
    </section>
  );
}
