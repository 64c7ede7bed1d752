/**
 * The small Markdown subset of stories, turned into HTML by markdown-it and then sanitised with
 * DOMPurify: raw HTML, scripts, event handlers and non-http(s) links never reach the page. Links
 * are resolved against the feed's address, and a link back into the app that names another feed
 * is dropped (its text stays), so story content can never switch the visitor's library.
 *
 * markdown-it stays fast on any input (nesting is capped by `maxNesting`); marked took seconds,
 * or overflowed the stack, on some 40,000-character inputs (docs/decisions.md).
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { contentLinkTarget } from '../domain/feed-url.ts';

// Raw HTML goes through as HTML so that DOMPurify removes what is not allowed, rather than it
// showing up as text; every link is judged by the sanitiser's hook below, not by markdown-it.
const markdown = new MarkdownIt('zero', { html: true, linkify: false, typographer: false });
markdown.validateLink = () => true;
markdown.enable([
  'paragraph',
  'newline',
  'emphasis',
  'list',
  'blockquote',
  'heading',
  'link',
  'backticks',
  'escape',
  'entity',
  'html_block',
  'html_inline',
]);
// Deep nesting costs time and stack; stories need a few levels at most.
markdown.set({ maxNesting: 20 });

/** Only these elements and attributes reach the page. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
  'h3',
  'h4',
  'code',
];

// DOMPurify's own URI check drops script schemes; the hook below keeps only http(s).
const SANITIZE = { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title'] };

/** Where relative links point and which origin is the app's, for the sanitiser's link hook. */
let linkBase: { feedUrl: string; appOrigin: string } | null = null;

let hooked = false;
function addLinkHook(): void {
  if (hooked) return;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href');
    const base = linkBase ?? { feedUrl: location.href, appOrigin: location.origin };
    const target = href === null ? null : contentLinkTarget(href, base.feedUrl, base.appOrigin);
    if (target === null) {
      node.removeAttribute('href');
      return;
    }
    // An absolute address stays as written; a relative one now names the feed's host.
    if (!/^https?:\/\//i.test(href ?? '')) node.setAttribute('href', target);
    // Links in stories open outside the app, without giving the other page a handle on this one.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  hooked = true;
}

/**
 * Elements whose whole content DOMPurify removes (raw-text ones such as <style>, and foreign ones
 * such as <math>): left open, they would take every word after them. An opening tag with no
 * closing tag after it is dropped, so a stray one cannot swallow the story.
 */
const SWALLOWING =
  /<(script|style|textarea|title|xmp|iframe|noscript|noembed|noframes|plaintext|template|math|svg|mtext|mi|mn|mo|ms|desc|audio|video|head|colgroup|thead|annotation-xml|foreignobject)(?=[\s/>]|$)[^<>]*>?/gi;

function dropUnclosed(text: string): string {
  const lower = text.toLowerCase();
  // Where each element is closed last: a tag opened before that point is closed after it.
  const lastClose = new Map<string, number>();
  const closedAt = (name: string) => {
    let at = lastClose.get(name);
    if (at === undefined) {
      at = lower.lastIndexOf(`</${name}`);
      lastClose.set(name, at);
    }
    return at;
  };
  return text.replace(SWALLOWING, (opening: string, name: string, offset: number) =>
    closedAt(name.toLowerCase()) > offset ? opening : '',
  );
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Story Markdown as safe HTML. `feedUrl` is the address of the feed the story came from: its
 * relative links resolve against it.
 */
export function markdownToSafeHtml(text: string, feedUrl?: string): string {
  // DOMPurify hands back its input untouched where it cannot work; then show the text as text.
  if (!DOMPurify.isSupported) {
    return text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('');
  }
  addLinkHook();
  const html = markdown.render(dropUnclosed(text));
  linkBase = { feedUrl: feedUrl ?? location.href, appOrigin: location.origin };
  try {
    return DOMPurify.sanitize(html, SANITIZE);
  } finally {
    linkBase = null;
  }
}
