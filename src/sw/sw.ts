/**
 * The service worker: the app shell and every lazy chunk (the AR engine too) are precached, so the
 * app and scanning work offline once visited. Feed files (covers, models, target sets) are served
 * from offline packs first, then from a runtime cache, and each is checked against the SHA-256 in
 * its URL: a corrupt or wrong file is never cached and, if found in a cache, is fetched again.
 *
 * The feed itself is not cached here: the app keeps the last feed that validated (src/data).
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { HASH_PARAM, PACK_CACHE, RUNTIME_CACHE } from '../data/cache-names.ts';
import { sha256Hex } from '../data/sha256.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first version takes the open page at once, so it works offline without a reload; later
// versions wait for the visitor's "Reload" (the SKIP_WAITING message below).
clientsClaim();

// Every app address (/book/…, /scan, /?feed=…/catalog.json) is the single-page app; files keep
// their own routes. Workbox tests the path with its query, so the file name must be in the path.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^[^?]*\/[^/?]+\.[a-z0-9]+(\?|$)/i],
  }),
);

async function verified(response: Response | undefined, request: Request): Promise<boolean> {
  if (!response || response.type === 'opaque') return false;
  const expected = new URL(request.url).searchParams.get(HASH_PARAM);
  return expected !== null && (await sha256Hex(await response.clone().arrayBuffer())) === expected;
}

// Workbox's plugin classes declare their callbacks as optional properties, which
// exactOptionalPropertyTypes rejects against WorkboxPlugin; they are valid plugins.
const asPlugin = (plugin: object) => plugin as WorkboxPlugin;

const runtime = new CacheFirst({
  cacheName: RUNTIME_CACHE,
  plugins: [
    asPlugin(new CacheableResponsePlugin({ statuses: [200] })),
    {
      // Only the file the feed describes goes into the cache…
      cacheWillUpdate: async ({ request, response }) =>
        (await verified(response, request)) ? response : null,
      // …and a cached copy that no longer matches is dropped and fetched again.
      cachedResponseWillBeUsed: async ({ request, cachedResponse, cacheName }) => {
        if (!cachedResponse || (await verified(cachedResponse, request)))
          return cachedResponse ?? null;
        await (await caches.open(cacheName)).delete(request);
        return null;
      },
    },
    asPlugin(
      new ExpirationPlugin({
        maxEntries: 400,
        maxAgeSeconds: 60 * 60 * 24 * 30,
        purgeOnQuotaError: true,
      }),
    ),
  ],
});

registerRoute(
  ({ url }) => url.searchParams.has(HASH_PARAM),
  async (options) => {
    const packed = await (await caches.open(PACK_CACHE)).match(options.request);
    if (packed && (await verified(packed, options.request))) return packed;
    return runtime.handle(options);
  },
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// A tap on a local notification (an event reminder) opens its page, in an open window if any.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const path = typeof data?.url === 'string' && data.url.startsWith('/') ? data.url : '/';
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows[0];
      if (open) {
        await open.focus();
        await open.navigate(target);
        return;
      }
      await self.clients.openWindow(target);
    }),
  );
});
