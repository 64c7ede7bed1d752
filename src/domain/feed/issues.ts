/** Feed problems in words a librarian can act on, in Bahasa Indonesia and English. */
import type { z } from 'zod';
import type { Bilingual } from '../langmap.ts';

export interface FeedIssue {
  /** JSON path of the offending value, e.g. `$.publications[3].ar.shelf`. */
  readonly path: string;
  readonly message: Bilingual;
}

const EMPTY: Bilingual = { id: 'tidak boleh kosong', en: 'must not be empty' };

/** Messages for the keys the schema puts on its checks (`{ error: 'lp.url' }`). */
const KEYED: Record<string, Bilingual> = {
  'lp.id': {
    id: 'id harus huruf kecil, angka, dan tanda hubung (maks. 64 karakter)',
    en: 'id must be lower-case letters, digits and hyphens (at most 64 characters)',
  },
  'lp.language': {
    id: 'kode bahasa tidak valid (contoh: id, en)',
    en: 'not a valid language code (e.g. id, en)',
  },
  'lp.empty': EMPTY,
  'lp.langmap_empty': {
    id: 'isi teks setidaknya dalam satu bahasa',
    en: 'give the text in at least one language',
  },
  'lp.url': {
    id: 'URL harus relatif atau memakai http(s); skema lain seperti javascript: ditolak',
    en: 'URL must be relative or use http(s); other schemes such as javascript: are refused',
  },
  'lp.sha256': {
    id: 'SHA-256 harus 64 digit heksadesimal huruf kecil',
    en: 'SHA-256 must be 64 lower-case hex digits',
  },
  'lp.datetime': {
    id: 'tanggal dan jam harus ISO 8601 dengan zona waktu, mis. 2026-12-05T09:00:00+08:00',
    en: 'date and time must be ISO 8601 with a time zone, e.g. 2026-12-05T09:00:00+08:00',
  },
  'lp.opac_template': {
    id: 'alamat katalog harus memuat {id}, tempat nomor rekaman buku',
    en: "the catalogue address must contain {id}, where the book's record id goes",
  },
  'lp.time': { id: 'jam harus berbentuk HH:MM', en: 'time must look like HH:MM' },
  'lp.time_zone': {
    id: 'zona waktu tidak dikenal; pakai nama IANA, mis. Asia/Makassar',
    en: 'unknown time zone; use an IANA name, e.g. Asia/Makassar',
  },
  'lp.schema_version': {
    id: 'schemaVersion harus berbentuk MAYOR.MINOR, mis. 1.0',
    en: 'schemaVersion must look like MAJOR.MINOR, e.g. 1.0',
  },
  'lp.too_many_targets': {
    id: 'satu set target paling banyak 20 target; bagi ke beberapa set',
    en: 'a target set holds at most 20 targets; split it into several sets',
  },
  'lp.too_many_bands': {
    id: 'terlalu banyak kelompok usia dalam satu tur (maksimal 5)',
    en: 'too many age bands in one tour (at most 5)',
  },
  'lp.too_many_languages': {
    id: 'terlalu banyak bahasa dalam satu teks (maksimal 12)',
    en: 'too many languages in one text (at most 12)',
  },
  'lp.too_many_books': {
    id: 'terlalu banyak buku dalam satu umpan (maksimal 20.000); bagi katalog per rak',
    en: 'too many books in one feed (at most 20,000); split the catalog by shelf',
  },
  'lp.cover_missing': {
    id: 'setiap buku perlu gambar sampul',
    en: 'every book needs a cover image',
  },
  'lp.sources_missing': {
    id: 'setiap cerita perlu setidaknya satu sumber',
    en: 'every story needs at least one source',
  },
  'lp.no_books': { id: 'katalog tidak berisi buku', en: 'the catalog holds no books' },
  'lp.source_file': {
    id: 'nama berkas harus relatif terhadap folder sumber, tanpa ".." dan tanpa skema',
    en: 'file names must be relative to the source folder, without ".." or a scheme',
  },
  'lp.ddc': {
    id: 'nomor DDC harus tiga angka, boleh diikuti titik dan angka (mis. 599.83)',
    en: 'a DDC number is three digits, optionally a point and more digits (e.g. 599.83)',
  },
};

function describeType(value: unknown): Bilingual {
  if (value === undefined) return { id: 'tidak ada', en: 'nothing' };
  if (value === null) return { id: 'null', en: 'null' };
  if (Array.isArray(value)) return { id: 'daftar', en: 'a list' };
  const type = typeof value;
  const names: Record<string, Bilingual> = {
    string: { id: 'teks', en: 'text' },
    number: { id: 'angka', en: 'a number' },
    boolean: { id: 'benar/salah', en: 'true/false' },
    object: { id: 'objek', en: 'an object' },
  };
  return names[type] ?? { id: type, en: type };
}

const EXPECTED: Record<string, Bilingual> = {
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  boolean: { id: 'benar/salah', en: 'true or false' },
  object: { id: 'objek', en: 'an object' },
  array: { id: 'daftar', en: 'a list' },
  tuple: { id: 'daftar tiga angka', en: 'a list of three numbers' },
  record: { id: 'objek', en: 'an object' },
};

type ZodIssue = z.core.$ZodIssue;

/** Turns one zod issue into a bilingual message, given the input value where it occurred. */
function messageFor(issue: ZodIssue, received: unknown): Bilingual {
  if (received === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return { id: 'wajib diisi', en: 'is required' };
  }
  const keyed = KEYED[issue.message];
  if (keyed) return keyed;
  switch (issue.code) {
    case 'invalid_type': {
      const want = EXPECTED[issue.expected] ?? { id: issue.expected, en: issue.expected };
      const got = describeType(received);
      return { id: `harus ${want.id}, bukan ${got.id}`, en: `must be ${want.en}, not ${got.en}` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') {
        return { id: `minimal ${min} item`, en: `needs at least ${min} item(s)` };
      }
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? EMPTY
          : { id: `minimal ${min} karakter`, en: `needs at least ${min} characters` };
      }
      const op = issue.inclusive ? '≥' : '>';
      return { id: `harus ${op} ${min}`, en: `must be ${op} ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array')
        return { id: `maksimal ${max} item`, en: `at most ${max} items` };
      if (issue.origin === 'string') {
        return { id: `maksimal ${max} karakter`, en: `at most ${max} characters` };
      }
      const op = issue.inclusive ? '≤' : '<';
      return { id: `harus ${op} ${max}`, en: `must be ${op} ${max}` };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { id: `harus salah satu dari: ${values}`, en: `must be one of: ${values}` };
    }
    case 'invalid_format': {
      if (issue.format === 'email') {
        return { id: 'alamat email tidak valid', en: 'not a valid email address' };
      }
      return { id: `format tidak valid (${issue.format})`, en: `invalid format (${issue.format})` };
    }
    case 'invalid_union':
      return {
        id: 'bentuk nilai tidak dikenali (teks atau peta bahasa?)',
        en: 'value has an unexpected shape (text or language map?)',
      };
    case 'invalid_key': {
      const inner = issue.issues.map((i) => KEYED[i.message]).find(Boolean);
      return inner ?? { id: 'nama kunci tidak valid', en: 'invalid key name' };
    }
    default:
      return { id: 'nilai tidak valid', en: 'invalid value' };
  }
}

/** `['publications', 3, 'ar', 'shelf']` → `$.publications[3].ar.shelf` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$@][\w$@]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/**
 * A union (text or language map, say) fails as a whole; the useful message is in the branch whose
 * type matched, so report that branch's issues instead.
 */
function expandUnion(issue: ZodIssue): readonly ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const matching = issue.errors.find(
    (branch) =>
      branch.length > 0 &&
      !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  if (!matching) return [issue];
  return matching.flatMap((inner) =>
    expandUnion({ ...inner, path: [...issue.path, ...inner.path] }),
  );
}

export function fromZodIssues(issues: readonly ZodIssue[], input: unknown): FeedIssue[] {
  return issues.flatMap(expandUnion).map((issue) => ({
    path: formatPath(issue.path),
    message: messageFor(issue, valueAt(input, issue.path)),
  }));
}

export function issue(path: string, id: string, en: string): FeedIssue {
  return { path, message: { id, en } };
}
