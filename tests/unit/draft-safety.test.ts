/**
 * Nothing staff made is lost to another tab, to a newer app version or to a damaged draft: the
 * draft storage refuses writes that would overwrite what it did not read, never re-stamps a draft
 * of a newer format, keeps a damaged one as it is, and exports what is stored so it can come back.
 */
import 'fake-indexeddb/auto';
import { clear, createStore, get, set } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASES } from '../../src/data/storage-map.ts';
import { addBook, addShelf } from '../../src/domain/source/draft-edits.ts';
import { DRAFT_FORMAT_VERSION, emptyDraft } from '../../src/domain/source/draft.ts';

const db = () => createStore(DATABASES.draft.database, DATABASES.draft.objectStore);

/** A fresh copy of the storage module, as a second tab would have. */
async function tab() {
  vi.resetModules();
  return import('../../src/data/draft-storage.ts');
}

const stored = (draft = emptyDraft(), version = DRAFT_FORMAT_VERSION) =>
  JSON.stringify({ state: { draft, section: 'library' }, version });

function draftWithABook() {
  const shelf = addShelf(emptyDraft(), 'Rak Bahari');
  return addBook(shelf.draft, 'Kisah Kapal Pinisi', shelf.id).draft;
}

beforeEach(async () => {
  await clear(db());
  // Node has no navigator (and so no Web Locks): each tab may edit, the revision check guards.
  vi.stubGlobal('navigator', {});
});

describe('the draft storage', () => {
  it('refuses a write from a tab that did not read the latest draft', async () => {
    await set('editor', stored(), db());
    const a = await tab();
    const storageA = a.createDraftStorage(DRAFT_FORMAT_VERSION);
    await storageA.getItem('editor');
    await a.claimDraft();
    const b = await tab();
    const storageB = b.createDraftStorage(DRAFT_FORMAT_VERSION);
    await storageB.getItem('editor');
    await b.claimDraft();

    await storageA.setItem('editor', stored(draftWithABook()));
    // Tab B still holds the draft as it was when it opened; its write must not win.
    await storageB.setItem('editor', stored(emptyDraft()));
    expect(b.draftAccess()).toBe('conflict');
    const kept = JSON.parse((await get<string>('editor', db())) ?? '{}');
    expect(kept.state.draft.source.books).toHaveLength(1);
    // Tab A goes on saving.
    await storageA.setItem('editor', stored(draftWithABook()));
    expect(a.draftAccess()).toBe('editing');
  });

  it('opens a draft of a newer format read-only and never writes it back', async () => {
    const newer = stored(draftWithABook(), DRAFT_FORMAT_VERSION + 1);
    await set('editor', newer, db());
    const storage = await tab();
    const drafts = storage.createDraftStorage(DRAFT_FORMAT_VERSION);
    expect(await drafts.getItem('editor')).toBe(newer);
    expect(storage.draftAccess()).toBe('newer');
    expect(await storage.claimDraft()).toBe('newer');
    await drafts.setItem('editor', stored(emptyDraft()));
    expect(await get('editor', db())).toBe(newer);
  });

  it('keeps a damaged draft as it is until staff choose to start again', async () => {
    await set('editor', '{"state": {"draft": {"sou', db());
    const storage = await tab();
    const drafts = storage.createDraftStorage(DRAFT_FORMAT_VERSION);
    expect(await drafts.getItem('editor')).toBeNull();
    expect(storage.draftAccess()).toBe('unreadable');
    expect(storage.storedDraftText()).toBe('{"state": {"draft": {"sou');
    await drafts.setItem('editor', stored());
    expect(await get('editor', db())).toBe('{"state": {"draft": {"sou');
    storage.discardUnreadableDraft();
    await drafts.setItem('editor', stored());
    expect(await get('editor', db())).toBe(stored());
  });

  it('exports what is stored, and a version that can read it brings it back whole', async () => {
    const { saveDraftFile } = await import('../../src/data/draft-files.ts');
    const hash = await saveDraftFile(new TextEncoder().encode('a cover photo'), 'image/jpeg');
    const text = stored(draftWithABook());
    const { exportStoredDraft } = await import('../../src/editor/backup.ts');
    const zip = await exportStoredDraft(text);
    const { checkBundle } = await import('../../src/editor/bundle.ts');
    const result = await checkBundle(zip);
    expect(result.ok && 'backup' in result).toBe(true);
    if (result.ok && 'backup' in result) {
      expect(result.backup.text).toBe(text);
      expect(new TextDecoder().decode(result.backup.files.get(hash))).toBe('a cover photo');
    }
  });
});
