import { describe, expect, it } from 'vitest';
import {
  addResult,
  classCsv,
  csvCell,
  hardestQuestion,
  ranked,
  type ClassEntry,
} from '../../src/domain/tours/class-table.ts';
import { decodeResult, encodeResult, type TourResult } from '../../src/domain/tours/result-code.ts';

const result: TourResult = {
  tourId: 'jejak-tangkasi',
  className: '4B | SD 2',
  group: 'Kelompok Tarsius',
  correct: 2,
  questions: 3,
  seconds: 754,
  done: 4,
  total: 5,
  marks: '-1-01',
};

describe('the result code', () => {
  it('round-trips every field, names with separators and Indonesian letters included', () => {
    const code = encodeResult(result);
    expect(code).toMatch(/^LPR1\|jejak-tangkasi\|/);
    expect(decodeResult(code)).toEqual({ ok: true, result });
    const named = { ...result, group: 'Ani, Budi & Çiçek' };
    expect(decodeResult(encodeResult(named))).toEqual({ ok: true, result: named });
  });

  it('refuses a code with one character changed, and text that is not a result', () => {
    const code = encodeResult(result);
    const typo = code.replace('|754|', '|755|');
    expect(decodeResult(typo)).toEqual({ ok: false, problem: 'damaged' });
    const wrongCheck = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(decodeResult(wrongCheck)).toEqual({ ok: false, problem: 'damaged' });
    expect(decodeResult('https://example.com/')).toEqual({ ok: false, problem: 'not-a-result' });
    expect(decodeResult('')).toEqual({ ok: false, problem: 'not-a-result' });
    expect(decodeResult(`LPR1|${'x'.repeat(5000)}`)).toEqual({
      ok: false,
      problem: 'not-a-result',
    });
  });

  it('refuses a well-checked code whose fields do not make sense', () => {
    const forge = (fields: Partial<TourResult>) => encodeResult({ ...result, ...fields });
    expect(decodeResult(forge({ correct: 4 })).ok).toBe(false); // 4 of 3
    expect(decodeResult(forge({ marks: '-1-0' })).ok).toBe(false); // 4 marks for 5 stops
    expect(decodeResult(forge({ tourId: 'Not An Id' })).ok).toBe(false);
    expect(decodeResult(forge({ group: 'x'.repeat(41) })).ok).toBe(false);
  });
});

describe('the class table', () => {
  const entry = (group: string, correct: number, seconds: number, marks: string): ClassEntry => ({
    ...result,
    group,
    correct,
    seconds,
    marks,
    receivedAt: 0,
  });

  it('keeps one row per group (the latest), ranked by score then time', () => {
    let entries: readonly ClassEntry[] = [];
    entries = addResult(entries, entry('Tarsius', 1, 900, '-0-01'), 1).entries;
    entries = addResult(entries, entry('Cakalang', 2, 800, '-1-01'), 2).entries;
    const again = addResult(entries, entry('tarsius', 3, 950, '-1-11'), 3);
    expect(again.replaced).toBe(true);
    expect(again.entries).toHaveLength(2);
    expect(ranked(again.entries).map((e) => [e.group, e.correct])).toEqual([
      ['tarsius', 3],
      ['Cakalang', 2],
    ]);
  });

  it('names the question the class found hardest', () => {
    const entries = [
      entry('A', 1, 1, '-1-00'),
      entry('B', 2, 1, '-1-10'),
      entry('C', 2, 1, '-1-1_'),
    ];
    expect(hardestQuestion(entries)).toEqual({ stop: 4, wrong: 2, answered: 2 });
    expect(hardestQuestion([entry('A', 3, 1, '-1-11')])).toBeNull();
  });

  it('exports CSV a spreadsheet opens safely', () => {
    const csv = classCsv(
      [entry('=HYPERLINK("x")', 2, 754, '-1-01'), entry('B, C', 1, 65, '-0-_1')],
      {
        group: 'Kelompok',
        score: 'Benar',
        questions: 'Pertanyaan',
        time: 'Waktu',
        stops: 'Perhentian',
        question: (n) => `P${n}`,
        right: 'benar',
        wrong: 'salah',
        none: '',
      },
    );
    expect(csv.split('\r\n')).toEqual([
      'Kelompok,Benar,Pertanyaan,Waktu,Perhentian,P1,P2,P3',
      `"'=HYPERLINK(""x"")",2,3,12:34,4/5,benar,salah,benar`,
      '"B, C",1,3,1:05,4/5,salah,,benar',
      '',
    ]);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
  });
});
