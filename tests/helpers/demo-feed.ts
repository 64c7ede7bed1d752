import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEMO_FEED_URL = 'https://perpustakaan.example/catalog.json';

/** A fresh, mutable copy of the committed demo feed. */
export function demoFeed(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(ROOT, 'public/catalog.json'), 'utf8'));
}
