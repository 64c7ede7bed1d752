/** Builds the recognition index off the editor's page: training takes seconds. */
import { buildIndexHere, type IndexRequest } from './recognition-index.ts';

self.onmessage = async (event: MessageEvent<IndexRequest>) => {
  try {
    const built = await buildIndexHere(event.data);
    self.postMessage({ ok: true, ...built }, { transfer: [built.bytes.buffer] });
  } catch (error) {
    self.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
