import restify from 'restify';
import { serveEcho } from './lib/echo-server';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The second baseline of the turn benchmark: botbuilder's own echo bot sample as a developer writes
 * it (ActivityHandler, CloudAdapter.process, restify's body parser), on the same botbuilder and
 * restify versions, started the same way (`node dist/bench/echo-sample-bot.js`, PORT from the
 * environment, a "ready at" line). It is what issue 24 measured "a bare echo bot" against. Its
 * CloudAdapter builds a new connector client and HTTP pipeline on every turn and checks the
 * activity with zod, which the support bot does not (bot/hosts/botbuilder/reused-clients.ts, its
 * own endpoint): so it costs several times the echo bot on the bot's own path (echo-bot.ts), and
 * a ratio against it says how the bot compares with the sample, not what its turn costs.
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
  await serveEcho(server, Number(process.env.PORT ?? 0));
}

void main();
