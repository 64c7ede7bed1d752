import { RefreshCw } from 'lucide-react';
import { useAppStatus, useT } from '../context.tsx';

/**
 * Offers the new version when one is waiting. The app never reloads on its own; the scan view does
 * not show this at all, so a visitor in the middle of scanning is never interrupted.
 */
export function UpdatePrompt() {
  const t = useT();
  const dismiss = useAppStatus((state) => state.dismissUpdate);
  const applyUpdate = useAppStatus((state) => state.applyUpdate);
  const dismissed = useAppStatus((state) => state.updateDismissed);
  if (!applyUpdate || dismissed) return null;
  return (
    <div role="status" className="update-prompt">
      <RefreshCw aria-hidden="true" />
      <span>{t('update.ready')}</span>
      <div className="button-row">
        <button type="button" className="button" onClick={applyUpdate}>
          {t('update.reload')}
        </button>
        <button type="button" className="button button-quiet" onClick={dismiss}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
