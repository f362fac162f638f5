import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BotTurn } from '../../bot/bot-turn';
import { BlobStateStorage, blobKey } from '../../bot/storage/blob-state-storage';
import { isETagConflict } from '../../bot/storage/etag-conflict';
import { NEW_ITEM_ETAG } from '../../dialogs/turn';
import { OptimisticConversationState } from '../../bot/storage/optimistic-bot-state';
import { Azurite } from '../support/azurite';

const MESSAGE = { type: 'message', channelId: 'test', from: { id: 'user' }, recipient: { id: 'bot' }, serviceUrl: 'http://127.0.0.1:9/unused' };

/** A turn of `conversationId`, as one bot instance would see it (it sends nothing). */
function turn(conversationId: string): BotTurn {
  return new BotTurn({ ...MESSAGE, conversation: { id: conversationId } }, { send: async (activities) => activities.map(() => ({ id: '' })) });
}

/** Reads the `facts` property, adds one, saves: one turn of one instance, with the save awaited by the caller. */
async function addFact(state: OptimisticConversationState, context: BotTurn, fact: string): Promise<() => Promise<void>> {
  const facts = state.property<string[]>('facts');
  await facts.set(context, [...((await facts.get(context)) ?? []), fact]);
  return () => state.saveChanges(context);
}

/** The same with botbuilder's own ConversationState, which writes with eTag `*`. */
async function addFactLastWriterWins(state: ConversationState, conversationId: string, fact: string): Promise<() => Promise<void>> {
  const context = new TurnContext(new TestAdapter(), { ...MESSAGE, conversation: { id: conversationId } } as Activity);
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
  let container: string;

  before(async () => {
    azurite = await Azurite.start();
  });
  beforeEach(() => {
    container = `state-${randomUUID()}`;
    one = new BlobStateStorage(azurite.connectionString, container);
    two = new BlobStateStorage(azurite.connectionString, container);
  });
  after(async () => {
    await azurite?.dispose();
  });

  it('updates an item only with the eTag it was read with (If-Match, 412 is a conflict)', async () => {
    await one.write({ item: { n: 1 } });
    const read = (await one.read(['item'])).item!;
    assert.match(read.eTag!, /^"0x[0-9A-F]+"$/);
    await two.write({ item: { n: 2, eTag: read.eTag } });
    await assert.rejects(one.write({ item: { n: 3, eTag: read.eTag } }), isETagConflict);
    assert.equal((await one.read(['item'])).item!.n, 2);
  });

  it('creates an item that was absent when read only once (If-None-Match), keeping non-ASCII text intact', async () => {
    await one.write({ item: { text: 'Exchange café – “front-end” ✓', eTag: NEW_ITEM_ETAG } });
    await assert.rejects(two.write({ item: { text: 'second', eTag: NEW_ITEM_ETAG } }), isETagConflict);
    assert.equal((await two.read(['item'])).item!.text, 'Exchange café – “front-end” ✓');
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
      assert.deepEqual(await new OptimisticConversationState(one).property<string[]>('facts').get(check), expected);
    }
  });

  it('botbuilder’s own ConversationState would keep only the last save (why the optimistic state exists)', async () => {
    const id = `conv-${randomUUID()}`;
    const [saveOne, saveTwo] = await Promise.all([addFactLastWriterWins(new ConversationState(one), id, 'version'), addFactLastWriterWins(new ConversationState(two), id, 'role')]);
    await saveOne();
    await saveTwo();
    assert.deepEqual(await new OptimisticConversationState(one).property<string[]>('facts').get(turn(id)), ['role'], 'the "version" fact was silently lost');
  });

  it('reads and updates the blobs botbuilder-azure-blobs wrote before it (issue 23: the same state across the change)', async () => {
    const legacy = new BlobsStorage(azurite.connectionString, container);
    const key = 'msteams/conversations/a:1Xyz/';
    await legacy.write({ [blobKey(key)]: { dialogState: { dialogStack: [{ id: 'main', state: {} }] }, lastCheck: { answered: ['version'] } } });
    const read = (await one.read([key]))[key]!;
    assert.deepEqual(read.lastCheck, { answered: ['version'] });
    await one.write({ [key]: { ...read, lastCheck: { answered: ['role'] } } });
    const back = (await legacy.read([blobKey(key)]))[blobKey(key)] as { lastCheck: unknown };
    assert.deepEqual(back.lastCheck, { answered: ['role'] });
    await assert.rejects(one.write({ [key]: { ...read, lastCheck: {} } }), isETagConflict, 'the eTag read before the update is stale');
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
    assert.equal((await one.read(['item'])).item!.n, 1);
  });
});
