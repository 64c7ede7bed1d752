/**
 * The editor's store, created once when the editor chunk loads (visitors never load it), with the
 * draft kept in IndexedDB.
 */
import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import { draftStorage } from '../../data/draft-storage.ts';
import { createEditorStore, type EditorState } from '../../state/editor-store.ts';

export const editorStore = createEditorStore(draftStorage);

// Loading the saved draft is not an edit: start the undo history after it.
editorStore.persist.onFinishHydration(() => {
  editorStore.clearHistory();
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
