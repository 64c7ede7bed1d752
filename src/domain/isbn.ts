/** ISBN helpers: catalogues write ISBNs with and without hyphens; the check digit tells typos apart. */

export function normalizeIsbn(raw: string): string {
  return raw
    .replace(/^urn:isbn:/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

function isValidIsbn10(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = isbn[i] as string;
    const digit = char === 'X' ? 10 : Number(char);
    sum += digit * (10 - i);
  }
  return sum % 11 === 0;
}

function isValidIsbn13(isbn: string): boolean {
  if (!/^97[89]\d{10}$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(isbn[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

/** True when the text is an ISBN-10 or ISBN-13 whose check digit matches. */
export function isValidIsbn(raw: string): boolean {
  const isbn = normalizeIsbn(raw);
  return isbn.length === 10 ? isValidIsbn10(isbn) : isValidIsbn13(isbn);
}
