/**
 * Fetches a catalog feed and passes it through the one validator. Every way this can fail becomes a
 * `FeedProblem` the UI can explain; nothing here throws. The feed is read as a stream and refused
 * past FEED_LIMITS.feedBytes; waiting for the server to answer and waiting for the body have
 * separate limits, so a slow but working connection is not mistaken for being offline.
 */
import { FEED_LIMITS } from '../domain/feed/limits.ts';
import type { FetchedFeed, LoadedFeed } from '../domain/feed/loaded.ts';

/** The validator, passed in: the app runs it in a worker (feed-reader.ts), tests directly. */
export type ReadFeed = (text: string, url: string) => LoadedFeed | Promise<LoadedFeed>;
import { isFeedUrl } from '../domain/feed-url.ts';

export interface FetchLimits {
  /** How long the server may take to start answering. */
  readonly answerMs: number;
  /** How long the whole body may take once the answer has started. */
  readonly bodyMs?: number;
  /** How long the body may stall between two pieces. */
  readonly stallMs?: number;
  readonly maxBytes?: number;
}

export const FEED_ANSWER_TIMEOUT_MS = 15_000;
const BODY_TIMEOUT_MS = 120_000;
const STALL_TIMEOUT_MS = 20_000;

type BodyResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: 'too-large' | 'slow' | 'unreachable' };

/** Reads a response body with a size cap and a stall limit. */
async function readBody(
  response: Response,
  controller: AbortController,
  limits: Required<FetchLimits>,
): Promise<BodyResult> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    controller.abort();
    return { ok: false, problem: 'too-large' };
  }
  const reader = response.body?.getReader();
  if (!reader) return { ok: true, text: await response.text() };
  const chunks: Uint8Array[] = [];
  let received = 0;
  const why = { stalled: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      why.stalled = true;
      controller.abort();
    }, ms);
  };
  const overall = setTimeout(() => {
    why.stalled = true;
    controller.abort();
  }, limits.bodyMs);
  try {
    for (;;) {
      watch(limits.stallMs);
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) {
        controller.abort();
        return { ok: false, problem: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: why.stalled ? 'slow' : 'unreachable' };
  } finally {
    clearTimeout(timer);
    clearTimeout(overall);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

export async function fetchFeed(
  url: string,
  limits: FetchLimits,
  readFeed: ReadFeed,
): Promise<FetchedFeed> {
  if (!isFeedUrl(url)) return { ok: false, problem: { kind: 'not-a-feed-url' } };
  // Known to be offline: say so at once instead of waiting for the request to fail.
  if (!navigator.onLine) return { ok: false, problem: { kind: 'unreachable' } };
  const all: Required<FetchLimits> = {
    bodyMs: BODY_TIMEOUT_MS,
    stallMs: STALL_TIMEOUT_MS,
    maxBytes: FEED_LIMITS.feedBytes,
    ...limits,
  };
  const controller = new AbortController();
  const answer = setTimeout(() => {
    controller.abort();
  }, all.answerMs);
  let response: Response;
  try {
    // no-cache: revalidate with the server so a republished feed shows up at once.
    response = await fetch(url, {
      cache: 'no-cache',
      signal: controller.signal,
      headers: { Accept: 'application/opds+json, application/json;q=0.9' },
    });
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  } finally {
    clearTimeout(answer);
  }
  if (!response.ok) {
    controller.abort();
    return { ok: false, problem: { kind: 'http', status: response.status } };
  }
  const body = await readBody(response, controller, all);
  if (!body.ok) {
    return {
      ok: false,
      problem:
        body.problem === 'too-large'
          ? { kind: 'too-large', maxBytes: all.maxBytes }
          : { kind: body.problem },
    };
  }
  // After a redirect, relative URLs in the feed are relative to where it really came from.
  const finalUrl = response.url || url;
  const read = await readFeed(body.text, finalUrl);
  return read.ok ? { ...read, finalUrl } : read;
}
