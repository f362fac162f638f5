import restify from 'restify';
import { serveEcho } from './lib/echo-server';
import type { ConversationBot } from '../dialogs/turn';
import { readConfig } from '../bot/config';
import { botbuilderHost } from '../bot/hosts/botbuilder/adapter';
import { InFlightRequests } from '../bot/http/in-flight';
import { loopbackHostCheck } from '../bot/http/loopback';
import { messagesEndpoint } from '../bot/http/messages-endpoint';
import { jsonLogger } from '../bot/log';

/**
 * The baseline of the turn benchmark: an echo bot on exactly the support bot's HTTP and adapter
 * path: the same restify server settings, the same `POST /api/messages` endpoint (body reading,
 * activity checks, in-flight count, timeout, the log line per request) and the same botbuilder host
 * (CloudAdapter with its outbound clients reused, authentication off in local mode). Only the
 * conversation core differs: it sends "You said: ..." and keeps no state. So the ratio of the two
 * measures the work the support bot does in its turn (middleware, state, dialogs, knowledge, cards,
 * records), not a difference in plumbing. Until issue 24's second pass the baseline was botbuilder's
 * echo sample (now bench/echo-sample-bot.ts, still measured beside it), which builds a connector
 * client and HTTP pipeline on every turn, a cost the support bot does not pay.
 *
 * Started the same way as the bot (`node dist/bench/echo-bot.js`, PORT from the environment, a
 * "ready at" line).
 */
const echo: ConversationBot = {
  async run(activity, channel) {
    if (activity.type === 'message') await channel.send([{ type: 'message', text: `You said: ${activity.text ?? ''}` }]);
    return undefined;
  },
};

async function main(): Promise<void> {
  const config = readConfig({ PORT: process.env.PORT ?? '0' });
  const host = botbuilderHost(config, jsonLogger);
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.server.requestTimeout = 30_000;
  server.server.headersTimeout = 20_000;
  server.pre(loopbackHostCheck(jsonLogger));
  server.post(
    '/api/messages',
    messagesEndpoint({ host, bot: echo, log: jsonLogger, inFlight: new InFlightRequests(), isDraining: () => false, turnTimeoutMs: config.turnTimeoutMs }),
  );
  await serveEcho(server, config.port);
}

void main();
