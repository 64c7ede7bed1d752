/**
 * The result a group's phone shows as a QR code at the end of a tour, for the teacher to scan:
 *
 *   LPR1|<tour>|<class>|<group>|<correct>/<questions>|<seconds>|<done>/<total>|<marks>|<check>
 *
 * Class and group are percent-encoded (they may hold "|"); marks are `answerMarks` (1 right,
 * 0 wrong, _ not answered, - no question). The check is CRC-32 of everything before it, in base 36:
 * a mistyped or damaged code is refused rather than counted.
 */
import { NAME_MAX } from './run.ts';

export const RESULT_PREFIX = 'LPR1';
export const RESULT_CODE_MAX = 600;

export interface TourResult {
  readonly tourId: string;
  readonly className: string;
  readonly group: string;
  readonly correct: number;
  readonly questions: number;
  readonly seconds: number;
  readonly done: number;
  readonly total: number;
  readonly marks: string;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const checkOf = (body: string) => crc32(body).toString(36).toUpperCase().padStart(7, '0');

export function encodeResult(result: TourResult): string {
  const body = [
    RESULT_PREFIX,
    result.tourId,
    encodeURIComponent(result.className),
    encodeURIComponent(result.group),
    `${result.correct}/${result.questions}`,
    String(result.seconds),
    `${result.done}/${result.total}`,
    result.marks,
  ].join('|');
  return `${body}|${checkOf(body)}`;
}

export type DecodeProblem = 'not-a-result' | 'damaged';

export type Decoded =
  | { readonly ok: true; readonly result: TourResult }
  | { readonly ok: false; readonly problem: DecodeProblem };

const fraction = (text: string | undefined): [number, number] | null => {
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text ?? '');
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return a <= b ? [a, b] : null;
};

function decodeName(text: string | undefined): string | null {
  try {
    const name = decodeURIComponent(text ?? '');
    return name.length <= NAME_MAX ? name : null;
  } catch {
    return null;
  }
}

/** Reads a scanned or typed code; never throws. */
export function decodeResult(input: string): Decoded {
  const code = input.trim();
  if (!code.startsWith(`${RESULT_PREFIX}|`) || code.length > RESULT_CODE_MAX) {
    return { ok: false, problem: 'not-a-result' };
  }
  const cut = code.lastIndexOf('|');
  const body = code.slice(0, cut);
  if (checkOf(body) !== code.slice(cut + 1).toUpperCase()) return { ok: false, problem: 'damaged' };
  const [, tourId, className, group, score, seconds, stops, marks] = body.split('|');
  const answered = fraction(score);
  const done = fraction(stops);
  const name = decodeName(group);
  const klass = decodeName(className);
  const valid =
    body.split('|').length === 8 &&
    tourId !== undefined &&
    /^[a-z0-9][a-z0-9-]{0,63}$/.test(tourId) &&
    answered &&
    done &&
    name !== null &&
    klass !== null &&
    /^\d{1,6}$/.test(seconds ?? '') &&
    marks !== undefined &&
    /^[-01_]{0,100}$/.test(marks) &&
    marks.length === done[1];
  if (!valid) return { ok: false, problem: 'damaged' };
  return {
    ok: true,
    result: {
      tourId,
      className: klass,
      group: name,
      correct: answered[0],
      questions: answered[1],
      seconds: Number(seconds),
      done: done[0],
      total: done[1],
      marks,
    },
  };
}
