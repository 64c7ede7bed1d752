import { useMemo } from 'react';
import { tourTranslator, type TourTranslate } from '../../i18n/tour-messages.ts';
import { useLang } from '../context.tsx';

/** The tour pages' translate function: their own texts plus every app-wide one. */
export function useTourT(): TourTranslate {
  const lang = useLang();
  return useMemo(() => tourTranslator(lang), [lang]);
}
