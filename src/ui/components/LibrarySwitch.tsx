/**
 * A link to a library the visitor has not opened before asks first: which library, from which
 * host, and which one is open now. Declining keeps the visitor's library as it was.
 */
import { useEffect, useRef } from 'react';
import { feedHost } from '../../domain/feed-url.ts';
import { pickText } from '../../domain/langmap.ts';
import { useCatalogState, useLang, useT } from '../context.tsx';

export function LibrarySwitchDialog() {
  const t = useT();
  const lang = useLang();
  const pending = useCatalogState((state) => state.pending);
  const current = useCatalogState((state) => state.catalog?.library.name);
  const accept = useCatalogState((state) => state.accept);
  const decline = useCatalogState((state) => state.decline);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // A modal dialog: the page behind cannot be used until the visitor answers.
    if (pending && !element.open) element.showModal();
    if (!pending && element.open) element.close();
  }, [pending]);

  const name = pending ? pickText(pending.name, lang) : '';
  const currentName = current ? pickText(current, lang) : '';
  return (
    <dialog
      ref={dialog}
      className="library-switch"
      aria-labelledby="library-switch-title"
      onCancel={(event) => {
        // Escape means no.
        event.preventDefault();
        decline();
      }}
    >
      {pending && (
        <>
          <h2 id="library-switch-title">{t('library.askTitle')}</h2>
          <p>
            {currentName
              ? t('library.askText', { name, host: pending.host, current: currentName })
              : t('library.askTextFirst', { name, host: pending.host })}
          </p>
          <p className="muted">{t('library.askNote')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void accept()}>
              {t('library.open', { name })}
            </button>
            <button type="button" className="button button-quiet" onClick={decline}>
              {currentName ? t('library.stay', { name: currentName }) : t('library.stayPlain')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** Which library is open and from where: "from perpustakaan.example", or the demo. */
export function LibrarySource({ className }: { className?: string }) {
  const t = useT();
  const shownUrl = useCatalogState((state) => state.shownUrl);
  const defaultUrl = useCatalogState((state) => state.defaultUrl);
  if (!shownUrl) return null;
  return (
    <span className={className}>
      {shownUrl === defaultUrl
        ? t('library.demo')
        : t('library.from', { host: feedHost(shownUrl) })}
    </span>
  );
}
