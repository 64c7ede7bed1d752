/**
 * The search index lives in a worker: building it for 10,000 books and answering each keystroke
 * never holds up the page. The page keeps the built index on the device (this layer does no I/O):
 * the worker names the books by a fingerprint, the page answers with the index it saved for that
 * fingerprint, if any, and the worker hands back an index it had to build, for the page to save.
 */
import {
  buildSearchIndex,
  searchBooks,
  serialiseSearchIndex,
  type SearchDocument,
  type SearchFilters,
  type SearchIndex,
} from './engine.ts';
import { fingerprintOf, indexFrom } from './saved-index.ts';

export type SearchRequest =
  | {
      readonly kind: 'build';
      readonly documents: readonly SearchDocument[];
      /** Whether the page can keep an index: the worker then asks for one and hands its own. */
      readonly saving: boolean;
    }
  | { readonly kind: 'saved'; readonly text: string | null }
  | {
      readonly kind: 'query';
      readonly seq: number;
      readonly query: string;
      readonly filters: SearchFilters;
    };

export type SearchReply =
  | { readonly kind: 'fingerprint'; readonly fingerprint: string }
  | {
      readonly kind: 'built';
      readonly ms: number;
      readonly from: 'saved' | 'books';
      /** The index built from the books, to be saved under `fingerprint`. */
      readonly save?: { readonly fingerprint: string; readonly text: string };
    }
  | { readonly kind: 'results'; readonly seq: number; readonly ids: readonly string[] };

let ready: Promise<SearchIndex> | null = null;
let answerSaved: ((text: string | null) => void) | null = null;

const post = (reply: SearchReply) => {
  self.postMessage(reply);
};

async function prepare(documents: readonly SearchDocument[], saving: boolean) {
  let saved: string | null = null;
  // Without crypto.subtle (a page not served over HTTPS) nothing is saved; search works regardless.
  const fingerprint = saving ? await fingerprintOf(documents).catch(() => null) : null;
  if (fingerprint !== null) {
    const answer = new Promise<string | null>((resolve) => {
      answerSaved = resolve;
    });
    post({ kind: 'fingerprint', fingerprint });
    saved = await answer;
  }
  const started = performance.now();
  const { index, from } = indexFrom(documents, saved);
  const ms = performance.now() - started;
  const save =
    fingerprint !== null && from === 'books'
      ? { fingerprint, text: serialiseSearchIndex(index) }
      : undefined;
  post({ kind: 'built', ms, from, ...(save ? { save } : {}) });
  return index;
}

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.kind === 'build') {
    ready = prepare(request.documents, request.saving);
    return;
  }
  if (request.kind === 'saved') {
    answerSaved?.(request.text);
    answerSaved = null;
    return;
  }
  const index = ready ?? Promise.resolve(buildSearchIndex([]));
  void index.then((built) => {
    let ids: readonly string[] = [];
    try {
      ids = searchBooks(built, request.query, request.filters);
    } catch {
      // Never leave a question unanswered; an index that cannot answer finds nothing.
    }
    post({ kind: 'results', seq: request.seq, ids });
  });
};
