/**
 * The editor's first screen: while the draft is still empty, it asks where to begin (the catalog
 * visitors see now, a ZIP exported earlier, or an empty draft). Each choice is one undoable step.
 */
import { FilePlus2, Globe } from 'lucide-react';
import { useId, useState } from 'react';
import { DraftStorageError } from '../../data/draft-files.ts';
import { BUNDLE_LIMITS } from '../../editor/bundle.ts';
import { importBundle, importCatalog } from '../../editor/publish.ts';
import { useCatalogState, useLang } from '../context.tsx';
import { useEditorT } from './i18n.ts';
import { useEditor, useEditorStore } from './store.ts';
import { ZipPicker } from './ZipPicker.tsx';

/** Nothing in the draft yet, and no start chosen. */
export function useFreshDraft(): boolean {
  return useEditor(
    (state) =>
      !state.started &&
      state.draft.source.books.length === 0 &&
      state.draft.source.shelves.length === 0 &&
      (state.draft.source.stories?.length ?? 0) === 0,
  );
}

export function EditorStart() {
  const store = useEditorStore();
  const t = useEditorT();
  const lang = useLang();
  const catalog = useCatalogState((state) => state.catalog);
  const [status, setStatus] = useState<{ busy?: string; failed?: string }>({});
  const ids = { published: useId(), zip: useId(), empty: useId() };

  const failed = (error: unknown) => {
    setStatus({
      failed:
        error instanceof DraftStorageError && error.full ? t('editor.storageFull') : String(error),
    });
  };
  const progress = (done: number, total: number) => {
    setStatus({ busy: t('editor.publish.importing', { done, total }) });
  };

  const fromPublished = async () => {
    if (!catalog) return;
    try {
      progress(0, 1);
      const draft = await importCatalog(catalog, progress);
      store.getState().replace(draft);
      store.getState().start();
    } catch (error) {
      failed(error);
    }
  };

  const fromZip = async (file: File) => {
    if (file.size > BUNDLE_LIMITS.zipBytes) {
      setStatus({ failed: t('editor.publish.zipTooLarge') });
      return;
    }
    try {
      progress(0, 1);
      const result = await importBundle(new Uint8Array(await file.arrayBuffer()), progress);
      if (result.ok) {
        store.getState().replace(result.draft);
        store.getState().start();
      } else {
        setStatus({
          failed: result.issues
            .slice(0, 5)
            .map((issue) => issue.message[lang])
            .join('; '),
        });
      }
    } catch (error) {
      failed(error);
    }
  };

  const busy = status.busy !== undefined;
  return (
    <section className="editor-start" aria-labelledby="editor-start-title">
      <h2 id="editor-start-title">{t('editor.start.title')}</h2>
      <p>{t('editor.start.lead')}</p>
      <ul className="editor-start-choices">
        <li>
          <button
            type="button"
            className="button"
            disabled={busy || !catalog}
            aria-describedby={ids.published}
            onClick={() => void fromPublished()}
          >
            <Globe aria-hidden="true" />
            {t('editor.start.published')}
          </button>
          <span id={ids.published} className="field-hint">
            {t('editor.start.publishedHint')}
          </span>
        </li>
        <li>
          <ZipPicker
            label={t('editor.start.zip')}
            disabled={busy}
            describedBy={ids.zip}
            onFile={(file) => void fromZip(file)}
          />
          <span id={ids.zip} className="field-hint">
            {t('editor.start.zipHint')}
          </span>
        </li>
        <li>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            aria-describedby={ids.empty}
            onClick={() => {
              store.getState().start();
            }}
          >
            <FilePlus2 aria-hidden="true" />
            {t('editor.start.empty')}
          </button>
          <span id={ids.empty} className="field-hint">
            {t('editor.start.emptyHint')}
          </span>
        </li>
      </ul>
      {status.busy && (
        <p role="status" className="muted">
          {status.busy}
        </p>
      )}
      {status.failed && (
        <p role="alert" className="pack-problem">
          {status.failed}
        </p>
      )}
    </section>
  );
}
