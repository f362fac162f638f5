import type { StorageConfig } from '../storage/storage-config';
import { MemoryRecordStore, type RecordStore } from './record-store';

/** Owner records go where the state goes: process memory, or the state's Blob container. */
export function createRecordStore(config: StorageConfig): RecordStore {
  if (config.kind !== 'blob') return new MemoryRecordStore();
  // Loaded only for Blob storage, like the state storage (see createStorage): the Azure SDK is slow to require.
  const { BlobRecordStore } = require('./blob-record-store') as typeof import('./blob-record-store');
  return new BlobRecordStore(config.connectionString, config.container);
}
