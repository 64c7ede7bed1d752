/**
 * A typed dictionary rather than an i18n library: two languages, no plural forms in Indonesian,
 * and `Intl` formats dates and numbers. Keys are checked at compile time in both languages.
 */
import { numberFormat } from '../domain/intl.ts';
import type { Lang } from '../domain/langmap.ts';
import { en, id, type MessageKey } from './messages.ts';

const tables: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Params = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fillTemplate(tables[lang][key], lang, params);
}

/** Puts the parameters into "{name}" places, numbers formatted for the language. */
export function fillTemplate(template: string, lang: Lang, params?: Params): string {
  if (!params) return template;
  const locale = localeOf(lang);
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    if (typeof value !== 'number') return value;
    // Small counts read the same in both languages: no formatter (whose first use loads the
    // locale's data, ~20 ms) for the "3 buku" of a first render.
    return Number.isInteger(value) && value >= 0 && value < 1000
      ? String(value)
      : numberFormat(locale).format(value);
  });
}

export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A translate function for a lazily loaded part of the app (the editor, the tours) whose own texts
 * live in their own chunk: its keys from its tables, every other key from the app's.
 */
export function chunkTranslator<K extends string>(tables: Record<Lang, Record<K, string>>) {
  const isOwn = (key: string): key is K => key in tables.id;
  return (lang: Lang) =>
    (key: K | MessageKey, params?: Params): string =>
      isOwn(key) ? fillTemplate(tables[lang][key], lang, params) : translate(lang, key, params);
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** The locale for `Intl`: Indonesian formats dates as "5 Desember 2026", English as "5 December 2026". */
export function localeOf(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/** Picks the first supported language from the browser's preferences; Bahasa Indonesia otherwise. */
export function languageFromBrowser(preferences: readonly string[]): Lang {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'id' || base === 'in' || base === 'ms') return 'id';
    if (base === 'en') return 'en';
  }
  return 'id';
}

export type { MessageKey };
