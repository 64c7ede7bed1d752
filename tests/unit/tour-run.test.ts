import { describe, expect, it } from 'vitest';
import { indexCatalog, type Tour } from '../../src/domain/catalog.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import { migrateFrom1_0 } from '../../src/domain/feed/migrate.ts';
import { bandChoices, isYoungAudience, stopTexts } from '../../src/domain/tours/bands.ts';
import { acceptedCodes, codeMatches } from '../../src/domain/tours/codes.ts';
import {
  answer,
  answerMarks,
  finish,
  foundWithout,
  furthestStop,
  goTo,
  next,
  parseRun,
  scanned,
  score,
  serializeRun,
  skip,
  startRun,
  type TourRun,
} from '../../src/domain/tours/run.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

function demo() {
  const result = parseFeed(demoFeed(), DEMO_FEED_URL);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  const tour = result.catalog.tours.find((t) => t.id === 'jejak-tangkasi');
  if (!tour) throw new Error('demo children’s tour missing');
  return { catalog: result.catalog, index: indexCatalog(result.catalog), tour };
}

const T0 = Date.UTC(2026, 11, 5, 1, 0, 0);
const { tour, index } = demo();
const stop = (i: number) => tour.stops[i]!;

/** Finds the current stop by scanning it and answers its question (right or wrong). */
function doStop(run: TourRun, right = true): TourRun {
  let next_ = scanned(tour, run, stop(run.current).find).run;
  const question = stopTexts(stop(run.current), run.band).question;
  if (question) {
    const choice = right ? question.answer : (question.answer + 1) % question.choices.length;
    next_ = answer(tour, next_, choice);
  }
  return next_;
}

describe('a tour run', () => {
  it('starts at the first stop with nothing done and trims the names it is given', () => {
    const run = startRun(tour, { group: '  Kelompok   Tarsius ', className: '4B' }, T0);
    expect(run.current).toBe(0);
    expect(run.group).toBe('Kelompok Tarsius');
    expect(run.className).toBe('4B');
    expect(run.stops.every((s) => s.status === 'todo')).toBe(true);
    expect(score(tour, run, T0)).toMatchObject({ correct: 0, done: 0, total: 5 });
  });

  it('is completed by a scan of the right target and gives a hint for another one', () => {
    let run = startRun(tour, { group: 'A' }, T0);
    run = next(tour, doStop(run), T0); // stop 1: the children's shelf sign, no question
    expect(run.current).toBe(1);

    const wrong = scanned(tour, run, { kind: 'book', id: 'little-prince' });
    expect(wrong.outcome).toEqual({ kind: 'other', target: { kind: 'book', id: 'little-prince' } });
    expect(wrong.run.stops[1]).toMatchObject({ status: 'todo', hints: 1 });
    // Not done yet: "next" does nothing until the stop is found.
    expect(next(tour, wrong.run, T0).current).toBe(1);

    const right = scanned(tour, wrong.run, { kind: 'book', id: 'very-hungry-caterpillar' });
    expect(right.outcome).toEqual({ kind: 'found' });
    expect(right.run.stops[1]).toMatchObject({ status: 'found', foundBy: 'scan' });
    // The question still waits for its answer.
    expect(next(tour, right.run, T0).current).toBe(1);
    // A second recognition of anything changes nothing.
    expect(scanned(tour, right.run, { kind: 'book', id: 'little-prince' }).outcome.kind).toBe(
      'ignored',
    );
  });

  it('counts only the first answer and scores right and wrong answers', () => {
    let run = startRun(tour, { group: 'A' }, T0);
    run = next(tour, doStop(run), T0);
    run = scanned(tour, run, stop(1).find).run;
    run = answer(tour, run, 1); // wrong: a fish
    expect(run.stops[1]).toMatchObject({ answer: 1, correct: false });
    run = answer(tour, run, 0);
    expect(run.stops[1]).toMatchObject({ answer: 1, correct: false });
    run = next(tour, run, T0);
    run = next(tour, doStop(run), T0); // stop 3, no question
    run = next(tour, doStop(run, true), T0); // stop 4, right
    expect(score(tour, run, T0)).toMatchObject({ correct: 1, questions: 3, done: 4 });
  });

  it('skips a stop, or only its question, and finishes after the last stop', () => {
    let run = startRun(tour, { group: 'A' }, T0);
    run = skip(tour, run);
    expect(run.current).toBe(1);
    expect(run.stops[0]?.status).toBe('skipped');
    run = scanned(tour, run, stop(1).find).run;
    run = skip(tour, run); // found, question passed on
    expect(run.stops[1]).toMatchObject({ status: 'found', questionSkipped: true });
    expect(run.current).toBe(2);
    run = next(tour, doStop(run), T0);
    run = next(tour, doStop(run), T0);
    run = doStop(run, false);
    expect(run.finishedAt).toBeNull();
    run = next(tour, run, T0 + 754_000);
    expect(run.finishedAt).toBe(T0 + 754_000);
    expect(score(tour, run, T0 + 999_000)).toMatchObject({
      correct: 1,
      questions: 3,
      done: 4,
      total: 5,
      seconds: 754,
    });
    expect(answerMarks(tour, run)).toBe('-_-10');
    // Nothing changes a finished run's stops.
    expect(scanned(tour, run, stop(4).find).outcome.kind).toBe('ignored');
    expect(finish(tour, run, T0 + 2_000_000).finishedAt).toBe(T0 + 754_000);
  });

  it('goes back to earlier stops but never ahead of the first stop not done', () => {
    let run = startRun(tour, { group: 'A' }, T0);
    run = next(tour, doStop(run), T0);
    run = next(tour, doStop(run), T0);
    expect(run.current).toBe(2);
    expect(goTo(tour, run, 0).current).toBe(0);
    expect(goTo(tour, run, 4).current).toBe(2);
    const back = goTo(tour, run, 1);
    // Back at a done stop, "next" returns to where the group was.
    expect(next(tour, back, T0).current).toBe(2);
    expect(furthestStop(tour, run)).toBe(2);
  });

  it('is found without a camera by the code on the spine or the sign, or a plain confirmation', () => {
    expect(codeMatches('500 – 599', { kind: 'shelf', id: 'sains' }, index)).toBe(true);
    expect(codeMatches('500', { kind: 'shelf', id: 'sains' }, index)).toBe(true);
    expect(codeMatches('600', { kind: 'shelf', id: 'sains' }, index)).toBe(false);
    const callNumber = index.books.get('very-hungry-caterpillar')!.callNumber;
    expect(callNumber).toMatch(/^A /);
    expect(codeMatches(callNumber.toLowerCase(), stop(1).find, index)).toBe(true);
    expect(codeMatches(callNumber.replace(/^A /, ''), stop(1).find, index)).toBe(true);
    expect(codeMatches(callNumber.slice(0, -2), stop(1).find, index)).toBe(false);
    expect(codeMatches('', stop(1).find, index)).toBe(false);
    expect(acceptedCodes({ kind: 'book', id: 'no-such-book' }, index)).toEqual([]);

    let run = startRun(tour, { group: 'A' }, T0);
    run = foundWithout(run, 'code');
    expect(run.stops[0]).toMatchObject({ status: 'found', foundBy: 'code' });
    run = next(tour, run, T0);
    run = foundWithout(run, 'confirm');
    expect(run.stops[1]).toMatchObject({ status: 'found', foundBy: 'confirm' });
  });

  it('resumes from its saved form at the same stop, and refuses a saved run that no longer fits', () => {
    let run = startRun(tour, { group: 'Kelompok 3', className: '4B', band: 'kecil' }, T0);
    run = next(tour, doStop(run), T0);
    run = scanned(tour, run, stop(1).find).run;
    const saved = serializeRun(run);
    expect(parseRun(saved, tour)).toEqual(run);

    const changed: Tour = { ...tour, stops: tour.stops.slice(1) };
    expect(parseRun(saved, changed)).toBeNull();
    expect(parseRun('{not json', tour)).toBeNull();
    expect(parseRun(JSON.stringify({ ...run, current: 99 }), tour)).toBeNull();
    expect(parseRun(JSON.stringify({ ...run, stops: 'x' }), tour)).toBeNull();
    // A hand-edited run that jumps ahead comes back at the first stop not done.
    expect(parseRun(JSON.stringify({ ...run, current: 4 }), tour)?.current).toBe(1);
    // A band the tour no longer has falls back to the tour's own texts.
    expect(parseRun(JSON.stringify({ ...run, band: 'gone' }), tour)?.band).toBeNull();
  });

  it('gives each child a turn in shared-device mode and a score each', () => {
    let run = startRun(tour, { group: 'Meja 2', players: ['Ani', 'Budi', ' '] }, T0);
    expect(run.players).toEqual(['Ani', 'Budi']);
    run = next(tour, doStop(run), T0);
    run = next(tour, doStop(run, true), T0); // Ani, right
    run = next(tour, doStop(run), T0);
    run = next(tour, doStop(run, false), T0); // Budi, wrong
    run = doStop(run, true); // Ani, right
    expect(run.stops.map((s) => s.player)).toEqual([undefined, 0, undefined, 1, 0]);
    expect(score(tour, run, T0).players).toEqual([
      { name: 'Ani', correct: 2, answered: 2 },
      { name: 'Budi', correct: 0, answered: 1 },
    ]);
  });
});

describe('age bands', () => {
  it('give the youngest their own texts and fall back to the stop’s own', () => {
    expect(bandChoices(tour).map((b) => b.id)).toEqual([null, 'kecil']);
    const young = stopTexts(stop(3), 'kecil');
    const own = stopTexts(stop(3), null);
    expect(young.instruction.id).not.toBe(own.instruction.id);
    expect(young.question?.choices).toHaveLength(2);
    // The last stop's band has no question of its own: the stop's question is asked.
    expect(stopTexts(stop(4), 'kecil').question).toEqual(stop(4).question);
    expect(isYoungAudience(tour.audience)).toBe(true);
    expect(isYoungAudience({ minAge: 13, maxAge: 17 })).toBe(false);
  });

  it('answers are checked against the band’s own question', () => {
    let run = startRun(tour, { group: 'A', band: 'kecil' }, T0);
    for (let i = 0; i < 3; i++) run = next(tour, doStop(run), T0);
    run = scanned(tour, run, stop(3).find).run;
    run = answer(tour, run, 0);
    expect(run.stops[3]?.correct).toBe(true);
    expect(answer(tour, scanned(tour, run, stop(3).find).run, 4).stops[3]?.answer).toBe(0);
  });

  it('a 1.0 feed is migrated to the current version with no bands, and a band nobody declared is refused', () => {
    const feed = demoFeed();
    feed.ar.metadata.schemaVersion = '1.0';
    for (const t of feed.ar.tours) {
      delete t.bands;
      for (const s of t.stops) delete s.forBands;
    }
    const result = parseFeed(feed, DEMO_FEED_URL);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
    expect(result.migratedFrom).toBe('1.0');
    expect(result.catalog.schemaVersion).toBe('1.2');
    expect(result.catalog.tours[0]?.bands).toEqual([]);
    expect(migrateFrom1_0(feed)['ar']).toMatchObject({ metadata: { schemaVersion: '1.2' } });

    const bad = demoFeed();
    bad.ar.tours[0].stops[0].forBands = { remaja: { narration: { id: 'x' } } };
    const refused = parseFeed(bad, DEMO_FEED_URL);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]?.message.en).toContain('age band "remaja"');
  });
});
