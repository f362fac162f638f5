import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { BotUnreachableError } from '../../../tools/chat/bot-client';
import { resolveBotUrl } from '../../../tools/chat/bot-endpoint';
import { ChatSession } from '../../../tools/chat/chat-session';
import { formatTurn } from '../../../tools/chat/terminal-chat';

/** The parts of a posted activity the fake bot looks at. */
interface Received {
  type?: string;
  text?: string;
  value?: unknown;
  deliveryMode?: string;
  channelId?: string;
  serviceUrl?: string;
  from?: { id?: string };
  recipient?: { id?: string };
  conversation?: { id?: string };
  membersAdded?: { id?: string }[];
}

const menuCard = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Is the back-end clustered?' }],
    actions: [
      { type: 'Action.Submit', title: 'Yes', data: { msteams: { type: 'imBack', value: 'yes, clustered' } } },
      { type: 'Action.Submit', title: 'No', data: { step: 'cluster', answer: 'no' } },
    ],
  },
};

/** Answers like CloudAdapter does for expectReplies: 200 with every reply of the turn in the body. */
function fakeBotReplies(activity: Received): unknown[] {
  if (activity.type === 'conversationUpdate') {
    return [
      { type: 'typing' },
      {
        type: 'message',
        text: 'Welcome to **Exchange Support**!',
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Check my setup', value: 'Check my setup' }] },
      },
    ];
  }
  if (activity.value !== undefined) return [{ type: 'message', text: `Got value ${JSON.stringify(activity.value)}` }];
  if (activity.text === 'Check my setup') return [{ type: 'message', attachments: [menuCard] }];
  if (activity.text === 'silence') return [];
  return [{ type: 'message', text: `You said: ${activity.text ?? ''}` }];
}

function readJson(request: IncomingMessage): Promise<Received> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received);
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port that was free a moment ago, so nothing should be listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await close(probe);
  return port;
}

describe('ChatSession against a loopback bot', () => {
  const received: Received[] = [];
  const requests: { method?: string; url?: string; contentType?: string }[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method, url: request.url, contentType: request.headers['content-type'] });
    if (request.method !== 'POST' || request.url !== '/api/messages') {
      response.writeHead(404);
      response.end();
      return;
    }
    readJson(request).then(
      (activity) => {
        received.push(activity);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ activities: fakeBotReplies(activity) }));
      },
      () => (response.writeHead(400), response.end()),
    );
  });
  let url = '';

  before(async () => {
    url = `http://127.0.0.1:${await listen(server)}/api/messages`;
  });

  after(() => close(server));

  beforeEach(() => {
    received.length = 0;
    requests.length = 0;
  });

  it('greets with a conversationUpdate and keeps one conversation across turns', async () => {
    const session = new ChatSession({ url });
    assert.match(session.conversationId, /^terminal-[0-9a-f-]{36}$/);

    const greeting = await session.start();
    assert.deepEqual(
      greeting.messages.map((m) => m.lines),
      [['Welcome to Exchange Support!', '[1] Check my setup']],
    );
    const echo = await session.send('hello bot');
    assert.deepEqual(
      echo.messages.map((m) => m.lines),
      [['You said: hello bot']],
    );

    assert.deepEqual(
      requests.map((r) => [r.method, r.url, r.contentType]),
      [
        ['POST', '/api/messages', 'application/json'],
        ['POST', '/api/messages', 'application/json'],
      ],
    );
    const [update, message] = received;
    assert.equal(update?.type, 'conversationUpdate');
    assert.deepEqual(
      update?.membersAdded?.map((m) => m.id),
      ['terminal-user'],
    );
    assert.equal(message?.type, 'message');
    assert.equal(message?.text, 'hello bot');
    for (const activity of received) {
      assert.equal(activity.deliveryMode, 'expectReplies');
      assert.equal(activity.channelId, 'terminal');
      assert.equal(activity.serviceUrl, 'http://127.0.0.1:0/terminal-chat');
      assert.equal(activity.from?.id, 'terminal-user');
      assert.equal(activity.recipient?.id, 'bot');
      assert.equal(activity.conversation?.id, session.conversationId);
    }
  });

  it('sends the text or value of the button whose number was typed', async () => {
    const session = new ChatSession({ url });
    await session.start();

    const first = session.resolveInput(' 1 ');
    assert.deepEqual(first, { title: 'Check my setup', send: { text: 'Check my setup' } });
    const menu = await session.send(first);
    assert.deepEqual(menu.messages[0]?.lines, ['Is the back-end clustered?', '[1] Yes', '[2] No']);
    assert.equal(received[1]?.text, 'Check my setup');

    // Only the latest turn's buttons count: "3" is not a button now, so it is sent as text.
    assert.equal(session.resolveInput('3'), '3');

    const answer = await session.send(session.resolveInput('2'));
    assert.deepEqual(answer.messages[0]?.lines, ['Got value {"step":"cluster","answer":"no"}']);
    assert.equal(received[2]?.text, undefined);
    assert.deepEqual(received[2]?.value, { step: 'cluster', answer: 'no' });
    assert.deepEqual(session.buttons, []);

    const conversationIds = new Set(received.map((activity) => activity.conversation?.id));
    assert.deepEqual([...conversationIds], [session.conversationId]);
  });

  it('formats replies with "bot> " and indented continuation lines', async () => {
    const session = new ChatSession({ url });
    await session.start();
    assert.deepEqual(formatTurn(await session.send(session.resolveInput('1'))), ['bot> Is the back-end clustered?', '     [1] Yes', '     [2] No']);
    assert.deepEqual(formatTurn(await session.send('silence')), ['bot> (no reply)']);
  });

  it('reports an HTTP error from the bot with its status', async () => {
    const session = new ChatSession({ url: url.replace('/api/messages', '/api/nowhere') });
    await assert.rejects(session.send('hi'), (error: Error) => {
      assert.equal(error.name, 'BotRequestError');
      assert.match(error.message, /answered HTTP 404/);
      return true;
    });
  });

  it('runs the terminal chat end to end over stdin/stdout', async () => {
    const cli = path.join(__dirname, '../../../tools/chat/terminal-chat.js');
    const child = spawn(process.execPath, [cli, '--url', url], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end('1\n\n2\nhello\n/quit\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /bot> Welcome to Exchange Support!\n {5}\[1\] Check my setup\n/);
    assert.match(stdout, /you> {6}\(pressed "Check my setup"\)\nbot> Is the back-end clustered\?\n {5}\[1\] Yes\n {5}\[2\] No\n/);
    assert.match(stdout, /bot> Got value \{"step":"cluster","answer":"no"\}\n/);
    assert.match(stdout, /bot> You said: hello\nyou> $/);
    assert.deepEqual(
      received.map((activity) => [activity.type, activity.text ?? null]),
      [
        ['conversationUpdate', null],
        ['message', 'Check my setup'],
        ['message', null],
        ['message', 'hello'],
      ],
    );
    assert.equal(new Set(received.map((activity) => activity.conversation?.id)).size, 1);
  });
});

describe('ChatSession when the bot is not running', () => {
  it('fails the first request with a message naming the URL and suggesting npm start', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/messages`;
    const session = new ChatSession({ url });
    await assert.rejects(session.start(), (error: unknown) => {
      assert.ok(error instanceof BotUnreachableError);
      assert.equal(error.url, url);
      assert.ok(error.message.includes(url), error.message);
      assert.match(error.message, /ECONNREFUSED/);
      assert.match(error.message, /`npm start` in another terminal/);
      return true;
    });
  });

  it('makes the CLI print that message and exit 1', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/messages`;
    const cli = path.join(__dirname, '../../../tools/chat/terminal-chat.js');
    const child = spawn(process.execPath, [cli], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, BOT_URL: url } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.ok(stderr.includes(`Could not reach the bot at ${url}`), stderr);
    assert.match(stderr, /npm start/);
  });

  it('refuses bot URLs that are not on this machine', () => {
    assert.throws(() => new ChatSession({ url: 'https://bot.example.com/api/messages' }), /only talks to a bot on this machine/);
  });
});

describe('resolveBotUrl', () => {
  it('prefers --url, then BOT_URL, then PORT, then 3978', () => {
    assert.equal(resolveBotUrl('http://localhost:4000/api/messages', { BOT_URL: 'http://127.0.0.1:5000/api/messages' }), 'http://localhost:4000/api/messages');
    assert.equal(resolveBotUrl(undefined, { BOT_URL: 'http://127.0.0.1:5000/api/messages' }), 'http://127.0.0.1:5000/api/messages');
    assert.equal(resolveBotUrl(undefined, { PORT: '3999' }), 'http://127.0.0.1:3999/api/messages');
    assert.equal(resolveBotUrl(undefined, {}), 'http://127.0.0.1:3978/api/messages');
  });

  it('adds /api/messages to a bare origin and rejects bad or remote URLs', () => {
    assert.equal(resolveBotUrl('http://127.0.0.1:3978', {}), 'http://127.0.0.1:3978/api/messages');
    assert.throws(() => resolveBotUrl('not a url', {}), /not a valid URL/);
    assert.throws(() => resolveBotUrl('http://10.0.0.5:3978/api/messages', {}), /only talks to a bot on this machine/);
  });
});
