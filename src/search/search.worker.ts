/**
 * The search index lives in a worker: building it for 10,000 books and answering each keystroke
 * never holds up the page.
 */
import {
  buildSearchIndex,
  searchBooks,
  type SearchDocument,
  type SearchFilters,
  type SearchIndex,
} from './engine.ts';

export type SearchRequest =
  | { readonly kind: 'build'; readonly documents: readonly SearchDocument[] }
  | {
      readonly kind: 'query';
      readonly seq: number;
      readonly query: string;
      readonly filters: SearchFilters;
    };

export type SearchReply =
  | { readonly kind: 'built'; readonly ms: number }
  | { readonly kind: 'results'; readonly seq: number; readonly ids: readonly string[] };

let index: SearchIndex | null = null;

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.kind === 'build') {
    const started = performance.now();
    index = buildSearchIndex(request.documents);
    self.postMessage({ kind: 'built', ms: performance.now() - started } satisfies SearchReply);
    return;
  }
  const ids = index ? searchBooks(index, request.query, request.filters) : [];
  self.postMessage({ kind: 'results', seq: request.seq, ids } satisfies SearchReply);
};
