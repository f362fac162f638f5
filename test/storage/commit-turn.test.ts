import { strict as assert } from 'node:assert';
import { BotTurn } from '../../bot/bot-turn';
import { memoryLogger } from '../../bot/log';
import { BoundedMemoryStorage } from '../../bot/storage/bounded-memory-storage';
import { SEND_AGAIN_MESSAGE, runTurnAndCommitState } from '../../bot/storage/commit-turn';
import { OptimisticConversationState } from '../../bot/storage/optimistic-bot-state';
import type { IncomingActivity } from '../../dialogs/turn';

const MESSAGE: IncomingActivity = {
  type: 'message',
  channelId: 'test',
  conversation: { id: 'conv-1' },
  from: { id: 'user' },
  recipient: { id: 'bot' },
  serviceUrl: 'http://127.0.0.1:9/unused',
};

/** A turn of `activity` whose replies land in `sent` (or nowhere). */
function turnOf(activity: IncomingActivity, sent: string[] = []): BotTurn {
  return new BotTurn(activity, {
    send: async (activities) => {
      sent.push(...activities.map((a) => String(a.text)));
      return activities.map(() => ({ id: '' }));
    },
  });
}

/**
 * A counter bot whose turn can be interrupted by "another instance" (a second state over the same
 * real storage) saving the same conversation between this turn's read and its save.
 */
function counterBot(options: { interruptions: number; failWith?: Error }) {
  const storage = new BoundedMemoryStorage();
  const state = new OptimisticConversationState(storage);
  const count = state.property<number>('count');
  const log = memoryLogger();
  let interruptions = options.interruptions;

  const otherInstanceIncrements = async (): Promise<void> => {
    const other = new OptimisticConversationState(storage);
    const context = turnOf(MESSAGE);
    const otherCount = other.property<number>('count');
    await otherCount.set(context, ((await otherCount.get(context)) ?? 0) + 1);
    await other.saveChanges(context);
  };

  /** One message; resolves with the texts the channel received. */
  const send = async (text: string): Promise<string[]> => {
    const sent: string[] = [];
    const context = turnOf({ ...MESSAGE, text }, sent);
    try {
      await runTurnAndCommitState(
        context,
        async () => {
          const seen = (await count.get(context)) ?? 0;
          await context.sendActivity(`saw ${seen}`);
          if (options.failWith) throw options.failWith;
          if (interruptions > 0) {
            interruptions -= 1;
            await otherInstanceIncrements();
          }
          await count.set(context, seen + 1);
        },
        { states: [state], log },
      );
    } catch (error) {
      // What the bot's turn error handling does.
      await context.sendActivity(`turn failed: ${(error as Error).message}`);
    }
    return sent;
  };

  const stored = async (): Promise<number | undefined> => new OptimisticConversationState(storage).property<number>('count').get(turnOf(MESSAGE));
  return { send, log, stored };
}

describe('a turn and its state are saved together (runTurnAndCommitState)', () => {
  it('runs the turn again on the newer state when another instance saved first, and sends only the saved attempt’s replies', async () => {
    const { send, log, stored } = counterBot({ interruptions: 1 });
    assert.deepEqual(await send('count'), ['saw 1']);
    assert.equal(await stored(), 2, 'both increments kept: the other instance’s and the retried turn’s');
    assert.deepEqual(
      log.lines.map((l) => [l.level, l.message, l.fields.attempt]),
      [['warn', 'state conflict: another turn of this conversation saved first; running this turn again', 1]],
    );
  });

  it('asks the user to send the message again after three conflicts in a row, and never overwrites the other change', async () => {
    const { send, log, stored } = counterBot({ interruptions: 99 });
    assert.deepEqual(await send('count'), [SEND_AGAIN_MESSAGE]);
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

  it('lets any other failure through to the turn’s error handling without the failed attempt’s replies, and saves nothing', async () => {
    const { send, stored } = counterBot({ interruptions: 0, failWith: new Error('dialog broke') });
    assert.deepEqual(await send('count'), ['turn failed: dialog broke']);
    assert.equal(await stored(), undefined);
  });

  it('without interference, sends the replies once and saves the state', async () => {
    const { send, log, stored } = counterBot({ interruptions: 0 });
    assert.deepEqual(await send('count'), ['saw 0']);
    assert.deepEqual(await send('count'), ['saw 1']);
    assert.equal(await stored(), 2);
    assert.deepEqual(log.lines, []);
  });

  it('starts each attempt from the activity as it came in, however deep the turn changed it (Dates stay Dates)', async () => {
    const storage = new BoundedMemoryStorage();
    const state = new OptimisticConversationState(storage);
    const seen: string[] = [];
    let conflicts = 1;
    const timestamp = new Date('2026-12-01T10:00:00.000Z');
    const incoming = { ...MESSAGE, text: '<at>Bot</at> hi', timestamp, entities: [{ type: 'mention', text: '<at>Bot</at>' }], value: { nested: { list: [1, 'two'] } } };
    const asSent = JSON.stringify([incoming.text, incoming.entities, incoming.value, timestamp.getTime()]);
    const context = turnOf(incoming);
    await runTurnAndCommitState(
      context,
      async () => {
        const activity = context.activity as IncomingActivity & { value: { nested: { list: unknown[]; added?: boolean } }; timestamp: Date };
        seen.push(JSON.stringify([activity.text, activity.entities, activity.value, activity.timestamp instanceof Date && activity.timestamp.getTime()]));
        activity.text = 'hi';
        activity.entities![0]!.text = 'changed';
        activity.value.nested.list.push(3);
        activity.value.nested.added = true;
        activity.timestamp.setUTCFullYear(2000);
        await state.property<number>('n').set(context, seen.length);
        if (conflicts-- > 0) await storage.write({ [`${context.activity.channelId}/conversations/${context.activity.conversation.id}/`]: { n: 99 } });
      },
      { states: [state], log: memoryLogger() },
    );
    assert.equal(seen.length, 2, 'the conflict ran the turn again');
    assert.equal(seen[1], seen[0]);
    assert.equal(seen[0], asSent);
  });
});
