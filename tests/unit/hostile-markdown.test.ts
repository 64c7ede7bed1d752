// @vitest-environment jsdom
/**
 * Story Markdown that a careless or hostile publisher could write: pathological texts at the
 * feed's length limit must render quickly and without overflowing the stack, links must resolve
 * against the feed and never switch the catalog, and ordinary content must survive.
 */
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../src/domain/feed/limits.ts';
import { markdownToSafeHtml } from '../../src/ui/markdown.ts';

const N = FEED_LIMITS.storyBody;
const FEED = 'https://perpustakaan.example/katalog/catalog.json';

const PATHOLOGICAL: [name: string, text: string][] = [
  ['forty thousand blockquote markers', '>'.repeat(N)],
  [
    'a list nested a thousand levels',
    Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x`)
      .join('\n')
      .slice(0, N),
  ],
  ['underscore runs', '_a'.repeat(N / 2)],
  ['asterisk runs', '*a'.repeat(N / 2)],
  ['unclosed links', '[a]('.repeat(N / 4)],
  ['brackets', '['.repeat(N)],
  ['mixed delimiters', '*_[`<'.repeat(N / 5)],
  ['half-open HTML tags', '<a'.repeat(N / 2)],
  ['unclosed swallowing tags', '<svg '.repeat(N / 5)],
  ['closed swallowing tags', '<style>x</style>'.repeat(N / 16)],
  [
    'quoted lists',
    Array.from({ length: 2000 }, (_, i) => `${'> '.repeat(i % 200)}- x`)
      .join('\n')
      .slice(0, N),
  ],
];

/**
 * Well above markdown-it with DOMPurify in jsdom (0.1 to 1.2 s for these here), below marked's
 * 3 to 12 s and its stack overflows.
 */
const BUDGET_MS = 4000;

describe('pathological story Markdown', () => {
  it.each(PATHOLOGICAL)('%s renders quickly and without a stack overflow', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(N);
    const started = performance.now();
    const html = markdownToSafeHtml(text, FEED);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    expect(typeof html).toBe('string');
  });
});

describe('links in stories', () => {
  const hrefs = (markdown: string) => {
    const holder = document.createElement('div');
    holder.innerHTML = markdownToSafeHtml(markdown, FEED);
    return [...holder.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  };

  it('resolve relative addresses against the feed, not the app', () => {
    expect(hrefs('[jadwal](jadwal.html) dan [peta](/peta.pdf)')).toEqual([
      'https://perpustakaan.example/katalog/jadwal.html',
      'https://perpustakaan.example/peta.pdf',
    ]);
  });

  it('drop a link back into the app that would switch the catalog, keeping its words', () => {
    const html = markdownToSafeHtml(
      `[katalog lain](${location.origin}/?feed=https://evil.example/feed.json) dan [buku](${location.origin}/book/x)`,
      FEED,
    );
    expect(html).toContain('katalog lain');
    expect(html).not.toContain('evil.example');
    expect(html).toContain(`href="${location.origin}/book/x"`);
  });

  it('keep the story around what they remove: safe content survives', () => {
    const html = markdownToSafeHtml(
      '### Kapal pinisi\n\nDibuat di **Bulukumba** <script>alert(1)</script>, lihat [sumber](https://id.wikipedia.org/wiki/Pinisi).\n\n> Kutipan\n\n- satu\n- dua',
      FEED,
    );
    expect(html).toContain('<h3>Kapal pinisi</h3>');
    expect(html).toContain('<strong>Bulukumba</strong>');
    expect(html).toContain('href="https://id.wikipedia.org/wiki/Pinisi"');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>dua</li>');
    expect(html).not.toContain('script');
  });
});
