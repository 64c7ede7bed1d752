/**
 * "Export what is stored": the draft exactly as this device keeps it, with every stored file,
 * for a draft this version cannot open (written by a newer version, or damaged). Importing the
 * ZIP into a version that can read it restores the draft and its files.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { allDraftFiles } from '../data/draft-files.ts';

/** The name of the stored draft inside a backup ZIP. */
export const BACKUP_DRAFT = 'lensa-draft-backup.json';
const FILES = 'files/';

export async function exportStoredDraft(stored: string | null): Promise<Uint8Array> {
  const entries: Zippable = {};
  if (stored !== null) entries[BACKUP_DRAFT] = [strToU8(stored), { level: 6 }];
  for (const [hash, blob] of await allDraftFiles()) {
    entries[`${FILES}${hash}`] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
  }
  return zipSync(entries);
}

/** A backup's stored draft and its files by hash, if `entries` are a backup. */
export function readBackup(
  entries: Record<string, Uint8Array>,
): { text: string; files: Map<string, Uint8Array> } | undefined {
  const draft = entries[BACKUP_DRAFT];
  if (!draft) return undefined;
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.startsWith(FILES)) files.set(name.slice(FILES.length), bytes);
  }
  return { text: strFromU8(draft), files };
}
