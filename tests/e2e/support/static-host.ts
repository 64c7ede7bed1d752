/** A static web host for a published folder, under a path of the app's own origin. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.glb': 'model/gltf-binary',
};

/**
 * Serves the files of `folder` (or of an in-memory folder) at `/<prefix>/…`. The context's route
 * also answers the service worker's requests, as a real host would.
 */
export async function serveFolder(
  context: BrowserContext,
  prefix: string,
  folder: string | ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith(`/${prefix}/`),
    async (route) => {
      const file = decodeURIComponent(new URL(route.request().url()).pathname).slice(
        prefix.length + 2,
      );
      const body =
        typeof folder === 'string'
          ? await readFile(path.join(folder, file)).catch(() => undefined)
          : folder.get(file);
      if (!body) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        status: 200,
        contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
        body: Buffer.from(body),
      });
    },
  );
}
