/**
 * A split feed's other files (a shelf's page of books, the directory), fetched like any asset of
 * the feed: checked against their SHA-256 and size, shared between concurrent requests, and kept by
 * the service worker's asset cache, so a shelf opened once also opens offline.
 */
import type { BookFile } from '../domain/catalog.ts';
import type { AssetProblem } from '../domain/problems.ts';
import { AssetError, loadAsset } from './assets.ts';

export type BookFileText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: AssetProblem };

export async function loadBookFile(
  file: BookFile,
  kind: 'bookPage' | 'directory',
): Promise<BookFileText> {
  try {
    const bytes = await loadAsset(file, kind);
    return { ok: true, text: new TextDecoder().decode(bytes) };
  } catch (error) {
    return { ok: false, problem: error instanceof AssetError ? error.problem : 'offline' };
  }
}
