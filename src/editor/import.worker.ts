/**
 * Checks a ZIP bundle off the main thread (editor/bundle.ts), so a large or hostile ZIP never
 * freezes the editor; the checked files come back as transferred buffers.
 */
import { checkBundle, type BundleCheck } from './bundle.ts';

export type ImportReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: BundleCheck }
  | { readonly type: 'error'; readonly message: string };

const reply = (message: ImportReply, transfer: Transferable[] = []) => {
  (self as unknown as Worker).postMessage(message, transfer);
};

self.onmessage = async (event: MessageEvent<{ readonly zip: Uint8Array }>) => {
  try {
    const result = await checkBundle(event.data.zip, (done, total) => {
      reply({ type: 'progress', done, total });
    });
    const transfer = !result.ok
      ? []
      : 'backup' in result
        ? [...result.backup.files.values()].map((bytes) => bytes.buffer)
        : [
            ...[...result.bundle.files.values()].map((bytes) => bytes.buffer),
            ...result.bundle.sets.map((set) => set.bytes.buffer),
          ];
    // Files that share one buffer are sent once.
    reply({ type: 'done', result }, [...new Set(transfer)] as Transferable[]);
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
