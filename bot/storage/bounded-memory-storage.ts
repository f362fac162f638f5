import type { Storage, StoreItem, StoreItems } from '../../dialogs/turn';
import { ETagConflictError } from './etag-conflict';

/** Limits of a {@link BoundedMemoryStorage}. */
export interface MemoryStorageLimits {
  maxItems: number;
  /** Approximate: 2 bytes per character of the stored JSON. */
  maxBytes: number;
}

/** Enough for thousands of conversations in a local or single-instance run. */
export const DEFAULT_MEMORY_STORAGE_LIMITS: MemoryStorageLimits = { maxItems: 10_000, maxBytes: 64 * 1024 * 1024 };

/**
 * State in memory, with the eTags of botbuilder's MemoryStorage (a counter per write; an item
 * written with another item's eTag, or as new when it exists, is refused) and copies (each item
 * is kept as JSON, so nobody shares an object with storage), and with a bound: when it holds more
 * than `maxItems` items or `maxBytes`, the items used least recently (idle conversations, users who
 * have not written in a while) are dropped, so a flood of new conversation ids cannot grow the
 * process without end. A dropped conversation starts over on its next message, as after a restart.
 */
export class BoundedMemoryStorage implements Storage {
  /** Each item's JSON and, beside it, its eTag, so a write checks the eTag without parsing the item (issue 24). */
  private readonly memory = new Map<string, { json: string; eTag: string }>();
  /** Keys in order of last use, oldest first, with the size of what each holds. */
  private readonly used = new Map<string, number>();
  private bytes = 0;
  private nextETag = 1;
  /** Where the last eviction stopped in `used` (see `evict`). */
  private cursor: MapIterator<string> | undefined;

  constructor(private readonly limits: MemoryStorageLimits = DEFAULT_MEMORY_STORAGE_LIMITS) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = this.memory.get(key);
      if (stored === undefined) continue;
      items[key] = JSON.parse(stored.json) as StoreItem;
      this.touch(key);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Checked first, so a refused write leaves every item as it was.
    for (const [key, item] of Object.entries(changes)) {
      const stored = this.memory.get(key);
      const eTag = item?.eTag;
      if (stored !== undefined && eTag && eTag !== '*' && stored.eTag !== eTag) throw new ETagConflictError(key);
    }
    for (const [key, item] of Object.entries(changes)) {
      const eTag = String(this.nextETag++);
      this.memory.set(key, { json: JSON.stringify({ ...item, eTag }), eTag });
      this.touch(key);
    }
    this.evict();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.memory.delete(key);
      this.forget(key);
    }
  }

  /** Items held now. */
  get size(): number {
    return this.used.size;
  }

  private touch(key: string): void {
    const stored = this.memory.get(key);
    if (stored === undefined) return;
    this.forget(key);
    const bytes = (key.length + stored.json.length) * 2;
    this.used.set(key, bytes);
    this.bytes += bytes;
  }

  private forget(key: string): void {
    const bytes = this.used.get(key);
    if (bytes === undefined) return;
    this.used.delete(key);
    this.bytes -= bytes;
  }

  private evict(): void {
    while (this.used.size > this.limits.maxItems || this.bytes > this.limits.maxBytes) {
      // The oldest entry is the first one left in `used`'s order. A fresh `keys()` from the start would walk over the
      // slots every earlier eviction and touch left deleted (V8 keeps them until the table is rebuilt): thousands once the
      // store is full, each write (issue 24: ~5 % of a turn in process). The cursor is live across deletes and inserts and
      // everything before it is deleted (inserts go to the end), so its next key is the oldest one.
      let next = this.cursor?.next();
      if (next === undefined || next.done) {
        this.cursor = this.used.keys();
        next = this.cursor.next();
        if (next.done) return;
      }
      this.forget(next.value);
      this.memory.delete(next.value);
    }
  }
}
