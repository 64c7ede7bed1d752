/**
 * Maps used as "the last few" (insertion order is age): what the scan's check keeps of sets and
 * covers, and the guessed covers' parts on the page.
 */

/** Moves `key` to the newest place with `value`. */
export function touch<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/** Drops the oldest entries past `limit`; returns their keys, oldest first. */
export function trimOldest<K, V>(map: Map<K, V>, limit: number): K[] {
  const dropped: K[] = [];
  for (const key of map.keys()) {
    if (map.size - dropped.length <= limit) break;
    dropped.push(key);
  }
  for (const key of dropped) map.delete(key);
  return dropped;
}
