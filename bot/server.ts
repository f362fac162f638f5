import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { MemoryStorage, type CloudAdapter, type Storage } from 'botbuilder';
import { MainDialog } from '../dialogs/main-dialog';
import type { KnowledgeBase } from '../knowledge';
import { createAdapter } from './adapter';
import { CardReplies } from './cards/card-replies';
import { isLocalMode, type BotConfig } from './config';
import { ExchangeSupportBot } from './exchange-support-bot';
import { jsonLogger, type Logger } from './log';
import { OptimisticConversationState, OptimisticUserState } from './storage/optimistic-bot-state';
import { UnansweredQuestionLog } from './unanswered-question-log';
import { serveLocalWebChat } from './webchat/local-web-chat';

/** What {@link startServer} needs; storage and logger default to memory and JSON lines. */
export interface ServerOptions {
  config: BotConfig;
  knowledge: KnowledgeBase;
  storage?: Storage;
  log?: Logger;
}

/** A running bot server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  url: string;
  port: number;
  adapter: CloudAdapter;
  unanswered: UnansweredQuestionLog;
  close(): Promise<void>;
}

/**
 * Wires storage, state, dialogs and the adapter into a restify server and starts listening:
 * `POST /api/messages` for the Bot Framework, `GET /healthz` for probes, and in local mode only
 * (no app id) the Web Chat page at `GET /`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, knowledge } = options;
  const log = options.log ?? jsonLogger;
  const storage = options.storage ?? new MemoryStorage();
  // Saves carry the eTag they read, so instances sharing the storage never overwrite each other.
  const conversationState = new OptimisticConversationState(storage);
  const userState = new OptimisticUserState(storage);
  const replies = new CardReplies(knowledge);
  const unanswered = new UnansweredQuestionLog(storage, log);
  const bot = new ExchangeSupportBot(conversationState, userState, new MainDialog(knowledge, replies, unanswered), replies, knowledge, log);
  const adapter = createAdapter(config, log);

  const server = restify.createServer({ name: 'exchange-support-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', articles: knowledge.articles.length, rules: knowledge.rules.length });
    return next();
  });
  // The page talks to /api/messages without a token, which only works without an app id; a deployed
  // bot must not serve it at all (404), so the routes are never registered there.
  if (isLocalMode(config)) serveLocalWebChat(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  log('info', 'bot listening', { url: `http://${host}:${port}`, localMode: config.microsoftAppId === '' });
  return {
    url: `http://${host}:${port}`,
    port,
    adapter,
    unanswered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open.
        server.server.closeAllConnections?.();
      }),
  };
}
