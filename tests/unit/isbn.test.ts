import { describe, expect, it } from 'vitest';
import { isValidIsbn, normalizeIsbn } from '../../src/domain/isbn.ts';

describe('ISBN', () => {
  it('accepts ISBN-13 and ISBN-10 with or without hyphens', () => {
    expect(isValidIsbn('978-0-306-40615-7')).toBe(true);
    expect(isValidIsbn('urn:isbn:9780306406157')).toBe(true);
    expect(isValidIsbn('0-306-40615-2')).toBe(true);
    expect(isValidIsbn('0-8044-2957-X')).toBe(true);
  });

  it('refuses a wrong check digit or a wrong length', () => {
    expect(isValidIsbn('978-0-306-40615-8')).toBe(false);
    expect(isValidIsbn('0-306-40615-3')).toBe(false);
    expect(isValidIsbn('12345')).toBe(false);
  });

  it('normalises the SLiMS forms (hyphenated in oai2.php, bare in oai.php) to the same value', () => {
    expect(normalizeIsbn('978-0-306-40615-7')).toBe(normalizeIsbn('9780306406157'));
  });
});
