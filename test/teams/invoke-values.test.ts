import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Issue 22, finding 8: composeExtension/submitAction or fileConsent/invoke with `value: null`
// threw inside botbuilder, stalled 5 s, then answered 501.
for (const host of HOSTS)
  describe(`invokes whose value is not an object are refused before botbuilder reads them (issue 22) ${onHost(host)}`, function () {
    this.timeout(60_000);
    let bot: RunningServer;
    before(async () => {
      bot = await startServer({ host, config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
    });
    after(() => bot?.close());

    for (const name of [
      'composeExtension/submitAction',
      'fileConsent/invoke',
      'composeExtension/fetchTask',
      'task/fetch',
      'task/submit',
      'composeExtension/query',
      'message/submitAction',
    ]) {
      for (const value of [null, 'text', 42, ['a']]) {
        it(`${name} with value ${JSON.stringify(value)}: 400 at once`, async () => {
          const started = Date.now();
          const { status } = await postActivity(bot.url, { ...messageActivity(undefined, { channelId: 'msteams' }), type: 'invoke', name, value } as Partial<Activity>);
          assert.equal(status, 400);
          assert.ok(Date.now() - started < 4_000, 'no stall inside botbuilder');
        });
      }
    }
  });
