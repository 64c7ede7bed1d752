/**
 * A link written by the feed's publisher (a story's source, the library's website): resolved
 * against the feed's own address, opened outside the app, and shown as plain text when it would
 * lead anywhere but an http(s) page or would switch the visitor's library (domain/feed-url.ts).
 */
import type { ReactNode } from 'react';
import { contentLinkTarget } from '../../domain/feed-url.ts';
import { useLoadedCatalog } from '../context.tsx';

export function ContentLink({ href, children }: { href: string; children: ReactNode }) {
  const { catalog } = useLoadedCatalog();
  const target = contentLinkTarget(href, catalog.sourceUrl, location.origin);
  if (target === null) return <>{children}</>;
  return (
    <a href={target} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
