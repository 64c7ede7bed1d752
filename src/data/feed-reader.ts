/**
 * The page's side of the feed worker. Where a worker cannot start or fails, the same validator
 * runs on the page (loaded on demand, so zod stays out of the first load either way).
 */
import type { LoadedFeed } from '../domain/feed/loaded.ts';
import type { FeedReply, FeedRequest } from './feed.worker.ts';

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, (read: LoadedFeed | null) => void>();

function start(): Worker | null {
  if (worker || broken) return worker;
  if (typeof Worker === 'undefined') {
    broken = true;
    return null;
  }
  try {
    const made = new Worker(new URL('./feed.worker.ts', import.meta.url), { type: 'module' });
    made.onmessage = (event: MessageEvent<FeedReply>) => {
      const resolve = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      resolve?.(event.data.read);
      // Idle: a feed is read a few times a visit, so the worker (and zod's memory) goes until then.
      if (waiting.size === 0) {
        made.terminate();
        if (worker === made) worker = null;
      }
    };
    // A worker that cannot load (a stale chunk, a blocked worker): the page reads from now on.
    made.onerror = () => {
      broken = true;
      worker = null;
      made.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    };
    worker = made;
    return made;
  } catch {
    broken = true;
    return null;
  }
}

/** How long a worker started ahead of a feed waits for it before ending. */
const WARM_IDLE_MS = 15_000;

/**
 * The last feed that validated, and the address it was read against. A visit reads the saved copy
 * and then, most often, the very same text from the network: validating 10,000 books again took a
 * worker 2.2 s of a 2-core machine's time while the scan view was starting. Reading is a function
 * of the text and the address alone, so the same two give the same catalog. Kept until it is used
 * once, so a large feed's text is not held for the rest of the visit.
 */
let lastRead: { readonly text: string; readonly url: string; readonly read: LoadedFeed } | null =
  null;

/**
 * Starts the worker while the feed at `url` is still downloading, so its script and zod load
 * alongside the feed instead of after it. A worker that gets no feed to read ends by itself. Not
 * while the last feed read came from `url` (its saved copy): the network most often sends the same
 * text, which is not read again.
 */
export function warmFeedReader(url: string): void {
  if (lastRead?.url === url) return;
  const running = start();
  if (!running) return;
  setTimeout(() => {
    if (worker === running && waiting.size === 0) {
      running.terminate();
      worker = null;
    }
  }, WARM_IDLE_MS);
}

async function readOnPage(text: string, url: string): Promise<LoadedFeed> {
  const { readFeed } = await import('./feed-read.ts');
  return readFeed(text, url);
}

/** Validates a feed text into a catalog, off the page's thread where it can. */
export async function readFeedOffThread(text: string, url: string): Promise<LoadedFeed> {
  if (lastRead && lastRead.url === url && lastRead.text === text) {
    const { read } = lastRead;
    lastRead = null;
    return read;
  }
  const read = await readAnew(text, url);
  // Only a catalog is kept: a broken feed is read again, and its problems say the same.
  lastRead = read.ok ? { text, url, read } : null;
  return read;
}

async function readAnew(text: string, url: string): Promise<LoadedFeed> {
  const running = start();
  if (!running) return readOnPage(text, url);
  const id = ++nextId;
  const read = await new Promise<LoadedFeed | null>((resolve) => {
    waiting.set(id, resolve);
    running.postMessage({ id, text, url } satisfies FeedRequest);
  });
  return read ?? readOnPage(text, url);
}
