import { readStorageConfig, type StorageConfig } from './storage/storage-config';

/** The bot's settings, read from the environment (see `.env.example`). */
export interface BotConfig {
  port: number;
  host: string;
  microsoftAppType: string;
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppTenantId: string;
  /** Folder with `articles/` and `data/`; the bundled knowledge base when unset. */
  knowledgeDir?: string;
  /** Where state and unanswered questions are kept: memory (default) or Azure Blob storage. */
  storage: StorageConfig;
  /** Per-conversation limit on incoming activities; `perMinute` 0 turns it off. */
  rateLimit: RateLimitConfig;
  /** How long a shutdown (SIGTERM, SIGINT) waits for turns in progress before cutting them off. */
  shutdownTimeoutMs: number;
  /**
   * Salt for the hashes of user and conversation ids in owner records (RECORDS_SALT). Set the same
   * secret on every instance to count distinct users across them; unset, each process picks its own.
   */
  recordSalt?: string;
  /** Teams AAD object ids of the bot's operators, who may ask for the knowledge report in chat (ADMIN_AAD_OBJECT_IDS). */
  adminAadObjectIds: string[];
  /** Reload the knowledge folder when its files change (KNOWLEDGE_WATCH=true). */
  watchKnowledge: boolean;
  /** How long one outgoing call to the channel (a reply) may take before it is aborted. */
  replyTimeoutMs: number;
  /**
   * Accept tokens the Bot Framework Emulator obtains from Azure AD when an app id is set
   * (ALLOW_EMULATOR_TOKENS=true). Off by default: a deployed bot takes channel tokens only.
   */
  allowEmulatorTokens: boolean;
  /** How long a request waits for its turn; then it is answered (202) and the turn left to end on its own. */
  turnTimeoutMs: number;
}

/** A token bucket per conversation: `burst` activities at once, refilled at `perMinute`. */
export interface RateLimitConfig {
  perMinute: number;
  burst: number;
}

/** Enough for anyone typing or clicking through the check; a script looping on the endpoint is not. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perMinute: 30, burst: 10 };
/** Teams retries a message after about 15 s; a turn is either done by then or failing anyway. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** A channel that accepts a reply and never answers must not hold the turn, its socket and its memory for ever. */
export const DEFAULT_REPLY_TIMEOUT_MS = 15_000;
/**
 * Under the shutdown timeout, so a shutdown never has to cut a request off for a hung channel (and
 * exits 0), and under the 15 s after which Teams sends a message again.
 */
export const DEFAULT_TURN_TIMEOUT_MS = 9_000;

/** True when no app id is configured: local use (Emulator, terminal chat, tests) without authentication. */
export function isLocalMode(config: BotConfig): boolean {
  return config.microsoftAppId === '';
}

/**
 * Reads the configuration. Invalid values throw with the variable named, so a typo in PORT fails at
 * start rather than binding somewhere unexpected.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const portText = setting(env, 'PORT') ?? '3978';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, got "${portText}"`);
  const appType = setting(env, 'MicrosoftAppType') ?? 'MultiTenant';
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new Error(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, got "${appType}"`);
  }
  const appId = setting(env, 'MicrosoftAppId') ?? '';
  if (appId !== '') requireCredentials(env, appType);
  return {
    port,
    // Local mode listens on loopback only; with an app id the bot must be reachable by the channel.
    host: setting(env, 'HOST') ?? (appId ? '0.0.0.0' : '127.0.0.1'),
    microsoftAppType: appType,
    microsoftAppId: appId,
    microsoftAppPassword: setting(env, 'MicrosoftAppPassword') ?? '',
    microsoftAppTenantId: setting(env, 'MicrosoftAppTenantId') ?? '',
    knowledgeDir: setting(env, 'KNOWLEDGE_DIR'),
    storage: readStorageConfig(env),
    rateLimit: {
      perMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute, 0),
      burst: wholeNumber(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst, 1),
    },
    shutdownTimeoutMs: wholeNumber(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS, 0),
    recordSalt: env.RECORDS_SALT || undefined,
    adminAadObjectIds: (env.ADMIN_AAD_OBJECT_IDS ?? '')
      .split(/[\s,;]+/)
      .map((id) => id.trim().toLowerCase())
      .filter((id) => id !== ''),
    watchKnowledge: /^(1|true|yes)$/i.test(env.KNOWLEDGE_WATCH ?? ''),
    replyTimeoutMs: wholeNumber(env, 'REPLY_TIMEOUT_MS', DEFAULT_REPLY_TIMEOUT_MS, 1),
    turnTimeoutMs: wholeNumber(env, 'TURN_TIMEOUT_MS', DEFAULT_TURN_TIMEOUT_MS, 1),
    allowEmulatorTokens: flag(env, 'ALLOW_EMULATOR_TOKENS'),
  };
}

/**
 * With an app id the bot authenticates every request and every reply; a missing piece would only
 * show as failed replies (botbuilder prints its complaint at the first turn, and the bot looks
 * silent). Refused at start instead, naming the variable and the fix, with local mode as the
 * alternative (`.env.example` ships SingleTenant, so filling in only the app id lands here).
 */
function requireCredentials(env: NodeJS.ProcessEnv, appType: string): void {
  const localMode = 'or leave MicrosoftAppId empty for local mode (no authentication, loopback only)';
  if (appType === 'SingleTenant' && setting(env, 'MicrosoftAppTenantId') === undefined) {
    throw new Error(
      `MicrosoftAppTenantId must be set with MicrosoftAppType=SingleTenant and an app id: set it to the app registration's tenant id (az account show --query tenantId -o tsv), ${localMode}`,
    );
  }
  if (appType !== 'UserAssignedMSI' && setting(env, 'MicrosoftAppPassword') === undefined) {
    throw new Error(
      `MicrosoftAppPassword must be set with MicrosoftAppType=${appType} and an app id: set it to the app registration's client secret (az ad app credential reset --id <app id>), ${localMode}`,
    );
  }
}

/**
 * A variable's value, or undefined when it is unset or empty: the BotBuilder samples' `.env` (and
 * ours) ship `MicrosoftAppType=` and friends empty, meaning "not set", not "set to nothing".
 */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = (env[name] ?? '').trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = setting(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${text}"`);
  return value;
}
