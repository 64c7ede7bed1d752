import { needsIosInstallSteps } from '../../data/pwa.ts';
import { useAppStatus, useT } from '../context.tsx';

/** Installing the app: Chrome's prompt where offered, the steps on iOS, a hint elsewhere. */
export function InstallSection() {
  const t = useT();
  const markInstalled = useAppStatus((state) => state.markInstalled);
  const install = useAppStatus((state) => state.install);
  const installed = useAppStatus((state) => state.installed);
  return (
    <section aria-labelledby="install-title">
      <h2 id="install-title">{t('install.title')}</h2>
      {installed ? (
        <p>{t('install.done')}</p>
      ) : (
        <>
          <p>{t('install.lead')}</p>
          {install ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                void install().then((accepted) => {
                  if (accepted) markInstalled();
                });
              }}
            >
              {t('install.button')}
            </button>
          ) : (
            <p className="muted">
              {needsIosInstallSteps() ? t('install.ios') : t('install.unavailable')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
