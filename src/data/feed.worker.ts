/**
 * Reads catalog feeds off the page's thread: building zod's schemas and checking a feed of a few
 * hundred books takes a few hundred milliseconds on a phone, time in which the page could not
 * answer a tap. The validator is the same function (`readFeed`); only where it runs changes.
 */
import type { LoadedFeed } from '../domain/feed/loaded.ts';
import { readFeed } from './feed-read.ts';

export interface FeedRequest {
  readonly id: number;
  readonly text: string;
  readonly url: string;
}

export interface FeedReply {
  readonly id: number;
  readonly read: LoadedFeed;
}

self.onmessage = (event: MessageEvent<FeedRequest>) => {
  const { id, text, url } = event.data;
  self.postMessage({ id, read: readFeed(text, url) } satisfies FeedReply);
};
