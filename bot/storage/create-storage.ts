import type { Storage } from '../../dialogs/turn';
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
      return new (loadBlobStateStorage().BlobStateStorage)(config.connectionString, config.container);
  }
}

/**
 * The Azure SDK is loaded only when Blob storage is configured: requiring it is a large share of
 * the start-up's module loading, which memory state never needs.
 */
function loadBlobStateStorage(): typeof import('./blob-state-storage') {
  return require('./blob-state-storage') as typeof import('./blob-state-storage');
}
