/** Shared Intl formatters format exactly as fresh ones do, fail as they do, and stay bounded. */
import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../src/domain/intl.ts';

describe('shared Intl formatters', () => {
  const options = { day: 'numeric', month: 'long', timeZone: 'Asia/Makassar' } as const;
  const when = new Date('2026-12-05T01:00:00Z');

  it('are made once per locale and options, and format like a fresh one', () => {
    expect(dateTimeFormat('id-ID', options)).toBe(dateTimeFormat('id-ID', { ...options }));
    expect(dateTimeFormat('id-ID', options)).not.toBe(dateTimeFormat('en-GB', options));
    expect(dateTimeFormat('id-ID', options).format(when)).toBe(
      new Intl.DateTimeFormat('id-ID', options).format(when),
    );
    expect(numberFormat('id-ID').format(1234.5)).toBe((1234.5).toLocaleString('id-ID'));
    expect(numberFormat('en-GB').format(1234.5)).toBe('1,234.5');
  });

  it("refuse a time zone that does not exist, as Intl does (a feed's typo)", () => {
    expect(() => dateTimeFormat('id-ID', { timeZone: 'Asia/Bitung' })).toThrow(RangeError);
  });

  it('keep working past their cap', () => {
    // 200 different option sets, three times the number kept.
    for (let n = 0; n < 200; n++) {
      const options = { minimumIntegerDigits: 1 + (n % 21), minimumFractionDigits: n % 10 };
      expect(numberFormat('en-GB', options).format(1)).toBe(
        new Intl.NumberFormat('en-GB', options).format(1),
      );
    }
  });
});
