import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { LOCAL_WEB_CHAT_PATHS } from '../../bot/webchat/local-web-chat';
import { cardTexts, messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { HOSTS, onHost, type HostName } from '../support/hosts';
import { BOT_FRAMEWORK_ISSUER, channelClaims, FakeChannelIdentity, newKeyPair, signToken } from './channel-identity';
import { RecordingStorage } from './recording-storage';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const APP_PASSWORD = 'test-secret-never-logged';
const LISTED = 'key-listed';
const TEAMS_ONLY = 'key-teams-only';

/**
 * Where each host checks tokens in these tests, all on loopback. The botbuilder host reads the
 * channel's OpenID metadata (given here) and takes Bot Framework tokens; the Agents SDK fetches the
 * keys of Bot Framework tokens from login.botframework.com whatever it is told, so on the Agents
 * host the same tokens are signed as a loopback issuer whose keys it asks of a loopback authority.
 */
function tokenSource(host: HostName, identity: FakeChannelIdentity) {
  return host === 'agents'
    ? { openIdMetadataUrl: identity.metadataUrl, tokenIssuer: identity.loopbackIssuer, authority: identity.authority }
    : { openIdMetadataUrl: identity.metadataUrl };
}
function channelIssuer(host: HostName, identity: FakeChannelIdentity): string {
  return host === 'agents' ? identity.loopbackIssuer : BOT_FRAMEWORK_ISSUER;
}

/** The reason each SDK gives for a refusal (logged, never sent): proof the request failed the intended check. */
type Reason = RegExp | Record<HostName, RegExp>;
function reasonOn(reason: Reason, host: HostName): RegExp {
  return reason instanceof RegExp ? reason : reason[host];
}

for (const host of HOSTS)
  describe(`authentication with an app id (tokens signed locally, OpenID metadata on loopback) ${onHost(host)}`, () => {
    const knowledge = sharedKnowledgeBase();
    const log = memoryLogger();
    const storage = new RecordingStorage();
    let identity: FakeChannelIdentity;
    let bot: RunningServer;
    // botbuilder prints rejected tokens with console.error; keep them out of the test output.
    const printed: unknown[][] = [];
    const consoleError = console.error;

    before(async () => {
      console.error = (...args: unknown[]) => void printed.push(args);
      identity = await FakeChannelIdentity.start([
        { kid: LISTED, endorsements: ['msteams', 'webchat', 'test'] },
        { kid: TEAMS_ONLY, endorsements: ['msteams'] },
      ]);
      const config = readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'MultiTenant' });
      // Loopback for the test; production listens on 0.0.0.0.
      bot = await startServer({ config: { ...config, port: 0, host: '127.0.0.1' }, knowledge, storage, log, host, channelTokenSource: tokenSource(host, identity) });
    });
    after(async () => {
      console.error = consoleError;
      await bot?.close();
      await identity?.stop();
    });

    const activity = (overrides: Partial<Activity> = {}) => ({ ...messageActivity('what is NLB', overrides), deliveryMode: 'expectReplies' }) as Partial<Activity>;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const claimsFor = (a: Partial<Activity>, claims: Record<string, unknown> = {}) => channelClaims(APP_ID, a.serviceUrl!, { iss: channelIssuer(host, identity), ...claims });
    const validToken = (a: Partial<Activity>, claims: Record<string, unknown> = {}, kid = LISTED) => signToken(claimsFor(a, claims), identity.key(kid).privateKey, { kid });

    it('runs the turn for a token signed by a listed key, for this app id, serviceUrl and channel', async () => {
      const a = activity();
      const { status, body } = await postActivity(bot.url, a, bearer(validToken(a)));
      assert.equal(status, 200, JSON.stringify(body));
      assert.ok(
        cardTexts(body.activities[0]).some((t) => t.includes('EXB-002')),
        JSON.stringify(body),
      );
      assert.ok(storage.touched(a.conversation!.id), 'the turn read its state');
      assert.deepEqual(
        identity.fetched.slice(0, 2),
        host === 'agents'
          ? // The SDK's key client for the signature, then the host for the keys' endorsements (bot/hosts/agents/key-endorsements.ts).
            ['/botframework.com/discovery/v2.0/keys', '/botframework.com/discovery/v2.0/keys']
          : ['/openid-configuration', '/keys'],
      );
    });

    // Each: what is wrong, the headers sent, and the reason logged. Every one must get 401 and run no turn.
    const refused: Array<[string, (a: Partial<Activity>) => Record<string, string>, Reason]> = [
      ['no Authorization header', () => ({}), { botbuilder: /Request is not authorized/, agents: /authorization header not found/ }],
      ['an empty Authorization header', () => ({ authorization: '' }), { botbuilder: /Request is not authorized/, agents: /authorization header not found/ }],
      ['"Bearer" without a token', () => ({ authorization: 'Bearer' }), { botbuilder: /No valid identity/, agents: /invalid authorization header/ }],
      [
        'a Basic credential',
        () => ({ authorization: `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}` }),
        { botbuilder: /No valid identity/, agents: /invalid authorization header/ },
      ],
      ['a malformed token (not a JWT)', () => bearer('not-a-jwt'), { botbuilder: /No valid identity/, agents: /invalid token/ }],
      ['a malformed token (three parts of garbage)', () => bearer('eyJhbGciOi.garbage.garbage'), { botbuilder: /No valid identity/, agents: /invalid token/ }],
      ['the right token under another scheme', (a) => ({ authorization: `Token ${validToken(a)}` }), { botbuilder: /No valid identity/, agents: /invalid authorization header/ }],
      [
        'an expired token (beyond the 5-minute clock tolerance)',
        (a) => bearer(validToken(a, { exp: Math.floor(Date.now() / 1000) - 600, nbf: Math.floor(Date.now() / 1000) - 4000 })),
        /expired/,
      ],
      ['a token not valid yet (nbf in 10 minutes)', (a) => bearer(validToken(a, { nbf: Math.floor(Date.now() / 1000) + 600 })), /not active/],
      [
        'a token signed by an unknown key (unlisted kid)',
        (a) => bearer(signToken(claimsFor(a), newKeyPair().privateKey, { kid: 'key-unknown' })),
        { botbuilder: /Signing Key could not be retrieved/, agents: /Unable to find a signing key that matches 'key-unknown'/ },
      ],
      ['a token signed by an unknown key under a listed kid', (a) => bearer(signToken(claimsFor(a), newKeyPair().privateKey, { kid: LISTED })), /invalid signature/],
      [
        'a token without a kid',
        (a) => bearer(signToken(claimsFor(a), identity.key(LISTED).privateKey, {})),
        { botbuilder: /Signing Key could not be retrieved/, agents: /No KID specified/ },
      ],
      ['an unsigned token (alg none)', (a) => bearer(signToken(claimsFor(a), identity.key(LISTED).privateKey, { alg: 'none', kid: LISTED })), /signature is required/],
      [
        'an HS256 token keyed with the public key (algorithm confusion)',
        (a) =>
          bearer(
            signToken(
              claimsFor(a),
              identity.key(LISTED).privateKey,
              { alg: 'HS256', kid: LISTED },
              identity.key(LISTED).publicKey.export({ type: 'spki', format: 'pem' }) as Buffer,
            ),
          ),
        /invalid algorithm/,
      ],
      [
        'a listed token with its claims changed after signing',
        (a) => {
          const [head, , signature] = validToken(a).split('.');
          const forged = Buffer.from(JSON.stringify(claimsFor(a, { exp: Math.floor(Date.now() / 1000) + 86_400 * 365 }))).toString('base64url');
          return bearer(`${head}.${forged}.${signature}`);
        },
        /invalid signature/,
      ],
      [
        'a token for another bot (audience)',
        (a) => bearer(validToken(a, { aud: '99999999-8888-7777-6666-555555555555' })),
        { botbuilder: /Invalid AppId/, agents: /Audience mismatch/ },
      ],
      ['a token from another issuer', (a) => bearer(validToken(a, { iss: 'https://attacker.example' })), /not issued by the Bot Framework channel service/],
      ['a token for another serviceUrl', (a) => bearer(validToken(a, { serviceurl: 'https://smba.example/other/' })), /ServiceUrl claim/],
      ['a token from a key not endorsed for the channel', (a) => bearer(validToken(a, {}, TEAMS_ONLY)), /endorsement/],
    ];
    for (const [what, headers, reason] of refused) {
      it(`answers 401 and runs no turn for ${what}`, async () => {
        const a = activity({ channelId: 'webchat' });
        const { status, body } = await postActivity(bot.url, a, headers(a));
        assert.equal(status, 401, JSON.stringify(body));
        assert.deepEqual(body, { error: { code: 'Unauthorized', message: 'The request is not authorized.' } });
        assert.equal(storage.touched(a.conversation!.id), false, 'no turn read state');
        assert.ok(!log.lines.some((l) => l.message === 'activity processed' && l.fields.conversationId === a.conversation!.id));
        const logged = log.lines.find((l) => l.message === 'request refused: authentication failed' && l.fields.conversationId === a.conversation!.id);
        assert.ok(logged, 'refusal logged with the conversation id');
        // The library's own reason: proof the request failed the intended check, not some other one.
        assert.match(String(logged.fields.reason), reasonOn(reason, host));
      });
    }

    it('accepts a key endorsed only for Teams on a Teams activity (the endorsement refusal above is about the channel)', async () => {
      const a = activity({ channelId: 'msteams' });
      const { status } = await postActivity(bot.url, a, bearer(validToken(a, {}, TEAMS_ONLY)));
      assert.equal(status, 200);
    });

    it('answers 401 before any turn for invokes too (message-extension queries)', async () => {
      const a = {
        ...activity(),
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId: 'searchKb', parameters: [{ name: 'query', value: 'nlb' }] },
      } as Partial<Activity>;
      const { status } = await postActivity(bot.url, a);
      assert.equal(status, 401);
    });

    it('serves no local page or script, and still the health probe', async () => {
      for (const path of LOCAL_WEB_CHAT_PATHS) {
        const response = await fetch(`${bot.url}${path}`);
        assert.equal(response.status, 404, path);
        await response.body?.cancel();
      }
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    });

    it('never logs the app password or a token', async () => {
      const a = activity();
      const token = validToken(a);
      await postActivity(bot.url, a, bearer(token));
      const logged = JSON.stringify(log.lines);
      assert.ok(!logged.includes(APP_PASSWORD));
      assert.ok(!logged.includes(token.split('.')[2]!));
    });
  });

for (const host of HOSTS)
  describe(`authentication when the OpenID metadata cannot be fetched ${onHost(host)}`, () => {
    it('answers 401 (not 500) and keeps serving', async () => {
      const consoleError = console.error;
      console.error = () => undefined;
      const log = memoryLogger();
      // A port nothing listens on: the metadata fetch is refused at once.
      const identity = await FakeChannelIdentity.start([{ kid: LISTED, endorsements: [] }]);
      const unreachable = tokenSource(host, identity);
      await identity.stop();
      const config = readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD });
      const bot = await startServer({
        config: { ...config, port: 0, host: '127.0.0.1' },
        knowledge: sharedKnowledgeBase(),
        log,
        host,
        channelTokenSource: unreachable,
      });
      try {
        const a = messageActivity('help');
        const token = signToken(channelClaims(APP_ID, a.serviceUrl!, { iss: channelIssuer(host, identity) }), identity.key(LISTED).privateKey, { kid: LISTED });
        const { status } = await postActivity(bot.url, { ...a, deliveryMode: 'expectReplies' }, { authorization: `Bearer ${token}` });
        assert.equal(status, 401);
        assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
      } finally {
        console.error = consoleError;
        await bot.close();
      }
    });
  });
