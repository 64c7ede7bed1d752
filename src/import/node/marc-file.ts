/**
 * MARC 21 files read with marcjs: ISO 2709 (binary, UTF-8 or MARC-8, which marc8 converts) and
 * MARC-in-JSON. Records are cut at the record terminator as the file streams in, so a file of any
 * size is read with bounded memory; a record whose leader or directory does not add up is reported
 * and skipped, never allowed to stop the rest.
 */
import { Iso2709Parser, MiJParser } from 'marcjs';
import marc8 from 'marc8';
import type { MarcField, MarcRecord } from '../../domain/import/marc.ts';

const RECORD_END = 0x1d;
/** No real record is larger (ISO 2709's length field has five digits). */
const MAX_RECORD = 99_999;

export type MarcReading =
  | { kind: 'record'; record: MarcRecord; index: number; badBytes: boolean }
  | { kind: 'broken'; index: number; reason: string };

/** Why the leader and directory of a binary record do not add up, or undefined when they do. */
export function structureProblem(raw: Buffer): string | undefined {
  if (raw.length < 25) return `too short (${String(raw.length)} bytes)`;
  const leader = raw.toString('latin1', 0, 24);
  if (!/^\d{5}$/.test(leader.slice(0, 5))) return `record length "${leader.slice(0, 5)}"`;
  if (Number(leader.slice(0, 5)) !== raw.length) {
    return `record length ${leader.slice(0, 5)} but ${String(raw.length)} bytes`;
  }
  if (!/^\d{5}$/.test(leader.slice(12, 17))) return `base address "${leader.slice(12, 17)}"`;
  const base = Number(leader.slice(12, 17));
  if (base < 25 || base > raw.length) return `base address ${String(base)}`;
  if ((base - 25) % 12 !== 0) return `directory of ${String(base - 25)} bytes`;
  for (let at = 24; at < base - 1; at += 12) {
    const entry = raw.toString('latin1', at, at + 12);
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
export function parseBinaryRecord(raw: Buffer): { record: MarcRecord; badBytes: boolean } {
  const unicode = raw[9] === 0x61; // 'a'
  if (unicode) {
    const parsed = Iso2709Parser.parse(raw);
    const record = toNeutral(parsed);
    const badBytes = raw.toString('utf8').includes('\uFFFD');
    return { record, badBytes };
  }
  // marcjs decodes values as UTF-8; a MARC-8 record is handed over byte for byte (as Latin-1)
  // so nothing is lost, and marc8 turns the bytes into Unicode.
  const bytes = Buffer.from(raw);
  bytes.toString = (_encoding, start, end) => raw.toString('latin1', start, end);
  const parsed = Iso2709Parser.parse(bytes);
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

/** Streams the records of an ISO 2709 file. */
export async function* readIso2709(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MarcReading> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const emit = (raw: Buffer): MarcReading => {
    index += 1;
    // A stray newline between records (files edited on Windows) is not part of the next one.
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
  };
  for await (const chunk of chunks) {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let end = data.indexOf(RECORD_END); end >= 0; end = data.indexOf(RECORD_END)) {
      const piece = data.subarray(0, end + 1);
      const raw = pending.length > 0 ? Buffer.concat([...pending, piece]) : Buffer.from(piece);
      pending = [];
      pendingBytes = 0;
      yield emit(raw);
      data = data.subarray(end + 1);
    }
    if (data.length > 0) {
      pending.push(Buffer.from(data));
      pendingBytes += data.length;
      if (pendingBytes > MAX_RECORD) {
        // No terminator in sight: not MARC, or one record that is broken; skip what was read.
        index += 1;
        yield { kind: 'broken', index, reason: 'no record terminator within 99,999 bytes' };
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  const rest = Buffer.concat(pending);
  if (rest.toString('latin1').trim().length > 0) {
    index += 1;
    yield { kind: 'broken', index, reason: 'file ends inside a record' };
  }
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
  const items = Array.isArray(json) ? json : [json];
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
