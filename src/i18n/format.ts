/** Dates, times and lists in the reader's language, in the library's time zone. */
import type { Lang } from '../domain/langmap.ts';
import { localeOf } from './translate.ts';

export function formatDate(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

export function formatShortDate(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function formatTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(localeOf(lang), { style: 'long', type: 'conjunction' }).format(items);
}

export function languageName(tag: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([localeOf(lang)], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
