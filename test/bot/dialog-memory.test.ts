import { strict as assert } from 'node:assert';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createBot } from '../../bot/create-bot';
import { memoryLogger } from '../../bot/log';
import { loadKnowledgeBase } from '../../knowledge';
import { messageActivity } from '../support/activities';

// botbuilder-dialogs' own turn-state key for it (not exported).
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

describe('the dialogs’ memory scopes are gathered once per bot, not on every turn', () => {
  it('hands every turn, of every conversation, the same configuration, and the check still moves on', async () => {
    const { bot } = createBot(loadKnowledgeBase(), new MemoryStorage(), memoryLogger());
    const adapter = new TestAdapter();
    const seen: unknown[] = [];
    const replies: string[] = [];
    const turn = async (text: string, conversation: string) => {
      await adapter.processActivity(messageActivity(text, { conversation: { id: conversation } as Activity['conversation'] }), async (context) => {
        context.onSendActivities(async (_ctx, activities, next) => {
          replies.push(JSON.stringify(activities));
          return next();
        });
        await bot.run(context);
        seen.push(context.turnState.get(CONFIGURATION_KEY));
      });
    };
    await turn('Can we cluster our Exchange 2003 back-end servers?', 'one');
    await turn('Enterprise', 'one');
    await turn('what is NLB', 'two');
    assert.equal(seen.length, 3);
    const [first] = seen as Array<{ memoryScopes: Array<{ name: string }> }>;
    assert.ok(
      first!.memoryScopes.some((scope) => scope.name === 'conversation'),
      'botbuilder’s scopes are in it',
    );
    assert.ok(seen.every((configuration) => configuration === first));
    assert.match(replies[0]!, /Which Exchange edition/);
    assert.match(replies[1]!, /Which Windows Server release/);
  });
});
