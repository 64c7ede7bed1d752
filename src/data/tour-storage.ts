/**
 * Tour progress and the teacher's class tables, in localStorage (keys in storage-map.ts), so a tour
 * resumes after the phone locks or the page reloads, and a class table survives a reload, without
 * any server. Each is a small JSON map; the oldest entries go when a map grows past its limit.
 * Writes report whether they were kept: a full device must be said out loud, not swallowed.
 */
import type { ClassEntry } from '../domain/tours/class-table.ts';
import { decodeResult, encodeResult } from '../domain/tours/result-code.ts';
import { readSetting } from './local-settings.ts';
import { KEY_PREFIX, KEYS } from './storage-map.ts';

const MAX_RUNS = 20;
const MAX_CLASSES = 30;

const runKey = (feedUrl: string, tourId: string) => `${feedUrl}|${tourId}`;
const classKey = (feedUrl: string, tourId: string, className: string) =>
  `${feedUrl}|${tourId}|${className.toLocaleLowerCase()}`;

type StoredMap = Record<string, { at: number; value: string }>;

/** Entries that are not `{ at: number, value: string }` are dropped: storage can hold anything. */
function readMap(key: string): StoredMap {
  const text = readSetting(key);
  if (!text) return {};
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) return {};
    const map: StoredMap = {};
    for (const [name, entry] of Object.entries(json as Record<string, unknown>)) {
      const { at, value } = (entry ?? {}) as { at?: unknown; value?: unknown };
      if (typeof at === 'number' && typeof value === 'string') map[name] = { at, value };
    }
    return map;
  } catch {
    return {};
  }
}

/** Writes the map, dropping the oldest entries past `max`; false when the device refused it. */
function writeMap(key: string, map: StoredMap, max: number): boolean {
  const kept = Object.entries(map)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, max);
  try {
    localStorage.setItem(KEY_PREFIX + key, JSON.stringify(Object.fromEntries(kept)));
    return true;
  } catch {
    return false;
  }
}

/** The saved progress of a tour on this device, as `serializeRun` wrote it. */
export function readTourRun(feedUrl: string, tourId: string): string | null {
  return readMap(KEYS.tourRuns.key)[runKey(feedUrl, tourId)]?.value ?? null;
}

export function writeTourRun(feedUrl: string, tourId: string, run: string | null): boolean {
  const key = runKey(feedUrl, tourId);
  const others = Object.entries(readMap(KEYS.tourRuns.key)).filter(([name]) => name !== key);
  const map: StoredMap = Object.fromEntries(others);
  if (run !== null) map[key] = { at: Date.now(), value: run };
  return writeMap(KEYS.tourRuns.key, map, MAX_RUNS);
}

/** The class table, read back through the result-code checks (a damaged entry is dropped). */
export function readClassTable(feedUrl: string, tourId: string, className: string): ClassEntry[] {
  const stored = readMap(KEYS.classResults.key)[classKey(feedUrl, tourId, className)];
  if (!stored) return [];
  try {
    const rows: unknown = JSON.parse(stored.value);
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((row: unknown) => {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'number')
        return [];
      const decoded = decodeResult(row[0]);
      return decoded.ok ? [{ ...decoded.result, receivedAt: row[1] }] : [];
    });
  } catch {
    return [];
  }
}

export function writeClassTable(
  feedUrl: string,
  tourId: string,
  className: string,
  entries: readonly ClassEntry[],
): boolean {
  const map = readMap(KEYS.classResults.key);
  map[classKey(feedUrl, tourId, className)] = {
    at: Date.now(),
    value: JSON.stringify(entries.map((entry) => [encodeResult(entry), entry.receivedAt])),
  };
  return writeMap(KEYS.classResults.key, map, MAX_CLASSES);
}
