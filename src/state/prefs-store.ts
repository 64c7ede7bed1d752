/** The visitor's display preferences, remembered on the device. */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { Lang } from '../domain/langmap.ts';

export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface PrefsState {
  readonly lang: Lang;
  readonly textSize: TextSize;
  readonly setLang: (lang: Lang) => void;
  readonly setTextSize: (size: TextSize) => void;
}

export function createPrefsStore(storage: StateStorage, initialLang: Lang) {
  return createStore<PrefsState>()(
    persist(
      (set) => ({
        lang: initialLang,
        textSize: 'normal',
        setLang: (lang) => {
          set({ lang });
        },
        setTextSize: (textSize) => {
          set({ textSize });
        },
      }),
      {
        name: 'prefs',
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ lang, textSize }) => ({ lang, textSize }),
      },
    ),
  );
}

export type PrefsStore = ReturnType<typeof createPrefsStore>;
