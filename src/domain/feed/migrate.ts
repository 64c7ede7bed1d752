/**
 * Feeds written for older schema versions are brought up to the current one before validation,
 * so a library that has not republished keeps working. Version history is in docs/feed.md.
 */
import { issue, type FeedIssue } from './issues.ts';
import { SCHEMA_MAJOR, SCHEMA_VERSION } from './schema.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type VersionCheck =
  | { readonly kind: 'current'; readonly version: string }
  | { readonly kind: 'legacy'; readonly version: string }
  | { readonly kind: 'refused'; readonly issue: FeedIssue };

/** Reads the version without trusting anything else in the feed. */
export function checkVersion(feed: unknown): VersionCheck {
  if (!isObject(feed)) {
    return {
      kind: 'refused',
      issue: issue('$', 'isi umpan bukan objek JSON', 'the feed is not a JSON object'),
    };
  }
  const ar = feed['ar'];
  if (!isObject(ar)) {
    return {
      kind: 'refused',
      issue: issue(
        '$.ar',
        'umpan ini tidak punya ekstensi "ar" Lensa Pustaka (mungkin umpan OPDS biasa)',
        'this feed has no Lensa Pustaka "ar" extension (perhaps a plain OPDS feed)',
      ),
    };
  }
  if (typeof ar['version'] === 'string' && ar['version'].startsWith('0.')) {
    return { kind: 'legacy', version: ar['version'] };
  }
  const metadata = ar['metadata'];
  const version = isObject(metadata) ? metadata['schemaVersion'] : undefined;
  if (typeof version !== 'string') {
    // Let the schema report the missing or malformed version with its usual words.
    return { kind: 'current', version: SCHEMA_VERSION };
  }
  const major = Number.parseInt(version, 10);
  if (Number.isFinite(major) && major > SCHEMA_MAJOR) {
    return {
      kind: 'refused',
      issue: issue(
        '$.ar.metadata.schemaVersion',
        `umpan memakai skema versi ${version}, lebih baru dari yang dipahami aplikasi ini (${SCHEMA_MAJOR}.x); perbarui aplikasi atau minta perpustakaan menerbitkan versi ${SCHEMA_MAJOR}.x`,
        `the feed uses schema version ${version}, newer than this app understands (${SCHEMA_MAJOR}.x); update the app or ask the library to publish version ${SCHEMA_MAJOR}.x`,
      ),
    };
  }
  if ((Number.isFinite(major) && major < 1) || version === '1.0')
    return { kind: 'legacy', version };
  return { kind: 'current', version };
}

function renameKey(object: unknown, from: string, to: string): void {
  if (isObject(object) && from in object && !(to in object)) {
    object[to] = object[from];
    Reflect.deleteProperty(object, from);
  }
}

/** Brings a legacy feed (0.9 or 1.0) up to the current version, one step at a time. */
export function migrate(feed: Json, version: string): Json {
  const from1 = version.startsWith('0.') ? migrateFrom0(feed) : feed;
  return migrateFrom1_0(from1);
}

/**
 * 1.0 → 1.1: tours gained age bands (`bands`, and `forBands` texts on stops). A 1.0 tour has one
 * audience, which stays the tour's own; it gets an empty list of bands.
 */
export function migrateFrom1_0(feed: Json): Json {
  const copy = structuredClone(feed);
  const ar = copy['ar'] as Json;
  if (isObject(ar['metadata'])) ar['metadata']['schemaVersion'] = SCHEMA_VERSION;
  const tours = Array.isArray(ar['tours']) ? ar['tours'] : [];
  for (const tour of tours) {
    if (isObject(tour)) tour['bands'] ??= [];
  }
  return copy;
}

/**
 * 0.9 → 1.0: the version moved into `ar.metadata.schemaVersion`; `shelfId` became `shelf`,
 * `copiesAvailable` became `available`; target sets listed `"book:id"` strings as `items`.
 */
export function migrateFrom0(feed: Json): Json {
  const copy = structuredClone(feed);
  const ar = copy['ar'] as Json;
  delete ar['version'];
  ar['metadata'] = { schemaVersion: '1.0' };
  ar['links'] ??= [];
  const publications = Array.isArray(copy['publications']) ? copy['publications'] : [];
  for (const publication of publications) {
    if (!isObject(publication)) continue;
    renameKey(publication['ar'], 'shelfId', 'shelf');
    renameKey(publication['ar'], 'copiesAvailable', 'available');
  }
  const sets = Array.isArray(ar['targetSets']) ? ar['targetSets'] : [];
  for (const set of sets) {
    if (!isObject(set) || !Array.isArray(set['items'])) continue;
    set['targets'] = set['items'].map((item: unknown) => {
      const [kind, id] = String(item).split(':');
      return { kind, id };
    });
    delete set['items'];
  }
  return copy;
}
