/**
 * "Try it": the visitor scan view, same engine and overlays, on the draft instead of the published
 * catalog. Its files come from this device, so it works before anything is uploaded.
 */
import { useEffect, useMemo, useState } from 'react';
import './editor.css';
import { Link } from 'wouter';
import type { Catalog } from '../../domain/catalog.ts';
import type { FeedIssue } from '../../domain/feed/issues.ts';
import { catalogForTrying } from '../../editor/try-it.ts';
import { createStaticCatalogStore } from '../../state/catalog-store.ts';
import { StoresProvider, useLang, useStores } from '../context.tsx';
import { useEditorT } from './i18n.ts';
import ScanPage from '../scan/ScanPage.tsx';
import { paths } from '../paths.ts';
import { useEditorStore, useDraftLoaded } from './store.ts';

type Preparing =
  | { readonly kind: 'preparing' }
  | { readonly kind: 'ready'; readonly catalog: Catalog }
  | { readonly kind: 'issues'; readonly issues: readonly FeedIssue[] }
  | { readonly kind: 'failed'; readonly message: string };

function DraftScan({ catalog }: { catalog: Catalog }) {
  const stores = useStores();
  const draftStores = useMemo(
    () => ({ ...stores, catalog: createStaticCatalogStore(catalog) }),
    [stores, catalog],
  );
  return (
    <StoresProvider stores={draftStores}>
      <ScanPage closeHref={paths.editor} />
    </StoresProvider>
  );
}

export default function TryItPage() {
  const store = useEditorStore();
  const t = useEditorT();
  const lang = useLang();
  const loaded = useDraftLoaded();
  const [state, setState] = useState<Preparing>({ kind: 'preparing' });
  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    // From a book's form: that book alone, so unfinished books elsewhere do not stop the try.
    const book = new URLSearchParams(location.search).get('book') ?? undefined;
    catalogForTrying(store.getState().draft, book).then(
      (result) => {
        if (!cancelled)
          setState(
            result.ok
              ? { kind: 'ready', catalog: result.catalog }
              : { kind: 'issues', issues: result.issues },
          );
      },
      (error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', message: String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [loaded, store]);

  if (state.kind === 'ready') return <DraftScan catalog={state.catalog} />;
  return (
    <section className="try-it">
      <h1>{t('editor.tryTitle')}</h1>
      {state.kind === 'preparing' && (
        <p role="status" className="loading">
          {t('editor.tryChecking')}
        </p>
      )}
      {state.kind === 'issues' && (
        <div role="alert">
          <p>{t('editor.tryNotReady')}</p>
          <p>{t('editor.publish.issues', { count: state.issues.length })}</p>
          <ul>
            {state.issues.map((issue, index) => (
              <li key={`${issue.path}-${String(index)}`}>{issue.message[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="pack-problem">
          {state.message}
        </p>
      )}
      <Link href={paths.editor} className="button">
        {t('editor.tryBack')}
      </Link>
    </section>
  );
}
