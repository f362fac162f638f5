import { dayPrefixes } from './record-keys';
import type { RecordKind } from '../../knowledge/owners/records';

/**
 * Where owner records are kept, one item per key. Items are only ever created, never updated, so
 * instances never contend for one item; creating a key that exists is not an error but a no-op
 * (the same record, written by an earlier try), reported as `false`.
 */
export interface RecordStore {
  create(key: string, value: object): Promise<boolean>;
  read(key: string): Promise<unknown>;
  /** Every item whose key starts with `prefix`, in key order (time order within a day). */
  list(prefix: string): Promise<unknown[]>;
}

/** Records of one kind from `from` to `to` (UTC days, both included), oldest first. */
export async function listRecords(store: RecordStore, kind: RecordKind, from: Date, to: Date): Promise<unknown[]> {
  const days = await Promise.all(dayPrefixes(kind, from, to).map((prefix) => store.list(prefix)));
  return days.flat();
}

/** Enough for weeks of a helpdesk's questions; a process is not an archive (use Blob storage for that). */
export const DEFAULT_MEMORY_RECORDS = 20_000;

/**
 * Records in process memory, for local use and tests. Bounded: past `maxItems` the oldest items
 * are dropped, so a long-running local bot cannot grow without limit.
 */
export class MemoryRecordStore implements RecordStore {
  private readonly items = new Map<string, string>();

  constructor(private readonly maxItems: number = DEFAULT_MEMORY_RECORDS) {}

  async create(key: string, value: object): Promise<boolean> {
    if (this.items.has(key)) return false;
    // Stored serialised, as Blob storage would: a caller changing its object later changes nothing here.
    this.items.set(key, JSON.stringify(value));
    while (this.items.size > this.maxItems) this.items.delete(this.items.keys().next().value!);
    return true;
  }

  async read(key: string): Promise<unknown> {
    const text = this.items.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  async list(prefix: string): Promise<unknown[]> {
    return [...this.items.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => JSON.parse(this.items.get(key)!));
  }

  get size(): number {
    return this.items.size;
  }
}
