import { strict as assert } from 'node:assert';
import { MemoryStorage } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { cardTexts, messageActivity } from '../support/activities';
import { exchange } from '../support/bot-http';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 10 over real HTTP: the last verdict is kept in conversation state, so a follow-up ("why?")
 * and a "what if" work on the next turn, also after the bot restarts on the same storage (as it
 * does on Blob storage in App Service).
 */
for (const host of HOSTS)
  describe(`conversation over HTTP: follow-ups and "what if" survive a restart ${onHost(host)}`, () => {
    const knowledge = sharedKnowledgeBase();
    const storage = new MemoryStorage();
    const conversation = { id: `conv-followups-${Date.now()}` };
    let bot: RunningServer | undefined;

    const start = async () => startServer({ host, config: { ...readConfig({}), port: 0 }, knowledge, storage, log: memoryLogger() });
    const say = async (text: string) => {
      const replies = await exchange(bot!.url, messageActivity(text, { conversation: conversation as never }));
      return replies.flatMap((reply) => [...(typeof reply.text === 'string' ? [reply.text] : []), ...cardTexts(reply)]).join('\n');
    };

    afterEach(async () => {
      await bot?.close();
      bot = undefined;
    });

    it('answers "why?" about the verdict, then after a restart "what if we use NLB instead?" decides again', async () => {
      bot = await start();
      const verdict = await say('Can I put an Exchange 2003 front-end on a Windows server cluster?');
      // Exchange 2003 is retired: the out-of-support line comes first (issue 21), then the design's label.
      assert.match(verdict, /^Out of support since 8 April 2014: Exchange 2003\..*\nNot supported\n/, verdict);
      const why = await say('why?');
      assert.match(why, /front-end/i);
      assert.doesNotMatch(why, /Which Exchange version/);

      await bot.close();
      bot = await start();
      const whatIf = await say('what if we use NLB instead?');
      // The front-end with NLB now depends on the Windows release: the check asks it, keeping version and role.
      assert.match(whatIf, /Which Windows Server release will the server run\?/, whatIf);
      assert.match(whatIf, /Front-end/);
      assert.match(whatIf, /Windows Network Load Balancing/);
    });
  });
