/**
 * Edits of the draft: pure functions from draft to draft. They keep references whole: removing a
 * book removes it from stories, highlights and tours too; a shelf with books cannot be removed.
 */
import type { Bilingual, LangMap } from '../langmap.ts';
import {
  slugId,
  type CompiledPicture,
  type Draft,
  type DraftFile,
  type EventInput,
  type LibraryInput,
  type SourceBookInput,
  type SourceShelfInput,
  type SourceStoryInput,
  type TourInput,
} from './draft.ts';
import type { SourceCatalogInput } from './schema.ts';

const idsOf = (items: readonly { id: string }[] | undefined) =>
  new Set((items ?? []).map((item) => item.id));

function withSource(draft: Draft, source: SourceCatalogInput): Draft {
  return { ...draft, source };
}

// Books

export function addBook(draft: Draft, title: string, shelf: string): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.books));
  const book: SourceBookInput = {
    id,
    title: { id: title },
    description: { id: '' },
    authors: [''],
    language: 'id',
    ddc: '000',
    callNumber: '',
    shelf,
    copies: 1,
    available: 1,
    cover: `covers/${id}.jpg`,
  };
  return {
    draft: withSource(draft, { ...draft.source, books: [...draft.source.books, book] }),
    id,
  };
}

export function updateBook(draft: Draft, id: string, patch: Partial<SourceBookInput>): Draft {
  return withSource(draft, {
    ...draft.source,
    books: draft.source.books.map((book) => (book.id === id ? { ...book, ...patch, id } : book)),
  });
}

export function removeBook(draft: Draft, id: string): Draft {
  const { source } = draft;
  return withSource(draft, {
    ...source,
    books: source.books.filter((book) => book.id !== id),
    shelves: source.shelves.map((shelf) => ({
      ...shelf,
      highlights: (shelf.highlights ?? []).filter((bookId) => bookId !== id),
    })),
    stories: (source.stories ?? []).map((story) => ({
      ...story,
      books: (story.books ?? []).filter((bookId) => bookId !== id),
    })),
    tours: (source.tours ?? []).map((tour) => ({
      ...tour,
      stops: tour.stops.filter((stop) => !(stop.find.kind === 'book' && stop.find.id === id)),
    })),
  });
}

// Shelves

export function addShelf(draft: Draft, label: string): { draft: Draft; id: string } {
  const id = slugId(label, idsOf(draft.source.shelves));
  const index = draft.source.shelves.length;
  const shelf: SourceShelfInput = {
    id,
    label: { id: label },
    ddc: { from: '000', to: '999' },
    // New shelves are laid out in two columns on the generated floor plan.
    position: {
      x: 60 + (index % 2) * 360,
      y: 70 + Math.floor(index / 2) * 100,
      width: 240,
      height: 36,
    },
    highlights: [],
  };
  return {
    draft: withSource(draft, { ...draft.source, shelves: [...draft.source.shelves, shelf] }),
    id,
  };
}

export function updateShelf(draft: Draft, id: string, patch: Partial<SourceShelfInput>): Draft {
  return withSource(draft, {
    ...draft.source,
    shelves: draft.source.shelves.map((shelf) =>
      shelf.id === id ? { ...shelf, ...patch, id } : shelf,
    ),
  });
}

/** A shelf with books on it cannot go: the books would have nowhere to stand. */
export function removeShelf(draft: Draft, id: string): { draft: Draft } | { refused: Bilingual } {
  const count = draft.source.books.filter((book) => book.shelf === id).length;
  if (count > 0) {
    return {
      refused: {
        id: `Rak ini masih berisi ${count} buku. Pindahkan bukunya ke rak lain dulu.`,
        en: `This shelf still holds ${count} books. Move them to another shelf first.`,
      },
    };
  }
  const { source } = draft;
  return {
    draft: withSource(draft, {
      ...source,
      shelves: source.shelves.filter((shelf) => shelf.id !== id),
      stories: (source.stories ?? []).map((story) => ({
        ...story,
        shelves: (story.shelves ?? []).filter((shelfId) => shelfId !== id),
      })),
      tours: (source.tours ?? []).map((tour) => ({
        ...tour,
        stops: tour.stops.filter((stop) => !(stop.find.kind === 'shelf' && stop.find.id === id)),
      })),
    }),
  };
}

// Stories, tours, events: simpler lists

type ListKey = 'stories' | 'tours' | 'events';

function updateIn<K extends ListKey>(
  draft: Draft,
  key: K,
  id: string,
  patch: Partial<NonNullable<SourceCatalogInput[K]>[number]>,
): Draft {
  const list = (draft.source[key] ?? []) as { id: string }[];
  return withSource(draft, {
    ...draft.source,
    [key]: list.map((item) => (item.id === id ? { ...item, ...patch, id } : item)),
  });
}

export function addStory(draft: Draft, title: string): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.stories));
  const story: SourceStoryInput = {
    id,
    title: { id: title },
    body: { id: '' },
    sources: [{ title: '' }],
  };
  return {
    draft: withSource(draft, {
      ...draft.source,
      stories: [...(draft.source.stories ?? []), story],
    }),
    id,
  };
}

export const updateStory = (draft: Draft, id: string, patch: Partial<SourceStoryInput>) =>
  updateIn(draft, 'stories', id, patch);

export function removeStory(draft: Draft, id: string): Draft {
  const { source } = draft;
  return withSource(draft, {
    ...source,
    stories: (source.stories ?? []).filter((story) => story.id !== id),
    books: source.books.map((book) => ({
      ...book,
      stories: (book.stories ?? []).filter((s) => s !== id),
    })),
  });
}

export function addTour(draft: Draft, title: string): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.tours));
  const tour: TourInput = {
    id,
    title: { id: title },
    description: { id: '' },
    audience: {},
    minutes: 30,
    stops: [],
  };
  return {
    draft: withSource(draft, { ...draft.source, tours: [...(draft.source.tours ?? []), tour] }),
    id,
  };
}

export const updateTour = (draft: Draft, id: string, patch: Partial<TourInput>) =>
  updateIn(draft, 'tours', id, patch);

export function removeTour(draft: Draft, id: string): Draft {
  return withSource(draft, {
    ...draft.source,
    tours: (draft.source.tours ?? []).filter((tour) => tour.id !== id),
  });
}

export function addEvent(
  draft: Draft,
  title: string,
  start: string,
  end: string,
): { draft: Draft; id: string } {
  const id = slugId(title, idsOf(draft.source.events));
  const event: EventInput = {
    id,
    title: { id: title },
    start,
    end,
    place: { id: '' },
    description: { id: '' },
    audience: {},
  };
  return {
    draft: withSource(draft, { ...draft.source, events: [...(draft.source.events ?? []), event] }),
    id,
  };
}

export const updateEvent = (draft: Draft, id: string, patch: Partial<EventInput>) =>
  updateIn(draft, 'events', id, patch);

export function removeEvent(draft: Draft, id: string): Draft {
  return withSource(draft, {
    ...draft.source,
    events: (draft.source.events ?? []).filter((e) => e.id !== id),
  });
}

export function updateLibrary(draft: Draft, patch: Partial<LibraryInput>): Draft {
  return withSource(draft, { ...draft.source, library: { ...draft.source.library, ...patch } });
}

export function updateTitle(draft: Draft, title: LangMap): Draft {
  return withSource(draft, { ...draft.source, title });
}

// Files and compiled targets

export function setFile(draft: Draft, file: DraftFile): Draft {
  return { ...draft, files: { ...draft.files, [file.path]: file } };
}

export function removeFile(draft: Draft, path: string): Draft {
  const { [path]: _removed, ...files } = draft.files;
  const { [path]: _target, ...targets } = draft.targets;
  return { ...draft, files, targets };
}

export function setCompiled(draft: Draft, picturePath: string, compiled: CompiledPicture): Draft {
  return { ...draft, targets: { ...draft.targets, [picturePath]: compiled } };
}
