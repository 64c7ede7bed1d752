/**
 * Reading a ZIP bundle staff import (made by "Ekspor ZIP" or by `npm run catalog:build`): every
 * bound is checked before anything is unpacked, and everything in it is checked before it becomes
 * a draft. Whatever the ZIP holds, the answer is a checked bundle or a list of problems in both
 * languages, never a frozen page: the editor runs this in a worker (import.worker.ts).
 *
 * - A ZIP bomb is refused from its directory: too many entries, a file or a total declared larger
 *   than the limits. fflate writes each file into a buffer of its declared size, so a file that
 *   lies about its size comes out cut short, and its hash then fails.
 * - The feed goes through the one validator; a source catalog that does not validate is reported.
 * - Every file the feed names must be in the ZIP and match its SHA-256; models pass the same
 *   checks as a model staff upload.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parseFeed } from '../domain/feed/parse.ts';
import { fromZodIssues, type FeedIssue } from '../domain/feed/issues.ts';
import { catalogToSource } from '../domain/source/from-catalog.ts';
import { SourceCatalog, type SourceCatalogInput } from '../domain/source/schema.ts';
import type { TargetRef } from '../domain/targets.ts';
import { readBackup } from './backup.ts';
import { checkModel } from './model-check.ts';

export const BUNDLE_LIMITS = {
  /** The ZIP file itself. */
  zipBytes: 1024 * 1024 * 1024,
  entries: 50_000,
  /** One file, as its entry declares it. */
  fileBytes: 64 * 1024 * 1024,
  /** All files together, as declared. */
  totalBytes: 1024 * 1024 * 1024,
} as const;

export interface CheckedBundle {
  readonly source: SourceCatalogInput;
  /** Files by their path in the source catalog. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Compiled target sets, with what each of their targets recognises. */
  readonly sets: readonly { readonly targets: readonly TargetRef[]; readonly bytes: Uint8Array }[];
}

/** A draft exported as stored ("export what is stored"): its text and its files by hash. */
export interface DraftBackup {
  readonly text: string;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export type BundleCheck =
  | { readonly ok: true; readonly bundle: CheckedBundle }
  | { readonly ok: true; readonly backup: DraftBackup }
  | { readonly ok: false; readonly issues: readonly FeedIssue[] };

const issue = (path: string, id: string, en: string): FeedIssue => ({ path, message: { id, en } });
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A name inside the ZIP that stays inside it: no absolute paths, no `..`, no drive letters. */
const SAFE_NAME = /^(?![/\\])(?!.*(?:^|[/\\])\.\.(?:[/\\]|$))(?![A-Za-z]:)[^\0]+$/;

/** Unpacks a ZIP within BUNDLE_LIMITS; the problems say what was refused and why. */
export function unpackBundle(
  zip: Uint8Array,
): { ok: true; entries: Record<string, Uint8Array> } | { ok: false; issues: FeedIssue[] } {
  if (zip.byteLength > BUNDLE_LIMITS.zipBytes) {
    return {
      ok: false,
      issues: [
        issue(
          '$',
          `ZIP ini lebih besar dari ${mb(BUNDLE_LIMITS.zipBytes)} MB`,
          `this ZIP is larger than ${mb(BUNDLE_LIMITS.zipBytes)} MB`,
        ),
      ],
    };
  }
  const problems: FeedIssue[] = [];
  let count = 0;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        if (problems.length > 0) return false;
        count++;
        total += file.originalSize;
        if (count > BUNDLE_LIMITS.entries) {
          problems.push(
            issue(
              '$',
              `ZIP ini berisi lebih dari ${BUNDLE_LIMITS.entries} berkas`,
              `this ZIP holds more than ${BUNDLE_LIMITS.entries} files`,
            ),
          );
        } else if (!SAFE_NAME.test(file.name)) {
          problems.push(
            issue(
              file.name.slice(0, 200),
              'nama berkas ini keluar dari folder ZIP (mis. "../" atau jalur absolut)',
              'this file name leads outside the ZIP folder (e.g. "../" or an absolute path)',
            ),
          );
        } else if (file.originalSize > BUNDLE_LIMITS.fileBytes) {
          problems.push(
            issue(
              file.name,
              `berkas ini akan menjadi ${mb(file.originalSize)} MB setelah dibuka; batasnya ${mb(BUNDLE_LIMITS.fileBytes)} MB`,
              `this file would be ${mb(file.originalSize)} MB unpacked; the limit is ${mb(BUNDLE_LIMITS.fileBytes)} MB`,
            ),
          );
        } else if (total > BUNDLE_LIMITS.totalBytes) {
          problems.push(
            issue(
              '$',
              `isi ZIP ini akan menjadi lebih dari ${mb(BUNDLE_LIMITS.totalBytes)} MB setelah dibuka`,
              `this ZIP would unpack to more than ${mb(BUNDLE_LIMITS.totalBytes)} MB`,
            ),
          );
        }
        return problems.length === 0;
      },
    });
  } catch {
    return {
      ok: false,
      issues: [issue('$', 'berkas ini bukan ZIP yang utuh', 'this file is not a complete ZIP')],
    };
  }
  return problems.length > 0 ? { ok: false, issues: problems } : { ok: true, entries };
}

function parseJson(bytes: Uint8Array, name: string): { value: unknown } | FeedIssue {
  try {
    return { value: JSON.parse(strFromU8(bytes)) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return issue(
      name,
      `${name} bukan JSON yang sah (${detail.slice(0, 120)})`,
      `${name} is not valid JSON (${detail.slice(0, 120)})`,
    );
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The path of a file in the bundle, from its address in the bundle's feed. */
const bundlePath = (href: string) => decodeURIComponent(new URL(href).pathname.replace(/^\//, ''));
const BUNDLE_BASE = 'https://bundle.invalid/catalog.json';

/** Checks a whole bundle; `onProgress` hears how many of its files are checked. */
export async function checkBundle(
  zip: Uint8Array,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<BundleCheck> {
  const unpacked = unpackBundle(zip);
  if (!unpacked.ok) return unpacked;
  const { entries } = unpacked;
  const backup = readBackup(entries);
  if (backup) {
    // Each stored file is named by its hash: a file that does not match it is not restored.
    for (const [hash, bytes] of backup.files) {
      if ((await sha256Hex(bytes)) !== hash) {
        return {
          ok: false,
          issues: [
            issue(
              `files/${hash.slice(0, 12)}…`,
              'berkas cadangan ini rusak (tidak cocok dengan SHA-256-nya)',
              'this backup file is damaged (it does not match its SHA-256)',
            ),
          ],
        };
      }
    }
    return { ok: true, backup };
  }
  const feedBytes = entries['catalog.json'];
  if (!feedBytes) {
    return {
      ok: false,
      issues: [
        issue('catalog.json', 'ZIP ini tidak berisi catalog.json', 'this ZIP has no catalog.json'),
      ],
    };
  }
  const feedJson = parseJson(feedBytes, 'catalog.json');
  if (!('value' in feedJson)) return { ok: false, issues: [feedJson] };
  const parsed = parseFeed(feedJson.value, BUNDLE_BASE);
  if (!parsed.ok) return { ok: false, issues: parsed.errors };

  const problems: FeedIssue[] = [];
  const { source: derived, files } = catalogToSource(parsed.catalog);
  let source = derived;
  const sourceBytes = entries['catalog.source.json'];
  if (sourceBytes) {
    const sourceJson = parseJson(sourceBytes, 'catalog.source.json');
    if (!('value' in sourceJson)) problems.push(sourceJson);
    else {
      const check = SourceCatalog.safeParse(sourceJson.value);
      if (check.success) source = sourceJson.value as SourceCatalogInput;
      else {
        problems.push(
          ...fromZodIssues(check.error.issues, sourceJson.value).map((found) => ({
            ...found,
            path: `catalog.source.json ${found.path}`,
          })),
        );
      }
    }
  }

  const byPath = new Map<string, Uint8Array>();
  const sets: { targets: readonly TargetRef[]; bytes: Uint8Array }[] = [];
  const wanted = [
    ...files.map((file) => ({ ...file, set: undefined })),
    ...parsed.catalog.targetSets.map((set) => ({
      path: '',
      href: set.href,
      sha256: set.sha256,
      type: 'application/octet-stream',
      set,
    })),
  ];
  let done = 0;
  for (const file of wanted) {
    const name = bundlePath(file.href);
    const bytes = entries[name];
    onProgress(++done, wanted.length);
    if (!bytes) {
      problems.push(
        issue(
          name,
          'berkas ini disebut katalog tetapi tidak ada di ZIP',
          'the catalog names this file but the ZIP lacks it',
        ),
      );
      continue;
    }
    if ((await sha256Hex(bytes)) !== file.sha256) {
      problems.push(
        issue(
          name,
          'isi berkas ini tidak cocok dengan SHA-256 di katalog (rusak atau diganti)',
          'this file does not match its SHA-256 in the catalog (damaged or swapped)',
        ),
      );
      continue;
    }
    if (file.set) {
      sets.push({ targets: file.set.targets, bytes });
      continue;
    }
    if (file.type === 'model/gltf-binary' || name.endsWith('.glb')) {
      const model = await checkModel(bytes);
      if (!model.ok) {
        problems.push(...model.issues.map((found) => ({ path: name, message: found.message })));
        continue;
      }
    }
    // A bundle with its source catalog keeps the source's file names, which are its paths.
    byPath.set(sourceBytes ? name : file.path, bytes);
  }
  if (problems.length > 0) return { ok: false, issues: problems };
  return { ok: true, bundle: { source, files: byPath, sets } };
}
