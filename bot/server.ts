import type { AddressInfo } from 'node:net';
import type { TextAttachmentOptions } from './text-attachments';
import restify from 'restify';
import { bundledKnowledgeDir, KnowledgeHolder, type KnowledgeBase } from '../knowledge';
import type { ActivityHost, Storage } from '../dialogs/turn';
import { registerAdminEndpoints } from './admin/admin-endpoints';
import { reloadKnowledge, watchKnowledge } from './knowledge-reload';
import type { ChannelTokenSource, HostFactory } from './hosts/host-factory';
import { isLocalMode, type BotConfig } from './config';
import { createBot } from './create-bot';
import { InFlightRequests } from './http/in-flight';
import { messagesEndpoint } from './http/messages-endpoint';
import { jsonLogger, type Logger } from './log';
import { ConversationRateLimiter, rateLimitMiddleware } from './rate-limit';
import type { OwnerRecords } from './records/owner-records';
import type { RecordStore } from './records/record-store';
import { DuplicateActivities, duplicateActivityMiddleware } from './duplicate-activities';
import { isLoopbackHost, loopbackHostCheck } from './http/loopback';
import { BoundedMemoryStorage } from './storage/bounded-memory-storage';
import { serveLocalWebChat } from './webchat/local-web-chat';

/** What {@link startServer} needs; storage and logger default to memory and JSON lines. */
export interface ServerOptions {
  config: BotConfig;
  /** The knowledge to serve; a holder when the caller wants to swap it itself. */
  knowledge: KnowledgeBase | KnowledgeHolder;
  storage?: Storage;
  /** Where owner records go (memory when unset) and the salt of their user hashes. */
  records?: RecordStore;
  recordSalt?: string;
  log?: Logger;
  /**
   * Tests only: check channel tokens against this OpenID metadata (a loopback server) instead of the
   * public Bot Framework's. Deliberately not a configuration setting.
   */
  channelTokenSource?: ChannelTokenSource;
  /**
   * The SDK that checks tokens and runs turns (bot/hosts/<sdk>/), by name or as a factory:
   * botbuilder when left out, the default the bot's users asked to keep (issue 23). Everything else
   * here is the same for every host.
   */
  host?: HostName | HostFactory;
  /** Tests only: how `.txt` attachments are downloaded (a loopback file store). Deliberately not a configuration setting. */
  attachments?: TextAttachmentOptions;
}

/**
 * The hosts by name, each loaded only when asked for, so a server on one SDK never loads the other.
 */
const HOSTS = {
  botbuilder: () => (require('./hosts/botbuilder/adapter') as typeof import('./hosts/botbuilder/adapter')).botbuilderHost,
  agents: () => (require('./hosts/agents/agents-host') as typeof import('./hosts/agents/agents-host')).agentsHost,
} satisfies Record<string, () => HostFactory>;

/** The hosts of the same bot (README, "How it works"). */
export type HostName = keyof typeof HOSTS;

/** How a {@link RunningServer.close} went. */
export interface CloseResult {
  /** True when every request in flight was answered before the timeout. */
  finished: boolean;
  /** Requests still running at the timeout, whose connections were then cut. */
  abandoned: number;
}

/** A running bot server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  url: string;
  /** The address really bound, e.g. `127.0.0.1:3978` or `0.0.0.0:3978`. */
  address: string;
  /** True when bound to every interface (HOST 0.0.0.0 or ::, the default with an app id): reachable from the network. */
  everyInterface: boolean;
  port: number;
  /** The SDK's host the server runs turns through. */
  host: ActivityHost;
  /** Unanswered questions, answers, feedback and suggestion picks. */
  records: OwnerRecords;
  /** What the bot serves now; `POST /admin/reload` and the folder watch swap it. */
  knowledge: KnowledgeHolder;
  /**
   * Stops accepting connections, turns away new requests on open ones (503), waits up to
   * `timeoutMs` (default: the configured shutdown timeout) for requests in flight, then closes every
   * connection. Calling it again returns the same result.
   */
  close(options?: { timeoutMs?: number }): Promise<CloseResult>;
}

// A client must deliver its whole request within these; slow uploads would otherwise hold sockets.
// Turns themselves may take longer: Node's timers here cover receiving the request, not answering it.
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 20_000;
// An idle keep-alive connection stays open this long. Node's default (5 s) is shorter than the
// connection pools in front of the bot (App Service's front end, Node's own fetch, which reuses a
// socket for up to 4 s): a request sent on a socket the server is closing at that moment is reset
// (ECONNRESET, a 502 at the front end). The walk of every card, 16 conversations at once on a loaded
// machine, hit it. Longer than the clients' reuse window, so the client always closes first.
export const KEEP_ALIVE_TIMEOUT_MS = 120_000;
// Idle sockets now live longer, so their number is bounded: past it, new connections are refused.
export const MAX_CONNECTIONS = 1_000;

/**
 * Wires storage, state, dialogs and an SDK's host into a restify server and starts listening:
 * `POST /api/messages` for the Bot Framework, `GET /healthz` for probes, and in local mode only
 * (no app id) the Web Chat page at `GET /`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const knowledge = options.knowledge instanceof KnowledgeHolder ? options.knowledge : new KnowledgeHolder(options.knowledge);
  const log = options.log ?? jsonLogger;
  const storage = options.storage ?? new BoundedMemoryStorage();
  const { bot, records } = createBot(knowledge, storage, log, {
    records: options.records,
    recordSalt: options.recordSalt ?? config.recordSalt,
    admins: config.adminAadObjectIds,
    replyTimeoutMs: config.replyTimeoutMs,
    attachments: options.attachments,
  });
  const makeHost = typeof options.host === 'function' ? options.host : HOSTS[options.host ?? 'botbuilder']();
  const sdkHost = makeHost(config, log, options.channelTokenSource);
  // Before the rate limit: a channel's retry of an activity is neither a new turn nor a new message.
  bot.use(duplicateActivityMiddleware(new DuplicateActivities(), log));
  if (config.rateLimit.perMinute > 0) bot.use(rateLimitMiddleware(new ConversationRateLimiter(config.rateLimit), log));

  const inFlight = new InFlightRequests();
  let draining = false;
  const server = restify.createServer({ name: 'exchange-support-bot', handleUncaughtExceptions: false });
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.server.maxConnections = MAX_CONNECTIONS;
  // Local mode has no authentication: a web page on another site must not reach it through a DNS
  // name rebound to 127.0.0.1 (the browser sends that name as Host), and replies go to loopback only.
  if (isLocalMode(config)) server.pre(loopbackHostCheck(log));

  // The endpoint reads and checks its body itself (size, type, JSON, activity fields), so no body parser.
  server.post(
    '/api/messages',
    messagesEndpoint({
      host: sdkHost,
      bot,
      log,
      inFlight,
      isDraining: () => draining,
      turnTimeoutMs: config.turnTimeoutMs,
      ...(isLocalMode(config) ? { allowServiceUrl: (url: URL) => isLoopbackHost(url.hostname) } : {}),
    }),
  );
  server.get('/healthz', (_req, res, next) => {
    // A load balancer stops sending traffic to an instance that is shutting down.
    if (draining) res.send(503, { status: 'shutting down' }, { connection: 'close' });
    else res.send(200, { status: 'ok', articles: knowledge.current().articles.length, rules: knowledge.current().rules.length });
    return next();
  });
  const knowledgeDir = config.knowledgeDir ?? bundledKnowledgeDir();
  registerAdminEndpoints(server, { records, reload: () => reloadKnowledge(knowledge, knowledgeDir, log), log });
  const stopWatching = config.watchKnowledge ? watchKnowledge(knowledge, knowledgeDir, log) : () => undefined;
  // The page talks to /api/messages without a token, which only works without an app id; a deployed
  // bot must not serve it at all (404), so the routes are never registered there.
  if (isLocalMode(config)) serveLocalWebChat(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  const port = bound.port;
  const address = bound.family === 'IPv6' ? `[${bound.address}]:${port}` : `${bound.address}:${port}`;
  // Bound to every interface (0.0.0.0, ::), the bot is reachable on this machine at loopback; the
  // log names both, so it never claims loopback only when the port is open to the network.
  const everyInterface = bound.address === '0.0.0.0' || bound.address === '::';
  const host = everyInterface ? '127.0.0.1' : bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  log('info', 'bot listening', {
    address,
    everyInterface,
    url: `http://${host}:${port}`,
    localMode: isLocalMode(config),
    rateLimitPerMinute: config.rateLimit.perMinute,
    rateLimitBurst: config.rateLimit.burst,
  });

  let closing: Promise<CloseResult> | undefined;
  const close = async (timeoutMs: number): Promise<CloseResult> => {
    draining = true;
    stopWatching();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    log('info', 'server closing: no longer accepting connections', { inFlight: inFlight.count, timeoutMs });
    const finished = await inFlight.whenIdle(timeoutMs);
    const abandoned = inFlight.count;
    // Idle keep-alive sockets, and those of requests that ran out of time, would hold close() open.
    server.server.closeAllConnections();
    await closed;
    return { finished, abandoned };
  };
  return {
    url: `http://${host}:${port}`,
    address,
    everyInterface,
    port,
    host: sdkHost,
    records,
    knowledge,
    close: (closeOptions = {}) => (closing ??= close(closeOptions.timeoutMs ?? config.shutdownTimeoutMs)),
  };
}
