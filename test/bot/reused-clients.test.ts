import { strict as assert } from 'node:assert';
import type { TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import type { BotbuilderHost } from '../../bot/hosts/botbuilder/adapter';
import { ReusingBotFrameworkAuthentication } from '../../bot/hosts/botbuilder/reused-clients';
import { startServer, type RunningServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { exchange } from '../support/bot-http';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const NO_APP_ID = { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' };
const APP_ID = '11111111-2222-3333-4444-555555555555';

/** Claims of a channel token for `appId` (the audience is the bot's app id). */
function claimsFor(appId: string): ClaimsIdentity {
  return new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
}

describe('outbound Bot Framework clients reused across turns (bot/reused-clients)', () => {
  describe('over HTTP, in local mode', () => {
    let bot: RunningServer;
    const clients: Array<{ serviceUrl: string; connector: unknown; userToken: unknown }> = [];
    before(async () => {
      bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
      const { adapter } = bot.host as BotbuilderHost;
      adapter.use(async (context: TurnContext, next) => {
        clients.push({
          serviceUrl: context.activity.serviceUrl,
          connector: context.turnState.get(adapter.ConnectorClientKey),
          userToken: context.turnState.get(adapter.UserTokenClientKey),
        });
        await next();
      });
    });
    after(async () => {
      await bot?.close();
    });

    it('gives turns for the same serviceUrl the same connector client, and another serviceUrl its own', async () => {
      const serviceUrl = 'http://127.0.0.1:9/unused';
      await exchange(bot.url, messageActivity('what is NLB', { serviceUrl }));
      await exchange(bot.url, messageActivity('what is NLB', { serviceUrl }));
      await exchange(bot.url, messageActivity('what is NLB', { serviceUrl: 'http://127.0.0.1:10/other' }));
      assert.equal(clients.length, 3);
      assert.ok(clients[0]!.connector, 'the turn has a connector client');
      assert.equal(clients[1]!.connector, clients[0]!.connector);
      assert.notEqual(clients[2]!.connector, clients[0]!.connector);
      // One user-token client for the (anonymous) app id, whatever the serviceUrl.
      assert.ok(clients[0]!.userToken);
      assert.equal(clients[1]!.userToken, clients[0]!.userToken);
      assert.equal(clients[2]!.userToken, clients[0]!.userToken);
    });
  });

  it('never hands a client made for one app id to another (authentication off, so both get credentials)', async () => {
    const auth = new ReusingBotFrameworkAuthentication(NO_APP_ID);
    const url = 'https://smba.trafficmanager.net/emea/';
    const a1 = await auth.createConnectorFactory(claimsFor('app-a')).create(url);
    const a2 = await auth.createConnectorFactory(claimsFor('app-a')).create(url);
    const b = await auth.createConnectorFactory(claimsFor('app-b')).create(url);
    assert.equal(a2, a1);
    assert.notEqual(b, a1);
    assert.notEqual(await auth.createConnectorFactory(claimsFor('app-a')).create(url, 'another-audience'), a1);
    assert.equal(await auth.createUserTokenClient(claimsFor('app-a')), await auth.createUserTokenClient(claimsFor('app-a')));
    assert.notEqual(await auth.createUserTokenClient(claimsFor('app-b')), await auth.createUserTokenClient(claimsFor('app-a')));
  });

  it('still refuses credentials for another app id once a client for its own is cached', async () => {
    const auth = new ReusingBotFrameworkAuthentication({ ...NO_APP_ID, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' });
    const url = 'https://smba.trafficmanager.net/emea/';
    const own = await auth.createConnectorFactory(claimsFor(APP_ID)).create(url);
    assert.equal(await auth.createConnectorFactory(claimsFor(APP_ID)).create(url), own);
    await assert.rejects(auth.createConnectorFactory(claimsFor('another-app')).create(url), /Invalid appId/);
    await assert.rejects(auth.createUserTokenClient(claimsFor('another-app')), /Invalid appId/);
  });

  it('is bounded: many serviceUrls push the oldest client out instead of growing the cache', async () => {
    const auth = new ReusingBotFrameworkAuthentication(NO_APP_ID);
    const factory = auth.createConnectorFactory(claimsFor('app-a'));
    const first = await factory.create('http://127.0.0.1:9/first');
    assert.equal(await factory.create('http://127.0.0.1:9/first'), first);
    for (let i = 0; i < 600; i += 1) await factory.create(`http://127.0.0.1:9/forged-${i}`);
    assert.notEqual(await factory.create('http://127.0.0.1:9/first'), first);
  });
});
