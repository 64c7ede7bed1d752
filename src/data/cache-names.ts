/**
 * Cache Storage names shared by the page and the service worker. Offline packs live in their own
 * cache, which nothing expires; files seen while browsing go to a runtime cache with a limit.
 */
export const PACK_CACHE = 'lp-packs-v1';
export const RUNTIME_CACHE = 'lp-assets-v1';
/** Asset URLs carry their SHA-256 in this query parameter (see src/domain/catalog.ts). */
export const HASH_PARAM = 'sha256';
