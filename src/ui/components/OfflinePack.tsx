import { Download, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import {
  downloadPack,
  findPack,
  PackError,
  removePack,
  type PackProblem,
  type SavedPack,
} from '../../data/offline-packs.ts';
import { isPackOutdated, packId, planPack, type PackRef } from '../../domain/packs.ts';
import { pickText } from '../../domain/langmap.ts';
import { formatBytes, formatShortDate } from '../../i18n/format.ts';
import { useCatalogState, useLang, useLoadedCatalog, useT } from '../context.tsx';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'downloading'; readonly done: number; readonly total: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'removed' }
  | { readonly kind: 'failed'; readonly problem: PackProblem };

/** "Save for offline" for a shelf or a tour: size first, progress while it runs, a clear result. */
export function OfflinePack({
  target,
  of,
}: {
  target: PackRef;
  /** What the pack holds, where a page lists several packs: their regions need distinct names. */
  of?: string;
}) {
  const t = useT();
  const lang = useLang();
  const { catalog, index } = useLoadedCatalog();
  const feedUrl = useCatalogState((state) => state.shownUrl) ?? catalog.sourceUrl;
  const plan = planPack(catalog, index, target);
  const [saved, setSaved] = useState<SavedPack | null>(null);
  const [includeModels, setIncludeModels] = useState(true);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const id = packId(target);

  useEffect(() => {
    let current = true;
    void findPack(feedUrl, target).then((pack) => {
      if (current) setSaved(pack ?? null);
    });
    return () => {
      current = false;
    };
    // `target` is described by `id`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [feedUrl, id]);

  if (!plan) return null;
  const outdated = saved !== null && isPackOutdated(plan, saved);
  const size = includeModels ? plan.bytes : plan.bytesWithoutModels;
  const modelBytes = plan.bytes - plan.bytesWithoutModels;
  const headingId = `pack-${id.replace(':', '-')}`;

  const download = async (withModels = includeModels) => {
    setStatus({ kind: 'downloading', done: 0, total: size });
    try {
      const pack = await downloadPack(plan, {
        includeModels: withModels,
        feedUrl,
        library: catalog.library.name,
        onProgress: (done, total) => {
          setStatus({ kind: 'downloading', done, total });
        },
      });
      setSaved(pack);
      setStatus({ kind: 'done' });
    } catch (error) {
      setStatus({
        kind: 'failed',
        problem: error instanceof PackError ? error.problem : 'offline',
      });
    }
  };

  const remove = async () => {
    if (saved) await removePack(saved.id);
    setSaved(null);
    setStatus({ kind: 'removed' });
  };

  return (
    <section
      className="offline-pack"
      {...(of ? { 'aria-label': `${t('pack.title')}: ${of}` } : { 'aria-labelledby': headingId })}
    >
      <h2 id={headingId}>{t('pack.title')}</h2>
      {saved ? (
        <>
          <p className="pack-saved">
            {t('pack.saved', {
              size: formatBytes(saved.bytes, lang),
              date: formatShortDate(saved.savedAt, lang),
            })}
            {!saved.includesModels && ` (${t('pack.savedWithoutModels')})`}
          </p>
          {outdated && (
            <>
              <p className="pack-problem">{t('pack.outdated')}</p>
              <button
                type="button"
                className="button"
                disabled={status.kind === 'downloading'}
                onClick={() => {
                  setIncludeModels(saved.includesModels);
                  void download(saved.includesModels);
                }}
              >
                <Download aria-hidden="true" />
                {t('pack.update')}
              </button>
            </>
          )}
          <button type="button" className="button button-quiet" onClick={() => void remove()}>
            <Trash2 aria-hidden="true" />
            {t('pack.remove')}
          </button>
        </>
      ) : (
        <>
          <p>{t('pack.lead')}</p>
          {modelBytes > 0 && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includeModels}
                disabled={status.kind === 'downloading'}
                onChange={(event) => {
                  setIncludeModels(event.target.checked);
                }}
              />
              {t('pack.includeModels', { size: formatBytes(modelBytes, lang) })}
            </label>
          )}
          <button
            type="button"
            className="button"
            disabled={status.kind === 'downloading'}
            onClick={() => void download()}
          >
            <Download aria-hidden="true" />
            {t('pack.download', { size: formatBytes(size, lang) })}
          </button>
        </>
      )}
      {status.kind === 'downloading' && (
        <div className="pack-progress">
          <progress max={status.total} value={status.done} aria-label={t('pack.title')} />
          <span>
            {t('pack.downloading', {
              done: formatBytes(status.done, lang),
              total: formatBytes(status.total, lang),
            })}
          </span>
        </div>
      )}
      <p role="status" className="pack-result">
        {status.kind === 'done' && t('pack.done', { title: pickText(plan.title, lang) })}
        {status.kind === 'removed' && t('pack.removed')}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="pack-problem">
          {t(`pack.problem.${status.problem}`)}
        </p>
      )}
    </section>
  );
}
