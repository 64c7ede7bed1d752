/**
 * Which addresses may be a catalog feed, and where a link inside feed content may lead. A link or a
 * QR code names a feed with `?feed=`; content (story sources, Markdown, the library's website) is
 * written by whoever publishes the feed, so it must never be able to switch the visitor's library.
 */

/** Only http(s) feeds: `data:`, `blob:`, `javascript:` and the rest are refused. */
export function isFeedUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

/** The host a visitor recognises a library by: `perpustakaan.example` (with its port, if any). */
export function feedHost(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/** The query parameter that names a feed in the app's own addresses. */
export const FEED_PARAM = 'feed';

/**
 * Where a link in feed content leads: resolved against the feed's own address (not the app's), or
 * null when it is refused. Refused: anything but http(s), and any address of the app itself that
 * names a feed, which would switch the visitor's catalog.
 */
export function contentLinkTarget(href: string, feedUrl: string, appOrigin: string): string | null {
  if (!URL.canParse(href, feedUrl)) return null;
  const url = new URL(href, feedUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.origin === appOrigin && url.searchParams.has(FEED_PARAM)) return null;
  return url.href;
}
