import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { HOSTS, onHost } from '../support/hosts';
import { FakeChannelIdentity, signToken } from './channel-identity';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const KID = 'key-emulator';
// The Azure AD issuer the Emulator's tokens carry (one botbuilder accepts for Emulator tokens).
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

/** Claims of a token of the Emulator's shape (v1: `appid`), for `appId`; `overrides` win. */
function emulatorClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: EMULATOR_ISSUER, aud: APP_ID, appid: APP_ID, ver: '1.0', nbf: now - 60, iat: now - 60, exp: now + 3600, jti: randomUUID(), ...overrides };
}

// Issue 13, finding 5: botbuilder takes Emulator-issued tokens even with an app id set.
for (const host of HOSTS)
  describe(`Emulator-issued tokens with an app id (issue 13, finding 5) ${onHost(host)}`, function () {
    this.timeout(30_000);
    const knowledge = sharedKnowledgeBase();
    const printed: unknown[][] = [];
    const consoleError = console.error;
    let identity: FakeChannelIdentity;
    const bots: RunningServer[] = [];

    const start = async (env: Record<string, string>) => {
      const log = memoryLogger();
      const config = readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', ...env });
      // Both the channel's and the Emulator's metadata on loopback: nothing leaves the machine.
      // The Agents SDK takes the keys of Entra ID tokens from <authority>/<tenant>/discovery/v2.0/keys: the same loopback server.
      const source = {
        openIdMetadataUrl: identity.metadataUrl,
        emulatorOpenIdMetadataUrl: identity.metadataUrl,
        tokenIssuer: identity.loopbackIssuer,
        authority: identity.authority,
      };
      const bot = await startServer({
        config: { ...config, port: 0, host: '127.0.0.1' },
        knowledge,
        log,
        host,
        channelTokenSource: host === 'agents' ? source : { openIdMetadataUrl: identity.metadataUrl, emulatorOpenIdMetadataUrl: identity.metadataUrl },
      });
      bots.push(bot);
      return { bot, log };
    };
    const teamsActivity = () =>
      ({ ...messageActivity('what is NLB', { channelId: 'msteams', serviceUrl: 'https://smba.example/anywhere/' }), deliveryMode: 'expectReplies' }) as Partial<Activity>;
    const bearer = (claims: Record<string, unknown>) => ({ authorization: `Bearer ${signToken(claims, identity.key(KID).privateKey, { kid: KID })}` });

    before(async () => {
      console.error = (...args: unknown[]) => void printed.push(args);
      identity = await FakeChannelIdentity.start([{ kid: KID, endorsements: [] }]);
    });
    after(async () => {
      console.error = consoleError;
      for (const bot of bots) await bot.close();
      await identity?.stop();
    });

    it('refuses them (401, no turn) unless ALLOW_EMULATOR_TOKENS=true', async () => {
      const { bot, log } = await start({});
      const a = teamsActivity();
      const { status } = await postActivity(bot.url, a, bearer(emulatorClaims()));
      assert.equal(status, 401);
      const refused = log.lines.find((l) => l.message === 'request refused: authentication failed');
      assert.match(String(refused?.fields.reason), /not issued by the Bot Framework channel service/);
      assert.ok(!log.lines.some((l) => l.message === 'activity processed'));
    });

    describe('with ALLOW_EMULATOR_TOKENS=true', () => {
      let bot: RunningServer;
      before(async () => {
        ({ bot } = await start({ ALLOW_EMULATOR_TOKENS: 'true' }));
      });

      it('accepts one for this app id', async () => {
        const { status } = await postActivity(bot.url, teamsActivity(), bearer(emulatorClaims()));
        assert.equal(status, 200);
      });

      it('answers 401, not 500, for one whose audience is the Bot Framework instead of this bot', async () => {
        const { status } = await postActivity(bot.url, teamsActivity(), bearer(emulatorClaims({ aud: 'https://api.botframework.com' })));
        assert.equal(status, 401);
      });

      it('answers 401 when its serviceurl claim names another serviceUrl', async () => {
        const { status } = await postActivity(bot.url, teamsActivity(), bearer(emulatorClaims({ serviceurl: 'https://elsewhere.example/' })));
        assert.equal(status, 401);
      });

      it('answers 401 for an unknown tenant (botbuilder would add its issuer to a global list)', async () => {
        const { status } = await postActivity(bot.url, teamsActivity(), bearer(emulatorClaims({ tid: randomUUID() })));
        assert.equal(status, 401);
      });
    });

    it('ALLOW_EMULATOR_TOKENS takes true or false only', () => {
      assert.throws(() => readConfig({ ALLOW_EMULATOR_TOKENS: 'yes' }), /ALLOW_EMULATOR_TOKENS must be true or false/);
      assert.equal(readConfig({}).allowEmulatorTokens, false);
    });
  });
