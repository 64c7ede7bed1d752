import { useState } from 'react';
import { clearSavedData } from '../../data/clear.ts';
import { Link } from 'wouter';
import { useT } from '../context.tsx';
import { paths } from '../paths.ts';

export function PrivacyPage() {
  const t = useT();
  const [cleared, setCleared] = useState(false);
  return (
    <article className="privacy-page">
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.camera')}</p>
      <p>{t('privacy.accounts')}</p>
      <p>{t('privacy.network')}</p>
      <h2>{t('privacy.stored')}</h2>
      <ul>
        <li>{t('privacy.storedPrefs')}</li>
        <li>{t('privacy.storedCatalog')}</li>
        <li>
          {t('privacy.storedFiles')} <Link href={paths.storage}>{t('nav.storage')}</Link>
        </li>
        <li>{t('privacy.storedTours')}</li>
        <li>{t('privacy.storedProgramme')}</li>
        <li>{t('privacy.storedDraft')}</li>
      </ul>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          void clearSavedData().then(() => {
            setCleared(true);
          });
        }}
      >
        {t('privacy.clear')}
      </button>
      <p role="status">{cleared ? t('privacy.cleared') : ''}</p>
    </article>
  );
}
