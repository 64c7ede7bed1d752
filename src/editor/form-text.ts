/**
 * The editor's plain-text fields and the source catalog's shapes, both ways: opening hours as
 * lines, a story's sources as "title | url" lines, a question's choices with the right one marked
 * `*`, authors separated by commas, and event times in a `datetime-local` input. Pure functions,
 * tested in tests/unit/form-text.test.ts.
 */
import type { LibraryInput, SourceStoryInput, TourInput } from '../domain/source/draft.ts';

export const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Day = (typeof DAY_CODES)[number];
export type Hours = { days: Day[]; opens: string; closes: string }[];

/** "mo tu we th fr 08:00-16:00", a line per group of days. */
export const hoursToText = (hours: LibraryInput['openingHours'] | undefined): string =>
  (hours ?? []).map((h) => `${h.days.join(' ')} ${h.opens}-${h.closes}`).join('\n');

export function textToHours(text: string): Hours {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(line);
      const days = (match?.[1] ?? line)
        .split(/[\s,]+/)
        .filter((d): d is Day => (DAY_CODES as readonly string[]).includes(d));
      return { days, opens: match?.[2] ?? '', closes: match?.[3] ?? '' };
    });
}

type Sources = SourceStoryInput['sources'];

/** "Title | https://…", a line per source; the address is optional. */
export const sourcesToText = (sources: Sources): string =>
  sources.map((s) => (s.url ? `${s.title} | ${s.url}` : s.title)).join('\n');

export function textToSources(text: string): Sources {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = '', url] = line.split('|').map((part) => part.trim());
      return url ? { title, url } : { title };
    });
}

type Question = NonNullable<TourInput['stops'][number]['question']>;

/** A choice per line, in Indonesian, the right one marked with a leading `*`. */
export const choicesToText = (question: Question | undefined): string =>
  question
    ? question.choices
        .map((c, i) => `${i === question.answer ? '*' : ''}${c.id ?? c.en ?? ''}`)
        .join('\n')
    : '';

export function textToChoices(text: string): Pick<Question, 'choices' | 'answer'> {
  const lines = text.split('\n');
  const answer = Math.max(
    0,
    lines.findIndex((line) => line.startsWith('*')),
  );
  const choices = lines.map((line) => ({ id: line.replace(/^\*/, '').trim() }));
  return { choices, answer };
}

export const authorsToText = (authors: readonly string[]): string => authors.join(', ');
export const textToAuthors = (text: string): string[] => text.split(',').map((a) => a.trim());

/** "2026-12-05T09:00:00+08:00" ⇄ the "2026-12-05T09:00" of a datetime-local input. */
export const isoToLocalInput = (iso: string): string => iso.slice(0, 16);
export const localInputToIso = (value: string, offset: string): string =>
  value ? `${value}:00${offset}` : '';
/** The time zone offset an event was written in; Bitung's (WITA) when it has none. */
export const offsetOf = (iso: string): string => /([+-]\d{2}:\d{2}|Z)$/.exec(iso)?.[1] ?? '+08:00';

/**
 * A number as staff type it: "0,2" (the Indonesian decimal comma) and "0.2" are both 0.2; "-1,5"
 * is -1.5. Anything else (two separators, letters, an empty field) is undefined, never a guess.
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim().replace(/^−/, '-');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** A number shown in the staff's language: 0.2 as "0,2" in Bahasa Indonesia. */
export const formatDecimal = (value: number, lang: 'id' | 'en'): string =>
  lang === 'id' ? String(value).replace('.', ',') : String(value);

/** A day's hours in the editor's week grid; null when the library is closed that day. */
export type DayHours = { readonly opens: string; readonly closes: string } | null;
export type Week = Readonly<Record<Day, DayHours>>;

/** The feed's opening hours as a week of days (the first slot of each day). */
export function hoursToWeek(hours: LibraryInput['openingHours'] | undefined): Week {
  const week = Object.fromEntries(DAY_CODES.map((day) => [day, null])) as Record<Day, DayHours>;
  for (const slot of hours ?? []) {
    for (const day of slot.days) week[day] ??= { opens: slot.opens, closes: slot.closes };
  }
  return week;
}

/** A week back to the feed's shape: days with the same times share one line. */
export function weekToHours(week: Week): Hours {
  const hours: Hours = [];
  for (const day of DAY_CODES) {
    const slot = week[day];
    if (!slot) continue;
    const same = hours.find((h) => h.opens === slot.opens && h.closes === slot.closes);
    if (same) same.days.push(day);
    else hours.push({ days: [day], opens: slot.opens, closes: slot.closes });
  }
  return hours;
}
