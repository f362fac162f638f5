import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { OwnerRecords, RECORDS_PER_USER_PER_DAY } from '../../bot/records/owner-records';
import { MemoryRecordStore } from '../../bot/records/record-store';
import { startServer, type RunningServer } from '../../bot/server';
import { InMemorySuggestionPicks, MAX_PICK_QUESTION, suggestionPick } from '../../dialogs/replies';
import { cardTexts, messageActivity } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { recentRecords, turnContext } from '../support/records';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Issue 22, finding 3: one user could wipe or flood the owners' records.
const feedbackInvoke = (conversation: string, user: string) =>
  ({
    ...messageActivity(undefined, {
      channelId: 'msteams',
      conversation: { id: conversation } as Activity['conversation'],
      from: { id: `29:${user}`, aadObjectId: user } as Activity['from'],
    }),
    type: 'invoke',
    name: 'message/submitAction',
    value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'x'.repeat(1000) }) } },
  }) as Partial<Activity>;

describe('owner records: one user cannot wipe or flood them (issue 22)', function () {
  this.timeout(120_000);

  it("the memory store: one user's flood evicts only that user's own records", async () => {
    const store = new MemoryRecordStore(2_000, 512 * 1024);
    const records = new OwnerRecords(store, memoryLogger(), 'salt');
    for (let i = 0; i < 10; i += 1) await records.record(turnContext({ id: `a${i}`, from: { id: 'alice', name: 'Alice' } }), `alice's question ${i}`);
    for (let i = 0; i < 3_500; i += 1) await records.feedback(turnContext({ id: `m${i}`, from: { id: 'mallory', name: 'M' } }), { reaction: 'dislike', comment: 'y'.repeat(1000) });
    const unanswered = await recentRecords(records, 'unanswered');
    assert.equal(unanswered.filter((r) => r.user === records.hashId('alice')).length, 10, "alice's records are all there");
    assert.ok(store.approximateBytes <= 512 * 1024, `${store.approximateBytes} bytes`);
    const mallory = (await recentRecords(records, 'feedback')).length;
    assert.ok(mallory > 0 && mallory <= 100, `mallory keeps at most a 5% share: ${mallory}`);
  });

  it("a user at the daily cap records nothing more that day; other users' records go on", async () => {
    const store = new MemoryRecordStore(100_000, 512 * 1024 * 1024);
    const log = memoryLogger();
    const day = new Date('2026-12-06T10:00:00Z');
    const records = new OwnerRecords(store, log, 'salt', () => day);
    for (let i = 0; i < RECORDS_PER_USER_PER_DAY + 100; i += 1) await records.record(turnContext({ id: `m${i}`, from: { id: 'mallory', name: 'M' } }), `flood ${i}`);
    await records.record(turnContext({ id: 'b1', from: { id: 'bob', name: 'Bob' } }), "bob's question");
    const listed = await records.list('unanswered', day, day);
    assert.equal(listed.filter((r) => r.user === records.hashId('mallory')).length, RECORDS_PER_USER_PER_DAY);
    assert.equal(listed.filter((r) => r.user === records.hashId('bob')).length, 1);
    assert.equal(log.lines.filter((l) => l.message.startsWith('owner records: daily cap per user reached')).length, 1, 'one log line');
  });

  it('a pick keeps at most MAX_PICK_QUESTION characters of the question the client sent back', () => {
    const pick = suggestionPick({ suggestionFor: 'q'.repeat(240_000), article: 'EXB-003' }, 'EXB-003');
    assert.equal(pick?.suggestionFor.length, MAX_PICK_QUESTION);
    const picks = new InMemorySuggestionPicks();
    for (let i = 0; i < 1_000; i += 1) picks.record('q'.repeat(240_000), 'EXB-003');
    assert.ok(picks.picks.every((p) => p.question.length <= MAX_PICK_QUESTION));
  });

  describe('over HTTP', () => {
    const knowledge = sharedKnowledgeBase();
    let bot: RunningServer;
    before(async () => {
      bot = await startServer({ config: { ...readConfig({ RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '3' }), port: 0 }, knowledge, log: memoryLogger() });
    });
    after(() => bot?.close());

    it('Teams feedback invokes are rate-limited like messages: past the burst, 429 and no record', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await postActivity(bot.url, { ...feedbackInvoke('conv-invoke-flood', 'aad-flood-1'), id: `i${i}` })).status);
      assert.deepEqual(statuses.slice(0, 3), [200, 200, 200]);
      assert.ok(
        statuses.slice(3).every((s) => s === 429),
        statuses.join(','),
      );
      assert.equal((await recentRecords(bot.records, 'feedback')).filter((r) => r.user === bot.records.hashId('aad-flood-1')).length, 3);
    });

    it('rotating conversation ids does not get around the limit of feedback invokes', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await postActivity(bot.url, { ...feedbackInvoke(`conv-rotate-${i}`, 'aad-flood-2'), id: `r${i}` })).status);
      assert.equal(statuses.filter((s) => s === 200).length, 3, statuses.join(','));
    });

    it('from.aadObjectId as a number or an object does not fail a turn that writes a record', async () => {
      for (const aadObjectId of [42, { oid: 'x' }, null]) {
        const from = { id: 'user-odd-aad', name: 'Odd', aadObjectId } as unknown as Activity['from'];
        const [reply] = await exchange(
          bot.url,
          messageActivity('how do I reset the office printer', { from, conversation: { id: `conv-aad-${JSON.stringify(aadObjectId)}` } as Activity['conversation'] }),
        );
        assert.doesNotMatch(cardTexts(reply!).join(' ') + (reply!.text ?? ''), /went wrong/i, JSON.stringify(reply));
      }
      const unanswered = (await recentRecords(bot.records, 'unanswered')).filter((r) => r.user === bot.records.hashId('user-odd-aad'));
      assert.equal(unanswered.length, 3);
    });
  });
});
