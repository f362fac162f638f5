import { strict as assert } from 'node:assert';
import { AuthType } from '@microsoft/agents-hosting';
import { readConfig } from '../../bot/config';
import { agentsAuthConfiguration, LOCAL_MODE_CLIENT_ID } from '../../bot/hosts/agents/agents-auth-config';
import { refuseContradictingAgentsSettings } from '../../bot/hosts/agents/agents-settings-check';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';

// One .env serves both hosts: the Agents SDK's clientId/clientSecret/tenantId come from MicrosoftApp*.
describe('configuration: the Agents host reads the MicrosoftApp* settings', () => {
  const cases: Array<[string, Record<string, string>, Record<string, unknown>]> = [
    [
      'MultiTenant: a client secret, the botframework.com tenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's3cret' },
      { clientId: APP_ID, clientSecret: 's3cret', tenantId: 'botframework.com', authType: AuthType.ClientSecret },
    ],
    [
      'SingleTenant: a client secret, the app registration tenant',
      { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT },
      { clientId: APP_ID, clientSecret: 's3cret', tenantId: TENANT, authType: AuthType.ClientSecret },
    ],
    [
      'UserAssignedMSI: the managed identity, no secret',
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT },
      { clientId: APP_ID, tenantId: TENANT, authType: AuthType.UserManagedIdentity },
    ],
  ];
  for (const [what, env, expected] of cases) {
    it(what, () => {
      const auth = agentsAuthConfiguration(readConfig(env));
      assert.deepEqual({ clientId: auth.clientId, clientSecret: auth.clientSecret, tenantId: auth.tenantId, authType: auth.authType }, { clientSecret: undefined, ...expected });
      // The SDK checks issuers only when told to: always told here.
      assert.equal(auth.validateIssuer, true);
      assert.ok(auth.issuers?.includes('https://api.botframework.com'));
    });
  }

  it('local mode (no app id): an id no token is checked against, so the SDK also builds its adapter under NODE_ENV=production', () => {
    assert.deepEqual(agentsAuthConfiguration(readConfig({})), { clientId: LOCAL_MODE_CLIENT_ID });
  });

  it("refuses the SDK's own settings when they contradict the bot's, naming the variable", () => {
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ MicrosoftAppId: APP_ID, clientId: 'another-app' }, /^clientId contradicts MicrosoftAppId: .*remove clientId/],
      [{ MicrosoftAppPassword: 'a', clientSecret: 'b' }, /^clientSecret contradicts MicrosoftAppPassword/],
      [{ tenantId: TENANT }, /^tenantId contradicts MicrosoftAppTenantId/],
      [{ authType: 'ClientSecret' }, /^authType is not read by this bot: MicrosoftAppType/],
      [{ connections__serviceConnection__settings__clientId: APP_ID }, /^connections__serviceConnection__settings__clientId is not read by this bot/],
      [{ CloudAdapterOptions__validateServiceUrl: 'false' }, /^CloudAdapterOptions__validateServiceUrl is not read by this bot/],
    ];
    for (const [env, message] of refusals) {
      assert.throws(
        () => refuseContradictingAgentsSettings(env),
        (error: Error) => message.test(error.message) && !error.message.includes('\n'),
        JSON.stringify(env),
      );
    }
  });

  it('takes the same values under both names, and empty ones as not set', () => {
    assert.doesNotThrow(() => refuseContradictingAgentsSettings({ MicrosoftAppId: APP_ID, clientId: APP_ID, clientSecret: '', tenantId: '' }));
  });
});
