/**
 * The boundary: anything that claims to be a catalog feed comes through here. It returns either a
 * catalog whose types can be trusted from here on, or every problem found, each with its JSON path
 * and a message in Bahasa Indonesia and English. It never throws, whatever the input: bounds come
 * first (FEED_LIMITS), and anything unexpected becomes a problem with a message.
 */
import { toCatalog, type Catalog } from '../catalog.ts';
import { fromZodIssues, issue, type FeedIssue } from './issues.ts';
import { FEED_LIMITS } from './limits.ts';
import { checkVersion, migrate } from './migrate.ts';
import { checkReferences } from './references.ts';
import { Feed } from './schema.ts';

export type ParseResult =
  | { readonly ok: true; readonly catalog: Catalog; readonly migratedFrom?: string }
  | { readonly ok: false; readonly errors: readonly FeedIssue[] };

/**
 * The path of the first value nested deeper than `max` objects and arrays, or null. Iterative, so
 * a feed of a million nested brackets cannot overflow the stack here or in anything after it.
 */
export function tooDeep(input: unknown, max: number): string | null {
  interface Item {
    readonly value: unknown;
    readonly depth: number;
    readonly parent: Item | null;
    readonly key: string | number;
  }
  const pathOf = (item: Item): string => {
    const keys: (string | number)[] = [];
    for (let at: Item | null = item; at.parent; at = at.parent) keys.unshift(at.key);
    return keys.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
  };
  const stack: Item[] = [{ value: input, depth: 0, parent: null, key: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return `$${pathOf(item)}`;
    const children: [string | number, unknown][] = Array.isArray(value)
      ? value.map((child, i) => [i, child])
      : Object.entries(value);
    for (const [key, child] of children) {
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: depth + 1, parent: item, key });
      }
    }
  }
  return null;
}

function unexpected(error: unknown): ParseResult {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ok: false,
    errors: [
      issue(
        '$',
        `umpan tidak dapat dibaca karena kesalahan tak terduga (${detail.slice(0, 200)}); beri tahu pengelola katalog`,
        `the feed could not be read because of an unexpected error (${detail.slice(0, 200)}); tell the catalogue's maintainer`,
      ),
    ],
  };
}

/** Parses a feed that is already JSON. `sourceUrl` resolves the feed's relative URLs. */
export function parseFeed(input: unknown, sourceUrl: string): ParseResult {
  try {
    const deep = tooDeep(input, FEED_LIMITS.depth);
    if (deep !== null) {
      return {
        ok: false,
        errors: [
          issue(
            deep.length > 120 ? `${deep.slice(0, 120)}…` : deep,
            `umpan bersarang terlalu dalam (lebih dari ${FEED_LIMITS.depth} tingkat)`,
            `the feed is nested too deeply (more than ${FEED_LIMITS.depth} levels)`,
          ),
        ],
      };
    }
    const version = checkVersion(input);
    if (version.kind === 'refused') return { ok: false, errors: [version.issue] };
    const migrated =
      version.kind === 'legacy'
        ? migrate(input as Record<string, unknown>, version.version)
        : input;

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
  } catch (error) {
    return unexpected(error);
  }
}

/** Parses the feed's text, reporting text that is not JSON at all (an HTML error page, say). */
export function parseFeedText(text: string, sourceUrl: string): ParseResult {
  if (text.length > FEED_LIMITS.feedBytes) {
    return {
      ok: false,
      errors: [
        issue(
          '$',
          `umpan terlalu besar (lebih dari ${FEED_LIMITS.feedBytes / 1024 / 1024} MB); bagi katalog per rak`,
          `the feed is too large (over ${FEED_LIMITS.feedBytes / 1024 / 1024} MB); split the catalog by shelf`,
        ),
      ],
    };
  }
  const json = readJson(text);
  if (!json.ok) return { ok: false, errors: [json.issue] };
  return parseFeed(json.value, sourceUrl);
}

/** JSON text to a value, or why it is not JSON (an HTML error page, say); never throws. */
export function readJson(
  text: string,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: FeedIssue } {
  try {
    // A byte-order mark is not JSON, but editors on Windows write one: ignore it.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const looksLikeHtml = /^\s*</.test(text);
    return {
      ok: false,
      issue: looksLikeHtml
        ? issue(
            '$',
            'alamat ini mengirim halaman HTML, bukan umpan JSON; periksa URL umpan',
            'this address sent an HTML page, not a JSON feed; check the feed URL',
          )
        : issue(
            '$',
            `isi umpan bukan JSON yang sah (${detail.slice(0, 200)})`,
            `the feed is not valid JSON (${detail.slice(0, 200)})`,
          ),
    };
  }
}
