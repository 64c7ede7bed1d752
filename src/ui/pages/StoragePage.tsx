import { useCallback, useEffect, useState } from 'react';
import {
  listPacks,
  removePack,
  storageFigures,
  type SavedPack,
  type StorageFigures,
} from '../../data/offline-packs.ts';
import { pickText } from '../../domain/langmap.ts';
import { formatBytes, formatShortDate } from '../../i18n/format.ts';
import { LangText } from '../components/LangText.tsx';
import { useLang, useT } from '../context.tsx';

/** What is saved on this device for offline use, and the room left. */
export function StoragePage() {
  const t = useT();
  const lang = useLang();
  const [packs, setPacks] = useState<SavedPack[] | null>(null);
  const [figures, setFigures] = useState<StorageFigures | null>(null);

  const refresh = useCallback(async () => {
    const [list, storage] = await Promise.all([listPacks(), storageFigures()]);
    setPacks(list);
    setFigures(storage);
  }, []);

  useEffect(() => {
    let current = true;
    void Promise.all([listPacks(), storageFigures()]).then(([list, storage]) => {
      if (!current) return;
      setPacks(list);
      setFigures(storage);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <article className="storage-page">
      <h1>{t('storage.title')}</h1>
      <p className="lead">{t('storage.lead')}</p>
      {figures && (
        <p>
          {figures.usage !== null && figures.quota !== null
            ? t('storage.used', {
                used: formatBytes(figures.usage, lang),
                quota: formatBytes(figures.quota, lang),
              })
            : t('storage.unknown')}{' '}
          {t(figures.persisted ? 'storage.persisted' : 'storage.notPersisted')}
        </p>
      )}
      {packs?.length === 0 && <p>{t('storage.none')}</p>}
      {packs && packs.length > 0 && (
        <ul className="pack-list">
          {packs.map((pack) => (
            <li key={pack.id}>
              <div>
                <span className="muted">
                  {t(pack.ref.kind === 'shelf' ? 'storage.shelf' : 'storage.tour')}
                </span>{' '}
                <LangText text={pack.title} as="strong" />
                {pack.library && (
                  <>
                    {' '}
                    <span className="muted">
                      {t('storage.from', { library: pickText(pack.library, lang) })}
                    </span>
                  </>
                )}
                <br />
                {formatBytes(pack.bytes, lang)} · {formatShortDate(pack.savedAt, lang)}
                {!pack.includesModels && ` · ${t('pack.savedWithoutModels')}`}
              </div>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  void removePack(pack.id).then(refresh);
                }}
              >
                {t('pack.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
