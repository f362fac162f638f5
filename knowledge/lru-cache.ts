/**
 * A least-recently-used cache with a maximum number of entries: a Map in use order (a hit moves the
 * entry to the end; a set beyond `maxEntries` drops the first). Minimal stand-in until
 * knowledge/bounded-cache.ts (issue 13, branch `security`, bounded in entries and bytes) is merged;
 * the passage indexes can move to it then.
 *
 * @example
 * const cache = new LruCache<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.get('b'); // undefined: the least recently used was dropped
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!(maxEntries >= 1)) throw new Error('an LruCache needs maxEntries of at least 1');
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size(): number {
    return this.entries.size;
  }
}
