import { ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import type { RecordStore } from './record-store';

// As for state: a few quick tries, so a storage outage costs a record, not a user's wait.
const PIPELINE_OPTIONS: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000, tryTimeoutInMs: 4000 },
};
/** Blobs are read this many at a time when a report lists a day. */
const READ_CONCURRENCY = 16;
/** Under the state's container, apart from the state blobs (named after channel ids). */
const PREFIX = 'owner-records/';

/**
 * Owner records in Azure Blob storage: one small JSON blob per record, created with
 * `If-None-Match: *` so a record is written once even if two tries race, and listed by day prefix.
 */
export class BlobRecordStore implements RecordStore {
  private readonly container: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(connectionString: string, containerName: string) {
    this.container = new ContainerClient(connectionString, containerName, PIPELINE_OPTIONS);
  }

  async create(key: string, value: object): Promise<boolean> {
    await this.ready();
    const body = JSON.stringify(value);
    try {
      await this.container.getBlockBlobClient(PREFIX + key).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return true;
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) return false;
      throw error;
    }
  }

  async read(key: string): Promise<unknown> {
    try {
      const buffer = await this.container.getBlockBlobClient(PREFIX + key).downloadToBuffer();
      return JSON.parse(buffer.toString('utf8'));
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<unknown[]> {
    const names: string[] = [];
    try {
      for await (const blob of this.container.listBlobsFlat({ prefix: PREFIX + prefix })) names.push(blob.name);
    } catch (error) {
      // No container yet: nothing was ever recorded.
      if (error instanceof RestError && error.statusCode === 404) return [];
      throw error;
    }
    names.sort();
    const values: unknown[] = new Array(names.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < names.length; i = next++) {
        values[i] = await this.read(names[i]!.slice(PREFIX.length));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, worker));
    return values.filter((value) => value !== undefined);
  }

  // Not the connection string: loggers may serialise the store.
  toJSON(): object {
    return { name: 'BlobRecordStore', container: this.container.containerName };
  }

  private async ready(): Promise<void> {
    this.containerReady ??= this.container.createIfNotExists().catch((error: unknown) => {
      // Try again next time: a store that met storage while it was down must recover.
      this.containerReady = undefined;
      throw error;
    });
    await this.containerReady;
  }
}
