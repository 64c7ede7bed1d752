/**
 * The page's side of the search worker: it starts at the first question, builds the index from the
 * books it was given, and answers; only the answer to the latest question is used. Where workers
 * cannot run, the same engine answers on the page.
 */
import {
  buildSearchIndex,
  searchBooks,
  type SearchDocument,
  type SearchFilters,
  type SearchIndex,
} from './engine.ts';
import type { SearchReply, SearchRequest } from './search.worker.ts';

export interface SearchClient {
  /** Ids of the matching books, best first; `null` when a later question overtook this one. */
  readonly search: (query: string, filters: SearchFilters) => Promise<readonly string[] | null>;
  /** Stops the worker; a later question starts it again. */
  readonly dispose: () => void;
}

export function createSearchClient(documents: readonly SearchDocument[]): SearchClient {
  let seq = 0;
  let worker: Worker | null = null;
  let onPage: SearchIndex | null = null;
  const waiting = new Map<number, (ids: readonly string[] | null) => void>();

  const start = (): Worker => {
    if (worker) return worker;
    const made = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    made.onmessage = (event: MessageEvent<SearchReply>) => {
      const reply = event.data;
      if (reply.kind !== 'results') return;
      // Every question gets one answer, in order; only the latest one's is used.
      const resolve = waiting.get(reply.seq);
      waiting.delete(reply.seq);
      resolve?.(reply.seq === seq ? reply.ids : null);
    };
    made.postMessage({ kind: 'build', documents } satisfies SearchRequest);
    worker = made;
    return made;
  };

  return {
    search: (query, filters) => {
      const asked = ++seq;
      if (typeof Worker === 'undefined') {
        onPage ??= buildSearchIndex(documents);
        return Promise.resolve(searchBooks(onPage, query, filters));
      }
      return new Promise((resolve) => {
        waiting.set(asked, resolve);
        start().postMessage({ kind: 'query', seq: asked, query, filters } satisfies SearchRequest);
      });
    },
    dispose: () => {
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
      worker?.terminate();
      worker = null;
    },
  };
}
