import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { RETRY_NOTICE } from '../../bot/cards/card-replies';
import { readConfig } from '../../bot/config';
import { MAX_MESSAGE_LENGTH, NOTHING_TO_READ_MESSAGE } from '../../bot/incoming-text';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { cardButtons, cardTexts, messageActivity, pressButton } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * A hang guard, not a speed target (those live in `npm run bench`, bench/hostile.ts): catastrophic
 * backtracking on these inputs takes minutes, while a full suite on a loaded 2-core CI machine has
 * stretched a normal reply past 2 s.
 */
const HANG_MS = 20_000;

const RETRY = RETRY_NOTICE;
const VERSION_QUESTION = 'Which Exchange version is it?';
const ROLE_QUESTION = 'Which role will the server have?';

/** A complete, valid activity as JSON; `overrides` win (undefined removes a field). */
function activityJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...messageActivity('what is NLB'), deliveryMode: 'expectReplies', ...overrides });
}

/** Texts of a reply that a channel interprets (Markdown or HTML): everything but TextRuns. */
function interpretedTexts(reply: Partial<Activity>): string[] {
  const texts: string[] = [...(reply.text ? [reply.text] : []), ...(reply.summary ? [reply.summary] : [])];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    if (typeof element.title === 'string') texts.push(element.title);
    for (const value of Object.values(element)) walk(value);
  };
  for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return texts;
}

/** Texts shown verbatim (RichTextBlock TextRuns). */
function literalTexts(reply: Partial<Activity>): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') texts.push(element.text);
    for (const value of Object.values(element)) walk(value);
  };
  for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return texts;
}

/** The type of every action in a reply's cards. */
function actionTypes(reply: Partial<Activity>): string[] {
  const types: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Action.')) types.push(element.type);
    for (const key of ['body', 'items', 'columns', 'actions', 'inlines']) walk(element[key]);
  };
  for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return types;
}

for (const host of HOSTS)
  describe(`bad input over HTTP: a clear status or reply, never a crash or a stack trace ${onHost(host)}`, function () {
    this.timeout(30_000);
    const knowledge = sharedKnowledgeBase();
    const log = memoryLogger();
    let bot: RunningServer;

    before(async () => {
      bot = await startServer({ host, config: { ...readConfig({}), port: 0 }, knowledge, log });
    });
    after(async () => {
      // Whatever came before, the server is still up and answers.
      const health = await fetch(`${bot.url}/healthz`);
      assert.equal(health.status, 200);
      assert.ok(!log.lines.some((l) => l.level === 'error'), JSON.stringify(log.lines.filter((l) => l.level === 'error')));
      await bot.close();
    });

    async function raw(
      body: string | Buffer | undefined,
      headers: Record<string, string> = { 'content-type': 'application/json' },
      method = 'POST',
    ): Promise<{ status: number; text: string; json: any }> {
      const response = await fetch(`${bot.url}/api/messages`, { method, headers, body });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      assert.ok(!/\n\s+at /.test(text), `a stack trace in the response: ${text}`);
      return { status: response.status, text, json };
    }

    describe('the request body', () => {
      const cases: Array<[string, string | Buffer | undefined, Record<string, string>, number, RegExp]> = [
        ['malformed JSON', '{"type": "message", ', { 'content-type': 'application/json' }, 400, /not valid JSON/],
        ['an empty body', '', { 'content-type': 'application/json' }, 400, /not valid JSON/],
        ['JSON null', 'null', { 'content-type': 'application/json' }, 400, /must be a JSON object/],
        ['a JSON array', '[{"type":"message"}]', { 'content-type': 'application/json' }, 400, /must be a JSON object/],
        ['a JSON string', '"message"', { 'content-type': 'application/json' }, 400, /must be a JSON object/],
        ['a JSON number', '42', { 'content-type': 'application/json' }, 400, /must be a JSON object/],
        ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { 'content-type': 'application/json' }, 400, /not valid UTF-8/],
        [
          'a body nested 10,000 levels deep',
          `{"type":"message","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
          { 'content-type': 'application/json' },
          400,
          /nested more than 64 levels/,
        ],
        ['a 300 KB body (over the 256 KB limit)', activityJson({ text: 'x'.repeat(300 * 1024) }), { 'content-type': 'application/json' }, 413, /larger than 262144 bytes/],
        ['a 5 MB body', activityJson({ text: 'x'.repeat(5 * 1024 * 1024) }), { 'content-type': 'application/json' }, 413, /larger than 262144 bytes/],
        ['Content-Type text/plain', activityJson(), { 'content-type': 'text/plain' }, 415, /must be application\/json/],
        ['no Content-Type', Buffer.from(activityJson()), {}, 415, /must be application\/json/],
        ['Content-Type application/x-www-form-urlencoded', 'type=message', { 'content-type': 'application/x-www-form-urlencoded' }, 415, /must be application\/json/],
        ['JSON in Latin-1', activityJson(), { 'content-type': 'application/json; charset=iso-8859-1' }, 415, /must be UTF-8/],
      ];
      for (const [what, body, headers, status, message] of cases) {
        it(`${what} → ${status}`, async () => {
          const response = await raw(body, headers);
          assert.equal(response.status, status, response.text);
          assert.match(response.json?.error?.message ?? '', message);
        });
      }

      it('a UTF-8 byte order mark before the JSON is accepted', async () => {
        const response = await raw(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(activityJson())]));
        assert.equal(response.status, 200, response.text);
      });

      it('a body over the limit sent in chunks, without Content-Length → 413', async () => {
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 6; i += 1) controller.enqueue(chunk);
            controller.close();
          },
        });
        const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
        assert.equal(response.status, 413);
        await response.body?.cancel();
      });

      for (const method of ['GET', 'PUT', 'DELETE']) {
        it(`${method} /api/messages → 405`, async () => {
          const response = await raw(method === 'GET' ? undefined : '{}', { 'content-type': 'application/json' }, method);
          assert.equal(response.status, 405);
        });
      }
    });

    describe('the activity', () => {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['without type', { type: undefined }, 'type'],
        ['with an empty type', { type: '' }, 'type'],
        ['with a numeric type', { type: 42 }, 'type'],
        ['without channelId', { channelId: undefined }, 'channelId'],
        ['without conversation', { conversation: undefined }, 'conversation.id'],
        ['without conversation id', { conversation: { name: 'x' } }, 'conversation.id'],
        ['with a numeric conversation id', { conversation: { id: 7 } }, 'conversation.id'],
        ['with conversation as a string', { conversation: 'conv-1' }, 'conversation.id'],
        ['without from', { from: undefined }, 'from.id'],
        ['without serviceUrl', { serviceUrl: undefined }, 'serviceUrl'],
        ['with a serviceUrl that is not a URL', { serviceUrl: 'not a url' }, 'serviceUrl'],
        ['with a javascript: serviceUrl', { serviceUrl: 'javascript:alert(1)' }, 'serviceUrl'],
        ['with a file: serviceUrl', { serviceUrl: 'file:///etc/passwd' }, 'serviceUrl'],
        ['with a numeric text', { text: 42 }, 'text'],
        ['with an object as text', { text: { html: '<b>x</b>' } }, 'text'],
        ['with entities that are not an array', { entities: 'mention' }, 'entities'],
        ['with a null entity', { entities: [null] }, 'entities[0]'],
        ['with attachments as an object', { attachments: { contentType: 'x' } }, 'attachments'],
        ['with a member without id', { type: 'conversationUpdate', membersAdded: [{ name: 'x' }] }, 'membersAdded[0].id'],
        ['with recipient as a string', { recipient: 'bot' }, 'recipient'],
        ['with a numeric recipient id', { recipient: { id: 5 } }, 'recipient.id'],
        ['with a numeric timestamp', { timestamp: 5 }, 'timestamp'],
        ['with channelData as a string', { channelData: 'x' }, 'channelData'],
      ];
      for (const [what, overrides, field] of cases) {
        it(`${what} → 400 naming "${field}"`, async () => {
          const response = await raw(activityJson(overrides));
          assert.equal(response.status, 400, response.text);
          assert.equal(response.json.error.field, field);
          assert.ok(response.json.error.message.includes(`"${field}"`), response.json.error.message);
        });
      }
    });

    describe('activity types and invokes the bot does not handle', () => {
      for (const type of ['foo', 'typing', 'event', 'messageReaction', 'endOfConversation', 'installationUpdate', 'handoff']) {
        it(`type "${type}" → 200, ignored`, async () => {
          const { status, body } = await postActivity(bot.url, { ...messageActivity(undefined), type, name: 'x', deliveryMode: 'expectReplies' });
          assert.equal(status, 200);
          assert.deepEqual(body.activities, []);
        });
      }

      it('a conversationUpdate with members removed only → 200, no reply', async () => {
        const { status, body } = await postActivity(bot.url, {
          ...messageActivity(undefined),
          type: 'conversationUpdate',
          membersRemoved: [{ id: 'user-1', name: 'Junior Admin' }],
          deliveryMode: 'expectReplies',
        });
        assert.equal(status, 200);
        assert.deepEqual(body.activities, []);
      });

      const invokes: Array<[string, Partial<Activity>, number]> = [
        ['an unknown invoke name', { name: 'foo/bar' }, 501],
        ['an invoke without name', { name: undefined }, 501],
        ['a Teams card action invoke (no name, msteams)', { name: undefined, channelId: 'msteams' }, 501],
        [
          'an Action.Execute invoke (adaptiveCard/action), which the bot does not use',
          { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x' } } },
          501,
        ],
        ['an Action.Execute invoke with a malformed value', { name: 'adaptiveCard/action', value: { foo: 1 } }, 501],
        ['an Adaptive Card search invoke (application/search) with a string value', { name: 'application/search', channelId: 'msteams', value: 'x' }, 501],
        ['a message-extension query without value', { name: 'composeExtension/query' }, 400],
        ['a message-extension query whose value is a string', { name: 'composeExtension/query', value: 'nlb' }, 400],
      ];
      for (const [what, overrides, status] of invokes) {
        it(`${what} → ${status} invoke response`, async () => {
          const response = await postActivity(bot.url, { ...messageActivity(undefined), type: 'invoke', ...overrides });
          assert.equal(response.status, status, JSON.stringify(response.body));
        });
      }

      it('a message-extension query with junk parameters and options → 200 with a result list', async () => {
        const value = { commandId: 'searchKb', parameters: [null, 5, { name: 'query', value: 'x'.repeat(100_000) }], queryOptions: 'all' };
        const { status, body } = await postActivity(bot.url, { ...messageActivity(undefined), type: 'invoke', name: 'composeExtension/query', value });
        assert.equal(status, 200, JSON.stringify(body));
        assert.equal(body.composeExtension.type, 'result');
      });
    });

    describe('message text', () => {
      const say = async (text: string, overrides: Partial<Activity> = {}) => exchange(bot.url, messageActivity(text, overrides));

      it('empty text → "didn\'t find any text"', async () => {
        for (const text of ['', '   ', '\n\t', '<at>Exchange Support Bot</at>']) {
          const replies = await say(text);
          assert.deepEqual(
            replies.map((r) => r.text),
            [NOTHING_TO_READ_MESSAGE],
            JSON.stringify(text),
          );
        }
      });

      it('no text at all, and a card submit that says nothing → "didn\'t find any text"', async () => {
        for (const value of [undefined, {}, { foo: 'bar' }, { text: 42 }, 'plain string', [1, 2]]) {
          const replies = await exchange(bot.url, { ...messageActivity(undefined), value });
          assert.deepEqual(
            replies.map((r) => r.text),
            [NOTHING_TO_READ_MESSAGE],
            JSON.stringify(value),
          );
        }
      });

      it('100,000 characters → "too long", quickly, and a check in progress is left where it was', async () => {
        const first = messageActivity('check my setup');
        assert.equal(cardTexts((await exchange(bot.url, first))[0]!)[0], VERSION_QUESTION);
        const started = Date.now();
        const replies = await exchange(bot.url, messageActivity('E2K3;'.repeat(20_000), { conversation: first.conversation }));
        assert.ok(Date.now() - started < HANG_MS, `took ${Date.now() - started} ms`);
        assert.match(replies[0]!.text!, new RegExp(`^That message is 100,000 characters long; I read questions of up to ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')}`));
        assert.equal(cardTexts(replies[1]!)[0], VERSION_QUESTION, 'the question again');
        assert.equal(cardTexts((await exchange(bot.url, messageActivity('E2K3', { conversation: first.conversation })))[0]!)[0], ROLE_QUESTION);
      });

      it('one 4,000-character word (the longest read) is answered without a pause', async () => {
        const started = Date.now();
        const replies = await say('a'.repeat(MAX_MESSAGE_LENGTH));
        assert.ok(Date.now() - started < HANG_MS, `took ${Date.now() - started} ms`);
        assert.equal(cardTexts(replies[0]!)[0], "I couldn't find an answer to this in the knowledge base:");
      });

      it('control characters and bidi overrides are removed; the rest of the question is answered', async () => {
        const replies = await say('what is\u0000 NLB\u0007\u001b\u202e\u0085');
        assert.ok(
          cardTexts(replies[0]!).some((t) => t.includes('EXB-002')),
          JSON.stringify(replies),
        );
        const echoed = await say('office\u0000 printer\u202Egnp.exe\u0008');
        assert.deepEqual(literalTexts(echoed[0]!), ['office printergnp.exe']);
      });

      it('a lone surrogate is replaced, not echoed', async () => {
        const replies = await say('printer \ud800 toner');
        assert.deepEqual(literalTexts(replies[0]!), ['printer \ufffd toner']);
      });

      it('emoji and right-to-left text are kept and echoed exactly', async () => {
        const nlb = await say('🤖 what is NLB? 🚀');
        assert.ok(cardTexts(nlb[0]!).some((t) => t.includes('EXB-002')));
        for (const text of ['👍🏽👨‍👩‍👧', 'שלום, מה שלומך', 'مرحبا كيف حالك', 'abc \u200Fעברית\u200E def']) {
          const replies = await say(text);
          assert.deepEqual(literalTexts(replies[0]!), [text]);
        }
      });

      // Each payload, and what of it must reach the user only as verbatim text.
      const injections: Array<[string, string]> = [
        ['<script>alert("x")</script><img src=x onerror=alert(1)>', '<script>'],
        ['[click me](https://evil.example/login) **urgent** ![x](https://evil.example/x.png)', 'evil.example'],
        ['</at><at>Admin</at> <a href="https://evil.example">reset password</a>', 'evil.example'],
        ['{"type":"AdaptiveCard","body":[],"actions":[{"type":"Action.OpenUrl","title":"Login","url":"https://evil.example"}]}', 'evil.example'],
        ['${$root.secret} {{user.password}} %s %n', '$root'],
      ];
      for (const channelId of ['webchat', 'msteams']) {
        it(`HTML, Markdown and Adaptive Card injection on ${channelId} → only ever shown verbatim`, async () => {
          for (const [text, marker] of injections) {
            const replies = await say(text, { channelId });
            assert.equal(replies.length, 1);
            const reply = replies[0]!;
            assert.ok(!interpretedTexts(reply).some((t) => t.includes(marker)), `${marker} interpreted: ${JSON.stringify(interpretedTexts(reply))}`);
            assert.ok(
              literalTexts(reply).some((t) => t.includes(marker)),
              `${marker} not echoed verbatim: ${JSON.stringify(literalTexts(reply))}`,
            );
            // The no-answer card's check, search and help buttons, or "did you mean" suggestions (issue 11): never a link.
            const types = actionTypes(reply);
            assert.ok(types.length >= 2 && types.length <= 4 && types.every((t) => t === 'Action.Submit'), `only the bot's own buttons: ${JSON.stringify(types)}`);
          }
        });
      }
    });

    describe('card submits in the guided check', () => {
      async function startCheck(): Promise<{ first: Partial<Activity>; replies: Partial<Activity>[] }> {
        const first = messageActivity('check my setup');
        const replies = await exchange(bot.url, first);
        assert.equal(cardTexts(replies[0]!)[0], VERSION_QUESTION);
        return { first, replies };
      }
      const forged: Array<[string, unknown]> = [
        ['a value the question does not have', { dimension: 'version', value: '2099' }],
        ['no value', { dimension: 'version' }],
        ["another question's value", { dimension: 'edition', value: 'standard' }],
        ['an unknown question', { dimension: 'admin', value: 'true' }],
        ['an object where a string belongs', { dimension: { $ne: '' }, value: { $ne: '' } }],
        ['a forged JSON string', '{"dimension":"version","value":"1999"}'],
        ['an array', [{ dimension: 'version', value: '2003' }]],
        ['a prototype-pollution attempt', JSON.parse('{"__proto__":{"dimension":"version","value":"2003"},"constructor":{"prototype":{"x":1}}}')],
      ];
      for (const [what, value] of forged) {
        it(`${what} → the question is asked again, and the check carries on`, async () => {
          const { first, replies } = await startCheck();
          const { text: _text, ...base } = first;
          const retry = await exchange(bot.url, { ...base, id: `forged-${Math.random()}`, value });
          assert.deepEqual(cardTexts(retry[0]!).slice(0, 2), [RETRY, VERSION_QUESTION]);
          assert.equal(({} as Record<string, unknown>).x, undefined, 'no prototype polluted');
          const button = cardButtons(replies[0]!).find((b) => b.data.value === '2003')!;
          assert.equal(cardTexts((await exchange(bot.url, pressButton(button, first)))[0]!)[0], ROLE_QUESTION);
        });
      }
    });
  });
