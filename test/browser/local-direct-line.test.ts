import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { defineLocalDirectLine, type ChatActivity, type LocalDirectLine } from '../../bot/webchat/local-direct-line';
import { cardButtons, cardTexts, verdictLabel } from '../support/activities';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Collects what a subscriber of the Direct Line object sees, and waits for it. */
class Watcher {
  readonly activities: ChatActivity[] = [];
  readonly statuses: number[] = [];

  constructor(directLine: LocalDirectLine) {
    directLine.connectionStatus$.subscribe({ next: (status) => this.statuses.push(status) });
    directLine.activity$.subscribe({ next: (activity) => this.activities.push(activity) });
  }

  async until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify(this.activities.map((a) => a.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

function post(directLine: LocalDirectLine, activity: ChatActivity): Promise<string> {
  return new Promise((resolve, reject) => {
    directLine.postActivity(activity).subscribe({ next: resolve, error: reject });
  });
}

// The page runs the very same function in the browser; here it runs in Node (fetch, crypto and URL
// are globals in both) against the real bot.
describe("local Direct Line object (the page's client) against the real bot", () => {
  const knowledge = sharedKnowledgeBase();
  let bot: RunningServer;
  let directLine: LocalDirectLine;
  let watcher: Watcher;

  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, log: memoryLogger() });
  });
  after(async () => {
    await bot.close();
  });
  beforeEach(() => {
    directLine = defineLocalDirectLine().create({
      endpoint: `${bot.url}/api/messages`,
      user: { id: 'local-user-1', name: 'You' },
      bot: { id: 'exchange-support-bot', name: 'Exchange support bot' },
      locale: 'en-US',
    });
    watcher = new Watcher(directLine);
  });
  afterEach(() => directLine.end());

  it('connects like Direct Line (Uninitialized, Connecting, Online) and delivers the welcome card', async () => {
    await watcher.until(() => watcher.activities.length > 0, 'the welcome');
    assert.deepEqual(watcher.statuses, [0, 1, 2]);
    const [welcome] = watcher.activities;
    assert.equal(welcome!.from!.role, 'bot');
    assert.equal(welcome!.replyToId, undefined, 'nothing points at the conversationUpdate Web Chat never saw');
    assert.deepEqual(
      cardButtons(welcome as Partial<Activity>).map((b) => b.title),
      ['Check my setup', 'Search the knowledge base'],
    );
  });

  it('a late subscriber gets the conversation so far (Web Chat subscribes again while connecting)', async () => {
    await watcher.until(() => watcher.activities.length > 0, 'the welcome');
    const late: ChatActivity[] = [];
    directLine.activity$.subscribe((activity) => late.push(activity));
    assert.deepEqual(
      late.map((a) => a.id),
      watcher.activities.map((a) => a.id),
    );
  });

  it("posts a message: returns its id, echoes it, then the bot's reply pointing at it", async () => {
    await watcher.until(() => watcher.activities.length > 0, 'the welcome');
    const id = await post(directLine, { type: 'message', text: 'what happens if I put a FE on MSCS', channelData: { clientActivityID: 'c-1' } });
    await watcher.until(() => watcher.activities.length >= 3, 'echo and answer');
    const [, echo, answer] = watcher.activities;
    assert.equal(echo!.id, id);
    assert.equal(echo!.from!.role, 'user');
    assert.deepEqual(echo!.channelData, { clientActivityID: 'c-1' }, 'Web Chat matches its pending message by clientActivityID');
    assert.equal(answer!.replyToId, id);
    assert.ok(Date.parse(answer!.timestamp!) > Date.parse(echo!.timestamp!), 'the answer sorts below the question');
    // The passage answer names its article and section (issue 11).
    assert.ok(cardTexts(answer as Partial<Activity>).some((t) => t.includes('(KB837852), section')));
  });

  it('card buttons work: a submit (value, no text) runs the guided check to a verdict', async () => {
    await watcher.until(() => watcher.activities.length > 0, 'the welcome');
    await post(directLine, { type: 'message', text: 'Can I put an Exchange 2003 front-end server on a Windows cluster?' });
    await watcher.until(() => watcher.activities.length >= 3, 'the verdict');
    assert.equal(verdictLabel(cardTexts(watcher.activities[2] as Partial<Activity>)), 'Not supported');

    await post(directLine, { type: 'message', text: 'check my setup' });
    await watcher.until(() => watcher.activities.length >= 5, 'the first question');
    const button = cardButtons(watcher.activities[4] as Partial<Activity>)[0]!;
    // What Web Chat posts for an Action.Submit: the card's data as value, and no text.
    await post(directLine, { type: 'message', value: button.data, channelData: { postBack: true } });
    await watcher.until(() => watcher.activities.length >= 7, 'the next question');
    assert.notDeepEqual(verdictLabel(cardTexts(watcher.activities[6] as Partial<Activity>)), verdictLabel(cardTexts(watcher.activities[4] as Partial<Activity>)));
  });

  it('reports a failed post as an error, and a bot that cannot be reached as FailedToConnect', async () => {
    const offline = defineLocalDirectLine().create({ endpoint: 'http://127.0.0.1:9/api/messages', user: { id: 'u' }, bot: { id: 'b' } });
    const offlineWatcher = new Watcher(offline);
    await offlineWatcher.until(() => offlineWatcher.statuses.includes(4), 'FailedToConnect');
    await assert.rejects(post(offline, { type: 'message', text: 'hello' }));
    offline.end();
  });

  it('end() ends the conversation: status Ended, and posting fails', async () => {
    await watcher.until(() => watcher.activities.length > 0, 'the welcome');
    directLine.end();
    assert.equal(watcher.statuses.at(-1), 5);
    await assert.rejects(post(directLine, { type: 'message', text: 'help' }), /ended/);
  });
});
