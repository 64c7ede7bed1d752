/**
 * The staff editor's composition point, a lazy chunk that visitors never load: its store, with the
 * draft kept in IndexedDB, handed to the editor's pages through context.
 */
import type { ReactNode } from 'react';
import { pruneDraftFiles } from '../data/draft-files.ts';
import { draftReadSucceeded, draftStorage } from '../data/draft-storage.ts';
import { hashesInUse } from '../domain/source/draft.ts';
import { createEditorStore } from '../state/editor-store.ts';
import { EditorStoreProvider } from '../ui/editor/store.ts';

const editorStore = createEditorStore(draftStorage);

// Loading the saved draft is not an edit: start the undo history after it. With no history left
// to bring old files back, files the draft no longer uses (replaced covers, removed models) go.
editorStore.persist.onFinishHydration((state) => {
  editorStore.clearHistory();
  if (draftReadSucceeded()) void pruneDraftFiles(hashesInUse(state.draft));
});

/** Wraps the editor's pages (the editor and "Try it"), which share one draft. */
export default function EditorScope({ children }: { children: ReactNode }) {
  return <EditorStoreProvider store={editorStore}>{children}</EditorStoreProvider>;
}
