import { useEffect, useRef } from 'react';
import { scannableShelves } from '../../domain/scan.ts';
import { LangText } from '../components/LangText.tsx';
import { useLoadedCatalog, useT } from '../context.tsx';

/** A modal list of shelves: scan one shelf's covers, or go back to the shelf signs. */
export function ShelfPicker({
  onPick,
  onClose,
}: {
  onPick: (shelfId: string | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { catalog, index } = useLoadedCatalog();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const shelves = scannableShelves(catalog, index).flatMap((id) => index.shelves.get(id) ?? []);
  return (
    <dialog
      ref={dialog}
      className="shelf-picker"
      aria-labelledby="shelf-picker-title"
      onClose={onClose}
    >
      <h2 id="shelf-picker-title">{t('scan.pickShelfTitle')}</h2>
      <ul>
        {shelves.map((shelf) => (
          <li key={shelf.id}>
            <button
              type="button"
              className="shelf-picker-option"
              onClick={() => {
                onPick(shelf.id);
              }}
            >
              <LangText text={shelf.label} />
              <span className="muted">
                {t('shelf.ddcRange', { from: shelf.ddc.from, to: shelf.ddc.to })}
              </span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="shelf-picker-option"
            onClick={() => {
              onPick(null);
            }}
          >
            {t('scan.allShelves')}
          </button>
        </li>
      </ul>
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('feed.dismiss')}
      </button>
    </dialog>
  );
}
