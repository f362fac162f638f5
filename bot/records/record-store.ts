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
 * count alone would let them take tens of megabytes of a small App Service plan's memory. This
 * binds first for typical records (about 2.4 KB each as weighed here: some 3,400 of them).
 */
export const DEFAULT_MEMORY_RECORD_BYTES = 8 * 1024 * 1024;
/** The share of the store one user's records may take (by count and by bytes). */
export const MEMORY_RECORDS_USER_SHARE = 0.05;

// What V8 spends per Map entry beyond its key and value strings, roughly.
const ENTRY_OVERHEAD_BYTES = 64;

interface Held {
  text: string;
  owner: string;
}

/**
 * Records in process memory, for local use and tests. Bounded in items and in approximate bytes,
 * with a quota per user (the `user` hash a record carries; items without one have no quota):
 * a user over their share ({@link MEMORY_RECORDS_USER_SHARE} of each limit) drops their own oldest
 * record, and a full store drops the oldest record of the user holding the most. So one user's
 * flood cannot evict another user's records (issue 22: 3,500 feedback invokes from one user
 * removed everyone else's), and a long-running local bot cannot grow without limit.
 */
export class MemoryRecordStore implements RecordStore {
  private readonly items = new Map<string, Held>();
  /** Each owner's keys, oldest first, and what they weigh. */
  private readonly owners = new Map<string, { keys: Set<string>; bytes: number }>();
  private bytes = 0;
  private readonly userItems: number;
  private readonly userBytes: number;

  constructor(
    private readonly maxItems: number = DEFAULT_MEMORY_RECORDS,
    private readonly maxBytes: number = DEFAULT_MEMORY_RECORD_BYTES,
    userShare: number = MEMORY_RECORDS_USER_SHARE,
  ) {
    this.userItems = Math.max(1, Math.floor(maxItems * userShare));
    this.userBytes = Math.max(1, Math.floor(maxBytes * userShare));
  }

  async create(key: string, value: object): Promise<boolean> {
    if (this.items.has(key)) return false;
    // Stored serialised, as Blob storage would: a caller changing its object later changes nothing here.
    const text = JSON.stringify(value);
    const user = (value as { user?: unknown }).user;
    const owner = typeof user === 'string' ? user : '';
    const weight = weigh(key, text);
    let group = this.owners.get(owner);
    if (!group) this.owners.set(owner, (group = { keys: new Set(), bytes: 0 }));
    // Over their share, a user makes room from their own records first (items of no user have no share).
    while (owner !== '' && group.keys.size > 0 && (group.keys.size >= this.userItems || group.bytes + weight > this.userBytes)) this.dropOldestOf(owner);
    this.owners.set(owner, group);
    this.items.set(key, { text, owner });
    group.keys.add(key);
    group.bytes += weight;
    this.bytes += weight;
    while (this.items.size > this.maxItems || (this.bytes > this.maxBytes && this.items.size > 1)) this.dropOldestOf(this.heaviestOwner());
    return true;
  }

  async read(key: string): Promise<unknown> {
    const held = this.items.get(key);
    return held === undefined ? undefined : JSON.parse(held.text);
  }

  async list(prefix: string): Promise<unknown[]> {
    return [...this.items.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => JSON.parse(this.items.get(key)!.text));
  }

  get size(): number {
    return this.items.size;
  }

  /** Approximate bytes held (2 per UTF-16 unit of keys and values, plus a fixed overhead per item). */
  get approximateBytes(): number {
    return this.bytes;
  }

  private heaviestOwner(): string {
    let heaviest = '';
    let most = -1;
    for (const [owner, group] of this.owners) {
      if (group.bytes > most) [heaviest, most] = [owner, group.bytes];
    }
    return heaviest;
  }

  private dropOldestOf(owner: string): void {
    const group = this.owners.get(owner)!;
    const oldest = group.keys.values().next().value!;
    const weight = weigh(oldest, this.items.get(oldest)!.text);
    group.keys.delete(oldest);
    group.bytes -= weight;
    this.bytes -= weight;
    this.items.delete(oldest);
    if (group.keys.size === 0) this.owners.delete(owner);
  }
}

function weigh(key: string, text: string): number {
  return (key.length + text.length) * 2 + ENTRY_OVERHEAD_BYTES;
}
