/** Where conversation state, user state and the unanswered-question log are kept. */
export type StorageConfig =
  | { kind: 'memory' }
  | {
      kind: 'blob';
      /** A secret (it holds the account key or a SAS): never log it. */
      connectionString: string;
      container: string;
    };

export const DEFAULT_CONTAINER = 'bot-state';

// Azure's rule for container names: 3-63 characters, lowercase letters, digits and single hyphens,
// starting and ending with a letter or digit.
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads `STORAGE` (`memory`, the default, or `blob`), `AZURE_STORAGE_CONNECTION_STRING` and
 * `AZURE_STORAGE_CONTAINER`. Mistakes throw with the variable named and without echoing the
 * connection string, so a misconfigured instance fails at start instead of on the first message.
 */
export function readStorageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = env.STORAGE || 'memory';
  if (kind === 'memory') return { kind };
  if (kind !== 'blob') throw new Error(`STORAGE must be "memory" or "blob", got "${kind}"`);

  const connectionString = (env.AZURE_STORAGE_CONNECTION_STRING ?? '').trim();
  if (connectionString === '') {
    throw new Error('STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING (the storage account connection string)');
  }
  if (!/(^|;)\s*(AccountName|BlobEndpoint)=/i.test(connectionString) && !/UseDevelopmentStorage=true/i.test(connectionString)) {
    throw new Error(
      'AZURE_STORAGE_CONNECTION_STRING does not look like an Azure Storage connection string (expected "DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net")',
    );
  }
  const container = env.AZURE_STORAGE_CONTAINER || DEFAULT_CONTAINER;
  if (!CONTAINER_NAME.test(container)) {
    throw new Error(`AZURE_STORAGE_CONTAINER must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "${container}"`);
  }
  return { kind, connectionString, container };
}

/** What may be logged about the storage: its kind and container, never the connection string. */
export function describeStorage(config: StorageConfig): Record<string, string> {
  if (config.kind === 'memory') return { storage: 'memory' };
  return { storage: 'blob', container: config.container, endpoint: blobEndpointHost(config.connectionString) };
}

function blobEndpointHost(connectionString: string): string {
  const parts = new Map(
    connectionString
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.includes('='))
      .map((part) => [part.slice(0, part.indexOf('=')).toLowerCase(), part.slice(part.indexOf('=') + 1)] as const),
  );
  const endpoint = parts.get('blobendpoint');
  if (endpoint) {
    try {
      return new URL(endpoint).host;
    } catch {
      return 'invalid BlobEndpoint';
    }
  }
  if (parts.get('usedevelopmentstorage') === 'true') return '127.0.0.1:10000';
  return `${parts.get('accountname') ?? '?'}.blob.${parts.get('endpointsuffix') ?? 'core.windows.net'}`;
}

/**
 * What is wrong with the storage for a deployed bot, to be logged loudly at start: with an app id
 * (a bot channels talk to) memory storage loses every conversation on restart, is not shared between
 * instances, and drops idle conversations beyond its bound.
 */
export function storageWarning(config: StorageConfig, appId: string): string | undefined {
  if (config.kind !== 'memory' || appId === '') return undefined;
  return 'STORAGE=memory with an app id: conversation state is lost on every restart, not shared between instances, and idle conversations are dropped beyond 10,000 items. Set STORAGE=blob for a deployed bot.';
}
