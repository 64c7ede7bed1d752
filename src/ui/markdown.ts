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

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function markdownToSafeHtml(markdown: string): string {
  // DOMPurify hands back its input untouched where it cannot work; then show the text as text.
  if (!DOMPurify.isSupported) {
    return markdown
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('');
  }
  addLinkHook();
  const html = marked.parse(markdown) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:\/\/|\/|#)/i,
  });
}
