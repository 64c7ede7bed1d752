/**
 * Everything Lensa Pustaka keeps on the device, in one place: each IndexedDB database, each Cache
 * Storage cache, and each localStorage and sessionStorage key. The data modules take their names
 * from here, the privacy page says what they hold, and "Hapus data tersimpan" (clear.ts) deletes
 * every entry marked `clearedByVisitor`; tests/unit/storage-map.test.ts and the privacy e2e test
 * check that the code and this list agree.
 *
 * Not listed: the service worker's precache (`workbox-precache-*`), which holds the app itself,
 * not anyone's data; the browser replaces it with each new version.
 */

interface Stored {
  /** What it holds, for the next engineer. */
  readonly holds: string;
  /**
   * Deleted by the privacy page's "clear my data". Staff work is not: the editor's draft is removed
   * in the editor itself, where it can be exported first.
   */
  readonly clearedByVisitor: boolean;
}

export interface StoredDatabase extends Stored {
  readonly database: string;
  readonly objectStore: string;
  /** The keys it holds, where they are fixed. */
  readonly keys?: readonly string[];
  /** Keys made from a name (a feed address, say) start with this. */
  readonly keyPrefix?: string;
}

export const DATABASES = {
  catalog: {
    database: 'lensa-pustaka',
    objectStore: 'catalog',
    holds:
      'the saved copy of each feed the visitor opened, by its address ("feed:<url>"); "last-good-feed" is the one copy kept by versions before 1.1',
    keys: ['last-good-feed'],
    keyPrefix: 'feed:',
    clearedByVisitor: true,
  },
  packs: {
    database: 'lensa-pustaka-packs',
    objectStore: 'packs',
    holds: 'the offline packs saved on this device: which files, how large, when (by pack id)',
    clearedByVisitor: true,
  },
  draft: {
    database: 'lensa-pustaka-draft',
    objectStore: 'draft',
    holds:
      "the staff editor's draft (zustand persist of the editor store), its revision number, which refuses a write from a tab that did not see the latest draft, and its undo history (bounded), so undo survives a reload",
    keys: ['editor', 'editor-revision', 'editor-history'],
    clearedByVisitor: false,
  },
  draftFiles: {
    database: 'lensa-pustaka-draft-files',
    objectStore: 'files',
    holds: "the draft's files (photos, models, compiled targets) by SHA-256",
    clearedByVisitor: false,
  },
  searchIndex: {
    database: 'lensa-pustaka-search',
    objectStore: 'index',
    holds:
      "the browse page's search index of the last feed searched, with a fingerprint of its books, so that search starts at once on the next visit; rebuilt when the books change",
    keys: ['index'],
    clearedByVisitor: true,
  },
} as const satisfies Record<string, StoredDatabase>;

export interface StoredCache extends Stored {
  readonly cache: string;
}

export const CACHES = {
  packs: {
    cache: 'lp-packs-v1',
    holds: 'the files of offline packs; nothing expires them',
    clearedByVisitor: true,
  },
  assets: {
    cache: 'lp-assets-v1',
    holds: 'covers, models and target sets seen while browsing (30 days, 400 files)',
    clearedByVisitor: true,
  },
} as const satisfies Record<string, StoredCache>;

/** localStorage and sessionStorage keys all start with this. */
export const KEY_PREFIX = 'lensa-pustaka.';

export interface StoredKey extends Stored {
  readonly area: 'local' | 'session';
  /** Without the prefix. */
  readonly key: string;
}

export const KEYS = {
  prefs: {
    area: 'local',
    key: 'prefs',
    holds: 'language, text size and contrast (zustand persist of the prefs store)',
    clearedByVisitor: true,
  },
  feedUrl: {
    area: 'local',
    key: 'feed-url',
    holds: 'the catalog feed the visitor chose, when it is not the demo',
    clearedByVisitor: true,
  },
  libraries: {
    area: 'local',
    key: 'libraries',
    holds: 'the libraries (feed addresses and names) the visitor has opened, most recent first',
    clearedByVisitor: true,
  },
  tourRuns: {
    area: 'local',
    key: 'tour-runs',
    holds:
      'where each group is in a tour on this device (stops found, answers, group name), by feed and tour, so a tour resumes after a reload',
    clearedByVisitor: true,
  },
  classResults: {
    area: 'local',
    key: 'class-results',
    holds:
      "the teacher's class tables: the result codes scanned from each group, by feed, tour and class",
    clearedByVisitor: true,
  },
  programme: {
    area: 'local',
    key: 'programme',
    holds:
      'the events the visitor starred for a reminder, whether to announce new events, the event and book ids seen on earlier visits ("new since your last visit") and the reminders already shown',
    clearedByVisitor: true,
  },
  reloadedForNewVersion: {
    area: 'session',
    key: 'reloaded-for-new-version',
    holds: 'this tab already reloaded once for a new version (stops a reload loop)',
    clearedByVisitor: true,
  },
} as const satisfies Record<string, StoredKey>;

/** Every entry, for code that goes through all of them (clear.ts). */
export const ALL_DATABASES: readonly StoredDatabase[] = Object.values(DATABASES);
export const ALL_CACHES: readonly StoredCache[] = Object.values(CACHES);
export const ALL_KEYS: readonly StoredKey[] = Object.values(KEYS);
