/**
 * `npm run catalog:import -- --from <oai|marc|marcxml|marc-json|csv> <url-or-file> --into <source-dir>
 *  [--set S] [--from-date D] [--covers] [--dry-run] [--fallback-shelf ID] [--opac-template URL]`
 *
 * Brings the library's catalogue into a source folder (the one `catalog:build` publishes): new
 * books are added to the shelf their DDC class belongs to, catalogue fields of known books are
 * refreshed, everything staff authored stays, and books gone from the catalogue are marked
 * withdrawn. See docs/import.md.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mergeRecords, type MergeReport } from '../src/domain/import/merge.ts';
import { uniqueWarnings, WARNING_TEXT, type ImportWarning } from '../src/domain/import/record.ts';
import { SourceCatalog, type SourceCatalogData } from '../src/domain/source/schema.ts';
import {
  IMPORT_KINDS,
  opacTemplateFrom,
  readCatalogue,
  type ImportKind,
} from './lib/catalog-import.ts';
import { downloadCovers } from './lib/cover-download.ts';

const USAGE = `Pemakaian / usage: npm run catalog:import -- --from <${IMPORT_KINDS.join('|')}> <url-or-file> --into <source-dir> [--set S] [--from-date YYYY-MM-DD] [--covers] [--dry-run] [--fallback-shelf ID] [--opac-template URL]`;

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const SYSTEM_NAMES = { slims: 'SLiMS', inlislite: 'INLISLite', marc: 'MARC', csv: 'CSV' } as const;

function printReport(
  report: MergeReport,
  warnings: readonly ImportWarning[],
  dryRun: boolean,
): void {
  const verb = dryRun ? 'akan / would be' : '';
  const list = (label: string, items: MergeReport['added'], withFields = false) => {
    console.log(`${label} ${verb}: ${String(items.length)}`);
    for (const item of items.slice(0, 15)) {
      console.log(
        `  ${item.id}: ${item.title}${withFields && item.fields.length > 0 ? ` (${item.fields.join(', ')})` : ''}`,
      );
    }
    if (items.length > 15) console.log(`  … ${String(items.length - 15)} lagi / more`);
  };
  list('Ditambahkan / added', report.added);
  list('Diperbarui / updated', report.updated, true);
  list('Ditarik (hilang dari katalog) / withdrawn (gone from the catalogue)', report.withdrawn);
  list('Kembali ke katalog / back in the catalogue', report.restored, true);
  console.log(`Tidak berubah / unchanged: ${String(report.unchanged)}`);
  const all = uniqueWarnings([...warnings, ...report.skipped]);
  const byCode = new Map<ImportWarning['code'], ImportWarning[]>();
  for (const warning of all)
    byCode.set(warning.code, [...(byCode.get(warning.code) ?? []), warning]);
  if (all.length > 0) console.log(`Peringatan / warnings: ${String(all.length)}`);
  for (const [code, items] of byCode) {
    const text = WARNING_TEXT[code];
    console.log(`  ${String(items.length)} × ${text.id} / ${text.en}`);
    for (const item of items.slice(0, 5))
      console.log(`      ${item.record}${item.detail ? `: ${item.detail}` : ''}`);
    if (items.length > 5)
      console.log(`      … ${String(items.length - 5)} lagi / more (import-report.json)`);
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        into: { type: 'string' },
        set: { type: 'string' },
        'from-date': { type: 'string' },
        covers: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'fallback-shelf': { type: 'string' },
        'opac-template': { type: 'string' },
      },
    });
  } catch (error) {
    fail([String(error instanceof Error ? error.message : error), USAGE]);
  }
  const { values, positionals } = args;
  const kind = values.from as ImportKind | undefined;
  const where = positionals[0];
  const into = values.into;
  if (!kind || !IMPORT_KINDS.includes(kind) || !where || !into) fail([USAGE]);
  if (values['from-date'] && !/^\d{4}-\d{2}-\d{2}(T[\d:]+Z)?$/.test(values['from-date'])) {
    fail([`--from-date harus YYYY-MM-DD / must be YYYY-MM-DD: ${values['from-date']}`]);
  }

  const sourceFile = path.join(into, 'catalog.source.json');
  let source: SourceCatalogData;
  try {
    const parsed = SourceCatalog.safeParse(JSON.parse(await readFile(sourceFile, 'utf8')));
    if (!parsed.success) {
      fail([
        `${sourceFile} tidak sah / is not valid:`,
        ...parsed.error.issues.slice(0, 10).map((i) => `  $.${i.path.join('.')}: ${i.message}`),
      ]);
    }
    source = parsed.data;
  } catch (error) {
    fail([
      `Tidak bisa membaca ${sourceFile} / Could not read ${sourceFile}: ${String(error)}`,
      'Mulailah dari ekspor editor (ZIP) atau contoh di docs/import.md: rak dengan rentang DDC harus sudah ada.',
      'Start from an editor export (ZIP) or the example in docs/import.md: shelves with DDC ranges must exist first.',
    ]);
  }

  const started = Date.now();
  let read;
  try {
    read = await readCatalogue(kind, where, {
      ...(values.set ? { set: values.set } : {}),
      ...(values['from-date'] ? { from: values['from-date'] } : {}),
      onPage: ({ number, records, completeListSize }) => {
        console.log(
          `  halaman / page ${String(number)}: ${String(records)} rekaman / records${completeListSize ? ` (dari / of ${String(completeListSize)})` : ''}`,
        );
      },
    });
  } catch (error) {
    fail([
      `Impor gagal / Import failed: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const importedAt = new Date().toISOString();
  const { catalog, report } = mergeRecords(source, read.records, {
    from: where,
    system: read.system,
    importedAt,
    complete: !values.set && !values['from-date'],
    ...(values['fallback-shelf'] ? { fallbackShelf: values['fallback-shelf'] } : {}),
  });
  const template =
    values['opac-template'] ??
    source.library.catalogue?.opacTemplate ??
    opacTemplateFrom(read.records);
  const merged: SourceCatalogData = {
    ...catalog,
    library: {
      ...catalog.library,
      catalogue: {
        ...catalog.library.catalogue,
        name: catalog.library.catalogue?.name ?? SYSTEM_NAMES[read.system],
        ...(template ? { opacTemplate: template } : {}),
        availabilityAsOf: importedAt,
      },
    },
  };
  const check = SourceCatalog.safeParse(merged);
  if (!check.success) {
    fail([
      'Hasil impor tidak sah / The imported catalog is not valid:',
      ...check.error.issues.slice(0, 10).map((i) => `  $.${i.path.join('.')}: ${i.message}`),
    ]);
  }

  printReport(report, read.warnings, values['dry-run']);
  console.log(
    `${String(read.records.length)} rekaman dibaca / records read in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (values['dry-run']) {
    console.log('Uji coba: tidak ada yang ditulis / Dry run: nothing was written.');
    return;
  }
  let final = merged;
  if (values.covers) {
    const covers = await downloadCovers(merged, into, (line) => {
      console.log(line);
    });
    final = covers.catalog;
  }
  await mkdir(into, { recursive: true });
  // Written beside and renamed over: an interrupted import never leaves half a catalog.
  const temporary = `${sourceFile}.tmp`;
  await writeFile(temporary, `${JSON.stringify(final, null, 2)}\n`);
  await rename(temporary, sourceFile);
  await writeFile(
    path.join(into, 'import-report.json'),
    `${JSON.stringify({ importedAt, from: where, report, warnings: read.warnings }, null, 2)}\n`,
  );
  console.log(
    `Ditulis / written: ${sourceFile}. Berikutnya / next: npm run catalog:build -- ${into} <out-dir>`,
  );
}

await main();
