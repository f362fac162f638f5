import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';

/** MemoryStorage that remembers which keys were read: a turn that ran read its conversation's state. */
export class RecordingStorage implements Storage {
  readonly readKeys: string[] = [];
  private readonly inner = new MemoryStorage();

  read(keys: string[]): Promise<StoreItems> {
    this.readKeys.push(...keys);
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  /** True when some turn read the state of `conversationId`. */
  touched(conversationId: string): boolean {
    return this.readKeys.some((key) => key.includes(conversationId));
  }
}
