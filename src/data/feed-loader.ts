/**
 * Fetches a catalog feed and passes it through the one validator. Every way this can fail becomes a
 * `FeedProblem` the UI can explain; nothing here throws.
 */
import type { LoadedFeed } from '../domain/feed/loaded.ts';
import { parseFeedText } from '../domain/feed/parse.ts';

export const FEED_TIMEOUT_MS = 15_000;

/** Reads a feed text (fetched now or saved earlier) into a catalog. */
export function readFeed(text: string, url: string): LoadedFeed {
  const parsed = parseFeedText(text, url);
  if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', errors: parsed.errors } };
  return parsed.migratedFrom === undefined
    ? { ok: true, catalog: parsed.catalog, text }
    : { ok: true, catalog: parsed.catalog, text, migratedFrom: parsed.migratedFrom };
}

export async function fetchFeed(url: string, timeoutMs = FEED_TIMEOUT_MS): Promise<LoadedFeed> {
  // Known to be offline: say so at once instead of waiting for the request to fail.
  if (!navigator.onLine) return { ok: false, problem: { kind: 'unreachable' } };
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeoutMs);
  let response: Response;
  let text: string;
  try {
    // no-cache: revalidate with the server so a republished feed shows up at once.
    response = await fetch(url, {
      cache: 'no-cache',
      signal: controller.signal,
      headers: { Accept: 'application/opds+json, application/json;q=0.9' },
    });
    text = await response.text();
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) return { ok: false, problem: { kind: 'http', status: response.status } };
  return readFeed(text, response.url || url);
}
