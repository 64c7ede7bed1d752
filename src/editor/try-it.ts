/**
 * "Try it": the draft as the visitor app would load it, with every file served from this device
 * (object URLs) instead of a web server, so staff test recognition and placement before publishing.
 */
import { draftFileUrl } from '../data/draft-files.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { FeedIssue } from '../domain/feed/issues.ts';
import { parseFeed } from '../domain/feed/parse.ts';
import type { Draft } from '../domain/source/draft.ts';
import { publishDraft, withGeneratedFiles } from './publish.ts';

/** Where the draft's feed pretends to live; its relative URLs resolve against it. */
export const DRAFT_FEED_URL = 'https://draft.invalid/catalog.json';

export type TryResult =
  | { readonly ok: true; readonly catalog: Catalog }
  | { readonly ok: false; readonly issues: readonly FeedIssue[] };

/** Replaces the href of every asset (anything with an href and a sha256) by what `rehome` says. */
export function rehostAssets<T>(value: T, rehome: (href: string) => string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => rehostAssets(item, rehome)) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const isAsset = typeof record.href === 'string' && typeof record.sha256 === 'string';
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    copy[key] = isAsset && key === 'href' ? rehome(item as string) : rehostAssets(item, rehome);
  }
  return copy as T;
}

// Target sets are built afresh for each try; the previous ones are released.
let setUrls: string[] = [];

/**
 * The draft cut down to one book on its shelf, so a book can be tried while others are unfinished:
 * the library and its shelves (without signs or picks, which belong to other work), the book
 * without its stories, and nothing else.
 */
export function draftForOneBook(draft: Draft, bookId: string): Draft {
  const book = draft.source.books.find((candidate) => candidate.id === bookId);
  if (!book) return draft;
  return {
    ...draft,
    source: {
      ...draft.source,
      shelves: draft.source.shelves.map(({ sign: _sign, ...shelf }) => ({
        ...shelf,
        highlights: [],
      })),
      books: [{ ...book, stories: [] }],
      stories: [],
      tours: [],
      events: [],
    },
  };
}

/** The draft as a catalog on this device; with `bookId`, that book alone. */
export async function catalogForTrying(draft: Draft, bookId?: string): Promise<TryResult> {
  const planned = await withGeneratedFiles(bookId ? draftForOneBook(draft, bookId) : draft);
  const result = await publishDraft(planned, undefined, { recognitionIndex: false });
  if (!result.ok) return result;
  const parsed = parseFeed(result.published.feed, DRAFT_FEED_URL);
  if (!parsed.ok) return { ok: false, issues: parsed.errors };

  for (const url of setUrls) URL.revokeObjectURL(url);
  setUrls = [];
  const urls = new Map<string, string>();
  for (const file of Object.values(planned.files)) {
    const url = await draftFileUrl(file.hash);
    if (url) urls.set(file.path, url);
  }
  for (const [path, bytes] of result.published.sets) {
    const url = URL.createObjectURL(
      new Blob([bytes.slice()], { type: 'application/octet-stream' }),
    );
    setUrls.push(url);
    urls.set(path, url);
  }
  const origin = new URL(DRAFT_FEED_URL).origin;
  const catalog = rehostAssets(parsed.catalog, (href) => {
    const url = new URL(href);
    if (url.origin !== origin) return href;
    return urls.get(decodeURIComponent(url.pathname.slice(1))) ?? href;
  });
  return { ok: true, catalog };
}
