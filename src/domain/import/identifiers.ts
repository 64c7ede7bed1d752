/**
 * ISBNs, DDC classes and call numbers as catalogues write them. SLiMS keeps the class in a subject
 * with its edition ("005.13/3 22") and the call number as a plain identifier ("005.13/3-22 Jan p");
 * MARC has ISBNs with qualifiers ("0471383147 (paper/cd-rom : alk. paper)").
 */
import { isValidIsbn, normalizeIsbn } from '../isbn.ts';

/** The ISBN-looking part of a value, or undefined when there is none. */
export function isbnCandidate(raw: string): string | undefined {
  const match = /(?:^|[^\dX-])((?:97[89][\s-]?)?\d[\d\s-]{7,15}[\dXx])(?![\dX])/.exec(
    raw.replace(/^\s*ISBN[:\s]*/i, ' '),
  );
  if (!match) return undefined;
  const digits = normalizeIsbn(match[1] as string);
  return digits.length === 10 || digits.length === 13 ? digits : undefined;
}

export type IsbnReading = { kind: 'valid'; isbn: string } | { kind: 'invalid'; raw: string };

export function readIsbn(raw: string): IsbnReading | undefined {
  const candidate = isbnCandidate(raw);
  if (!candidate) return /\d{5}/.test(raw) ? { kind: 'invalid', raw: raw.trim() } : undefined;
  return isValidIsbn(candidate)
    ? { kind: 'valid', isbn: candidate }
    : { kind: 'invalid', raw: raw.trim() };
}

/** ISBN-13 for any valid ISBN, so ISBN-10 and -13 of one book match. */
export function isbn13(isbn: string): string {
  const digits = normalizeIsbn(isbn);
  if (digits.length === 13) return digits;
  const body = `978${digits.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${String((10 - (sum % 10)) % 10)}`;
}

/** A DDC class as the feed stores it ("005.133"), from "005.13/3 22", "338.9/1/091724 20", "823.914". */
export function ddcClass(raw: string): string | undefined {
  // Slashes and primes mark where the number may be cut ("811/.5/4").
  const match = /^\s*\[?(\d{3})(?:\.(\d+))?\]?(?:\s+([\w.]{1,3}))?\s*$/.exec(
    raw.replace(/[/']/g, ''),
  );
  if (!match) return undefined;
  const hundreds = match[1] ?? '';
  let decimals = match[2] ?? '';
  const after = match[3];
  // After a space: an edition (SLiMS's "005.13/3 22"), or the number itself, which catalogues
  // group by threes ("899.221 3" is 899.2213, Indonesian fiction).
  const edition = after !== undefined && /^(?:1[4-9]|2\d)$/.test(after);
  if (
    after !== undefined &&
    !edition &&
    /^\d+$/.test(after) &&
    decimals.length % 3 === 0 &&
    decimals
  ) {
    decimals += after;
  }
  return decimals ? `${hundreds}.${decimals}` : hundreds;
}

/** Whether a subject-like value is a DDC class with its edition, as SLiMS stores it. */
export function looksLikeDdcSubject(raw: string): boolean {
  return /^\s*\d{3}(?:\.[\d/']+)?(?:\s+\d{1,2})?\s*$/.test(raw);
}

/** The class at the start of a call number: "005.13/3-22 Jan p" → "005.133"; "123 PRA m" → "123". */
export function ddcFromCallNumber(callNumber: string): string | undefined {
  const match = /^\s*(?:[A-Z]{1,3}\s+)?(\d{3}(?:\.[\d/']+)?)(?=[\s-]|$)/.exec(callNumber);
  return match ? ddcClass(match[1] as string) : undefined;
}

/** Whether an identifier reads like a call number: class digits or a collection code, then letters. */
export function looksLikeCallNumber(raw: string): boolean {
  const value = raw.trim();
  if (!value || value.length > 60 || /^[a-z]+:/i.test(value)) return false;
  return (
    /^(?:[A-Z]{1,4}\s+)?\d{3}(?:\.[\d/']+)?(?:-\d+)?\s+\S/.test(value) ||
    /^[A-Z]{1,4}\s+[A-Z]{2,4}\s+[a-z]/.test(value)
  );
}

/**
 * The call number an Indonesian library would write when the record has none: class, the first
 * three letters of the author's family name in capitals, the title's first letter ("123 PRA m").
 */
export function madeCallNumber(ddc: string, sortAuthor: string | undefined, title: string): string {
  const author = (sortAuthor ?? title)
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase();
  const titleWord = title.replace(/^(the|a|an|sang|si)\s+/i, '');
  const letter = titleWord
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 1)
    .toLowerCase();
  return [ddc.split('.')[0], author, letter].filter(Boolean).join(' ');
}
