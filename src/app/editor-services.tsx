/**
 * The staff editor's composition point, a lazy chunk that visitors never load: its store, with the
 * draft kept in IndexedDB, handed to the editor's pages through context.
 */
import type { ReactNode } from 'react';
import { pruneDraftFiles } from '../data/draft-files.ts';
import {
  claimDraft,
  createDraftStorage,
  draftHistoryStorage,
  draftReadSucceeded,
} from '../data/draft-storage.ts';
import { DRAFT_FORMAT_VERSION, hashesInUse } from '../domain/source/draft.ts';
import { createEditorStore } from '../state/editor-store.ts';
import { EditorStoreProvider } from '../ui/editor/store.ts';

const editorStore = createEditorStore(
  createDraftStorage(DRAFT_FORMAT_VERSION),
  undefined,
  draftHistoryStorage,
);

// Loading the saved draft is not an edit: the undo history is the one saved with it. Then ask to edit: one
// tab at a time. The tab that edits, and only it, lets go of files the draft no longer uses
// (replaced covers, removed models): another tab's draft might still need them.
editorStore.persist.onFinishHydration((state) => {
  void editorStore.restoreHistory();
  void claimDraft().then((access) => {
    if (access === 'editing' && draftReadSucceeded())
      void pruneDraftFiles(hashesInUse(state.draft));
  });
});

/** Wraps the editor's pages (the editor and "Try it"), which share one draft. */
export default function EditorScope({ children }: { children: ReactNode }) {
  return <EditorStoreProvider store={editorStore}>{children}</EditorStoreProvider>;
}
