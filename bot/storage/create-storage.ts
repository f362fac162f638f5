import type { Storage } from 'botbuilder';
import { BlobStateStorage } from './blob-state-storage';
import { BoundedMemoryStorage } from './bounded-memory-storage';
import type { StorageConfig } from './storage-config';

/**
 * The bot's `Storage` for a configuration: memory for local use (lost on restart, one process only,
 * idle conversations dropped beyond a bound) or Azure Blob storage shared by every instance. The bot only sees the `Storage`
 * interface either way.
 */
export function createStorage(config: StorageConfig): Storage {
  switch (config.kind) {
    case 'memory':
      return new BoundedMemoryStorage();
    case 'blob':
      return new BlobStateStorage(config.connectionString, config.container);
  }
}
