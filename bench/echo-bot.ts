import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The baseline of the turn benchmark: a bare echo bot on the same botbuilder (CloudAdapter, no
 * authentication in local mode) and restify versions as the support bot, with the same server set-up
 * (body parser, limits, routes), started the same way (`node dist/bench/echo-bot.js`, PORT from the
 * environment, a "ready at" line). It keeps no state and runs no dialogs: what is left is the cost of
 * HTTP, JSON and the Bot Framework adapter.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

async function main(): Promise<void> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' }),
  );
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', message: 'turn failed', error: String(error) })}\n`);
    await context.sendActivity('Sorry, something went wrong.');
  };
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  console.log(`Echo bot ready at http://127.0.0.1:${port}/api/messages`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
