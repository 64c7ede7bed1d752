/** The visitor's display preferences, remembered on the device. */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { Lang } from '../domain/langmap.ts';

/** Text sizes up to 200% (WCAG 1.4.4): every size is in rem, so the whole page scales. */
export const TEXT_SIZES = ['normal', 'large', 'larger', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const TEXT_SCALE: Record<TextSize, number> = {
  normal: 1,
  large: 1.25,
  larger: 1.5,
  largest: 2,
};

export type Contrast = 'normal' | 'high';

export interface PrefsState {
  readonly lang: Lang;
  readonly textSize: TextSize;
  readonly contrast: Contrast;
  readonly setLang: (lang: Lang) => void;
  readonly setTextSize: (size: TextSize) => void;
  readonly setContrast: (contrast: Contrast) => void;
}

const isTextSize = (value: unknown): value is TextSize =>
  (TEXT_SIZES as readonly unknown[]).includes(value);

export function createPrefsStore(
  storage: StateStorage,
  initialLang: Lang,
  initialContrast: Contrast = 'normal',
) {
  return createStore<PrefsState>()(
    persist(
      (set) => ({
        lang: initialLang,
        textSize: 'normal',
        contrast: initialContrast,
        setLang: (lang) => {
          set({ lang });
        },
        setTextSize: (textSize) => {
          set({ textSize });
        },
        setContrast: (contrast) => {
          set({ contrast });
        },
      }),
      {
        name: 'prefs',
        version: 2,
        storage: createJSONStorage(() => storage),
        partialize: ({ lang, textSize, contrast }) => ({ lang, textSize, contrast }),
        // Version 1 had no contrast; whatever is stored, a value the app does not know is dropped.
        migrate: (stored) => {
          const old = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
            string,
            unknown
          >;
          return {
            ...(old['lang'] === 'id' || old['lang'] === 'en' ? { lang: old['lang'] } : {}),
            textSize: isTextSize(old['textSize']) ? old['textSize'] : 'normal',
            ...(old['contrast'] === 'high' || old['contrast'] === 'normal'
              ? { contrast: old['contrast'] }
              : {}),
          };
        },
      },
    ),
  );
}

export type PrefsStore = ReturnType<typeof createPrefsStore>;
