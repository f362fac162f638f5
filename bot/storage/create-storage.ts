import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobStateStorage } from './blob-state-storage';
import type { StorageConfig } from './storage-config';

/**
 * The bot's `Storage` for a configuration: `MemoryStorage` for local use (lost on restart, one
 * process only) or Azure Blob storage shared by every instance. The bot only sees the `Storage`
 * interface either way.
 */
export function createStorage(config: StorageConfig): Storage {
  switch (config.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'blob':
      return new BlobStateStorage(config.connectionString, config.container);
  }
}
