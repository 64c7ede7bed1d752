/**
 * A plain cover for a book that has no photographed one yet (most books an import brings): its
 * title, authors and call number on a coloured card, like a library's own label. It lets every
 * page show the book; it is never compiled into a target, since a drawn card is not what a visitor
 * holds.
 */
import type { SourceBookData } from './schema.ts';

export const DRAWN_COVER_DIR = 'sampul-katalog';
export const DRAWN_COVER_SIZE = { width: 400, height: 600 } as const;

export function drawnCoverPath(bookId: string): string {
  return `${DRAWN_COVER_DIR}/${bookId}.svg`;
}

/** The file a book's cover comes from: the photograph, or the drawn card. */
export function coverFileOf(book: Pick<SourceBookData, 'id' | 'cover'>): string {
  return book.cover ?? drawnCoverPath(book.id);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${String(char.charCodeAt(0))};`);
}

/** Words into lines of at most `width` characters, at most `max` lines (the last one cut with …). */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${(kept[max - 1] as string).slice(0, width - 1)}…`;
  return kept;
}

/** A hue from the DDC hundred, so books of one class share a colour on the shelf page. */
function hueOf(ddc: string): number {
  const hundred = Number(ddc.slice(0, 1));
  return Number.isFinite(hundred) ? (hundred * 36 + 200) % 360 : 200;
}

export function drawnCover(book: SourceBookData, lang: string): string {
  const title = book.title[lang] ?? Object.values(book.title)[0] ?? book.id;
  const { width, height } = DRAWN_COVER_SIZE;
  const hue = hueOf(book.ddc);
  const text = (lines: string[], y: number, size: number, weight: number) =>
    lines
      .map(
        (line, i) =>
          `<text x="40" y="${String(y + i * size * 1.25)}" font-size="${String(size)}" font-weight="${String(weight)}">${escapeXml(line)}</text>`,
      )
      .join('');
  const authors = wrap(book.authors.join(', '), 30, 3);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}">`,
    `<rect width="${String(width)}" height="${String(height)}" fill="hsl(${String(hue)} 45% 30%)"/>`,
    `<rect x="20" y="20" width="${String(width - 40)}" height="${String(height - 40)}" fill="none" stroke="hsl(${String(hue)} 40% 80%)" stroke-width="3"/>`,
    `<g fill="#fff" font-family="system-ui, sans-serif">`,
    text(wrap(title, 18, 6), 110, 34, 700),
    text(authors, 400, 22, 400),
    `</g>`,
    `<rect x="40" y="500" width="${String(width - 80)}" height="56" fill="#fff"/>`,
    `<text x="${String(width / 2)}" y="537" font-family="ui-monospace, monospace" font-size="24" text-anchor="middle" fill="#111">${escapeXml(book.callNumber.slice(0, 24))}</text>`,
    `</svg>`,
  ].join('');
}

/** Drawn covers for every book in the feed that has no photograph, by path. */
export function drawnCovers(books: readonly SourceBookData[], lang: string): Map<string, string> {
  return new Map(
    books
      .filter((book) => !book.cover && !book.withdrawn)
      .map((book) => [drawnCoverPath(book.id), drawnCover(book, lang)]),
  );
}
