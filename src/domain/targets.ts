/**
 * What a compiled target recognises, and the one key it goes by everywhere: the tracking engine's
 * pose slots, the scan store's recognitions, the build's set plans and the feed's reference checks.
 */
export type TargetKind = 'book' | 'shelf';

export interface TargetRef {
  readonly kind: TargetKind;
  readonly id: string;
}

export const targetKey = (target: TargetRef): string => `${target.kind}:${target.id}`;

/** The target a key names, or undefined for a string that is not one. */
export function parseTargetKey(key: string): TargetRef | undefined {
  const separator = key.indexOf(':');
  const kind = key.slice(0, separator);
  const id = key.slice(separator + 1);
  if (separator < 0 || !id || (kind !== 'book' && kind !== 'shelf')) return undefined;
  return { kind, id };
}
