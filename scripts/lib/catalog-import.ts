/**
 * `catalog:import`: reads a catalogue (OAI-PMH endpoint, MARC, MARCXML, MARC-in-JSON, CSV), maps
 * each record with the domain's mappers, merges them into the source catalog and reports. The
 * reading streams; a broken record is reported and the import goes on.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mapDublinCore } from '../../src/domain/import/dublin-core.ts';
import { mapMarc } from '../../src/domain/import/marc.ts';
import type {
  CatalogueRecord,
  CatalogueSystem,
  ImportWarning,
} from '../../src/domain/import/record.ts';
import { mapReading, readMijText, readSheetText } from '../../src/import/catalogue-file.ts';
import { readIso2709, type MarcReading } from '../../src/import/node/marc-file.ts';
import { MarcXmlReader } from '../../src/import/xml.ts';
import type { MarcRecord } from '../../src/domain/import/marc.ts';
import { harvest, type HarvestOptions } from './oai-harvest.ts';

export const IMPORT_KINDS = ['oai', 'marc', 'marcxml', 'marc-json', 'csv'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ReadResult {
  readonly records: CatalogueRecord[];
  readonly warnings: ImportWarning[];
  readonly system: CatalogueSystem;
}

/** Largest CSV or JSON file read whole (MARC and XML stream). */
const MAX_WHOLE_FILE = 256 * 1024 * 1024;

function collect(): ReadResult & {
  add: (r: { record: CatalogueRecord; warnings: ImportWarning[] }) => void;
} {
  const records: CatalogueRecord[] = [];
  const warnings: ImportWarning[] = [];
  return {
    records,
    warnings,
    system: 'marc',
    add: ({ record, warnings: found }) => {
      records.push(record);
      warnings.push(...found);
    },
  };
}

function fromMarcReading(
  reading: MarcReading,
  label: string,
  out: ReturnType<typeof collect>,
): void {
  const mapped = mapReading(reading, label);
  if (mapped.record) out.records.push(mapped.record);
  out.warnings.push(...mapped.warnings);
}

async function readSmallFile(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  if (text.length > MAX_WHOLE_FILE)
    throw new Error(`${file} is larger than ${String(MAX_WHOLE_FILE)} bytes`);
  return text.replace(/^\uFEFF/, '');
}

export async function readCatalogue(
  kind: ImportKind,
  where: string,
  options: HarvestOptions & { onProgress?: (records: number) => void },
): Promise<ReadResult> {
  const out = collect();
  const label = /^https?:/.test(where) ? where : path.basename(where);
  const progress = () =>
    options.onProgress?.(
      out.records.length + out.warnings.filter((w) => w.code === 'broken_record').length,
    );
  switch (kind) {
    case 'oai': {
      for await (const record of harvest(where, options)) {
        if (record.marc[0]) {
          out.add(mapMarc(record.marc[0], { label: record.header.identifier }));
        } else {
          out.add(mapDublinCore(record.header, record.dc));
        }
        if (out.records.length % 100 === 0) progress();
      }
      break;
    }
    case 'marc': {
      for await (const reading of readIso2709(
        createReadStream(where, { highWaterMark: 256 * 1024 }),
      )) {
        fromMarcReading(reading, label, out);
        if (reading.index % 1000 === 0) progress();
      }
      break;
    }
    case 'marcxml': {
      let index = 0;
      const reader = new MarcXmlReader((record: MarcRecord) => {
        index += 1;
        out.add(mapMarc(record, { label: `${label} #${String(index)}` }));
      });
      try {
        for await (const chunk of createReadStream(where, {
          encoding: 'utf8',
          highWaterMark: 256 * 1024,
        })) {
          reader.write(chunk as string);
          progress();
        }
        reader.close();
      } catch (error) {
        out.warnings.push({
          record: `${label} #${String(index + 1)}`,
          code: 'broken_record',
          detail: error instanceof Error ? error.message.slice(0, 200) : String(error),
        });
      }
      break;
    }
    case 'marc-json': {
      const json = readMijText(await readSmallFile(where), label);
      out.records.push(...json.records);
      out.warnings.push(...json.warnings);
      break;
    }
    case 'csv': {
      const sheet = readSheetText(await readSmallFile(where), label);
      if (!sheet) {
        throw new Error(
          `${label}: the first row has no column this importer knows (a "title"/"judul" column, or SLiMS's 18 export columns)`,
        );
      }
      out.records.push(...sheet.records);
      out.warnings.push(...sheet.warnings);
      break;
    }
  }
  progress();
  const systems = new Set(out.records.map((record) => record.system));
  const system: CatalogueSystem =
    systems.size === 1 ? ([...systems][0] as CatalogueSystem) : kind === 'csv' ? 'csv' : 'marc';
  return { records: out.records, warnings: out.warnings, system };
}

/**
 * The address of a book's page in the catalogue, as a template: the OPAC link of a record with
 * its id replaced by `{id}` ("…/index.php?p=show_detail&id={id}").
 */
export function opacTemplateFrom(records: readonly CatalogueRecord[]): string | undefined {
  for (const record of records) {
    if (!record.opacUrl || !record.recordId) continue;
    try {
      const url = new URL(record.opacUrl);
      url.pathname = url.pathname.replace(/\/{2,}/g, '/');
      const href = url.href;
      const needle = `id=${record.recordId}`;
      if (!href.includes(needle)) continue;
      return href.replace(needle, 'id={id}').replace('%7Bid%7D', '{id}');
    } catch {
      continue;
    }
  }
  return undefined;
}
