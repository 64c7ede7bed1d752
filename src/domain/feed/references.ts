/**
 * Checks that need the whole feed: ids are unique, every reference names something that exists,
 * targets and their sets agree, and numbers that belong together make sense.
 */
import { isValidIsbn } from '../isbn.ts';
import { targetKey, type TargetKind } from '../targets.ts';
import { issue, type FeedIssue } from './issues.ts';
import { ISBN_URN, type FeedData } from './schema.ts';

const KIND_WORD: Record<TargetKind, { id: string; en: string }> = {
  book: { id: 'buku', en: 'book' },
  shelf: { id: 'rak', en: 'shelf' },
};

function duplicates(
  items: readonly { id: string }[],
  listPath: string | ((index: number) => string),
  what: { id: string; en: string },
): FeedIssue[] {
  const pathOf = (i: number) =>
    typeof listPath === 'string' ? `${listPath}[${i}].id` : listPath(i);
  const seen = new Set<string>();
  const found: FeedIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      found.push(
        issue(
          pathOf(i),
          `id ${what.id} "${item.id}" dipakai lebih dari sekali`,
          `${what.en} id "${item.id}" is used more than once`,
        ),
      );
    }
    seen.add(item.id);
  });
  return found;
}

function unknown(path: string, kind: TargetKind | 'story' | 'target set', id: string): FeedIssue {
  const words = {
    book: KIND_WORD.book,
    shelf: KIND_WORD.shelf,
    story: { id: 'cerita', en: 'story' },
    'target set': { id: 'set target', en: 'target set' },
  }[kind];
  return issue(
    path,
    `${words.id} "${id}" tidak ada di katalog`,
    `${words.en} "${id}" is not in the catalog`,
  );
}

/**
 * What one publication must satisfy on its own, wherever it is (the feed or a shelf page): no more
 * available copies than copies, and an ISBN whose check digit is right.
 */
export function publicationChecks(
  publication: FeedData['publications'][number],
  path: string,
): FeedIssue[] {
  const found: FeedIssue[] = [];
  const book = publication.ar;
  if (book.available > book.copies) {
    found.push(
      issue(
        `${path}.ar.available`,
        `eksemplar tersedia (${book.available}) melebihi jumlah eksemplar (${book.copies})`,
        `available copies (${book.available}) exceed copies (${book.copies})`,
      ),
    );
  }
  const identifier = publication.metadata.identifier;
  if (identifier && ISBN_URN.test(identifier) && !isValidIsbn(identifier)) {
    found.push(
      issue(
        `${path}.metadata.identifier`,
        `ISBN "${identifier}" tidak valid (periksa digit terakhir)`,
        `ISBN "${identifier}" is not valid (check the last digit)`,
      ),
    );
  }
  return found;
}

export function checkReferences(feed: FeedData): FeedIssue[] {
  const { ar } = feed;
  const books = feed.publications.map((p) => p.ar);
  const bookIds = new Set(books.map((b) => b.id));
  const shelfIds = new Set(ar.shelves.map((s) => s.id));
  const storyIds = new Set(ar.stories.map((s) => s.id));
  const sets = new Map(ar.targetSets.map((set) => [set.id, set]));
  const exists = (kind: TargetKind, id: string) => (kind === 'book' ? bookIds : shelfIds).has(id);

  const found: FeedIssue[] = [
    ...duplicates(books, (i) => `$.publications[${i}].ar.id`, KIND_WORD.book),
    ...duplicates(ar.shelves, '$.ar.shelves', KIND_WORD.shelf),
    ...duplicates(ar.stories, '$.ar.stories', { id: 'cerita', en: 'story' }),
    ...duplicates(ar.tours, '$.ar.tours', { id: 'tur', en: 'tour' }),
    ...duplicates(ar.events, '$.ar.events', { id: 'acara', en: 'event' }),
    ...duplicates(ar.targetSets, '$.ar.targetSets', { id: 'set target', en: 'target set' }),
  ];

  const checkTarget = (
    path: string,
    target: { set: string; index: number } | undefined,
    kind: TargetKind,
    id: string,
  ) => {
    if (!target) return;
    const set = sets.get(target.set);
    if (!set) {
      found.push(unknown(`${path}.set`, 'target set', target.set));
      return;
    }
    const entry = set.targets[target.index];
    if (!entry || entry.kind !== kind || entry.id !== id) {
      found.push(
        issue(
          `${path}.index`,
          `target ${target.index} di set "${set.id}" bukan ${KIND_WORD[kind].id} "${id}"`,
          `target ${target.index} in set "${set.id}" is not ${KIND_WORD[kind].en} "${id}"`,
        ),
      );
    }
  };

  feed.publications.forEach((publication, i) => {
    const path = `$.publications[${i}]`;
    const book = publication.ar;
    if (!shelfIds.has(book.shelf)) found.push(unknown(`${path}.ar.shelf`, 'shelf', book.shelf));
    found.push(...publicationChecks(publication, path));
    checkTarget(`${path}.ar.target`, book.target, 'book', book.id);
    book.overlays.stories.forEach((storyId, j) => {
      if (!storyIds.has(storyId)) {
        found.push(unknown(`${path}.ar.overlays.stories[${j}]`, 'story', storyId));
      }
    });
  });

  const paged = ar.shelves.some((shelf) => shelf.books);
  if (feed.publications.length === 0 && !paged) {
    found.push(issue('$.publications', 'katalog tidak berisi buku', 'the catalog holds no books'));
  }
  if (paged && !ar.directory) {
    found.push(
      issue(
        '$.ar.directory',
        'umpan terbagi per rak perlu daftar semua buku (directory) untuk penelusuran dan pencarian',
        'a feed split by shelf needs the list of every book (directory) for browsing and search',
      ),
    );
  }

  ar.shelves.forEach((shelf, i) => {
    checkTarget(`$.ar.shelves[${i}].sign.target`, shelf.sign?.target, 'shelf', shelf.id);
    shelf.highlights.forEach((bookId, j) => {
      if (!bookIds.has(bookId))
        found.push(unknown(`$.ar.shelves[${i}].highlights[${j}]`, 'book', bookId));
    });
  });

  ar.stories.forEach((story, i) => {
    story.books.forEach((id, j) => {
      if (!bookIds.has(id)) found.push(unknown(`$.ar.stories[${i}].books[${j}]`, 'book', id));
    });
    story.shelves.forEach((id, j) => {
      if (!shelfIds.has(id)) found.push(unknown(`$.ar.stories[${i}].shelves[${j}]`, 'shelf', id));
    });
  });

  ar.tours.forEach((tour, i) => {
    found.push(
      ...duplicates(tour.stops, `$.ar.tours[${i}].stops`, { id: 'perhentian', en: 'stop' }),
      ...duplicates(tour.bands, `$.ar.tours[${i}].bands`, { id: 'kelompok usia', en: 'age band' }),
    );
    const bandIds = new Set(tour.bands.map((band) => band.id));
    tour.stops.forEach((stop, j) => {
      const path = `$.ar.tours[${i}].stops[${j}]`;
      if (!exists(stop.find.kind, stop.find.id)) {
        found.push(unknown(`${path}.find.id`, stop.find.kind, stop.find.id));
      }
      const checkAnswer = (questionPath: string, question: typeof stop.question) => {
        if (question && question.answer >= question.choices.length) {
          found.push(
            issue(
              `${questionPath}.answer`,
              `jawaban ${question.answer} tidak ada; pilihan bernomor 0 sampai ${question.choices.length - 1}`,
              `answer ${question.answer} does not exist; choices are numbered 0 to ${question.choices.length - 1}`,
            ),
          );
        }
      };
      checkAnswer(`${path}.question`, stop.question);
      for (const [band, texts] of Object.entries(stop.forBands ?? {})) {
        if (!bandIds.has(band)) {
          found.push(
            issue(
              `${path}.forBands.${band}`,
              `kelompok usia "${band}" tidak ada di daftar bands tur ini`,
              `age band "${band}" is not in this tour's bands`,
            ),
          );
        }
        checkAnswer(`${path}.forBands.${band}.question`, texts.question);
      }
    });
  });

  const checkAudience = (
    path: string,
    audience: { minAge?: number | undefined; maxAge?: number | undefined },
  ) => {
    if (
      audience.minAge !== undefined &&
      audience.maxAge !== undefined &&
      audience.minAge > audience.maxAge
    ) {
      found.push(
        issue(
          `${path}.maxAge`,
          'usia maksimal lebih kecil dari usia minimal',
          'maximum age is below the minimum age',
        ),
      );
    }
  };
  ar.tours.forEach((tour, i) => {
    checkAudience(`$.ar.tours[${i}].audience`, tour.audience);
    tour.bands.forEach((band, j) => {
      checkAudience(`$.ar.tours[${i}].bands[${j}].audience`, band.audience);
    });
  });

  ar.events.forEach((event, i) => {
    if (Date.parse(event.end) <= Date.parse(event.start)) {
      found.push(
        issue(
          `$.ar.events[${i}].end`,
          'acara berakhir sebelum dimulai',
          'the event ends before it starts',
        ),
      );
    }
    checkAudience(`$.ar.events[${i}].audience`, event.audience);
  });

  ar.library.openingHours.forEach((hours, i) => {
    if (hours.closes <= hours.opens) {
      found.push(
        issue(
          `$.ar.library.openingHours[${i}].closes`,
          'jam tutup harus setelah jam buka',
          'closing time must be after opening time',
        ),
      );
    }
  });

  ar.targetSets.forEach((set, i) => {
    const seen = new Set<string>();
    set.targets.forEach((target, j) => {
      const path = `$.ar.targetSets[${i}].targets[${j}]`;
      const key = targetKey(target);
      if (seen.has(key)) {
        found.push(
          issue(
            path,
            `${KIND_WORD[target.kind].id} "${target.id}" muncul dua kali di set ini`,
            `${KIND_WORD[target.kind].en} "${target.id}" appears twice in this set`,
          ),
        );
      }
      seen.add(key);
      if (!exists(target.kind, target.id))
        found.push(unknown(`${path}.id`, target.kind, target.id));
    });
  });

  return found;
}
