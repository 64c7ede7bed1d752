/**
 * The demo's recognition index is generated, not committed (3.5 MB of a deterministic build from
 * the committed `.mind` files): Vite builds it before serving or building when it is missing, and
 * checks it against the SHA-256 that public/catalog.json declares.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EncodedPart, FeaturePoint } from '../../src/domain/recognition/index-file.ts';
import { buildRecognitionIndex, partsOfMind, pointsOfMind } from './recognition.ts';

interface FeedFile {
  ar?: {
    targetSets?: { href: string; targets: { kind: string; id: string }[] }[];
    recognitionIndex?: { href: string; sha256: string };
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Makes sure the index the feed names exists and is the one it names; returns what was done. */
export function ensureRecognitionIndex(feedPath: string): 'none' | 'present' | 'built' {
  const feed = JSON.parse(readFileSync(feedPath, 'utf8')) as FeedFile;
  const declared = feed.ar?.recognitionIndex;
  if (!declared) return 'none';
  const dir = path.dirname(feedPath);
  const file = path.join(dir, declared.href);
  if (existsSync(file) && sha256(readFileSync(file)) === declared.sha256) return 'present';
  const targets: { key: string; points: FeaturePoint[]; part: EncodedPart | null }[] = [];
  for (const set of feed.ar?.targetSets ?? []) {
    const bytes = readFileSync(path.join(dir, set.href));
    const points = pointsOfMind(bytes);
    const parts = partsOfMind(bytes);
    set.targets.forEach((target, i) => {
      targets.push({
        key: `${target.kind}:${target.id}`,
        points: points[i] ?? [],
        part: parts[i] ?? null,
      });
    });
  }
  const { bytes } = buildRecognitionIndex(targets);
  if (sha256(bytes) !== declared.sha256) {
    throw new Error(
      `${declared.href} built from the target sets does not match ${feedPath}; run npm run assets`,
    );
  }
  writeFileSync(file, bytes);
  return 'built';
}
