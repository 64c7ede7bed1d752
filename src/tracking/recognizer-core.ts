/**
 * The recognition index as the recognizer holds it, in its worker or on the page: decoded once,
 * then asked with each detection frame's points (`domain/recognition/identify.ts`).
 */
import { Identifier, type Candidate } from '../domain/recognition/identify.ts';
import { decodeIndex, type FeaturePoint } from '../domain/recognition/index-file.ts';

export class IndexHolder {
  private identifier: Identifier | null = null;

  /** Reads the index; returns how many covers it holds, or why it cannot be read. */
  load(bytes: ArrayBuffer): number | string {
    try {
      const index = decodeIndex(bytes);
      this.identifier = new Identifier(index);
      return index.targets.length;
    } catch (error) {
      this.identifier = null;
      return error instanceof Error ? error.message : String(error);
    }
  }

  observe(points: readonly FeaturePoint[]): Candidate[] {
    return this.identifier?.observe(points) ?? [];
  }

  reset(): void {
    this.identifier?.reset();
  }
}
