import { hash } from 'node:crypto';
import { ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import { NEW_ITEM_ETAG, type Storage, type StoreItem, type StoreItems } from '../../dialogs/turn';
import { ETagConflictError } from './etag-conflict';

/**
 * Fail fast when storage is unreachable: the SDK's default (4 tries, 4 s apart and growing) keeps a
 * turn waiting about 16 s, longer than a channel waits for the bot. Three quick tries cover a blip;
 * a longer outage becomes a "try again" reply within seconds.
 */
const PIPELINE_OPTIONS: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000, tryTimeoutInMs: 4000 },
};

/**
 * Azure Blob storage for bot state: one JSON blob per key in one container, written with optimistic
 * concurrency so several bot instances never overwrite each other's changes. Both hosts use it (it
 * is the project's own, on `@azure/storage-blob` alone), and it reads and writes the blobs
 * botbuilder-azure-blobs' `BlobsStorage` wrote for the same keys before (issue 23): same names (see
 * {@link blobKey}), the item's JSON without its eTag as the content, the blob's ETag as the eTag.
 *
 * - an update carries the eTag it read: `If-Match`, and HTTP 412 is an eTag conflict;
 * - creating an item that was absent at read time ({@link NEW_ITEM_ETAG}) uses `If-None-Match: *`
 *   (409/412 is a conflict): two instances starting the same conversation cannot both win;
 * - an item written without an eTag, or with `*`, overwrites whatever is there;
 * - the container is created on first use, and again after a failure: an instance that first met
 *   storage while it was down recovers when it comes back.
 */
export class BlobStateStorage implements Storage {
  private readonly container: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(
    connectionString: string,
    private readonly containerName: string,
  ) {
    this.container = new ContainerClient(connectionString, containerName, PIPELINE_OPTIONS);
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.ready();
    const items = await this.recovering(() => Promise.all(keys.map((key) => this.readOne(key))));
    const found: StoreItems = {};
    keys.forEach((key, i) => {
      if (items[i] !== undefined) found[key] = items[i];
    });
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ready();
    await this.recovering(() => Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item ?? {}))));
  }

  async delete(keys: string[]): Promise<void> {
    await this.ready();
    await this.recovering(() => Promise.all(keys.map((key) => this.container.getBlobClient(blobKey(key)).deleteIfExists())));
  }

  // Not the connection string: loggers may serialise the storage.
  toJSON(): object {
    return { name: 'BlobStateStorage', container: this.containerName };
  }

  private async readOne(key: string): Promise<StoreItem | undefined> {
    try {
      const blob = await this.container.getBlobClient(blobKey(key)).download();
      if (!blob.readableStreamBody) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of blob.readableStreamBody) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as StoreItem;
      return { ...parsed, eTag: blob.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  private async writeOne(key: string, item: StoreItem): Promise<void> {
    const { eTag, ...content } = item;
    const body = JSON.stringify(content);
    const conditions = eTag === NEW_ITEM_ETAG ? { ifNoneMatch: '*' } : typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? { ifMatch: eTag } : {};
    try {
      await this.container.getBlockBlobClient(blobKey(key)).upload(body, Buffer.byteLength(body), { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
    } catch (error) {
      // 412 on a changed eTag; 409 BlobAlreadyExists (or 412) when another writer created it first.
      if (error instanceof RestError && (error.statusCode === 412 || (eTag === NEW_ITEM_ETAG && error.statusCode === 409))) throw new ETagConflictError(key);
      throw error;
    }
  }

  private ready(): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.containerReady = undefined;
      throw error;
    });
    return this.containerReady;
  }

  /** After a failure other than a conflict, the container is checked again on the next call. */
  private async recovering<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof ETagConflictError)) this.containerReady = undefined;
      throw error;
    }
  }
}

// Characters kept from a key in its blob name, for someone browsing the container.
const READABLE_PREFIX_LENGTH = 64;

/**
 * The blob name of a storage key: a readable prefix (letters, digits, `-`, `_`, `.`, others as `_`)
 * and the SHA-256 of the exact key. BlobsStorage's own naming drops empty path segments, cuts names
 * at 1,024 characters and fails on a lone surrogate, so `X/` and `X`, or two long conversation ids
 * with a common start, shared one blob. The digest is taken over the UTF-16 code units, so even ids
 * that differ only in an unpaired surrogate get different names, and every name is at most 129
 * characters, without `/`.
 *
 * Changing this naming orphans what was stored under the previous one (conversations start over).
 */
export function blobKey(key: string): string {
  const readable = key.slice(0, READABLE_PREFIX_LENGTH).replace(/[^A-Za-z0-9._-]/g, '_');
  return `${readable}-${hash('sha256', Buffer.from(key, 'utf16le'), 'hex')}`;
}
