/**
 * The teacher's class table: every group's result for one tour and one class, scanned from the
 * groups' result codes. A group scanned twice keeps its latest result.
 */
import type { TourResult } from './result-code.ts';

export interface ClassEntry extends TourResult {
  /** When the teacher scanned it (ms). */
  readonly receivedAt: number;
}

export const MAX_GROUPS = 60;

const sameGroup = (a: TourResult, b: TourResult) =>
  a.tourId === b.tourId &&
  a.className.toLocaleLowerCase() === b.className.toLocaleLowerCase() &&
  a.group.toLocaleLowerCase() === b.group.toLocaleLowerCase();

export interface Added {
  readonly entries: readonly ClassEntry[];
  /** The group was in the table already and its result was replaced. */
  readonly replaced: boolean;
}

export function addResult(entries: readonly ClassEntry[], result: TourResult, now: number): Added {
  const replaced = entries.some((entry) => sameGroup(entry, result));
  const rest = entries.filter((entry) => !sameGroup(entry, result));
  return { entries: [...rest, { ...result, receivedAt: now }].slice(-MAX_GROUPS), replaced };
}

/** Best score first, then the quicker group. */
export function ranked(entries: readonly ClassEntry[]): ClassEntry[] {
  return [...entries].sort(
    (a, b) => b.correct - a.correct || b.done - a.done || a.seconds - b.seconds,
  );
}

export interface Hardest {
  /** Index of the stop whose question was answered wrong most often. */
  readonly stop: number;
  readonly wrong: number;
  readonly answered: number;
}

/** The question the class found hardest: the most wrong answers for the answers given. */
export function hardestQuestion(entries: readonly ClassEntry[]): Hardest | null {
  const length = Math.max(0, ...entries.map((entry) => entry.marks.length));
  let hardest: Hardest | null = null;
  for (let stop = 0; stop < length; stop++) {
    const marks = entries.map((entry) => entry.marks[stop]);
    const answered = marks.filter((m) => m === '0' || m === '1').length;
    const wrong = marks.filter((m) => m === '0').length;
    if (answered === 0 || wrong === 0) continue;
    if (!hardest || wrong / answered > hardest.wrong / hardest.answered) {
      hardest = { stop, wrong, answered };
    }
  }
  return hardest;
}

/** "12:05" for 725 seconds. */
export function minutesAndSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; a cell that a spreadsheet
 * would run as a formula (=, +, -, @) gets a leading apostrophe, since group names are typed by
 * children and anyone else.
 */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvWords {
  readonly group: string;
  readonly score: string;
  readonly questions: string;
  readonly time: string;
  readonly stops: string;
  readonly question: (n: number) => string;
  readonly right: string;
  readonly wrong: string;
  readonly none: string;
}

/** The table as CSV (RFC 4180, CRLF), with a column per question. */
export function classCsv(entries: readonly ClassEntry[], words: CsvWords): string {
  const length = Math.max(0, ...entries.map((entry) => entry.marks.length));
  const questionStops = Array.from({ length }, (_, i) => i).filter((i) =>
    entries.some((entry) => entry.marks[i] !== '-' && entry.marks[i] !== undefined),
  );
  const header = [
    words.group,
    words.score,
    words.questions,
    words.time,
    words.stops,
    ...questionStops.map((_, n) => words.question(n + 1)),
  ];
  const rows = ranked(entries).map((entry) => [
    entry.group,
    entry.correct,
    entry.questions,
    minutesAndSeconds(entry.seconds),
    `${entry.done}/${entry.total}`,
    ...questionStops.map((i) =>
      entry.marks[i] === '1' ? words.right : entry.marks[i] === '0' ? words.wrong : words.none,
    ),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
