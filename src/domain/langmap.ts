/** The two interface languages. Content may carry more (a language map accepts any BCP 47 tag). */
export const UI_LANGS = ['id', 'en'] as const;
export type Lang = (typeof UI_LANGS)[number];

/** A text in several languages, keyed by BCP 47 tag: `{ id: "Ikan", en: "Fish" }`. */
export type LangMap = Readonly<Record<string, string>>;

/** Bilingual text that the app itself writes (error messages, labels built in the domain). */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

export interface Picked {
  /** The text to show. */
  readonly text: string;
  /** The language the text is really in, for the element's `lang` attribute. */
  readonly lang: string;
}

/**
 * Picks the text in the wanted language, falling back to Bahasa Indonesia, then English, then
 * whatever the map has, so a book with only one language still shows its title.
 */
export function pick(map: LangMap, lang: string): Picked {
  for (const candidate of [lang, 'id', 'en']) {
    const text = map[candidate];
    if (text !== undefined && text !== '') return { text, lang: candidate };
  }
  for (const [key, text] of Object.entries(map)) {
    if (text !== '') return { text, lang: key };
  }
  return { text: '', lang };
}

export function pickText(map: LangMap, lang: string): string {
  return pick(map, lang).text;
}
