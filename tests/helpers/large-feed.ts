/** Generated feeds of many books, from the demo feed, for tests of scale and bounds. */
import { demoFeed } from './demo-feed.ts';

/**
 * The demo feed with `count` books on one shelf (copies of a demo book with their own ids and
 * titles), no target sets, the library named `name`.
 */
export function feedWithBooks(count: number, name = 'Perpustakaan Besar'): Record<string, any> {
  const feed = demoFeed();
  const template = feed.publications[0];
  const shelf = feed.ar.shelves[0].id;
  feed.ar.library.name = { id: name, en: name };
  feed.publications = Array.from({ length: count }, (_, i) => {
    const copy = structuredClone(template);
    const number = String(i + 1).padStart(5, '0');
    copy.ar.id = `buku-${number}`;
    copy.metadata.title = { id: `Buku Nomor ${number}`, en: `Book Number ${number}` };
    copy.ar.callNumber = `577 BUK ${number}`;
    copy.ar.shelf = shelf;
    delete copy.ar.target;
    copy.ar.overlays.stories = [];
    return copy;
  });
  feed.groups = [];
  feed.ar.targetSets = [];
  for (const s of feed.ar.shelves) {
    delete s.sign;
    s.highlights = [];
  }
  for (const story of feed.ar.stories) story.books = [];
  feed.ar.tours = [];
  return feed;
}
