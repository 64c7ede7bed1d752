/**
 * The small Markdown subset of stories, turned into HTML and then sanitised with DOMPurify: raw
 * HTML, scripts, event handlers and non-http(s) links never reach the page.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

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

let hooked = false;
function addLinkHook(): void {
  if (hooked) return;
  // Links in stories open outside the app, without giving the other page a handle on this one.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  hooked = true;
}

export function markdownToSafeHtml(markdown: string): string {
  addLinkHook();
  const html = marked.parse(markdown) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:\/\/|\/|#)/i,
  });
}
