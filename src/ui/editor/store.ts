/**
 * The editor's store, created once when the editor chunk loads (visitors never load it), with the
 * draft kept in IndexedDB.
 */
import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import { pruneDraftFiles } from '../../data/draft-files.ts';
import { draftReadSucceeded, draftStorage } from '../../data/draft-storage.ts';
import { hashesInUse } from '../../domain/source/draft.ts';
import { createEditorStore, type EditorState } from '../../state/editor-store.ts';

export const editorStore = createEditorStore(draftStorage);

// Loading the saved draft is not an edit: start the undo history after it. With no history left
// to bring old files back, files the draft no longer uses (replaced covers, removed models) go.
editorStore.persist.onFinishHydration((state) => {
  editorStore.clearHistory();
  if (draftReadSucceeded()) void pruneDraftFiles(hashesInUse(state.draft));
});

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}

type History = TemporalState<Pick<EditorState, 'draft'>>;

export function useHistory<T>(selector: (state: History) => T): T {
  return useStore(editorStore.temporal, selector);
}

const subscribeHydration = (onChange: () => void) =>
  editorStore.persist.onFinishHydration(onChange);
const hasHydrated = () => editorStore.persist.hasHydrated();

/** False until the saved draft has been read: editing before that would overwrite it. */
export function useDraftLoaded(): boolean {
  return useSyncExternalStore(subscribeHydration, hasHydrated);
}
