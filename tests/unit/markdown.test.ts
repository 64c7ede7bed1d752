// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../src/ui/markdown.ts';

describe('story Markdown', () => {
  it('renders the subset stories use', () => {
    const html = markdownToSafeHtml('**Kolintang** adalah *alat musik*.\n\n- satu\n- dua');
    expect(html).toContain('<strong>Kolintang</strong>');
    expect(html).toContain('<em>alat musik</em>');
    expect(html).toContain('<li>satu</li>');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const html = markdownToSafeHtml(
      'Halo <script>alert(1)</script> <img src=x onerror="alert(2)"> [klik](javascript:alert(3)) <a href="https://example.org" onclick="x()">ok</a>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer"');
  });
});
