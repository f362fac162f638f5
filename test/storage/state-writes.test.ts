import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { BlobStateStorage } from '../../bot/storage/blob-state-storage';
import { cardTexts, messageActivity } from '../support/activities';
import { relatedArticleButtons } from '../support/answers';
import { Azurite } from '../support/azurite';
import { exchange } from '../support/bot-http';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** A real storage that counts the writes of each key. */
class CountingStorage implements Storage {
  readonly writes = new Map<string, number>();
  constructor(readonly inner: Storage) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    for (const key of Object.keys(changes)) this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
  /** Writes of any key of the conversation or of the user, by kind. */
  count(part: string): number {
    return [...this.writes].filter(([key]) => key.includes(part)).reduce((n, [, count]) => n + count, 0);
  }
}

// The state is told changed by its JSON when read and when saved (bot/storage/optimistic-bot-state.ts):
// a turn writes only what it changed, and a new conversation whose turn left nothing is not stored.
describe('state writes per turn (optimistic state on Blob storage, a real Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let storage: CountingStorage;
  let bot: RunningServer;

  before(async () => {
    azurite = await Azurite.start();
    storage = new CountingStorage(new BlobStateStorage(azurite.connectionString, `state-${randomUUID()}`));
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), storage, log: memoryLogger() });
  });
  after(async () => {
    await bot?.close();
    await azurite?.dispose();
  });

  const conversation = () => ({ id: `conv-${randomUUID()}` }) as never;
  const stored = async (key: string) => (await storage.inner.read([key]))[key];

  it('a new conversation whose turn leaves no state (an unanswered question) is not written, nor is the user', async () => {
    const activity = messageActivity('how do I water the office plants', { conversation: conversation() });
    const replies = await exchange(bot.url, activity);
    assert.ok(cardTexts(replies[0]!).includes('how do I water the office plants'), JSON.stringify(replies));
    assert.equal(storage.count(activity.conversation!.id), 0);
    assert.equal(await stored(`test/conversations/${activity.conversation!.id}/`), undefined);
    assert.equal(storage.count('/users/'), 0, 'the bot keeps nothing per user');
  });

  it('a knowledge-base answer writes no conversation state (its related buttons carry what a pick needs), nor does the same question again', async () => {
    const id = conversation();
    // Answered from the articles (a passage of EXB-004, with related articles), not from the tables ("what is an EVS?" is now the glossary's).
    const question = 'what happens to an EVS when a node fails';
    const first = await exchange(bot.url, messageActivity(question, { conversation: id }));
    assert.ok(
      cardTexts(first[0]!).some((t) => t.includes('EXB-004')),
      JSON.stringify(cardTexts(first[0]!)),
    );
    assert.ok(relatedArticleButtons(first[0]!, 'EXB-004').length > 0, 'the answer offers related articles');
    assert.equal(storage.count((id as { id: string }).id), 0);
    assert.equal(await stored(`test/conversations/${(id as { id: string }).id}/`), undefined);
    const again = await exchange(bot.url, messageActivity(question, { conversation: id }));
    assert.ok(cardTexts(again[0]!).some((t) => t.includes('EXB-004')));
    assert.equal(storage.count((id as { id: string }).id), 0, 'nothing written');
    assert.equal(storage.count('/users/'), 0);
  });

  it('every step of a check is written, and a conversation whose check was cancelled is written back empty', async () => {
    const id = conversation();
    const key = `test/conversations/${(id as { id: string }).id}/`;
    await exchange(bot.url, messageActivity('Can we cluster our Exchange 2003 back-end servers?', { conversation: id }));
    assert.equal(storage.count(key), 1);
    assert.equal((await stored(key))?.dialogState?.dialogStack?.length, 1);
    await exchange(bot.url, messageActivity('cancel', { conversation: id }));
    assert.equal(storage.count(key), 2, 'the stored check must be overwritten, even though nothing is left');
    assert.equal((await stored(key))?.dialogState?.dialogStack?.length, 0);
  });
});
