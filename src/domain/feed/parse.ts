/**
 * The boundary: anything that claims to be a catalog feed comes through here. It returns either a
 * catalog whose types can be trusted from here on, or every problem found, each with its JSON path
 * and a message in Bahasa Indonesia and English.
 */
import { toCatalog, type Catalog } from '../catalog.ts';
import { fromZodIssues, issue, type FeedIssue } from './issues.ts';
import { checkVersion, migrateFrom0 } from './migrate.ts';
import { checkReferences } from './references.ts';
import { Feed } from './schema.ts';

export type ParseResult =
  | { readonly ok: true; readonly catalog: Catalog; readonly migratedFrom?: string }
  | { readonly ok: false; readonly errors: readonly FeedIssue[] };

/** Parses a feed that is already JSON. `sourceUrl` resolves the feed's relative URLs. */
export function parseFeed(input: unknown, sourceUrl: string): ParseResult {
  const version = checkVersion(input);
  if (version.kind === 'refused') return { ok: false, errors: [version.issue] };
  const migrated =
    version.kind === 'legacy' ? migrateFrom0(input as Record<string, unknown>) : input;

  const parsed = Feed.safeParse(migrated);
  if (!parsed.success) {
    return { ok: false, errors: fromZodIssues(parsed.error.issues, migrated) };
  }
  const referenceErrors = checkReferences(parsed.data);
  if (referenceErrors.length > 0) return { ok: false, errors: referenceErrors };

  const catalog = toCatalog(parsed.data, sourceUrl);
  return version.kind === 'legacy'
    ? { ok: true, catalog, migratedFrom: version.version }
    : { ok: true, catalog };
}

/** Parses the feed's text, reporting text that is not JSON at all (an HTML error page, say). */
export function parseFeedText(text: string, sourceUrl: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const looksLikeHtml = /^\s*</.test(text);
    return {
      ok: false,
      errors: [
        looksLikeHtml
          ? issue(
              '$',
              'alamat ini mengirim halaman HTML, bukan umpan JSON; periksa URL umpan',
              'this address sent an HTML page, not a JSON feed; check the feed URL',
            )
          : issue(
              '$',
              `isi umpan bukan JSON yang sah (${detail})`,
              `the feed is not valid JSON (${detail})`,
            ),
      ],
    };
  }
  return parseFeed(json, sourceUrl);
}
