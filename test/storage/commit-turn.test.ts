import { strict as assert } from 'node:assert';
import { MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { memoryLogger } from '../../bot/log';
import { SEND_AGAIN_MESSAGE, runTurnAndCommitState } from '../../bot/storage/commit-turn';
import { OptimisticConversationState } from '../../bot/storage/optimistic-bot-state';

/**
 * A counter bot whose turn can be interrupted by "another instance" (a second state over the same
 * real MemoryStorage) saving the same conversation between this turn's read and its save.
 */
function counterBot(options: { interruptions: number; failWith?: Error }) {
  const storage = new MemoryStorage();
  const state = new OptimisticConversationState(storage);
  const count = state.createProperty<number>('count');
  const log = memoryLogger();
  let interruptions = options.interruptions;

  const otherInstanceIncrements = async (adapter: TestAdapter, activity: Activity): Promise<void> => {
    const other = new OptimisticConversationState(storage);
    const context = new TurnContext(adapter, activity);
    const otherCount = other.createProperty<number>('count');
    await otherCount.set(context, (await otherCount.get(context, 0)) + 1);
    await other.saveChanges(context);
  };

  const adapter: TestAdapter = new TestAdapter(async (context) => {
    await runTurnAndCommitState(
      context,
      async () => {
        const seen = await count.get(context, 0);
        await context.sendActivity(`saw ${seen}`);
        if (options.failWith) throw options.failWith;
        if (interruptions > 0) {
          interruptions -= 1;
          await otherInstanceIncrements(adapter, context.activity);
        }
        await count.set(context, seen + 1);
      },
      { states: [state], log },
    );
  });
  adapter.onTurnError = async (context, error) => {
    await context.sendActivity(`turn failed: ${(error as Error).message}`);
  };

  const stored = async (): Promise<number | undefined> => {
    const reader = new OptimisticConversationState(storage);
    const context = new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'message' }, adapter.conversation, true) as Activity);
    return reader.createProperty<number>('count').get(context);
  };
  return { adapter, log, stored };
}

describe('a turn and its state are saved together (runTurnAndCommitState)', () => {
  it('runs the turn again on the newer state when another instance saved first, and sends only the saved attempt’s replies', async () => {
    const { adapter, log, stored } = counterBot({ interruptions: 1 });
    await adapter.send('count').assertReply('saw 1').assertNoReply('no further reply', 50).startTest();
    assert.equal(await stored(), 2, 'both increments kept: the other instance’s and the retried turn’s');
    assert.deepEqual(
      log.lines.map((l) => [l.level, l.message, l.fields.attempt]),
      [['warn', 'state conflict: another turn of this conversation saved first; running this turn again', 1]],
    );
  });

  it('asks the user to send the message again after three conflicts in a row, and never overwrites the other change', async () => {
    const { adapter, log, stored } = counterBot({ interruptions: 99 });
    await adapter.send('count').assertReply(SEND_AGAIN_MESSAGE).assertNoReply('no further reply', 50).startTest();
    assert.equal(await stored(), 3, 'only the other instance’s three increments');
    assert.deepEqual(
      log.lines.map((l) => l.message),
      [
        'state conflict: another turn of this conversation saved first; running this turn again',
        'state conflict: another turn of this conversation saved first; running this turn again',
        'state conflict: turn dropped, user asked to send again',
      ],
    );
  });

  it('lets any other failure through to onTurnError without the failed attempt’s replies, and saves nothing', async () => {
    const { adapter, stored } = counterBot({ interruptions: 0, failWith: new Error('dialog broke') });
    await adapter.send('count').assertReply('turn failed: dialog broke').assertNoReply('no further reply', 50).startTest();
    assert.equal(await stored(), undefined);
  });

  it('without interference, sends the replies once and saves the state', async () => {
    const { adapter, log, stored } = counterBot({ interruptions: 0 });
    await adapter.send('count').assertReply('saw 0').send('count').assertReply('saw 1').assertNoReply('no further reply', 50).startTest();
    assert.equal(await stored(), 2);
    assert.deepEqual(log.lines, []);
  });

  it('starts each attempt from the activity as it came in, however deep the turn changed it (Dates stay Dates)', async () => {
    const storage = new MemoryStorage();
    const state = new OptimisticConversationState(storage);
    const adapter = new TestAdapter();
    const seen: string[] = [];
    let conflicts = 1;
    const timestamp = new Date('2026-12-01T10:00:00.000Z');
    const incoming = { type: 'message', text: '<at>Bot</at> hi', timestamp, entities: [{ type: 'mention', text: '<at>Bot</at>' }], value: { nested: { list: [1, 'two'] } } };
    const asSent = JSON.stringify([incoming.text, incoming.entities, incoming.value, timestamp.getTime()]);
    await adapter.processActivity(incoming as Partial<Activity>, async (context) => {
      await runTurnAndCommitState(
        context,
        async () => {
          const activity = context.activity as Activity & { value: { nested: { list: unknown[]; added?: boolean } } };
          seen.push(JSON.stringify([activity.text, activity.entities, activity.value, activity.timestamp instanceof Date && activity.timestamp.getTime()]));
          activity.text = 'hi';
          activity.entities![0]!.text = 'changed';
          activity.value.nested.list.push(3);
          activity.value.nested.added = true;
          activity.timestamp!.setUTCFullYear(2000);
          await state.createProperty<number>('n').set(context, seen.length);
          if (conflicts-- > 0) await storage.write({ [`${context.activity.channelId}/conversations/${context.activity.conversation.id}/`]: { n: 99 } });
        },
        { states: [state], log: memoryLogger() },
      );
    });
    assert.equal(seen.length, 2, 'the conflict ran the turn again');
    assert.equal(seen[1], seen[0]);
    assert.equal(seen[0], asSent);
  });
});
