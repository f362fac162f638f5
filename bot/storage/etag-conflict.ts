/**
 * A write refused because the item changed since it was read (or was created meanwhile). The message
 * has the same form as botbuilder's own storages ("due to eTag conflict"), so callers need not care
 * which storage raised it.
 */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** True for an optimistic-concurrency failure from any storage (ours, or an SDK's memory or blob storage). */
export function isETagConflict(error: unknown): boolean {
  // botbuilder's MemoryStorage and BlobsStorage throw plain Errors with this wording on HTTP 412 / eTag mismatch.
  return error instanceof ETagConflictError || (error instanceof Error && /due to eTag conflict/.test(error.message));
}
