/**
 * Compiled mind-ar target files (`.mind`): a MessagePack map `{v, dataList}` whose entries are
 * independent targets. Plain code with no mind-ar import, so the tracker worker, the cover check,
 * the editor and Node share it.
 *
 * A set of 20 covers is about 4 MB. Cutting one target out of it, or joining and splitting sets,
 * works on the bytes: the file is walked once to find where each entry starts and ends, and the
 * entries are copied, never decoded (decoding a whole set took 20 to 100 ms, one entry 1 to 5).
 */
import { decode } from '@msgpack/msgpack';

/** Where one entry of a set lies in its bytes: `bytes.subarray(start, end)`. */
export interface EntryRange {
  readonly start: number;
  readonly end: number;
}

/** The layout of a compiled set: its format version and its entries' places, in order. */
export interface TargetSetLayout {
  readonly version: number;
  readonly entries: readonly EntryRange[];
}

const DATA_LIST = 'dataList';

/**
 * The set's layout, or null for bytes that are not a `{v, dataList: [...]}` MessagePack map (or
 * are cut short). Total: every length is checked against the bytes, so a damaged file ends here,
 * and the walk takes at most one step a byte.
 */
export function targetSetLayout(bytes: Uint8Array): TargetSetLayout | null {
  const reader = new Reader(bytes);
  const pairs = reader.mapHeader();
  if (pairs === null) return null;
  let version: number | null = null;
  let entries: EntryRange[] | null = null;
  for (let pair = 0; pair < pairs; pair++) {
    const key = reader.string();
    if (key === null) return null;
    if (key === 'v') {
      const start = reader.offset;
      if (!reader.skip()) return null;
      const value: unknown = decodeOrNull(bytes.subarray(start, reader.offset));
      if (typeof value !== 'number') return null;
      version = value;
    } else if (key === DATA_LIST) {
      const count = reader.arrayHeader();
      if (count === null) return null;
      entries = [];
      for (let entry = 0; entry < count; entry++) {
        const start = reader.offset;
        if (!reader.skip()) return null;
        entries.push({ start, end: reader.offset });
      }
    } else if (!reader.skip()) return null;
  }
  if (entries === null || reader.offset !== bytes.byteLength) return null;
  return { version: version ?? 2, entries };
}

/**
 * One entry's matching keyframes (what mind-ar's matcher compares a frame's points with), decoded
 * alone: the entry's tracking data and picture are skipped. Null if the entry has none.
 */
export function matchingDataOf(set: Uint8Array, entry: EntryRange): unknown {
  return entryField(set, entry, 'matchingData');
}

/** A cover's grey picture as its compiled target holds it, one byte a pixel, row by row. */
export interface CoverPicture {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * The smallest of the pictures an entry's tracking data carries (mind-ar keeps the cover at 256
 * and 128 pixels on its short side), decoded alone; null if the entry has none of a sound shape.
 */
export function coverPictureOf(set: Uint8Array, entry: EntryRange): CoverPicture | null {
  const tracking = entryField(set, entry, 'trackingData');
  if (!Array.isArray(tracking)) return null;
  let smallest: CoverPicture | null = null;
  for (const item of tracking as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { data, width, height } = item as Record<string, unknown>;
    if (
      !(data instanceof Uint8Array) ||
      typeof width !== 'number' ||
      typeof height !== 'number' ||
      !Number.isInteger(width) ||
      !Number.isInteger(height) ||
      width <= 0 ||
      height <= 0 ||
      data.length !== width * height
    ) {
      continue;
    }
    if (!smallest || width * height < smallest.width * smallest.height) {
      smallest = { data, width, height };
    }
  }
  return smallest;
}

/** One field of an entry's map, decoded alone; null if it is missing or the bytes are not sound. */
function entryField(set: Uint8Array, entry: EntryRange, field: string): unknown {
  const bytes = set.subarray(entry.start, entry.end);
  const reader = new Reader(bytes);
  const pairs = reader.mapHeader();
  if (pairs === null) return null;
  for (let pair = 0; pair < pairs; pair++) {
    const key = reader.string();
    const start = reader.offset;
    if (key === null || !reader.skip()) return null;
    if (key === field) return decodeOrNull(bytes.subarray(start, reader.offset));
  }
  return null;
}

/** Joins one-target .mind files into one set, in the given order (the order of its targets). */
export function assembleTargetSet(minds: readonly Uint8Array[]): Uint8Array {
  const layouts = minds.map((mind) => {
    const layout = targetSetLayout(mind);
    if (!layout) throw new RangeError('a file to join is not a compiled target set');
    return layout;
  });
  const entries = minds.flatMap((mind, at) =>
    (layouts[at]?.entries ?? []).map((range) => mind.subarray(range.start, range.end)),
  );
  return withHeader(layouts[0]?.version ?? 2, entries);
}

/** Splits a target set into one-target .mind files, in the set's order. */
export function splitTargetSet(set: Uint8Array): Uint8Array[] {
  const layout = targetSetLayout(set);
  if (!layout) throw new RangeError('the file is not a compiled target set');
  return layout.entries.map((range) =>
    withHeader(layout.version, [set.subarray(range.start, range.end)]),
  );
}

/** The feature points of a one-target .mind, as fractions of the picture (for quality and overlay). */
export function pointsOf(mind: Uint8Array): [number, number][] {
  const file = decode(mind) as {
    dataList: {
      matchingData: {
        maximaPoints: { x: number; y: number }[];
        minimaPoints: { x: number; y: number }[];
        width: number;
        height: number;
      }[];
    }[];
  };
  const keyframe = file.dataList[0]?.matchingData[0];
  if (!keyframe) return [];
  return [...keyframe.maximaPoints, ...keyframe.minimaPoints].map((p) => [
    p.x / keyframe.width,
    p.y / keyframe.height,
  ]);
}

/**
 * A one-target file holding the set's target `index`: what the scan view tracks after the
 * recognition index named that cover (docs/recognition.md). Throws on a file that is not a set
 * or an index it does not have.
 */
export function oneTargetOf(set: ArrayBuffer | Uint8Array, index: number): Uint8Array {
  const bytes = set instanceof Uint8Array ? set : new Uint8Array(set);
  const layout = targetSetLayout(bytes);
  const range = Number.isInteger(index) ? layout?.entries[index] : undefined;
  if (!layout || !range) throw new RangeError(`the target set has no target ${String(index)}`);
  return withHeader(layout.version, [bytes.subarray(range.start, range.end)]);
}

/**
 * A one-target file from one entry's bytes (fetched alone: a part of its set). Every set the
 * recognition index is built from is mind-ar's version 2.
 */
export function oneTargetFile(entry: ArrayBuffer | Uint8Array, version = 2): ArrayBuffer {
  return withHeader(version, [entry instanceof Uint8Array ? entry : new Uint8Array(entry)])
    .buffer as ArrayBuffer;
}

/** `{v: version, dataList: entries}`, written as mind-ar's compiler writes it (v first). */
function withHeader(version: number, entries: readonly Uint8Array[]): Uint8Array {
  const head = [0x82, 0xa1, 0x76, ...numberBytes(version), 0xa0 | DATA_LIST.length];
  for (const char of DATA_LIST) head.push(char.charCodeAt(0));
  const count = entries.length;
  if (count < 16) head.push(0x90 | count);
  else if (count < 0x10000) head.push(0xdc, count >> 8, count & 0xff);
  else
    head.push(0xdd, (count >>> 24) & 0xff, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff);
  const out = new Uint8Array(
    head.length + entries.reduce((sum, entry) => sum + entry.byteLength, 0),
  );
  out.set(head, 0);
  let offset = head.length;
  for (const entry of entries) {
    out.set(entry, offset);
    offset += entry.byteLength;
  }
  return out;
}

/** A format version: a small positive integer in every file mind-ar writes. */
function numberBytes(version: number): number[] {
  if (Number.isInteger(version) && version >= 0 && version < 0x80) return [version];
  const view = new DataView(new ArrayBuffer(9));
  view.setUint8(0, 0xcb);
  view.setFloat64(1, version);
  return [...new Uint8Array(view.buffer)];
}

function decodeOrNull(bytes: Uint8Array): unknown {
  try {
    return decode(bytes);
  } catch {
    return null;
  }
}

/** Reads MessagePack headers and skips values without building them. */
class Reader {
  offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** An unsigned big-endian integer of `size` bytes at the offset, or -1 past the end. */
  private uint(size: number): number {
    const bytes = this.bytes;
    let at = this.offset;
    if (at + size > bytes.length) return -1;
    let value = 0;
    for (const end = at + size; at < end; at++) value = value * 256 + (bytes[at] ?? 0);
    this.offset = at;
    return value;
  }

  mapHeader(): number | null {
    const type = this.uint(1);
    if (type >= 0x80 && type <= 0x8f) return type & 0x0f;
    const count = type === 0xde ? this.uint(2) : type === 0xdf ? this.uint(4) : -1;
    return count < 0 ? null : count;
  }

  arrayHeader(): number | null {
    const type = this.uint(1);
    if (type >= 0x90 && type <= 0x9f) return type & 0x0f;
    const count = type === 0xdc ? this.uint(2) : type === 0xdd ? this.uint(4) : -1;
    return count < 0 ? null : count;
  }

  string(): string | null {
    const type = this.uint(1);
    const length =
      type >= 0xa0 && type <= 0xbf
        ? type & 0x1f
        : type === 0xd9
          ? this.uint(1)
          : type === 0xda
            ? this.uint(2)
            : type === 0xdb
              ? this.uint(4)
              : -1;
    if (length < 0 || this.offset + length > this.bytes.length) return null;
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }

  /** Skips one value (with everything inside it); false if the bytes end first or are not MessagePack. */
  skip(): boolean {
    const bytes = this.bytes;
    const length = bytes.length;
    let at = this.offset;
    // Values still to skip: a container adds its items instead of being walked recursively, so a
    // deeply nested file cannot overflow the stack.
    let pending = 1;
    while (pending > 0) {
      pending--;
      if (at >= length) return false;
      const type = bytes[at++] ?? 0xc1;
      if (type <= 0x7f || type >= 0xe0) continue; // fixint
      if (type <= 0x8f)
        pending += 2 * (type & 0x0f); // fixmap
      else if (type <= 0x9f)
        pending += type & 0x0f; // fixarray
      else if (type <= 0xbf)
        at += type & 0x1f; // fixstr
      else {
        const kind = KINDS[type - 0xc0] ?? INVALID;
        if (kind === INVALID) return false;
        if (kind >= 0) at += kind;
        else {
          // A length of 1, 2 or 4 bytes, then data (bytes) or items (arrays, maps).
          const size = LENGTH_SIZE[type - 0xc0] ?? 0;
          if (at + size > length) return false;
          let count = 0;
          for (const end = at + size; at < end; at++) count = count * 256 + (bytes[at] ?? 0);
          if (kind === ITEMS) pending += count;
          else if (kind === PAIRS) pending += 2 * count;
          else at += count + (kind === EXT ? 1 : 0);
        }
      }
      // Each item takes at least a byte: more than the bytes left cannot be a whole file.
      if (at > length || pending > length - at) return false;
    }
    this.offset = at;
    return true;
  }
}

const INVALID = -1;
const BYTES = -2;
const EXT = -3;
const ITEMS = -4;
const PAIRS = -5;
/**
 * For the types 0xc0 to 0xdf: the size of a fixed-size value after the type byte (0 and up), or
 * how a value with a length goes on (below 0).
 */
// prettier-ignore
const KINDS: readonly number[] = [
  0, INVALID, 0, 0, // nil, (never used), false, true
  BYTES, BYTES, BYTES, // bin 8, 16, 32
  EXT, EXT, EXT, // ext 8, 16, 32
  4, 8, // float 32, 64
  1, 2, 4, 8, // uint 8 … 64
  1, 2, 4, 8, // int 8 … 64
  2, 3, 5, 9, 17, // fixext 1 … 16 (type byte and data)
  BYTES, BYTES, BYTES, // str 8, 16, 32
  ITEMS, ITEMS, // array 16, 32
  PAIRS, PAIRS, // map 16, 32
];
/** For the types 0xc0 to 0xdf with a length: the length's size in bytes. */
// prettier-ignore
const LENGTH_SIZE: readonly number[] = [
  0, 0, 0, 0, 1, 2, 4, 1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 2, 4, 2, 4,
];
