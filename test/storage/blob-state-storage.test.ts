import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { ConversationState, TestAdapter, TurnContext, type Activity, type BotState } from 'botbuilder';
import { BlobStateStorage } from '../../bot/storage/blob-state-storage';
import { isETagConflict } from '../../bot/storage/etag-conflict';
import { NEW_ITEM_ETAG } from '../../turn';
import { OptimisticConversationState } from '../../bot/storage/optimistic-bot-state';
import { Azurite } from '../support/azurite';

const adapter = new TestAdapter();

/** A turn of `conversationId`, as one bot instance would see it. */
function turn(conversationId: string): TurnContext {
  return new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: conversationId }, from: { id: 'user' }, recipient: { id: 'bot' } } as Activity);
}

/** Reads the `facts` property, adds one, saves: one turn of one instance, with the save awaited by the caller. */
async function addFact(state: BotState, context: TurnContext, fact: string): Promise<() => Promise<void>> {
  const facts = state.createProperty<string[]>('facts');
  await facts.set(context, [...(await facts.get(context, [])), fact]);
  return () => state.saveChanges(context);
}

describe('Azure Blob storage for bot state (BlobStateStorage on a real Azurite)', function () {
  this.timeout(30_000);
  let azurite: Azurite;
  /** Two instances' storages: separate clients on one container, as two App Service instances have. */
  let one: BlobStateStorage;
  let two: BlobStateStorage;

  before(async () => {
    azurite = await Azurite.start();
  });
  beforeEach(() => {
    const container = `state-${randomUUID()}`;
    one = new BlobStateStorage(azurite.connectionString, container);
    two = new BlobStateStorage(azurite.connectionString, container);
  });
  after(async () => {
    await azurite?.dispose();
  });

  it('updates an item only with the eTag it was read with (BlobsStorage: If-Match, 412 is a conflict)', async () => {
    await one.write({ item: { n: 1 } });
    const read = (await one.read(['item'])).item;
    assert.match(read.eTag, /^"0x[0-9A-F]+"$/);
    await two.write({ item: { n: 2, eTag: read.eTag } });
    await assert.rejects(one.write({ item: { n: 3, eTag: read.eTag } }), isETagConflict);
    assert.equal((await one.read(['item'])).item.n, 2);
  });

  it('creates an item that was absent when read only once (If-None-Match), keeping non-ASCII text intact', async () => {
    await one.write({ item: { text: 'Exchange café – “front-end” ✓', eTag: NEW_ITEM_ETAG } });
    await assert.rejects(two.write({ item: { text: 'second', eTag: NEW_ITEM_ETAG } }), isETagConflict);
    assert.equal((await two.read(['item'])).item.text, 'Exchange café – “front-end” ✓');
  });

  it('two instances saving the same version of a conversation: the second save is refused, from the very first save on', async () => {
    const id = `conv-${randomUUID()}`;
    const stateOne = new OptimisticConversationState(one);
    const stateTwo = new OptimisticConversationState(two);
    for (const [round, expected] of [
      [1, ['version']],
      [2, ['version', 'version']],
    ] as const) {
      const [saveOne, saveTwo] = await Promise.all([addFact(stateOne, turn(id), 'version'), addFact(stateTwo, turn(id), 'role')]);
      await saveOne();
      await assert.rejects(saveTwo(), isETagConflict, `round ${round}`);
      const check = turn(id);
      assert.deepEqual(await new OptimisticConversationState(one).createProperty<string[]>('facts').get(check), expected);
    }
  });

  it('botbuilder’s own ConversationState would keep only the last save (why the optimistic state exists)', async () => {
    const id = `conv-${randomUUID()}`;
    const [saveOne, saveTwo] = await Promise.all([addFact(new ConversationState(one), turn(id), 'version'), addFact(new ConversationState(two), turn(id), 'role')]);
    await saveOne();
    await saveTwo();
    assert.deepEqual(await new ConversationState(one).createProperty<string[]>('facts').get(turn(id)), ['role'], 'the "version" fact was silently lost');
  });

  it('works again once storage is back, even when it was down at the first use', async () => {
    await azurite.stop();
    try {
      const startedAt = Date.now();
      await assert.rejects(one.read(['item']), /ECONNREFUSED/);
      assert.ok(Date.now() - startedAt < 5_000, `failing took ${Date.now() - startedAt} ms`);
    } finally {
      await azurite.restart();
    }
    await one.write({ item: { n: 1, eTag: NEW_ITEM_ETAG } });
    assert.equal((await one.read(['item'])).item.n, 1);
  });
});
