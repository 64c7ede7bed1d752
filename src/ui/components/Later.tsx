import { useDeferredValue, type ReactNode } from 'react';

/**
 * What a page shows below its first screen. React draws it in a second render that it can pause
 * for a tap or a paint, so the first screen (a book's cover, the welcome) is committed and its
 * picture requested without waiting for the rest. Pages start at the top, so nothing below is
 * scrolled to before it appears. Until then an empty busy region stands in its place, which tells
 * assistive technology (and the tests) that the page is not complete yet.
 */
export function Later({ children }: { readonly children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : <div aria-busy="true" />;
}
