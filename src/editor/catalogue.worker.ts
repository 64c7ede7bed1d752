/**
 * Reads a catalogue file (MARCXML, CSV) off the main thread, so a file of thousands of records
 * never freezes the editor; the records come back mapped, with their warnings.
 */
import {
  catalogueFileKind,
  readMarcXmlText,
  readSheetText,
  type CatalogueFileResult,
} from '../import/catalogue-file.ts';

export type CatalogueReply =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'done'; readonly result: CatalogueFileResult }
  | { readonly type: 'refused'; readonly kind: 'marc-binary' | 'unknown' };

const reply = (message: CatalogueReply) => {
  (self as unknown as Worker).postMessage(message);
};

self.onmessage = (event: MessageEvent<{ readonly name: string; readonly bytes: ArrayBuffer }>) => {
  const { name, bytes } = event.data;
  const text = new TextDecoder('utf-8').decode(bytes);
  const kind = catalogueFileKind(name, text.slice(0, 200));
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
  reply({ type: 'refused', kind });
};
