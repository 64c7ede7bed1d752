/**
 * Checks of one item of the draft, with the same schemas as the feed, plus the checks across fields
 * that a form can make on its own (available copies, an event's end).
 */
import type { z } from 'zod';
import { fromZodIssues, type FeedIssue } from '../feed/issues.ts';
import { Library, LibraryEvent, Tour } from '../feed/schema.ts';
import type { Draft, EntityKind } from './draft.ts';
import { SourceBook, SourceShelf, SourceStory } from './schema.ts';

const SCHEMAS = {
  book: SourceBook,
  shelf: SourceShelf,
  story: SourceStory,
  tour: Tour,
  event: LibraryEvent,
} satisfies Record<EntityKind, z.ZodType>;

/** Problems of one entity, with paths relative to it (`$.title`, `$.copies`). */
export function validateEntity(
  kind: EntityKind | 'library',
  value: unknown,
  draft: Draft,
): FeedIssue[] {
  const schema = kind === 'library' ? Library.omit({ floorPlan: true }) : SCHEMAS[kind];
  const parsed = schema.safeParse(value);
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues, value);
  // Checks across fields run whatever else is wrong, so staff see every problem at once.
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (kind === 'book') {
    if (typeof raw.shelf === 'string' && !draft.source.shelves.some((s) => s.id === raw.shelf)) {
      issues.push({
        path: '$.shelf',
        message: { id: 'pilih rak untuk buku ini', en: 'choose a shelf for this book' },
      });
    }
    if (!raw.catalogue && Array.isArray(raw.authors) && raw.authors.length === 0) {
      issues.push({
        path: '$.authors',
        message: { id: 'tulis paling sedikit satu pengarang', en: 'give at least one author' },
      });
    }
    if (raw.track !== false && !raw.cover) {
      issues.push({
        path: '$.cover',
        message: {
          id: 'ambil foto sampul, atau matikan pemindaian untuk buku ini',
          en: 'take a photo of the cover, or turn scanning off for this book',
        },
      });
    }
    const { copies, available } = raw;
    if (typeof copies === 'number' && typeof available === 'number' && available > copies) {
      issues.push({
        path: '$.available',
        message: {
          id: `eksemplar tersedia (${available}) melebihi jumlah eksemplar (${copies})`,
          en: `available copies (${available}) exceed copies (${copies})`,
        },
      });
    }
  }
  if (kind === 'event' && typeof raw.start === 'string' && typeof raw.end === 'string') {
    const start = Date.parse(raw.start);
    const end = Date.parse(raw.end);
    if (Number.isFinite(start) && Number.isFinite(end) && end <= start) {
      issues.push({
        path: '$.end',
        message: { id: 'acara berakhir sebelum dimulai', en: 'the event ends before it starts' },
      });
    }
  }
  return issues;
}

/** Issues of one field: `$.title` matches `$.title` and `$.title.en`. */
export function issuesAt(issues: readonly FeedIssue[], field: string): FeedIssue[] {
  const path = `$.${field}`;
  return issues.filter(
    (item) =>
      item.path === path || item.path.startsWith(`${path}.`) || item.path.startsWith(`${path}[`),
  );
}
