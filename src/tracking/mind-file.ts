/**
 * Compiled mind-ar target files (`.mind`): a MessagePack map `{v, dataList}` whose entries are
 * independent targets. Plain code with no mind-ar import, so the tracker worker, the editor and
 * Node share it.
 */
import { decode, encode } from '@msgpack/msgpack';

interface MindFile {
  readonly v: number;
  readonly dataList: unknown[];
}

/** Joins one-target .mind files into one set, in the given order (the order of its targets). */
export function assembleTargetSet(minds: readonly Uint8Array[]): Uint8Array {
  const entries = minds.flatMap((mind) => {
    const file = decode(mind) as MindFile;
    return file.dataList;
  });
  const version = minds[0] ? (decode(minds[0]) as MindFile).v : 2;
  return encode({ v: version, dataList: entries });
}

/** Splits a target set into one-target .mind files, in the set's order. */
export function splitTargetSet(set: Uint8Array): Uint8Array[] {
  const file = decode(set) as MindFile;
  return file.dataList.map((entry) => encode({ v: file.v, dataList: [entry] }));
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
  const file = decode(set instanceof Uint8Array ? set : new Uint8Array(set)) as Partial<MindFile>;
  const entry = Array.isArray(file.dataList) ? file.dataList[index] : undefined;
  if (entry === undefined || !Number.isInteger(index)) {
    throw new RangeError(`the target set has no target ${String(index)}`);
  }
  return encode({ v: file.v ?? 2, dataList: [entry] });
}
