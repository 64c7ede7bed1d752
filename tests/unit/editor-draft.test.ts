/**
 * The editor's draft: form errors come from the feed's own schema, field by field, in both
 * languages; edits are saved at once and can be undone, with a burst of typing as one step.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  addBook,
  addEvent,
  addShelf,
  removeShelf,
  updateBook,
} from '../../src/domain/source/draft-edits.ts';
import { emptyDraft, type Draft } from '../../src/domain/source/draft.ts';
import { issuesAt, validateEntity } from '../../src/domain/source/draft-validation.ts';
import { checkDraft, placeOfPath } from '../../src/domain/source/draft-check.ts';
import { createEditorStore } from '../../src/state/editor-store.ts';
import { draftForOneBook } from '../../src/editor/try-it.ts';

function draftWithBook(): { draft: Draft; book: string } {
  const shelf = addShelf(emptyDraft(), 'Rak Bahari');
  const book = addBook(shelf.draft, 'Kisah Kapal Pinisi', shelf.id);
  return { draft: book.draft, book: book.id };
}

const bookIn = (draft: Draft, id: string) => draft.source.books.find((b) => b.id === id);

describe('form errors', () => {
  it('name each empty required field of a new book, in Bahasa Indonesia and English', () => {
    const { draft, book } = draftWithBook();
    const issues = validateEntity('book', bookIn(draft, book), draft);
    expect(issuesAt(issues, 'callNumber')[0]?.message).toEqual({
      id: 'tidak boleh kosong',
      en: 'must not be empty',
    });
    expect(issuesAt(issues, 'authors')).toHaveLength(1);
    expect(issuesAt(issues, 'description')).toHaveLength(1);
    expect(issuesAt(issues, 'title')).toEqual([]);
  });

  it('are gone once the fields are filled', () => {
    const { draft, book } = draftWithBook();
    const filled = updateBook(draft, book, {
      callNumber: '387.2 KIS',
      authors: ['Petugas Perpustakaan'],
      description: { id: 'Perahu layar tradisional.' },
    });
    expect(validateEntity('book', bookIn(filled, book), filled)).toEqual([]);
  });

  it('catch a malformed DDC number, more available copies than copies, and a missing shelf', () => {
    const { draft, book } = draftWithBook();
    const broken = updateBook(draft, book, {
      callNumber: '387.2 KIS',
      authors: ['Petugas'],
      description: { id: 'x' },
      ddc: 'tiga ratus',
      copies: 1,
      available: 3,
    });
    expect(issuesAt(validateEntity('book', bookIn(broken, book), broken), 'ddc')).toHaveLength(1);

    const tooMany = updateBook(broken, book, { ddc: '387.2' });
    expect(
      issuesAt(validateEntity('book', bookIn(tooMany, book), tooMany), 'available')[0]?.message.en,
    ).toBe('available copies (3) exceed copies (1)');

    const orphan = updateBook(tooMany, book, { available: 1, shelf: 'rak-hilang' });
    expect(
      issuesAt(validateEntity('book', bookIn(orphan, book), orphan), 'shelf')[0]?.message,
    ).toEqual({
      id: 'pilih rak untuk buku ini',
      en: 'choose a shelf for this book',
    });
  });

  it('catch an event that ends before it starts', () => {
    const { draft, id } = addEvent(
      emptyDraft(),
      'Dongeng Sabtu',
      '2026-12-05T10:00:00+08:00',
      '2026-12-05T09:00:00+08:00',
    );
    const event = draft.source.events?.find((e) => e.id === id);
    expect(issuesAt(validateEntity('event', event, draft), 'end')[0]?.message.id).toBe(
      'acara berakhir sebelum dimulai',
    );
  });

  it('refuse to remove a shelf that still holds books, saying what to do', () => {
    const { draft } = draftWithBook();
    const result = removeShelf(draft, 'rak-bahari');
    expect('refused' in result && result.refused.en).toBe(
      'This shelf still holds 1 books. Move them to another shelf first.',
    );
  });

  it('give new items unique ids from their titles', () => {
    const { draft } = draftWithBook();
    const second = addBook(draft, 'Kisah Kapal Pinisi', 'rak-bahari');
    expect(second.id).toBe('kisah-kapal-pinisi-2');
  });
});

function memoryStorage() {
  const saved = new Map<string, string>();
  return {
    saved,
    getItem: (name: string) => saved.get(name) ?? null,
    setItem: (name: string, value: string) => {
      saved.set(name, value);
    },
    removeItem: (name: string) => {
      saved.delete(name);
    },
  };
}

describe('the editor store', () => {
  it('saves every edit at once', () => {
    const storage = memoryStorage();
    const store = createEditorStore(storage, 0);
    store.getState().edit((draft) => addShelf(draft, 'Rak Bahari').draft);
    expect(storage.saved.get('editor')).toContain('"label":{"id":"Rak Bahari"}');
  });

  it('undoes and redoes edits, and a replaced draft comes back with undo', () => {
    const store = createEditorStore(memoryStorage(), 0);
    store.getState().edit((draft) => addShelf(draft, 'Satu').draft);
    store.getState().edit((draft) => addShelf(draft, 'Dua').draft);
    const labels = () => store.getState().draft.source.shelves.map((s) => s.label.id);
    expect(labels()).toEqual(['Satu', 'Dua']);
    store.temporal.getState().undo();
    expect(labels()).toEqual(['Satu']);
    store.temporal.getState().redo();
    expect(labels()).toEqual(['Satu', 'Dua']);

    store.getState().replace(emptyDraft());
    expect(labels()).toEqual([]);
    store.temporal.getState().undo();
    expect(labels()).toEqual(['Satu', 'Dua']);
  });

  it('makes a burst of typing one undo step', () => {
    const store = createEditorStore(memoryStorage(), 60_000);
    const { draft, book } = draftWithBook();
    store.getState().replace(draft);
    store.clearHistory();
    for (const text of ['3', '38', '387', '387.2']) {
      store.getState().edit((d) => updateBook(d, book, { callNumber: text }), 'callNumber');
    }
    expect(bookIn(store.getState().draft, book)?.callNumber).toBe('387.2');
    store.temporal.getState().undo();
    expect(bookIn(store.getState().draft, book)?.callNumber).toBe('');
  });

  it('keeps quick edits to different fields as separate steps', () => {
    const store = createEditorStore(memoryStorage(), 60_000);
    const { draft, book } = draftWithBook();
    store.getState().replace(draft);
    store.clearHistory();
    store.getState().edit((d) => updateBook(d, book, { callNumber: '387.2' }), 'callNumber');
    store.getState().edit((d) => updateBook(d, book, { year: 2024 }), 'year');
    store.temporal.getState().undo();
    expect(bookIn(store.getState().draft, book)).toMatchObject({ callNumber: '387.2' });
    expect(bookIn(store.getState().draft, book)?.year).toBeUndefined();
  });

  it('keeps the undo history across a reload, for the draft it belongs to only', async () => {
    vi.useFakeTimers();
    try {
      const storage = memoryStorage();
      let savedHistory: string | undefined;
      const history = {
        load: () => Promise.resolve(savedHistory),
        save: (text: string) => {
          savedHistory = text;
          return Promise.resolve();
        },
      };
      const before = createEditorStore(storage, 0, history);
      await before.restoreHistory();
      before.getState().edit((draft) => addShelf(draft, 'Rak Bahari').draft);
      before.getState().replace(emptyDraft());
      await vi.advanceTimersByTimeAsync(1000);

      const after = createEditorStore(storage, 0, history);
      await after.restoreHistory();
      expect(after.getState().draft.source.shelves).toEqual([]);
      after.temporal.getState().undo();
      expect(after.getState().draft.source.shelves.map((s) => s.label.id)).toEqual(['Rak Bahari']);

      // A draft changed behind the history's back (another version, a restore) starts afresh.
      storage.saved.set('editor', (storage.saved.get('editor') ?? '').replace('Rak Bahari', 'X'));
      const other = createEditorStore(storage, 0, history);
      await other.restoreHistory();
      expect(other.temporal.getState().pastStates).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the draft an earlier visit (or an earlier app version) saved, with nothing to undo', () => {
    const storage = memoryStorage();
    const before = createEditorStore(storage, 0);
    before.getState().edit((draft) => addShelf(draft, 'Rak Bahari').draft);
    before.getState().go('shelves');

    // A new page load, after an app update: a fresh store over the same storage.
    const after = createEditorStore(storage, 0);
    after.clearHistory();
    expect(after.getState().draft).toEqual(before.getState().draft);
    expect(after.getState().section).toBe('shelves');
    expect(after.temporal.getState().pastStates).toHaveLength(0);
  });

  it('does not count moving between sections as an edit', () => {
    const store = createEditorStore(memoryStorage(), 0);
    store.getState().go('books');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('the check of the whole draft', () => {
  it('names the book and the field of each problem, as the form does', () => {
    const { draft, book } = draftWithBook();
    const cleared = updateBook(draft, book, { authors: [''] });
    const problems = checkDraft(cleared).filter((p) => p.severity === 'error');
    const authors = problems.find((p) => p.field === 'authors');
    expect(authors).toMatchObject({ kind: 'book', id: book, title: { id: 'Kisah Kapal Pinisi' } });
    // The same rules as the form: as many errors as the book's badge counts.
    const item = cleared.source.books[0];
    expect(problems.filter((p) => p.id === book)).toHaveLength(
      validateEntity('book', item, cleared).length,
    );
    expect(placeOfPath(cleared, '$.books[0].authors[0]')).toEqual({
      kind: 'book',
      id: book,
      field: 'authors',
    });
  });

  it('warns of a year to come, a bad ISBN, a DDC outside the shelf and two books on one cover', () => {
    const { draft, book } = draftWithBook();
    let next = updateBook(draft, book, { year: 3021, isbn: '123', ddc: '899.2' });
    next = {
      ...next,
      source: {
        ...next.source,
        shelves: next.source.shelves.map((s) => ({ ...s, ddc: { from: '300', to: '399' } })),
      },
    };
    const second = addBook(next, 'Buku Kedua', next.source.shelves[0]?.id ?? '');
    const inRange = updateBook(second.draft, second.id, { ddc: '301' });
    const withCovers = {
      ...inRange,
      source: {
        ...inRange.source,
        books: inRange.source.books.map((b) => ({ ...b, cover: `covers/${b.id}.jpg` })),
      },
      files: Object.fromEntries(
        inRange.source.books.map((b) => [
          `covers/${b.id}.jpg`,
          { path: `covers/${b.id}.jpg`, hash: 'same-photo', type: 'image/jpeg', size: 10 },
        ]),
      ),
    };
    const warnings = checkDraft(withCovers, new Date('2026-11-30T00:00:00Z')).filter(
      (p) => p.severity === 'warning',
    );
    expect(warnings.map((w) => `${w.id}:${w.field ?? ''}`).sort()).toEqual(
      [`${book}:year`, `${book}:isbn`, `${book}:ddc`, `${second.id}:cover`].sort(),
    );
  });
});

describe('trying one book', () => {
  it('keeps that book and its shelf, and leaves out the unfinished rest', () => {
    const { draft, book } = draftWithBook();
    const other = addBook(draft, 'Belum Selesai', draft.source.shelves[0]?.id ?? '');
    const story = { ...other.draft, source: { ...other.draft.source, stories: [] } };
    const one = draftForOneBook(story, book);
    expect(one.source.books.map((b) => b.id)).toEqual([book]);
    expect(one.source.shelves.map((s) => s.id)).toEqual(draft.source.shelves.map((s) => s.id));
    expect(checkDraft(one).filter((p) => p.id === other.id)).toEqual([]);
  });
});
