import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { BlobRecordStore } from '../../bot/records/blob-record-store';
import { OwnerRecords } from '../../bot/records/owner-records';
import { MemoryRecordStore, type RecordStore } from '../../bot/records/record-store';
import { startServer } from '../../bot/server';
import { BlobStateStorage } from '../../bot/storage/blob-state-storage';
import { SEND_AGAIN_MESSAGE } from '../../bot/storage/commit-turn';
import { ETagConflictError } from '../../bot/storage/etag-conflict';
import { Azurite } from '../support/azurite';
import { cardTexts, messageActivity } from '../support/activities';
import { passageSource } from '../support/answers';
import { exchange } from '../support/bot-http';
import { recentRecords, turnContext } from '../support/records';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const CONVERSATIONS = 50;

/** MemoryStorage that refuses the first save of one conversation's state, as if another instance saved first. */
class ConflictOnceStorage implements Storage {
  private readonly inner = new MemoryStorage();
  private conflicted = false;
  constructor(private readonly conversationId: string) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    const key = Object.keys(changes).find((k) => k.includes(`/conversations/${this.conversationId}`));
    if (key && !this.conflicted) {
      this.conflicted = true;
      throw new ETagConflictError(key);
    }
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

/** A record store that is down. */
const failingStore: RecordStore = {
  create: () => Promise.reject(new Error('records unavailable')),
  read: () => Promise.reject(new Error('records unavailable')),
  list: () => Promise.reject(new Error('records unavailable')),
};

describe('owner records: one storage item per record (issue 13, finding 3)', function () {
  this.timeout(60_000);
  const knowledge = sharedKnowledgeBase();
  let azurite: Azurite;

  before(async () => {
    azurite = await Azurite.start();
  });
  after(async () => {
    await azurite?.dispose();
  });

  it(`${CONVERSATIONS} conversations asking unanswerable questions at once on Blob storage: every user gets the answer, ${CONVERSATIONS} records, one blob each`, async () => {
    const container = `records-${randomUUID()}`;
    const log = memoryLogger();
    const bot = await startServer({
      config: { ...readConfig({}), port: 0, rateLimit: { perMinute: 0, burst: 1 } },
      knowledge,
      storage: new BlobStateStorage(azurite.connectionString, container),
      records: new BlobRecordStore(azurite.connectionString, container),
      log,
    });
    try {
      const questions = Array.from({ length: CONVERSATIONS }, (_, i) => `how do I descale coffee machine number ${i}`);
      const replies = await Promise.all(questions.map((q, i) => exchange(bot.url, messageActivity(q, { conversation: { id: `conv-many-${i}` } as never }))));
      replies.forEach((reply, i) => {
        assert.ok(!reply.some((r) => r.text === SEND_AGAIN_MESSAGE), `conversation ${i} was asked to send again`);
        assert.ok(cardTexts(reply[0]!).includes(questions[i]!), `conversation ${i} got: ${JSON.stringify(reply).slice(0, 200)}`);
      });
      const recorded = await recentRecords(bot.records, 'unanswered');
      assert.equal(recorded.length, CONVERSATIONS);
      assert.deepEqual(recorded.map((r) => r.question).sort(), [...questions].sort());
      const blobs: string[] = [];
      for await (const blob of new ContainerClient(azurite.connectionString, container).listBlobsFlat({ prefix: 'owner-records/unanswered/' })) blobs.push(blob.name);
      assert.equal(blobs.length, CONVERSATIONS, 'one blob per record, no shared document');
      assert.ok(!log.lines.some((l) => l.message.startsWith('state conflict')), 'recording never conflicts with conversation state');
    } finally {
      await bot.close();
    }
  });

  it('two instances recording at the same moment keep every record', async () => {
    const container = `records-${randomUUID()}`;
    const instances = [0, 1].map(() => new OwnerRecords(new BlobRecordStore(azurite.connectionString, container), memoryLogger(), 'salt'));
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(instances.map((records, i) => records.record(turnContext({ conversation: { id: `conv-${i}` } as never }), `question ${round}.${i}`)));
    }
    const recorded = (await recentRecords(instances[0]!, 'unanswered')).map((r) => r.question).sort();
    assert.deepEqual(recorded, Array.from({ length: 5 }, (_, round) => [`question ${round}.0`, `question ${round}.1`]).flat());
  });

  it('a channel retry of the same activity is recorded once (same time and hash, same key)', async () => {
    const records = new OwnerRecords(new BlobRecordStore(azurite.connectionString, `records-${randomUUID()}`), memoryLogger(), 'salt');
    const activity = { id: 'activity-1', conversation: { id: 'conv-retry' } as never };
    const turn = turnContext(activity);
    records.beginAttempt(turn);
    await records.record(turn, 'the same question');
    await records.commit(turn);
    // The key is the turn's time plus a hash of conversation, activity id and kind: the same again is one item.
    records.beginAttempt(turn);
    await records.record(turn, 'the same question');
    await records.commit(turn);
    assert.equal((await recentRecords(records, 'unanswered')).length, 1);
  });

  // An answer, because its turn saves state (the last offer, for suggestion picks): an unanswered
  // question in a new conversation leaves nothing to save, so nothing to conflict on.
  it('a turn run again after a state conflict records its answer once', async () => {
    const log = memoryLogger();
    const conversationId = 'conv-conflict';
    const bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, storage: new ConflictOnceStorage(conversationId), records: new MemoryRecordStore(), log });
    try {
      const replies = await exchange(bot.url, messageActivity('how many nodes can a windows 2003 enterprise cluster have', { conversation: { id: conversationId } as never }));
      assert.ok(cardTexts(replies[0]!).some((t) => t.includes('EXB-003')));
      assert.ok(
        log.lines.some((l) => l.message.startsWith('state conflict') && /running this turn again/.test(l.message)),
        'the turn did run twice',
      );
      assert.equal((await recentRecords(bot.records, 'answer')).length, 1);
    } finally {
      await bot.close();
    }
  });

  it('a record store that fails never fails the user’s turn: the answer goes out and the failure is logged', async () => {
    const log = memoryLogger();
    const bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, records: failingStore, log });
    try {
      const replies = await exchange(bot.url, messageActivity('how do I reset the door badge'));
      assert.ok(cardTexts(replies[0]!).includes('how do I reset the door badge'));
      const answer = await exchange(bot.url, messageActivity('what is an EVS?'));
      assert.equal(passageSource(answer[0]!)?.articleId, 'EXB-004', cardTexts(answer[0]!).join(' | '));
      assert.ok(log.lines.some((l) => l.level === 'warn' && l.message === 'owner record not stored' && l.fields.kind === 'unanswered'));
      assert.ok(!log.lines.some((l) => l.level === 'error'));
    } finally {
      await bot.close();
    }
  });

  it('memory records are bounded: past the limit the oldest go', async () => {
    const store = new MemoryRecordStore(10);
    for (let i = 0; i < 25; i += 1) await store.create(`unanswered/2026-01-01/${String(i).padStart(9, '0')}-x`, { i });
    assert.equal(store.size, 10);
    assert.deepEqual(
      (await store.list('unanswered/2026-01-01/')).map((v) => (v as { i: number }).i),
      [15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
    );
  });

  it('memory records are bounded in bytes too: long questions push the oldest out before the item limit', async () => {
    const store = new MemoryRecordStore(1000, 64 * 1024);
    const question = 'q'.repeat(500);
    for (let i = 0; i < 200; i += 1) await store.create(`unanswered/2026-01-01/${String(i).padStart(9, '0')}-x`, { i, question });
    assert.ok(store.approximateBytes <= 64 * 1024, `${store.approximateBytes} bytes`);
    // Each item weighs about 1.1 KB: about 57 fit, the newest ones.
    assert.ok(store.size > 40 && store.size < 70, `${store.size} items`);
    const kept = (await store.list('unanswered/2026-01-01/')).map((v) => (v as { i: number }).i);
    assert.equal(kept.at(-1), 199);
    assert.deepEqual(
      kept,
      Array.from({ length: kept.length }, (_, k) => 200 - kept.length + k),
      'the oldest went first',
    );
  });
});
