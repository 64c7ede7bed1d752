/**
 * MARC 21 records read with marcjs, in Node and in the browser: ISO 2709 (UTF-8, or MARC-8 that
 * marc8 converts) and MARC-in-JSON. marcjs's `parse` reads a record through `toString(encoding,
 * start, end)` only, so it is handed a view of the bytes that decodes them: as UTF-8, or byte for
 * byte (Latin-1) for MARC-8 so nothing is lost before marc8 turns the bytes into Unicode.
 */
import Iso2709Parser from 'marcjs/lib/Iso2709Parser.js';
import MiJParser from 'marcjs/lib/MiJParser.js';
import marc8 from 'marc8';
import type { MarcField, MarcRecord } from '../domain/import/marc.ts';

export const RECORD_END = 0x1d;
/** No real record is larger (ISO 2709's length field has five digits). */
export const MAX_RECORD = 99_999;

export type MarcReading =
  | { kind: 'record'; record: MarcRecord; index: number; badBytes: boolean }
  | { kind: 'broken'; index: number; reason: string };

const utf8 = new TextDecoder('utf-8');

function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let i = start; i < Math.min(end, bytes.length); i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, end)));
  }
  return text;
}

/** Why the leader and directory of a binary record do not add up, or undefined when they do. */
export function structureProblem(raw: Uint8Array): string | undefined {
  if (raw.length < 25) return `too short (${String(raw.length)} bytes)`;
  const leader = latin1(raw, 0, 24);
  if (!/^\d{5}$/.test(leader.slice(0, 5))) return `record length "${leader.slice(0, 5)}"`;
  if (Number(leader.slice(0, 5)) !== raw.length) {
    return `record length ${leader.slice(0, 5)} but ${String(raw.length)} bytes`;
  }
  if (!/^\d{5}$/.test(leader.slice(12, 17))) return `base address "${leader.slice(12, 17)}"`;
  const base = Number(leader.slice(12, 17));
  if (base < 25 || base > raw.length) return `base address ${String(base)}`;
  if ((base - 25) % 12 !== 0) return `directory of ${String(base - 25)} bytes`;
  for (let at = 24; at < base - 1; at += 12) {
    const entry = latin1(raw, at, at + 12);
    if (!/^[0-9A-Za-z]{3}\d{9}$/.test(entry)) return `directory entry "${entry}"`;
    if (base + Number(entry.slice(7, 12)) + Number(entry.slice(3, 7)) > raw.length) {
      return `field ${entry.slice(0, 3)} runs past the record`;
    }
  }
  return undefined;
}

function toNeutral(record: { leader: string; fields: string[][] }): MarcRecord {
  const fields: MarcField[] = record.fields.map(([tag = '', ...rest]) => {
    if (tag < '010') return { tag, value: rest[0] ?? '' };
    const indicators = rest[0] ?? '  ';
    const subfields: [string, string][] = [];
    for (let i = 1; i + 1 < rest.length; i += 2) subfields.push([rest[i] ?? '', rest[i + 1] ?? '']);
    return { tag, ind1: indicators[0] ?? ' ', ind2: indicators[1] ?? ' ', subfields };
  });
  return { leader: record.leader, fields };
}

/** One binary record: UTF-8 when leader/09 says so, MARC-8 otherwise. */
export function parseBinaryRecord(raw: Uint8Array): { record: MarcRecord; badBytes: boolean } {
  const unicode = raw[9] === 0x61; // 'a'
  const view = {
    toString: (_encoding: string, start?: number, end?: number) =>
      unicode ? utf8.decode(raw.subarray(start, end)) : latin1(raw, start, end),
  };
  const parsed = Iso2709Parser.parse(view);
  if (unicode) {
    const record = toNeutral(parsed);
    return { record, badBytes: utf8.decode(raw).includes('\uFFFD') };
  }
  let badBytes = false;
  const convert = (value: string) => {
    const text = marc8(value, { normalization: false, invalid: 'replace', replace: '\uFFFD' });
    if (text.includes('\uFFFD')) badBytes = true;
    return text.normalize('NFC');
  };
  const fields = parsed.fields.map(([tag = '', ...rest]) => [
    tag,
    ...rest.map((part, i) => (tag >= '010' && i === 0 ? part : convert(part))),
  ]);
  return { record: toNeutral({ leader: parsed.leader, fields }), badBytes };
}

/** One record's bytes, checked and read; stray line breaks before it are skipped. */
export function readRecord(raw: Uint8Array, index: number): MarcReading {
  let start = 0;
  while (raw[start] === 0x0a || raw[start] === 0x0d) start += 1;
  const trimmed = raw.subarray(start);
  const problem = structureProblem(trimmed);
  if (problem) return { kind: 'broken', index, reason: problem };
  try {
    const { record, badBytes } = parseBinaryRecord(trimmed);
    return { kind: 'record', record, index, badBytes };
  } catch (error) {
    return {
      kind: 'broken',
      index,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Every record of a whole file in memory (the editor's import; Node streams, see node/). */
export function readIso2709Bytes(bytes: Uint8Array): MarcReading[] {
  const readings: MarcReading[] = [];
  let start = 0;
  for (let end = bytes.indexOf(RECORD_END); end >= 0; end = bytes.indexOf(RECORD_END, start)) {
    readings.push(readRecord(bytes.subarray(start, end + 1), readings.length + 1));
    start = end + 1;
  }
  if (latin1(bytes, start).trim().length > 0) {
    readings.push({
      kind: 'broken',
      index: readings.length + 1,
      reason: 'file ends inside a record',
    });
  }
  return readings;
}

/** MARC-in-JSON: one record, or an array of them. */
export function readMij(text: string): MarcReading[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [
      { kind: 'broken', index: 1, reason: error instanceof Error ? error.message : String(error) },
    ];
  }
  const items: unknown[] = Array.isArray(json) ? json : [json];
  return items.map((item, i): MarcReading => {
    try {
      if (typeof item !== 'object' || item === null || !('fields' in item))
        throw new Error('no fields');
      return {
        kind: 'record',
        record: toNeutral(MiJParser.parse(item)),
        index: i + 1,
        badBytes: false,
      };
    } catch (error) {
      return {
        kind: 'broken',
        index: i + 1,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  });
}
