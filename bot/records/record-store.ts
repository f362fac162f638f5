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
 * What memory records may weigh in all: a record holds up to a few kilobytes of typed text, so the
 * count alone would let them take tens of megabytes of a small App Service plan's memory.
 */
export const DEFAULT_MEMORY_RECORD_BYTES = 8 * 1024 * 1024;

// What V8 spends per Map entry beyond its key and value strings, roughly.
const ENTRY_OVERHEAD_BYTES = 64;

/**
 * Records in process memory, for local use and tests. Bounded in items and in approximate bytes:
 * past either limit the oldest items are dropped, so a long-running local bot cannot grow without limit.
 */
export class MemoryRecordStore implements RecordStore {
  private readonly items = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxItems: number = DEFAULT_MEMORY_RECORDS,
    private readonly maxBytes: number = DEFAULT_MEMORY_RECORD_BYTES,
  ) {}

  async create(key: string, value: object): Promise<boolean> {
    if (this.items.has(key)) return false;
    // Stored serialised, as Blob storage would: a caller changing its object later changes nothing here.
    const text = JSON.stringify(value);
    this.items.set(key, text);
    this.bytes += weigh(key, text);
    while (this.items.size > this.maxItems || (this.bytes > this.maxBytes && this.items.size > 1)) {
      const oldest = this.items.keys().next().value!;
      this.bytes -= weigh(oldest, this.items.get(oldest)!);
      this.items.delete(oldest);
    }
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

  /** Approximate bytes held (2 per UTF-16 unit of keys and values, plus a fixed overhead per item). */
  get approximateBytes(): number {
    return this.bytes;
  }
}

function weigh(key: string, text: string): number {
  return (key.length + text.length) * 2 + ENTRY_OVERHEAD_BYTES;
}
