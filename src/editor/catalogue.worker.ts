/**
 * Reads a catalogue file (MARC 21, MARCXML, MARC-in-JSON, CSV) off the main thread, so a file of thousands of records
 * never freezes the editor; the records come back mapped, with their warnings.
 */
// 'buffer/' names the npm package (feross/buffer), not Node's module of the same name; the
// boundaries rule reads any 'buffer' as Node's core module, hence the exception.
// eslint-disable-next-line boundaries/dependencies
import { Buffer } from 'buffer/';
import {
  catalogueFileKind,
  readMarcBinaryBytes,
  readMarcXmlText,
  readMijText,
  readSheetText,
  type CatalogueFileResult,
} from '../import/catalogue-file.ts';

export type CatalogueReply =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'done'; readonly result: CatalogueFileResult }
  | { readonly type: 'refused'; readonly kind: 'unknown' };

// marc8 (MARC-8 to Unicode) builds a Node Buffer from each value; the browser gets the
// well-known polyfill, only in this worker.
(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;

const reply = (message: CatalogueReply) => {
  (self as unknown as Worker).postMessage(message);
};

self.onmessage = (event: MessageEvent<{ readonly name: string; readonly bytes: ArrayBuffer }>) => {
  const { name, bytes } = event.data;
  const head = new TextDecoder('utf-8').decode(bytes.slice(0, 200));
  const kind = catalogueFileKind(name, head);
  if (kind === 'marc-binary') {
    reply({ type: 'done', result: readMarcBinaryBytes(new Uint8Array(bytes), name) });
    return;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (kind === 'marc-json') {
    reply({ type: 'done', result: readMijText(text, name) });
    return;
  }
  if (kind === 'marcxml') {
    reply({
      type: 'done',
      result: readMarcXmlText(text, name, (fraction) => {
        reply({ type: 'progress', fraction });
      }),
    });
    return;
  }
  if (kind === 'csv') {
    const result = readSheetText(text, name);
    reply(result ? { type: 'done', result } : { type: 'refused', kind: 'unknown' });
    return;
  }
  reply({ type: 'refused', kind: 'unknown' });
};
