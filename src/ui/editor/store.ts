/**
 * The editor's store reaches its components through context, like the visitor stores: it is
 * created once at the composition point (src/app/editor-services.ts) when the editor chunk loads,
 * and swapped for a fresh one in tests.
 */
import {
  createContext,
  createElement,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { EditorState, EditorStore } from '../../state/editor-store.ts';

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({
  store,
  children,
}: {
  store: EditorStore;
  children: ReactNode;
}) {
  return createElement(EditorStoreContext, { value: store }, children);
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('EditorStoreProvider is missing');
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

type History = TemporalState<Pick<EditorState, 'draft'>>;

export function useHistory<T>(selector: (state: History) => T): T {
  return useStore(useEditorStore().temporal, selector);
}

/** False until the saved draft has been read: editing before that would overwrite it. */
export function useDraftLoaded(): boolean {
  const store = useEditorStore();
  return useSyncExternalStore(
    (onChange) => store.persist.onFinishHydration(onChange),
    () => store.persist.hasHydrated(),
  );
}
