/**
 * The scan view's frame while the catalog and the view's own chunk are still on their way: a
 * visitor who opened `/scan` from a QR code sees at once where they are, what to do and how to
 * leave, instead of a bare "loading" line. It lives in the entry chunk (with the scan styles) and
 * is laid out exactly like the view that replaces it, so nothing moves when the view arrives.
 */
import { X } from 'lucide-react';
import './scan.css';
import { Link, useSearch } from 'wouter';
import { useT } from '../context.tsx';
import { paths } from '../paths.ts';

export function ScanShell() {
  const t = useT();
  // A shelf's QR code names the shelf, whose label comes with the catalog: until then, say "covers".
  const forShelf = new URLSearchParams(useSearch()).has('shelf');
  return (
    <div className="scan-view" data-phase="catalog">
      <div className="scan-top">
        <Link href={paths.home} className="scan-close" aria-label={t('scan.close')}>
          <X aria-hidden="true" />
        </Link>
        <h1 className="scan-set-label">{forShelf ? t('scan.title') : t('scan.activeSigns')}</h1>
      </div>
      <p className="scan-note" role="status">
        {t('loading.catalog')}
      </p>
      <section className="scan-sheet" aria-label={t('scan.title')}>
        <p className="sheet-hint">{forShelf ? t('scan.hint.covers') : t('scan.hint.signs')}</p>
      </section>
    </div>
  );
}
