import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { DEFAULT_RATE_LIMIT, readConfig, type RateLimitConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { ConversationRateLimiter, SLOW_DOWN_MESSAGE } from '../../bot/rate-limit';
import { startServer, type RunningServer } from '../../bot/server';
import { cardButtons, cardTexts, messageActivity, pressButton, verdictLabel } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { RecordingStorage } from './recording-storage';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

for (const host of HOSTS)
  describe(`per-conversation rate limit ${onHost(host)}`, () => {
    describe('ConversationRateLimiter (token bucket, fake clock)', () => {
      const limiter = (config: RateLimitConfig, noticeIntervalMs = 10_000) => {
        const clock = { now: 0 };
        return { clock, limiter: new ConversationRateLimiter({ ...config, noticeIntervalMs, now: () => clock.now }) };
      };

      it('allows a burst, then refuses with one notice, then silently', () => {
        const { limiter: l } = limiter({ perMinute: 6, burst: 3 });
        assert.deepEqual(
          Array.from({ length: 6 }, () => l.take('a')),
          ['allow', 'allow', 'allow', 'refuse-with-notice', 'refuse', 'refuse'],
        );
      });

      it('refills at the configured rate, and notices again only after the interval', () => {
        const { clock, limiter: l } = limiter({ perMinute: 6, burst: 3 }, 15_000);
        for (let i = 0; i < 3; i += 1) l.take('a');
        assert.equal(l.take('a'), 'refuse-with-notice');
        clock.now = 9_999;
        assert.equal(l.take('a'), 'refuse');
        clock.now = 10_000; // one token per 10 s at 6 a minute
        assert.equal(l.take('a'), 'allow');
        assert.equal(l.take('a'), 'refuse');
        clock.now = 15_000;
        assert.equal(l.take('a'), 'refuse-with-notice');
      });

      it('keeps conversations apart', () => {
        const { limiter: l } = limiter({ perMinute: 1, burst: 1 });
        assert.equal(l.take('a'), 'allow');
        assert.equal(l.take('a'), 'refuse-with-notice');
        assert.equal(l.take('b'), 'allow');
      });

      it('forgets conversations whose bucket has refilled, so memory follows recent activity only', () => {
        const { clock, limiter: l } = limiter({ perMinute: 60, burst: 5 }, 1_000);
        for (let i = 0; i < 1000; i += 1) l.take(`conversation-${i}`);
        assert.equal(l.size, 1000);
        clock.now = 5_000; // 5 tokens at 1 a second: every bucket is full again
        l.take('next');
        assert.equal(l.size, 1);
      });

      it('refuses a configuration that would never allow anything', () => {
        assert.throws(() => new ConversationRateLimiter({ perMinute: 0, burst: 1 }), /perMinute > 0/);
      });
    });

    describe('configuration', () => {
      it(`defaults to ${DEFAULT_RATE_LIMIT.perMinute} messages a minute with bursts of ${DEFAULT_RATE_LIMIT.burst}`, () => {
        assert.deepEqual(readConfig({}).rateLimit, { perMinute: 30, burst: 10 });
        assert.deepEqual(readConfig({ RATE_LIMIT_PER_MINUTE: '120', RATE_LIMIT_BURST: '20' }).rateLimit, { perMinute: 120, burst: 20 });
        assert.deepEqual(readConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimit, { perMinute: 0, burst: 10 });
      });

      for (const [name, value] of [
        ['RATE_LIMIT_PER_MINUTE', 'lots'],
        ['RATE_LIMIT_PER_MINUTE', '-1'],
        ['RATE_LIMIT_PER_MINUTE', '1.5'],
        ['RATE_LIMIT_BURST', '0'],
        ['SHUTDOWN_TIMEOUT_MS', '10s'],
      ] as const) {
        it(`refuses ${name}=${value}, naming the variable`, () => {
          assert.throws(() => readConfig({ [name]: value }), new RegExp(`^Error: ${name} must be a whole number`));
        });
      }
    });

    describe('over HTTP', function () {
      this.timeout(30_000);
      const knowledge = sharedKnowledgeBase();
      const log = memoryLogger();
      const storage = new RecordingStorage();
      let bot: RunningServer;

      before(async () => {
        // One message a minute after a burst of three: nothing refills during the test.
        const config = readConfig({ RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '3' });
        bot = await startServer({ host, config: { ...config, port: 0 }, knowledge, storage, log });
      });
      after(async () => {
        await bot.close();
      });

      it('answers a burst, then says "slow down" once, then nothing, without running those turns', async () => {
        const base = messageActivity('what is NLB');
        const replies: Array<Partial<Activity>[]> = [];
        for (let i = 0; i < 6; i += 1) replies.push(await exchange(bot.url, { ...base, id: `m${i}` }));
        assert.ok(replies.slice(0, 3).every((r) => cardTexts(r[0]!).some((t) => t.includes('EXB-002'))));
        assert.deepEqual(
          replies[3]!.map((r) => r.text),
          [SLOW_DOWN_MESSAGE],
        );
        assert.deepEqual(replies.slice(4), [[], []]);
        const stateReads = storage.readKeys.filter((key) => key.includes(base.conversation!.id) && key.includes('/conversations/'));
        assert.equal(stateReads.length, 3, 'only the allowed turns read their state');
        assert.ok(log.lines.some((l) => l.level === 'warn' && l.message.startsWith('rate limit') && l.fields.conversationId === base.conversation!.id));
      });

      it('one conversation flooding (200 at once) cannot starve another: its whole check goes through meanwhile', async () => {
        const flood = messageActivity('what is NLB');
        const flooding = Promise.all(Array.from({ length: 200 }, (_, i) => exchange(bot.url, { ...flood, id: `f${i}` })));

        // The burst is 3 turns, so the question states the Exchange edition and the Windows release
        // itself: one button press (Windows edition; Exchange 2003's architecture is assumed) finishes the check.
        const first = messageActivity('Can I cluster Exchange 2003 Enterprise Edition back-end mailbox servers on Windows Server 2003?');
        let replies = await exchange(bot.url, first);
        for (const [dimension, value] of [['windowsEdition', 'enterprise']]) {
          const button = cardButtons(replies[0]!).find((b) => b.data.dimension === dimension && b.data.value === value);
          assert.ok(button, `no button ${dimension}:${value} in: ${cardTexts(replies[0]!).join(' | ')}`);
          replies = await exchange(bot.url, pressButton(button, first));
        }
        assert.equal(verdictLabel(cardTexts(replies[0]!)), 'Supported with conditions', cardTexts(replies[0]!).join(' | '));

        const flooded = await flooding;
        const answered = flooded.filter((r) => r.length > 0 && r[0]!.text !== SLOW_DOWN_MESSAGE).length;
        const slowDowns = flooded.filter((r) => r[0]?.text === SLOW_DOWN_MESSAGE).length;
        assert.equal(answered, 3, 'the burst');
        assert.equal(slowDowns, 1, 'one notice');
        assert.equal(flooded.filter((r) => r.length === 0).length, 196, 'the rest refused without a reply');
      });

      it('does not count message-extension queries (Teams sends one per pause in typing)', async () => {
        const conversation = messageActivity(undefined).conversation;
        // Four messages empty the bucket (burst 3); the queries after them still get results.
        for (let i = 0; i < 4; i += 1) await exchange(bot.url, messageActivity('hi', { conversation }));
        for (let i = 0; i < 10; i += 1) {
          const { status, body } = await postActivity(bot.url, {
            ...messageActivity(undefined, { conversation, channelId: 'msteams' }),
            type: 'invoke',
            name: 'composeExtension/query',
            value: { commandId: 'searchKb', parameters: [{ name: 'query', value: 'nlb' }] },
          });
          assert.equal(status, 200);
          assert.equal(body.composeExtension.type, 'result');
        }
      });

      it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
        const unlimited = await startServer({ host, config: { ...readConfig({ RATE_LIMIT_PER_MINUTE: '0' }), port: 0 }, knowledge, log: memoryLogger() });
        try {
          const base = messageActivity('hi');
          const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => exchange(unlimited.url, { ...base, id: `u${i}` })));
          assert.ok(replies.every((r) => r.length === 1 && r[0]!.text !== SLOW_DOWN_MESSAGE));
        } finally {
          await unlimited.close();
        }
      });
    });
  });
