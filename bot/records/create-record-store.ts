import type { StorageConfig } from '../storage/storage-config';
import { BlobRecordStore } from './blob-record-store';
import { MemoryRecordStore, type RecordStore } from './record-store';

/** Owner records go where the state goes: process memory, or the state's Blob container. */
export function createRecordStore(config: StorageConfig): RecordStore {
  return config.kind === 'blob' ? new BlobRecordStore(config.connectionString, config.container) : new MemoryRecordStore();
}
