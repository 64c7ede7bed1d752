import { describe, expect, it } from 'vitest';
import { openingStatus } from '../../src/domain/hours.ts';

const hours = [
  { days: ['mo', 'tu', 'we', 'th', 'fr'] as const, opens: '08:00', closes: '16:00' },
  { days: ['sa'] as const, opens: '09:00', closes: '13:00' },
].map((h) => ({ ...h, days: [...h.days] }));
const WITA = 'Asia/Makassar';

describe('opening status in the library time zone (WITA, UTC+8)', () => {
  it('is open on a Monday at 10:00 WITA and closes at 16:00', () => {
    expect(openingStatus(hours, new Date('2026-11-30T02:00:00Z'), WITA)).toEqual({
      open: true,
      closes: '16:00',
    });
  });

  it('is closed on a Monday at 07:00 WITA and opens at 08:00 the same day', () => {
    expect(openingStatus(hours, new Date('2026-11-29T23:00:00Z'), WITA)).toEqual({
      open: false,
      next: { day: 'mo', opens: '08:00' },
    });
  });

  it('is closed on a Saturday afternoon and next opens on Monday', () => {
    expect(openingStatus(hours, new Date('2026-11-28T07:00:00Z'), WITA)).toEqual({
      open: false,
      next: { day: 'mo', opens: '08:00' },
    });
  });

  it('uses the library clock, not the visitor clock: 23:30 UTC Friday is Saturday 07:30 WITA', () => {
    expect(openingStatus(hours, new Date('2026-11-27T23:30:00Z'), WITA)).toEqual({
      open: false,
      next: { day: 'sa', opens: '09:00' },
    });
  });
});
