/**
 * A catalogue file read in the browser (the editor's import, in a worker) or in Node: MARC 21
 * binary and MARC-in-JSON with marcjs, MARCXML streamed through saxes, CSV through papaparse.
 */
import Papa from 'papaparse';
import { mapMarc, type MarcRecord } from '../domain/import/marc.ts';
import type { CatalogueRecord, CatalogueSystem, ImportWarning } from '../domain/import/record.ts';
import { mapSheet } from '../domain/import/spreadsheet.ts';
import { readIso2709Bytes, readMij, type MarcReading } from './marc-binary.ts';
import { MarcXmlReader } from './xml.ts';

export type CatalogueFileKind = 'marcxml' | 'csv' | 'marc-binary' | 'marc-json' | 'unknown';

export interface CatalogueFileResult {
  readonly kind: CatalogueFileKind;
  readonly records: CatalogueRecord[];
  readonly warnings: ImportWarning[];
  readonly system: CatalogueSystem;
}

/** What a file holds, from its name and first bytes. */
export function catalogueFileKind(name: string, head: string): CatalogueFileKind {
  const lower = name.toLowerCase();
  if (/^\s*<(\?xml|(\w+:)?collection|(\w+:)?record)/.test(head) || lower.endsWith('.xml'))
    return 'marcxml';
  if (/^\d{5}[acdnp]/.test(head) || /\.(mrc|marc|dat|iso)$/.test(lower)) return 'marc-binary';
  if (lower.endsWith('.json') || /^\s*[[{]/.test(head)) return 'marc-json';
  if (/\.(csv|tsv|txt)$/.test(lower) || head.includes(',') || head.includes(';')) return 'csv';
  return 'unknown';
}

function systemOf(records: readonly CatalogueRecord[], fallback: CatalogueSystem): CatalogueSystem {
  const systems = new Set(records.map((record) => record.system));
  return systems.size === 1 ? ([...systems][0] as CatalogueSystem) : fallback;
}

/** Reads MARCXML in slices, reporting progress, so a large file neither blocks nor doubles. */
export function readMarcXmlText(
  text: string,
  label: string,
  onProgress?: (fraction: number) => void,
): CatalogueFileResult {
  const records: CatalogueRecord[] = [];
  const warnings: ImportWarning[] = [];
  let index = 0;
  const reader = new MarcXmlReader((record: MarcRecord) => {
    index += 1;
    const mapped = mapMarc(record, { label: `${label} #${String(index)}` });
    records.push(mapped.record);
    warnings.push(...mapped.warnings);
  });
  const slice = 256 * 1024;
  try {
    for (let at = 0; at < text.length; at += slice) {
      reader.write(text.slice(at, at + slice));
      onProgress?.(Math.min(1, (at + slice) / text.length));
    }
    reader.close();
  } catch (error) {
    warnings.push({
      record: `${label} #${String(index + 1)}`,
      code: 'broken_record',
      detail: error instanceof Error ? error.message.slice(0, 200) : String(error),
    });
  }
  return { kind: 'marcxml', records, warnings, system: systemOf(records, 'marc') };
}

/** Reads a spreadsheet; undefined when its first row has no column the mapper knows. */
export function readSheetText(text: string, label: string): CatalogueFileResult | undefined {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const sheet = mapSheet(parsed.data, label);
  if (!sheet.layout) return undefined;
  return {
    kind: 'csv',
    records: sheet.records,
    warnings: sheet.warnings,
    system: systemOf(sheet.records, 'csv'),
  };
}

/** One MARC reading mapped: a record with its warnings, or the broken record's warning. */
export function mapReading(
  reading: MarcReading,
  label: string,
): { record?: CatalogueRecord; warnings: ImportWarning[] } {
  const where = `${label} #${String(reading.index)}`;
  if (reading.kind === 'broken') {
    return { warnings: [{ record: where, code: 'broken_record', detail: reading.reason }] };
  }
  return mapMarc(reading.record, { label: where, badBytes: reading.badBytes });
}

function fromReadings(
  readings: readonly MarcReading[],
  label: string,
  kind: CatalogueFileKind,
): CatalogueFileResult {
  const records: CatalogueRecord[] = [];
  const warnings: ImportWarning[] = [];
  for (const reading of readings) {
    const mapped = mapReading(reading, label);
    if (mapped.record) records.push(mapped.record);
    warnings.push(...mapped.warnings);
  }
  return { kind, records, warnings, system: systemOf(records, 'marc') };
}

/** A whole ISO 2709 file in memory (the editor's import; Node streams it, see node/). */
export function readMarcBinaryBytes(bytes: Uint8Array, label: string): CatalogueFileResult {
  return fromReadings(readIso2709Bytes(bytes), label, 'marc-binary');
}

export function readMijText(text: string, label: string): CatalogueFileResult {
  return fromReadings(readMij(text), label, 'marc-json');
}
