/** Identifier schemes of the feed, without the schema (and zod) that checks them. */
export const DDC_SCHEME = 'https://www.oclc.org/dewey/';
export const ISBN_URN = /^urn:isbn:/i;
export const SLIMS_SCHEME = 'https://slims.web.id/biblio';
export const INLISLITE_SCHEME = 'https://inlislite.perpusnas.go.id/catalog';
/** A record id in another catalogue (a MARC 001, a spreadsheet's id column). */
export const CATALOGUE_RECORD_SCHEME = 'https://lensapustaka.id/catalogue-record';
export const OAI_SCHEME = 'http://www.openarchives.org/OAI/2.0/';
/** The schemes of a book's record id in the library's catalogue, in the order they are looked for. */
export const RECORD_SCHEMES = [SLIMS_SCHEME, INLISLITE_SCHEME, CATALOGUE_RECORD_SCHEME] as const;
