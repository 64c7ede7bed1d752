/**
 * Languages as catalogues write them (MARC's ISO 639-2 codes, SLiMS's names in English or
 * Indonesian, two-letter codes) turned into the BCP 47 tags the feed uses.
 */
const BY_NAME_OR_CODE: Readonly<Record<string, string>> = {
  ind: 'id', indonesia: 'id', indonesian: 'id', 'bahasa indonesia': 'id', id: 'id', in: 'id',
  eng: 'en', english: 'en', inggris: 'en', 'bahasa inggris': 'en', en: 'en',
  may: 'ms', msa: 'ms', malay: 'ms', melayu: 'ms', ms: 'ms',
  jav: 'jv', javanese: 'jv', jawa: 'jv', jv: 'jv',
  sun: 'su', sundanese: 'su', sunda: 'su', su: 'su',
  ara: 'ar', arabic: 'ar', arab: 'ar', ar: 'ar',
  chi: 'zh', zho: 'zh', chinese: 'zh', mandarin: 'zh', zh: 'zh',
  jpn: 'ja', japanese: 'ja', jepang: 'ja', ja: 'ja',
  kor: 'ko', korean: 'ko', korea: 'ko', ko: 'ko',
  dut: 'nl', nld: 'nl', dutch: 'nl', belanda: 'nl', nl: 'nl',
  fre: 'fr', fra: 'fr', french: 'fr', prancis: 'fr', perancis: 'fr', fr: 'fr',
  ger: 'de', deu: 'de', german: 'de', jerman: 'de', de: 'de',
  spa: 'es', spanish: 'es', spanyol: 'es', es: 'es',
  por: 'pt', portuguese: 'pt', portugis: 'pt', pt: 'pt',
  ita: 'it', italian: 'it', italia: 'it', it: 'it',
  rus: 'ru', russian: 'ru', rusia: 'ru', ru: 'ru',
  tha: 'th', thai: 'th', th: 'th', vie: 'vi', vietnamese: 'vi', vi: 'vi',
  tgl: 'tl', tagalog: 'tl', fil: 'fil', filipino: 'fil', hin: 'hi', hindi: 'hi', hi: 'hi',
  lat: 'la', latin: 'la', la: 'la',
}; // prettier-ignore

function keyOf(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[.;]+$/, '');
}

/** Codes that say there is no one language: undetermined, none, several, not coded, blank. */
export function saysNoLanguage(raw: string): boolean {
  const key = keyOf(raw);
  return !key || ['und', 'zxx', 'mul', '|||'].includes(key);
}

/** The BCP 47 tag for a language name or code, or undefined when it is unknown. */
export function languageTag(raw: string): string | undefined {
  return saysNoLanguage(raw) ? undefined : BY_NAME_OR_CODE[keyOf(raw)];
}
