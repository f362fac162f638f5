import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readConfig } from '../../bot/config';
import { jsonLogger, memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { BoundedMemoryStorage } from '../../bot/storage/bounded-memory-storage';
import { readStorageConfig, storageWarning } from '../../bot/storage/storage-config';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** A GET with a chosen Host header (fetch does not let one set it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

// Issue 13, finding 7.
for (const host of HOSTS)
  describe(`smaller hardening (issue 13, finding 7) ${onHost(host)}`, function () {
    this.timeout(30_000);

    describe('a local-mode server', () => {
      const log = memoryLogger();
      let bot: RunningServer;
      before(async () => {
        bot = await startServer({ host, config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log });
      });
      after(async () => {
        await bot?.close();
      });

      it('refuses a request whose Host is not loopback (DNS rebinding), and serves loopback names', async () => {
        assert.equal(await getWithHost(`${bot.url}/healthz`, 'attacker.example'), 403);
        assert.equal(await getWithHost(`${bot.url}/healthz`, `attacker.example:${bot.port}`), 403);
        assert.equal(await getWithHost(`${bot.url}/`, 'attacker.example'), 403);
        for (const host of [`127.0.0.1:${bot.port}`, `localhost:${bot.port}`, 'localhost']) assert.equal(await getWithHost(`${bot.url}/healthz`, host), 200, host);
      });

      it('refuses (400, no turn) an activity whose serviceUrl is not loopback', async () => {
        const activity = messageActivity('what is NLB', { serviceUrl: 'https://example.com/channel/' });
        const { status, body } = await postActivity(bot.url, activity);
        assert.equal(status, 400);
        assert.equal(body.error.field, 'serviceUrl');
        assert.ok(!log.lines.some((l) => l.message === 'activity processed' && l.fields.conversationId === activity.conversation!.id));
      });

      it('runs a channel retry of the same activity id once: the second gets no replies and is logged', async () => {
        const activity = { ...messageActivity('Can we cluster our Exchange 2003 back-end servers?'), deliveryMode: 'expectReplies' };
        const first = await postActivity(bot.url, activity);
        const again = await postActivity(bot.url, activity);
        assert.equal(first.status, 200);
        assert.ok(first.body.activities.length > 0);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body.activities ?? [], []);
        assert.ok(log.lines.some((l) => l.message === 'duplicate activity ignored (a channel retry)' && l.fields.activityId === activity.id));
        // A new id in the same conversation is a new message.
        const next = await postActivity(bot.url, { ...activity, id: randomUUID() });
        assert.ok(next.body.activities.length > 0);
      });
    });

    it('caps ids and long strings in log lines (a 240 KB conversation id)', () => {
      const written: string[] = [];
      const write = process.stderr.write;
      process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stderr.write;
      try {
        jsonLogger('warn', 'test line', { conversationId: 'c'.repeat(240_000), error: 'e'.repeat(100_000), count: 3 });
      } finally {
        process.stderr.write = write;
      }
      assert.equal(written.length, 1);
      assert.ok(written[0]!.length < 5000, `${written[0]!.length} characters`);
      const line = JSON.parse(written[0]!) as Record<string, unknown>;
      assert.match(String(line.conversationId), /^c{200}… \(240000 characters\)$/);
      assert.equal(line.count, 3);
    });

    it('warns about STORAGE=memory with an app id, not without one', () => {
      assert.match(storageWarning(readStorageConfig({}), 'app-id') ?? '', /STORAGE=memory with an app id/);
      assert.equal(storageWarning(readStorageConfig({}), ''), undefined);
      assert.equal(storageWarning({ kind: 'blob', connectionString: 'x', container: 'bot-state' }, 'app-id'), undefined);
    });

    it('memory storage drops the least recently used conversations beyond its bound', async () => {
      const storage = new BoundedMemoryStorage({ maxItems: 100, maxBytes: 1 << 20 });
      await storage.write({ 'test/conversations/kept/': { step: 1 } });
      for (let i = 0; i < 1000; i += 1) {
        await storage.write({ [`test/conversations/c${i}/`]: { step: i } });
        await storage.read(['test/conversations/kept/']);
        assert.ok(storage.size <= 100);
      }
      assert.deepEqual(Object.keys(await storage.read(['test/conversations/kept/', 'test/conversations/c999/', 'test/conversations/c0/'])).sort(), [
        'test/conversations/c999/',
        'test/conversations/kept/',
      ]);
      const bytes = new BoundedMemoryStorage({ maxItems: 1_000_000, maxBytes: 100_000 });
      for (let i = 0; i < 100; i += 1) await bytes.write({ [`k${i}`]: { text: 'x'.repeat(5000) } });
      assert.ok(bytes.size <= 10, `${bytes.size} items of ~10 KB in 100 KB`);
    });
  });
