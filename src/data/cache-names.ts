/**
 * Cache Storage names shared by the page and the service worker (see storage-map.ts). Offline
 * packs live in their own cache, which nothing expires; files seen while browsing go to a runtime
 * cache with a limit.
 */
import { CACHES } from './storage-map.ts';

export const PACK_CACHE = CACHES.packs.cache;
export const RUNTIME_CACHE = CACHES.assets.cache;
/** Asset URLs carry their SHA-256 in this query parameter (see src/domain/catalog.ts). */
export const HASH_PARAM = 'sha256';
