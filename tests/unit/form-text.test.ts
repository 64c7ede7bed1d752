/** The editor's text fields and the source catalog's shapes, both ways. */
import { describe, expect, it } from 'vitest';
import {
  authorsToText,
  choicesToText,
  hoursToText,
  isoToLocalInput,
  localInputToIso,
  offsetOf,
  parseDecimal,
  hoursToWeek,
  weekToHours,
  sourcesToText,
  textToAuthors,
  textToChoices,
  textToHours,
  textToSources,
} from '../../src/editor/form-text.ts';

describe('opening hours', () => {
  it('round-trip through one line per group of days', () => {
    const hours = [
      { days: ['mo', 'tu', 'we', 'th', 'fr'] as const, opens: '08:00', closes: '16:00' },
      { days: ['sa'] as const, opens: '09:00', closes: '12:00' },
    ].map((h) => ({ ...h, days: [...h.days] }));
    const text = hoursToText(hours);
    expect(text).toBe('mo tu we th fr 08:00-16:00\nsa 09:00-12:00');
    expect(textToHours(text)).toEqual(hours);
  });

  it('keep what can be read of a half-typed line and skip blank lines', () => {
    expect(textToHours('mo, xx tu 8:00 - 9:30\n\n  ')).toEqual([
      { days: ['mo', 'tu'], opens: '8:00', closes: '9:30' },
    ]);
    expect(textToHours('senin')).toEqual([{ days: [], opens: '', closes: '' }]);
    expect(hoursToText(undefined)).toBe('');
  });
});

describe('story sources', () => {
  it('are "title | url" lines, the address optional', () => {
    const sources = [
      { title: 'Profil Kota Bitung', url: 'https://bitungkota.go.id' },
      { title: 'Wawancara dengan nelayan' },
    ];
    const text = sourcesToText(sources);
    expect(text).toBe('Profil Kota Bitung | https://bitungkota.go.id\nWawancara dengan nelayan');
    expect(textToSources(text)).toEqual(sources);
    expect(textToSources('  \n A |  \n')).toEqual([{ title: 'A' }]);
  });
});

describe('question choices', () => {
  const question = {
    prompt: { id: 'Di mana?' },
    choices: [{ id: 'Lembeh' }, { id: 'Tangkoko', en: 'Tangkoko' }, { en: 'Only English' }],
    answer: 1,
    explanation: { id: 'Karena.' },
  };

  it('mark the right answer with a star and read it back', () => {
    const text = choicesToText(question);
    expect(text).toBe('Lembeh\n*Tangkoko\nOnly English');
    expect(textToChoices(text)).toEqual({
      choices: [{ id: 'Lembeh' }, { id: 'Tangkoko' }, { id: 'Only English' }],
      answer: 1,
    });
  });

  it('take the first choice as the answer when none is marked', () => {
    expect(textToChoices('a\nb').answer).toBe(0);
    expect(choicesToText(undefined)).toBe('');
  });
});

describe('authors and event times', () => {
  it('split authors on commas and trim them', () => {
    expect(textToAuthors('Andrea Hirata,  Pramoedya Ananta Toer ')).toEqual([
      'Andrea Hirata',
      'Pramoedya Ananta Toer',
    ]);
    expect(authorsToText(['A', 'B'])).toBe('A, B');
  });

  it('keep the event time zone through a datetime-local input', () => {
    const start = '2026-12-05T09:00:00+08:00';
    expect(isoToLocalInput(start)).toBe('2026-12-05T09:00');
    expect(offsetOf(start)).toBe('+08:00');
    expect(offsetOf('2026-12-05T01:00:00Z')).toBe('Z');
    expect(offsetOf('not a date')).toBe('+08:00');
    expect(localInputToIso('2026-12-05T10:30', offsetOf(start))).toBe('2026-12-05T10:30:00+08:00');
    expect(localInputToIso('', '+08:00')).toBe('');
  });
});

describe('numbers as staff type them', () => {
  it('read the decimal comma and the point alike, and never guess', () => {
    expect(parseDecimal('0,2')).toBe(0.2);
    expect(parseDecimal('0.2')).toBe(0.2);
    expect(parseDecimal('-1,5')).toBe(-1.5);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('12')).toBe(12);
    for (const text of ['', 'abc', '1,2,3', '1.2.3', '1 2', '0,2x']) {
      expect(parseDecimal(text)).toBeUndefined();
    }
  });
});

describe('opening hours as a week', () => {
  it('show each day open or closed, and days with the same times share a line again', () => {
    const hours = [
      { days: ['mo', 'tu', 'we', 'th', 'fr'] as const, opens: '08:00', closes: '16:00' },
      { days: ['sa'] as const, opens: '09:00', closes: '12:00' },
    ].map((h) => ({ ...h, days: [...h.days] }));
    const week = hoursToWeek(hours);
    expect(week.mo).toEqual({ opens: '08:00', closes: '16:00' });
    expect(week.sa).toEqual({ opens: '09:00', closes: '12:00' });
    expect(week.su).toBeNull();
    expect(weekToHours(week)).toEqual(hours);
    // Friday closes early: it gets a line of its own, the others stay together.
    expect(weekToHours({ ...week, fr: { opens: '08:00', closes: '11:00' } })).toEqual([
      { days: ['mo', 'tu', 'we', 'th'], opens: '08:00', closes: '16:00' },
      { days: ['fr'], opens: '08:00', closes: '11:00' },
      { days: ['sa'], opens: '09:00', closes: '12:00' },
    ]);
  });
});
