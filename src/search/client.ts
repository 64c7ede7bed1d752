/**
 * The page's side of the search worker: it starts at the first question, builds the index from the
 * books it was given (or takes the one saved on the device for the same books), and answers; only
 * the answer to the latest question is used. Where workers cannot run, the same engine answers on
 * the page.
 */
import type { SearchDocument, SearchFilters } from './documents.ts';
import type { SearchIndex } from './engine.ts';
import type { SearchReply, SearchRequest } from './search.worker.ts';

export interface SearchClient {
  /** Ids of the matching books, best first; `null` when a later question overtook this one. */
  readonly search: (query: string, filters: SearchFilters) => Promise<readonly string[] | null>;
  /** Stops the worker; a later question starts it again. */
  readonly dispose: () => void;
}

/** Where the page keeps the built index between visits (data/search-cache); this layer does no I/O. */
export interface SavedSearchIndexes {
  readonly load: (fingerprint: string) => Promise<string | undefined>;
  readonly save: (fingerprint: string, text: string) => Promise<unknown>;
}

export function createSearchClient(
  documents: readonly SearchDocument[],
  saved?: SavedSearchIndexes,
): SearchClient {
  let seq = 0;
  let worker: Worker | null = null;
  let onPage: SearchIndex | null = null;
  /** Set when the worker failed: the page answers from then on. */
  let workerFailed = false;
  const waiting = new Map<
    number,
    { resolve: (ids: readonly string[] | null) => void; query: string; filters: SearchFilters }
  >();
  // MiniSearch stays out of the page's first load: it is fetched only where the worker fails.
  const answerOnPage = async (
    query: string,
    filters: SearchFilters,
  ): Promise<readonly string[]> => {
    const { buildSearchIndex, searchBooks } = await import('./engine.ts');
    onPage ??= buildSearchIndex(documents);
    return searchBooks(onPage, query, filters);
  };

  const start = (): Worker => {
    if (worker) return worker;
    const made = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    made.onmessage = (event: MessageEvent<SearchReply>) => {
      const reply = event.data;
      if (reply.kind === 'fingerprint') {
        const answer = (text: string | null) => {
          made.postMessage({ kind: 'saved', text } satisfies SearchRequest);
        };
        (saved?.load(reply.fingerprint) ?? Promise.resolve(undefined)).then(
          (text) => {
            answer(text ?? null);
          },
          () => {
            answer(null);
          },
        );
        return;
      }
      if (reply.kind === 'built') {
        // For the bench and the tests: whether the saved index was used, and how long it took.
        performance.mark('lp:search-index', { detail: { from: reply.from, ms: reply.ms } });
        if (reply.save) void saved?.save(reply.save.fingerprint, reply.save.text);
        return;
      }
      // Every question gets one answer, in order; only the latest one's is used.
      const question = waiting.get(reply.seq);
      waiting.delete(reply.seq);
      question?.resolve(reply.seq === seq ? reply.ids : null);
    };
    // A worker that cannot start or breaks leaves no question unanswered: the page answers them.
    made.onerror = (event) => {
      event.preventDefault();
      made.terminate();
      worker = null;
      workerFailed = true;
      for (const [asked, question] of waiting) {
        if (asked !== seq) question.resolve(null);
        else
          answerOnPage(question.query, question.filters).then(question.resolve, () => {
            question.resolve([]);
          });
      }
      waiting.clear();
    };
    made.postMessage({ kind: 'build', documents, saving: Boolean(saved) } satisfies SearchRequest);
    worker = made;
    return made;
  };

  return {
    search: (query, filters) => {
      const asked = ++seq;
      if (typeof Worker === 'undefined' || workerFailed) {
        return answerOnPage(query, filters).then((ids) => (asked === seq ? ids : null));
      }
      return new Promise((resolve) => {
        waiting.set(asked, { resolve, query, filters });
        start().postMessage({ kind: 'query', seq: asked, query, filters } satisfies SearchRequest);
      });
    },
    dispose: () => {
      for (const question of waiting.values()) question.resolve(null);
      waiting.clear();
      worker?.terminate();
      worker = null;
    },
  };
}
