/**
 * Age bands: a tour speaks to its own audience with its stops' own texts, and may carry texts for
 * other bands (schema 1.1). What a band leaves out comes from the stop's own texts.
 */
import type { LangMap } from '../langmap.ts';
import type { Tour, TourStop } from '../catalog.ts';

export type Question = NonNullable<TourStop['question']>;

export interface StopTexts {
  readonly instruction: LangMap;
  readonly narration: LangMap;
  readonly question: Question | undefined;
}

export interface BandChoice {
  /** null: the tour's own texts, for the tour's audience. */
  readonly id: string | null;
  readonly audience: Tour['audience'];
}

/** The tour's own audience first, then its extra bands. */
export function bandChoices(tour: Tour): BandChoice[] {
  return [{ id: null, audience: tour.audience }, ...tour.bands];
}

/** A band the tour has, or null (its own texts) for anything else. */
export function knownBand(tour: Tour, band: string | null | undefined): string | null {
  return band && tour.bands.some((b) => b.id === band) ? band : null;
}

export function stopTexts(stop: TourStop, band: string | null): StopTexts {
  const own = band ? stop.forBands?.[band] : undefined;
  return {
    instruction: own?.instruction ?? stop.instruction,
    narration: own?.narration ?? stop.narration,
    question: own?.question ?? stop.question,
  };
}

export function audienceOf(tour: Tour, band: string | null): Tour['audience'] {
  return tour.bands.find((b) => b.id === band)?.audience ?? tour.audience;
}

/** Children up to 12 read short sentences in larger type. */
export function isYoungAudience(audience: Tour['audience']): boolean {
  return audience.maxAge !== undefined && audience.maxAge <= 12;
}
