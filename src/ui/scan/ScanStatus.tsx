import { useStore } from 'zustand';
import { pickText } from '../../domain/langmap.ts';
import type { ScanEvent, ScanStore } from '../../state/scan-store.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { CatalogIndex } from '../../domain/catalog.ts';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';

function announcement(
  event: ScanEvent | null,
  index: CatalogIndex,
  lang: string,
  t: Translate,
): string {
  if (!event) return '';
  const shelf = event.kind === 'shelf' ? index.shelves.get(event.id) : undefined;
  const book = event.kind === 'book' ? index.books.get(event.id) : undefined;
  const name = book
    ? pickText(book.title, lang)
    : shelf
      ? t('scan.shelfName', { shelf: pickText(shelf.label, lang) })
      : event.id;
  switch (event.type) {
    case 'found':
      return t('scan.recognized', { title: name });
    case 'lost':
      return t('scan.lost', { title: name });
    case 'switched':
      return t('scan.switched', { shelf: shelf ? pickText(shelf.label, lang) : event.id });
  }
}

/** Announces each recognition and each loss, for everyone and for screen readers. */
export function ScanStatus({ store }: { store: ScanStore }) {
  const t = useT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const event = useStore(store, (state) => state.lastEvent);
  const text = announcement(event, index, lang, t);
  return (
    <p role="status" className={`scan-status${text ? ' is-visible' : ''}`}>
      {text}
    </p>
  );
}
