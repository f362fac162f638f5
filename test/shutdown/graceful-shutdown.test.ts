import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { connect } from 'node:net';
import { readConfig } from '../../bot/config';
import { memoryLogger, type Logger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { BotInstance } from '../storage/bot-instance';
import { HoldingChannel } from './holding-channel';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** A GET on a new connection (no pooled socket): resolves with the status, or the connection error's code. */
function freshGet(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

/** Resolves once `predicate` holds for a line the process logged; checked on every new line. */
function logged(bot: BotInstance, predicate: (line: { message: string; [field: string]: unknown }) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (bot.logLines().some(predicate)) {
        bot.child.stderr!.off('data', check);
        bot.child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = () => reject(new Error(`exited before logging it: ${JSON.stringify(bot.logLines())}`));
    bot.child.stderr!.on('data', check);
    bot.child.once('exit', onExit);
    check();
  });
}

function exitCode(bot: BotInstance): Promise<number | null> {
  if (!bot.alive) return Promise.resolve(bot.child.exitCode);
  return new Promise((resolve) => bot.child.once('exit', (code) => resolve(code)));
}

describe('graceful shutdown', function () {
  this.timeout(30_000);
  const channels: HoldingChannel[] = [];
  const bots: BotInstance[] = [];
  const channel = async () => {
    const started = new HoldingChannel();
    await started.start();
    channels.push(started);
    return started;
  };
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill('SIGKILL');
    for (const held of channels.splice(0)) await held.stop();
  });

  describe('RunningServer.close (in process)', () => {
    const knowledge = sharedKnowledgeBase();
    let bot: RunningServer;
    let log: ReturnType<typeof memoryLogger>;
    /** Resolves once the server has logged `message`. */
    let loggedInProcess: (message: string) => Promise<void>;
    beforeEach(async () => {
      log = memoryLogger();
      const waiting = new Map<string, () => void>();
      const logger: Logger = (level, message, fields) => {
        log(level, message, fields);
        waiting.get(message)?.();
      };
      loggedInProcess = (message) => (log.lines.some((l) => l.message === message) ? Promise.resolve() : new Promise((resolve) => waiting.set(message, resolve)));
      bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, log: logger });
    });
    afterEach(async () => {
      await bot.close({ timeoutMs: 0 });
    });

    it('stops accepting, answers 503 on an open connection, lets the turn in flight finish, then closes', async () => {
      const held = await channel();
      // A turn whose reply the channel holds: in flight until released.
      const activity = messageActivity('help', { serviceUrl: held.url });
      const body = JSON.stringify(activity);
      // One raw connection: the slow turn, and later a second request pipelined on the same socket.
      const socket = connect(bot.port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await held.replyArrived();

      const closing = bot.close({ timeoutMs: 10_000 });
      assert.equal(await freshGet(`${bot.url}/healthz`), 'ECONNREFUSED', 'new connections refused');
      const second = JSON.stringify(messageActivity('help'));
      socket.write(`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(second)}\r\n\r\n${second}`);
      await loggedInProcess('request refused: shutting down');
      held.release();
      assert.deepEqual(await closing, { finished: true, abandoned: 0 });
      await ended;
      const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
      assert.deepEqual(statuses, [200, 503], received);
      assert.match(received, /shutting down/);
      assert.equal(held.received.length, 1, 'the reply of the turn in flight was delivered');
    });

    it('cuts off a turn still running at the timeout and says so', async () => {
      const held = await channel();
      const posting = postActivity(bot.url, messageActivity('help', { serviceUrl: held.url })).catch((error: Error) => error);
      await held.replyArrived();
      assert.deepEqual(await bot.close({ timeoutMs: 50 }), { finished: false, abandoned: 1 });
      assert.ok((await posting) instanceof Error, 'the cut request fails');
    });

    it('closes at once when idle, and a second close returns the same result', async () => {
      const first = bot.close();
      assert.equal(bot.close(), first);
      assert.deepEqual(await first, { finished: true, abandoned: 0 });
    });
  });

  describe('the bot process (npm start) on a signal', () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`${signal} with a turn in flight: stops accepting, delivers the reply, flushes the log, exits 0`, async () => {
        const held = await channel();
        const bot = await BotInstance.start({});
        bots.push(bot);
        const activity = messageActivity('what is NLB', { serviceUrl: held.url });
        const posting = postActivity(bot.url, activity);
        await held.replyArrived();

        bot.child.kill(signal);
        await logged(bot, (l) => l.message === 'server closing: no longer accepting connections');
        assert.equal(await freshGet(`${bot.url}/healthz`), 'ECONNREFUSED');
        assert.ok(bot.alive, 'still running: a turn is in flight');
        held.release();

        assert.equal((await posting).status, 200, 'the turn in flight was answered');
        assert.equal(await exitCode(bot), 0);
        assert.match(JSON.stringify(held.received[0]), /EXB-002/, 'the reply reached the channel');
        const lines = bot.logLines();
        const messages = lines.map((l) => l.message);
        const order = ['shutdown: signal received, finishing turns in flight', 'server closing: no longer accepting connections', 'activity processed', 'shutdown: complete'];
        assert.deepEqual(
          messages.filter((m) => order.includes(m)),
          order,
          'logged in order, the last line flushed before exit',
        );
        assert.equal(lines.find((l) => l.message === 'activity processed')?.conversationId, activity.conversation!.id);
        assert.equal(lines.find((l) => l.message.startsWith('shutdown: signal'))?.signal, signal);
      });
    }

    it('a turn that outlasts SHUTDOWN_TIMEOUT_MS is cut off: logged, exit 1', async () => {
      const held = await channel();
      const bot = await BotInstance.start({ SHUTDOWN_TIMEOUT_MS: '200' });
      bots.push(bot);
      const posting = postActivity(bot.url, messageActivity('help', { serviceUrl: held.url })).catch((error: Error) => error);
      await held.replyArrived();
      bot.child.kill('SIGTERM');
      assert.equal(await exitCode(bot), 1);
      assert.ok((await posting) instanceof Error);
      const cut = bot.logLines().find((l) => l.message === 'shutdown: turns still running at the timeout were cut off');
      assert.ok(cut, JSON.stringify(bot.logLines()));
      assert.equal(cut.abandoned, 1);
      assert.equal(cut.level, 'error');
    });

    it('a second signal while waiting exits at once with 1', async () => {
      const held = await channel();
      const bot = await BotInstance.start({ SHUTDOWN_TIMEOUT_MS: '60000' });
      bots.push(bot);
      void postActivity(bot.url, messageActivity('help', { serviceUrl: held.url })).catch(() => undefined);
      await held.replyArrived();
      bot.child.kill('SIGTERM');
      await logged(bot, (l) => l.message === 'server closing: no longer accepting connections');
      bot.child.kill('SIGINT');
      assert.equal(await exitCode(bot), 1);
      assert.ok(bot.logLines().some((l) => l.message === 'shutdown: second signal, exiting without waiting'));
    });

    it('writes nothing but JSON lines to stderr, with no user text and no secret', async () => {
      const bot = await BotInstance.start({ MicrosoftAppPassword: 'local-secret-value' });
      bots.push(bot);
      let written = '';
      bot.child.stderr!.on('data', (chunk: Buffer) => (written += chunk.toString()));
      const text = 'my private question about the CEO mailbox';
      await postActivity(bot.url, { ...messageActivity(text), deliveryMode: 'expectReplies' });
      // An activity the bot refuses, and a malformed invoke.
      await postActivity(bot.url, { ...messageActivity(text), conversation: undefined });
      await postActivity(bot.url, { ...messageActivity(text), type: 'invoke', name: 'composeExtension/query', value: 'not an object' });
      bot.child.kill('SIGTERM');
      assert.equal(await exitCode(bot), 0);
      const writtenLines = written.split('\n').filter((line) => line !== '');
      assert.ok(writtenLines.length >= 5, written);
      for (const line of writtenLines) assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
      const stderr = bot.logLines();
      const raw = JSON.stringify(stderr);
      assert.ok(!raw.includes('CEO'), 'no user text');
      assert.ok(!raw.includes('local-secret-value'), 'no secret');
      const turn = stderr.find((l) => l.message === 'activity processed')!;
      assert.equal(turn.textLength, text.length);
    });
  });
});
