/** Reads a feed text (fetched now or saved earlier) into a catalog: the one validator, at the boundary. */
import type { LoadedFeed } from '../domain/feed/loaded.ts';
import { parseFeedText } from '../domain/feed/parse.ts';

export function readFeed(text: string, url: string): LoadedFeed {
  const parsed = parseFeedText(text, url);
  if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', errors: parsed.errors } };
  return parsed.migratedFrom === undefined
    ? { ok: true, catalog: parsed.catalog, text }
    : { ok: true, catalog: parsed.catalog, text, migratedFrom: parsed.migratedFrom };
}
