/** Dates, times and lists in the reader's language, in the library's time zone. */
import type { Lang } from '../domain/langmap.ts';
import { dateTimeFormat, numberFormat } from '../domain/intl.ts';
import { localeOf } from './translate.ts';

export function formatDate(iso: string, lang: Lang, timeZone: string): string {
  return dateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

export function formatShortDate(iso: string, lang: Lang, timeZone?: string): string {
  return dateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function formatTime(iso: string, lang: Lang, timeZone: string): string {
  return dateTimeFormat(localeOf(lang), {
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

/** "1,4 MB" / "1.4 MB": kilobytes below a megabyte, megabytes above, gigabytes for quotas. */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = [
    ['gigabyte', 1024 ** 3],
    ['megabyte', 1024 ** 2],
    ['kilobyte', 1024],
  ] as const;
  const [unit, size] = units.find(([, size]) => bytes >= size) ?? units[2];
  return numberFormat(localeOf(lang), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: bytes >= size * 10 ? 0 : 1,
  }).format(bytes / size);
}

/** "hari ini", "kemarin", "3 hari yang lalu": how long ago a date was, in whole days. */
export function formatDaysAgo(iso: string, lang: Lang, now = Date.now()): string {
  const days = Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
  return new Intl.RelativeTimeFormat(localeOf(lang), { numeric: 'auto' }).format(-days, 'day');
}

const ORDINALS: Record<Lang, readonly string[]> = {
  id: ['pertama', 'kedua', 'ketiga', 'keempat', 'kelima', 'keenam', 'ketujuh', 'kedelapan'],
  en: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'],
};

/** "kedua" / "second"; past the words, "ke-12" / "12th". */
export function formatOrdinal(n: number, lang: Lang): string {
  const word = ORDINALS[lang][n - 1];
  if (word) return word;
  if (lang === 'id') return `ke-${n}`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
