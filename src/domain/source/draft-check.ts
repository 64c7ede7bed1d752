/**
 * The editor's check of the whole draft, with the same rules as each form (validateEntity), so the
 * list, the badges and the forms agree; plus warnings that do not stop publishing but that staff
 * want to hear (a year in the future, an ISBN whose check digit is wrong, a DDC outside the shelf's
 * range, a cover of one star, two books sharing one cover photograph). Every problem
 * names the item and the field it belongs to, so the list can open the form on that field.
 */
import type { FeedIssue } from '../feed/issues.ts';
import { isValidIsbn } from '../isbn.ts';
import type { Bilingual, LangMap } from '../langmap.ts';
import { compiledFor, type Draft, type EntityKind } from './draft.ts';
import { validateEntity } from './draft-validation.ts';

export interface DraftProblem {
  readonly kind: EntityKind | 'library';
  /** The item's id (empty for the library). */
  readonly id: string;
  readonly title: LangMap | null;
  /** The item's field the problem is in (`authors`, `title`), when known. */
  readonly field: string | null;
  readonly message: Bilingual;
  /** Warnings are worth a look; errors stop publishing. */
  readonly severity: 'error' | 'warning';
}

const LISTS = {
  books: 'book',
  shelves: 'shelf',
  stories: 'story',
  tours: 'tour',
  events: 'event',
} as const satisfies Record<string, EntityKind>;
type ListName = keyof typeof LISTS;

function listOf(
  draft: Draft,
  name: ListName,
): readonly { id: string; title?: LangMap; label?: LangMap }[] {
  return draft.source[name] ?? [];
}

/** The first field of a path relative to an item: `$.authors[0]` → `authors`. */
export function fieldOfPath(path: string): string | null {
  return /^\$?\.?([A-Za-z]+)/.exec(path)?.[1] ?? null;
}

/**
 * Where a problem of the whole source (a publish check's path, `$.books[41].authors[0]`,
 * `target:book:x`, `file:covers/x.jpg`) can be fixed: the item and its field.
 */
export function placeOfPath(
  draft: Draft,
  path: string,
): { kind: EntityKind | 'library'; id: string; field: string | null } | null {
  const bare = path.replace(/^\$\.?/, '');
  const listed = /^(books|shelves|stories|tours|events)\[(\d+)\]\.?(.*)$/.exec(bare);
  if (listed) {
    const name = listed[1] as ListName;
    const item = listOf(draft, name)[Number(listed[2])];
    return item ? { kind: LISTS[name], id: item.id, field: fieldOfPath(listed[3] ?? '') } : null;
  }
  const target = /^target:(book|shelf):(.+)$/.exec(bare);
  if (target) {
    const kind = target[1] as 'book' | 'shelf';
    return { kind, id: target[2] ?? '', field: kind === 'book' ? 'cover' : 'sign' };
  }
  const file = /^file:(.+)$/.exec(bare);
  if (file) {
    const book = draft.source.books.find((b) => b.cover === file[1] || b.model?.file === file[1]);
    if (book)
      return { kind: 'book', id: book.id, field: book.cover === file[1] ? 'cover' : 'model' };
    const shelf = draft.source.shelves.find((s) => s.sign === file[1]);
    if (shelf) return { kind: 'shelf', id: shelf.id, field: 'sign' };
  }
  if (bare.startsWith('library') || bare.startsWith('title')) {
    return { kind: 'library', id: '', field: fieldOfPath(bare.replace(/^library\.?/, '')) };
  }
  return null;
}

const warning = (
  kind: EntityKind,
  item: { id: string; title?: LangMap; label?: LangMap },
  field: string,
  id: string,
  en: string,
): DraftProblem => ({
  kind,
  id: item.id,
  title: item.title ?? item.label ?? null,
  field,
  message: { id, en },
  severity: 'warning',
});

/** DDC numbers compare as decimals: "599.7" is between "500" and "599". */
const ddcValue = (ddc: string) => Number.parseFloat(ddc);

function bookWarnings(draft: Draft, now: Date): DraftProblem[] {
  const found: DraftProblem[] = [];
  const coverOwners = new Map<string, string>();
  for (const book of draft.source.books) {
    if (book.year !== undefined && book.year > now.getFullYear() + 1) {
      found.push(
        warning(
          'book',
          book,
          'year',
          `tahun ${book.year} belum tiba; periksa tahun terbit`,
          `the year ${book.year} has not come yet; check the year`,
        ),
      );
    }
    if (book.isbn && !isValidIsbn(book.isbn)) {
      found.push(
        warning(
          'book',
          book,
          'isbn',
          `ISBN "${book.isbn}" tidak valid (periksa jumlah angka dan digit terakhir)`,
          `ISBN "${book.isbn}" is not valid (check the number of digits and the last digit)`,
        ),
      );
    }
    const shelf = draft.source.shelves.find((s) => s.id === book.shelf);
    if (shelf && /^\d{3}/.test(book.ddc)) {
      const value = ddcValue(book.ddc);
      const from = ddcValue(shelf.ddc.from);
      const to = ddcValue(shelf.ddc.to);
      if (
        Number.isFinite(from) &&
        Number.isFinite(to) &&
        (value < from || value >= Math.floor(to) + 1)
      ) {
        found.push(
          warning(
            'book',
            book,
            'ddc',
            `DDC ${book.ddc} di luar rentang rak ini (${shelf.ddc.from}–${shelf.ddc.to}); periksa nomornya atau pilih rak lain`,
            `DDC ${book.ddc} is outside this shelf's range (${shelf.ddc.from}–${shelf.ddc.to}); check the number or choose another shelf`,
          ),
        );
      }
    }
    if (book.cover) {
      const compiled = compiledFor(draft, book.cover);
      if (compiled && compiled.report.stars <= 1) {
        found.push(
          warning(
            'book',
            book,
            'cover',
            `sampul hanya punya ${compiled.report.count} titik ciri; kamera akan sulit mengenalinya (foto ulang lebih dekat dan terang)`,
            `the cover has only ${compiled.report.count} feature points; the camera will struggle to recognise it (photograph it again, closer and brighter)`,
          ),
        );
      }
      const hash = draft.files[book.cover]?.hash;
      const owner = hash && coverOwners.get(hash);
      if (owner && book.track !== false) {
        found.push(
          warning(
            'book',
            book,
            'cover',
            `foto sampulnya sama dengan buku "${owner}"; kamera tidak bisa membedakan keduanya`,
            `its cover photograph is the same as book "${owner}"'s; the camera cannot tell them apart`,
          ),
        );
      } else if (hash) coverOwners.set(hash, book.id);
    }
  }
  return found;
}

/** Every problem of the draft: each item's form rules, then the warnings. */
export function checkDraft(draft: Draft, now = new Date()): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const fromIssues = (
    kind: EntityKind | 'library',
    item: { id: string; title?: LangMap; label?: LangMap } | null,
    issues: readonly FeedIssue[],
  ) => {
    for (const issue of issues) {
      problems.push({
        kind,
        id: item?.id ?? '',
        title: item ? (item.title ?? item.label ?? null) : null,
        field: fieldOfPath(issue.path),
        message: issue.message,
        severity: 'error',
      });
    }
  };
  fromIssues('library', null, validateEntity('library', draft.source.library, draft));
  for (const name of Object.keys(LISTS) as ListName[]) {
    const kind = LISTS[name];
    for (const item of listOf(draft, name))
      fromIssues(kind, item, validateEntity(kind, item, draft));
  }
  return [...problems, ...bookWarnings(draft, now)];
}

/** The same problem found twice (by the form rules and by the publish check) is listed once. */
export function problemKey(
  problem: Pick<DraftProblem, 'kind' | 'id' | 'field' | 'message'>,
): string {
  return `${problem.kind}:${problem.id}:${problem.field ?? ''}:${problem.message.id}`;
}
