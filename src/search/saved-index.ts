/**
 * A search index kept on the device between visits: named by a fingerprint of the books and the
 * engine, and used only when it reads back whole. Pure apart from hashing; the page stores it.
 */
import {
  buildSearchIndex,
  loadSearchIndex,
  SEARCH_ENGINE_VERSION,
  type SearchDocument,
  type SearchIndex,
} from './engine.ts';

/** The books and the engine's version, hashed: a saved index is used only for the same. */
export async function fingerprintOf(documents: readonly SearchDocument[]): Promise<string> {
  const text = `${SEARCH_ENGINE_VERSION}\n${JSON.stringify(documents)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The index from the saved text when it is sound, else built from the books. */
export function indexFrom(
  documents: readonly SearchDocument[],
  saved: string | null,
): { index: SearchIndex; from: 'saved' | 'books' } {
  if (saved !== null) {
    try {
      const index = loadSearchIndex(saved);
      index.search('a'); // a copy that reads but cannot answer is as good as damaged
      return { index, from: 'saved' };
    } catch {
      // A damaged or foreign copy: build it again (and the page overwrites the copy).
    }
  }
  return { index: buildSearchIndex(documents), from: 'books' };
}
