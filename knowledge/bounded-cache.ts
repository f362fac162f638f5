/** Limits of a {@link BoundedCache}: at most `maxEntries` entries and about `maxBytes` of keys and values. */
export interface BoundedCacheLimits<V> {
  maxEntries: number;
  maxBytes: number;
  /** Approximate size of a value in bytes; 16 (a small number or a pointer) when left out. */
  sizeOf?: (value: V) => number;
}

// What V8 spends per Map entry beyond its key and value (hash slot, entry record), roughly.
const ENTRY_OVERHEAD_BYTES = 48;

/** One generation of entries and what they weigh. */
class Generation<K, V> {
  readonly entries = new Map<K, V>();
  bytes = 0;
}

/**
 * A cache bounded in entries and in approximate bytes, for memoising work on text that users type:
 * a cache keyed by their words must not grow with every new word (an attack with random vocabulary
 * would grow it until the process dies).
 *
 * It drops the least recently used entries first, by generations rather than one by one, so that
 * a hit costs one Map lookup (the caches sit on the search's inner loop): new entries go into the
 * young generation; when that holds half the budget it becomes the old one and the previous old
 * generation is dropped; an old entry that is read again moves back into the young generation. So
 * it never holds more than the limits, and an entry used since the last turnover always survives.
 *
 * A key counts 2 bytes per UTF-16 unit plus a fixed overhead; a value counts what `sizeOf` says.
 *
 * @example
 * const cache = new BoundedCache<string, number>({ maxEntries: 1000, maxBytes: 1 << 20 });
 * cache.set('exchange', 1);
 * cache.get('exchange'); // 1
 */
export class BoundedCache<K extends string, V> {
  private young = new Generation<K, V>();
  private old = new Generation<K, V>();
  private readonly halfEntries: number;
  private readonly halfBytes: number;

  constructor(private readonly limits: BoundedCacheLimits<V>) {
    if (!(limits.maxEntries >= 2) || !(limits.maxBytes > 0)) throw new Error('a BoundedCache needs maxEntries of at least 2 and maxBytes above 0');
    this.halfEntries = Math.floor(limits.maxEntries / 2);
    this.halfBytes = limits.maxBytes / 2;
  }

  get(key: K): V | undefined {
    const value = this.young.entries.get(key);
    if (value !== undefined || this.old.entries.size === 0) return value;
    const older = this.old.entries.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  has(key: K): boolean {
    return this.young.entries.has(key) || this.old.entries.has(key);
  }

  set(key: K, value: V): void {
    const bytes = this.weigh(key, value);
    // Bigger than a generation may hold: never kept, so the limits hold for any value.
    if (bytes > this.halfBytes) return;
    const previous = this.young.entries.get(key);
    if (previous !== undefined) this.young.bytes -= this.weigh(key, previous);
    else if (this.young.entries.size >= this.halfEntries || this.young.bytes + bytes > this.halfBytes) {
      this.old = this.young;
      this.young = new Generation();
    }
    const older = this.old.entries.get(key);
    if (older !== undefined) {
      this.old.entries.delete(key);
      this.old.bytes -= this.weigh(key, older);
    }
    this.young.entries.set(key, value);
    this.young.bytes += bytes;
  }

  /** Entries held now. */
  get size(): number {
    return this.young.entries.size + this.old.entries.size;
  }

  private weigh(key: K, value: V): number {
    return key.length * 2 + ENTRY_OVERHEAD_BYTES + (this.limits.sizeOf?.(value) ?? 16);
  }
}
