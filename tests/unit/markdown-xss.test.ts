// @vitest-environment jsdom
/**
 * Hostile story texts through the one renderer stories and the editor's preview use: whatever
 * comes in, what comes out has only the allowed tags, no event handlers, no styles, and links to
 * http(s) or the app only.
 */
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../src/ui/markdown.ts';

const CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt:alert(1))',
  '[klik](java\tscript:alert(1))',
  '[klik](&#106;avascript:alert(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klik](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
  '[x](https://ok.example "judul\\" onclick=\\"alert(1)")',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x">',
  '<form action="https://evil.example"><input name="a"><button>kirim</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '![gambar](https://evil.example/pelacak.png)',
  '<details open ontoggle=alert(1)>x</details>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<<script>script>alert(1)<</script>/script>',
  '<template><script>alert(1)</script></template>',
  '<a href="#" id="x" name="y" class="z" target="_self">ok</a>',
  '**tebal** <b onclick="alert(1)">b</b>',
  '<p>Halo</p><!-- <script>alert(1)</script> -->',
];

const ALLOWED = new Set([
  'P',
  'BR',
  'STRONG',
  'EM',
  'B',
  'I',
  'UL',
  'OL',
  'LI',
  'A',
  'BLOCKQUOTE',
  'H3',
  'H4',
  'CODE',
]);

function rendered(markdown: string): Element[] {
  const holder = document.createElement('div');
  holder.innerHTML = markdownToSafeHtml(markdown);
  return [...holder.querySelectorAll('*')];
}

describe('the Markdown sanitiser against hostile texts', () => {
  it.each(CORPUS)('%s', (payload) => {
    const elements = rendered(payload);
    for (const element of elements) {
      expect(ALLOWED, element.outerHTML).toContain(element.tagName);
      for (const attribute of element.attributes) {
        expect(attribute.name, element.outerHTML).toMatch(/^(href|title|target|rel)$/);
      }
      const href = element.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(https?:\/\/|\/|#)/i);
    }
    expect(markdownToSafeHtml(payload)).not.toMatch(/<script|javascript:|onerror=|onload=/i);
  });

  it.each(CORPUS)('keeps the safe words around %s', (payload) => {
    const holder = document.createElement('div');
    holder.innerHTML = markdownToSafeHtml(
      `Kapal **pinisi** berlayar.\n\n${payload}\n\nSelesai _di sini_.`,
    );
    expect(holder.querySelector('strong')?.textContent).toBe('pinisi');
    expect(holder.textContent).toContain('berlayar.');
    expect(holder.textContent).toContain('Selesai');
    expect(holder.querySelector('em')?.textContent).toBe('di sini');
  });

  it('keeps the story around what it removes', () => {
    const html = markdownToSafeHtml(
      'Kapal **pinisi** <script>alert(1)</script> [sumber](https://id.wikipedia.org/)',
    );
    expect(html).toContain('<strong>pinisi</strong>');
    expect(html).toContain('href="https://id.wikipedia.org/"');
  });
});
