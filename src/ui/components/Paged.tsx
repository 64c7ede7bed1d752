/**
 * Long lists arrive a page at a time: a library of 20,000 books must not put 20,000 cards on a
 * phone's page at once. "Show more" adds the next page; focus stays where the visitor was.
 */
import { useState } from 'react';
import { useT } from '../context.tsx';

export const PAGE_SIZE = 24;

/** The first pages of `items`; `resetKey` (a search, say) starts again at one page. */
export function usePaged<T>(items: readonly T[], resetKey: unknown = null, size = PAGE_SIZE) {
  const [state, setState] = useState({ shown: size, key: resetKey });
  const shown = state.key === resetKey ? state.shown : size;
  return {
    visible: items.slice(0, shown),
    rest: Math.max(0, items.length - shown),
    total: items.length,
    more: () => {
      setState({ shown: shown + size, key: resetKey });
    },
  };
}

export function ShowMore({
  rest,
  total,
  shown,
  onMore,
  size = PAGE_SIZE,
}: {
  rest: number;
  total: number;
  shown: number;
  onMore: () => void;
  size?: number;
}) {
  const t = useT();
  if (rest <= 0) return null;
  return (
    <div className="show-more">
      <p className="muted" aria-live="polite">
        {t('list.shown', { shown, total })}
      </p>
      <button type="button" className="button button-quiet" onClick={onMore}>
        {t('list.more', { count: Math.min(rest, size) })}
      </button>
    </div>
  );
}
