import { strict as assert } from 'node:assert';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { BotInstance } from '../storage/bot-instance';
import { HoldingChannel } from './holding-channel';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Issue 13, finding 4: a serviceUrl that accepts a reply and never answers.
describe('a channel that never answers (issue 13, finding 4)', function () {
  this.timeout(30_000);
  let channel: HoldingChannel;
  beforeEach(async () => {
    channel = new HoldingChannel();
    await channel.start();
  });
  afterEach(async () => {
    await channel.stop();
  });

  it('gives up each reply call after REPLY_TIMEOUT_MS: the turn ends and is logged', async () => {
    const log = memoryLogger();
    const config = readConfig({ REPLY_TIMEOUT_MS: '300', TURN_TIMEOUT_MS: '60000' });
    const bot = await startServer({ config: { ...config, port: 0 }, knowledge: sharedKnowledgeBase(), log });
    try {
      const started = Date.now();
      const { status } = await postActivity(bot.url, messageActivity('what is NLB', { serviceUrl: channel.url }));
      const ms = Date.now() - started;
      // The reply, then the error message, each given up after 300 ms.
      assert.equal(status, 200);
      assert.ok(ms >= 300 && ms < 3000, `${ms} ms ${JSON.stringify(log.lines.map((l) => l.message))}`);
      assert.ok(channel.received.length >= 1, 'the reply reached the channel');
      assert.ok(
        log.lines.some((l) => l.message === 'turn failed'),
        JSON.stringify(log.lines),
      );
      assert.ok(log.lines.some((l) => l.message === 'could not send the turn error message'));
    } finally {
      await bot.close();
    }
  });

  it('answers the request 202 after TURN_TIMEOUT_MS and logs the dropped turn', async () => {
    const log = memoryLogger();
    const config = readConfig({ TURN_TIMEOUT_MS: '300' });
    const bot = await startServer({ config: { ...config, port: 0 }, knowledge: sharedKnowledgeBase(), log });
    try {
      const activity = messageActivity('what is NLB', { serviceUrl: channel.url });
      const { status } = await postActivity(bot.url, activity);
      assert.equal(status, 202);
      const dropped = log.lines.find((l) => l.message === 'turn timed out: request answered, turn dropped');
      assert.equal(dropped?.fields.conversationId, activity.conversation!.id);
      assert.deepEqual(await bot.close({ timeoutMs: 1000 }), { finished: true, abandoned: 0 });
    } finally {
      await bot.close();
    }
  });

  it('the bot process shuts down with exit 0 while the channel still holds a reply', async () => {
    const bot = await BotInstance.start({ TURN_TIMEOUT_MS: '300', SHUTDOWN_TIMEOUT_MS: '3000' });
    try {
      const posting = postActivity(bot.url, messageActivity('help', { serviceUrl: channel.url }));
      await channel.replyArrived();
      assert.equal((await posting).status, 202);
      bot.child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => (bot.alive ? bot.child.once('exit', (c) => resolve(c)) : resolve(bot.child.exitCode)));
      assert.equal(code, 0, JSON.stringify(bot.logLines()));
    } finally {
      await bot.kill('SIGKILL');
    }
  });
});
