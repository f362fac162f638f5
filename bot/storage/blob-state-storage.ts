import { createHash } from 'node:crypto';
import { ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
// The same blob naming BlobsStorage uses, so items created here are the ones it reads and updates
// (for the names of blobKey, made of safe characters only, it changes nothing).
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { NEW_ITEM_ETAG } from '../../turn';
import { ETagConflictError, isETagConflict } from './etag-conflict';

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
 * concurrency so several bot instances never overwrite each other's changes.
 *
 * Reads, updates and deletes are `botbuilder-azure-blobs`' `BlobsStorage` (an update carries the eTag
 * it read: `If-Match`, HTTP 412 on conflict). Two things it lacks are added here:
 * - creating an item that was absent at read time ({@link NEW_ITEM_ETAG}) uses `If-None-Match: *`,
 *   because BlobsStorage writes an item without eTag unconditionally: two instances starting the same
 *   conversation would silently keep only the last write;
 * - after a failure the BlobsStorage is replaced, because it caches a failed container creation for
 *   good: an instance that first met storage while it was down would never recover.
 */
export class BlobStateStorage implements Storage {
  private blobs: BlobsStorage;
  private readonly container: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(
    private readonly connectionString: string,
    private readonly containerName: string,
  ) {
    this.blobs = this.createBlobsStorage();
    this.container = new ContainerClient(connectionString, containerName, PIPELINE_OPTIONS);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.recovering(() => this.blobs.read(keys.map(blobKey)));
    const found: StoreItems = {};
    for (const key of keys) {
      const item = items[blobKey(key)];
      if (item !== undefined) found[key] = item;
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const created = Object.entries(changes).filter(([, item]) => item?.eTag === NEW_ITEM_ETAG);
    const updated = Object.fromEntries(
      Object.entries(changes)
        .filter(([, item]) => item?.eTag !== NEW_ITEM_ETAG)
        .map(([key, item]) => [blobKey(key), item]),
    );
    await this.recovering(async () => {
      await Promise.all([...created.map(([key, item]) => this.create(key, item)), ...(Object.keys(updated).length > 0 ? [this.blobs.write(updated)] : [])]);
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.recovering(() => this.blobs.delete(keys.map(blobKey)));
  }

  // Not the connection string: BotState and loggers may serialise the storage.
  toJSON(): object {
    return { name: 'BlobStateStorage', container: this.containerName };
  }

  private async create(key: string, item: Record<string, unknown>): Promise<void> {
    this.containerReady ??= this.container.createIfNotExists();
    await this.containerReady;
    const { eTag: _eTag, ...content } = item;
    const body = JSON.stringify(content);
    try {
      await this.container.getBlockBlobClient(sanitizeBlobKey(blobKey(key))).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      // 409 BlobAlreadyExists (412 from some service versions): another writer created it first.
      if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) throw new ETagConflictError(key);
      throw error;
    }
  }

  private async recovering<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!isETagConflict(error)) {
        this.blobs = this.createBlobsStorage();
        this.containerReady = undefined;
      }
      throw error;
    }
  }

  private createBlobsStorage(): BlobsStorage {
    return new BlobsStorage(this.connectionString, this.containerName, { storagePipelineOptions: PIPELINE_OPTIONS });
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
  return `${readable}-${createHash('sha256').update(key, 'utf16le').digest('hex')}`;
}
