/**
 * The editor's catalogue import: a file read in a worker with the same readers and mappers as
 * `npm run catalog:import`, then merged into the draft by the same `mergeRecords`, so a preview
 * shows exactly what applying will do.
 */
import type { CatalogueFileResult } from '../import/catalogue-file.ts';

export type { CatalogueFileResult };
import { mergeRecords, type MergeReport } from '../domain/import/merge.ts';
import { uniqueWarnings, type ImportWarning } from '../domain/import/record.ts';
import type { Draft } from '../domain/source/draft.ts';
import type { SourceCatalogData, SourceCatalogInput } from '../domain/source/schema.ts';
import type { CatalogueReply } from './catalogue.worker.ts';

/** The largest catalogue file the editor reads (a MARCXML export of about 30,000 records). */
export const CATALOGUE_FILE_LIMIT = 64 * 1024 * 1024;

export type CatalogueRead =
  | { readonly ok: true; readonly result: CatalogueFileResult }
  | {
      readonly ok: false;
      readonly reason: 'too-large' | 'unknown' | 'failed';
      readonly detail?: string;
    };

export function readCatalogueFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<CatalogueRead> {
  if (file.size > CATALOGUE_FILE_LIMIT) return Promise.resolve({ ok: false, reason: 'too-large' });
  return file.arrayBuffer().then(
    (bytes) =>
      new Promise<CatalogueRead>((resolve) => {
        const worker = new Worker(new URL('./catalogue.worker.ts', import.meta.url), {
          type: 'module',
        });
        worker.onmessage = (event: MessageEvent<CatalogueReply>) => {
          const reply = event.data;
          if (reply.type === 'progress') {
            onProgress(reply.fraction);
            return;
          }
          worker.terminate();
          resolve(
            reply.type === 'done'
              ? { ok: true, result: reply.result }
              : { ok: false, reason: reply.kind },
          );
        };
        worker.onerror = (event) => {
          worker.terminate();
          resolve({ ok: false, reason: 'failed', detail: event.message });
        };
        worker.postMessage({ name: file.name, bytes }, [bytes]);
      }),
    (error: unknown) => ({ ok: false, reason: 'failed', detail: String(error) }),
  );
}

export interface ImportPreview {
  readonly source: SourceCatalogInput;
  readonly report: MergeReport;
  readonly warnings: readonly ImportWarning[];
}

/**
 * What applying the import would make of the draft. The draft is work in progress and may not
 * validate yet; the merge reads only ids, titles, identifiers and shelves, which the editor keeps
 * in shape, so it is handed the draft as it is.
 */
export function previewImport(
  draft: Draft,
  read: CatalogueFileResult,
  options: { readonly from: string; readonly complete: boolean; readonly now: string },
): ImportPreview {
  const current = draft.source as SourceCatalogData;
  const { catalog, report } = mergeRecords(current, read.records, {
    from: options.from,
    system: read.system,
    importedAt: options.now,
    complete: options.complete,
  });
  const source: SourceCatalogInput = {
    ...catalog,
    library: {
      ...catalog.library,
      catalogue: { ...catalog.library.catalogue, availabilityAsOf: options.now },
    },
  };
  return { source, report, warnings: uniqueWarnings([...read.warnings, ...report.skipped]) };
}
