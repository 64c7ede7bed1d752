/**
 * Links a visitor might follow: `?feed=` addresses from QR codes and messages, and links inside
 * feed content. Only http(s) feeds open, and content can never switch the visitor's library.
 */
import { describe, expect, it } from 'vitest';
import { contentLinkTarget, feedHost, isFeedUrl } from '../../src/domain/feed-url.ts';

const APP = 'https://lensa.perpustakaan.example';
const FEED = 'https://katalog.perpustakaan.example/umpan/catalog.json';

describe('feed addresses', () => {
  it.each([
    ['https://katalog.perpustakaan.example/catalog.json', true],
    ['http://192.168.1.20:8080/catalog.json', true],
    ['data:application/json,{"ar":{}}', false],
    ['blob:https://lensa.perpustakaan.example/0b1c', false],
    ['javascript:alert(1)', false],
    ['file:///sdcard/catalog.json', false],
    ['ftp://perpustakaan.example/catalog.json', false],
    ['//evil.example/catalog.json', false],
    ['not a url at all', false],
    ['', false],
  ])('%s → %s', (url, ok) => {
    expect(isFeedUrl(url)).toBe(ok);
  });

  it('are named by their host, as the visitor is asked', () => {
    expect(feedHost('http://192.168.1.20:8080/catalog.json')).toBe('192.168.1.20:8080');
    expect(feedHost('https://katalog.perpustakaan.example/x.json')).toBe(
      'katalog.perpustakaan.example',
    );
  });
});

describe('links in feed content', () => {
  it.each([
    ['https://id.wikipedia.org/wiki/Bitung', 'https://id.wikipedia.org/wiki/Bitung'],
    ['sumber.html', 'https://katalog.perpustakaan.example/umpan/sumber.html'],
    ['/tentang', 'https://katalog.perpustakaan.example/tentang'],
    [`${APP}/?feed=https://evil.example/catalog.json`, null],
    [`${APP}/book/x?lang=en&feed=https://evil.example/c.json`, null],
    [`${APP}/book/laskar-pelangi`, `${APP}/book/laskar-pelangi`],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['mailto:pustaka@bitungkota.go.id', null],
    ['http://[', null],
  ])('%s → %s', (href, expected) => {
    expect(contentLinkTarget(href, FEED, APP)).toBe(expected);
  });
});
