import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { createBot } from '../../bot/create-bot';
import { TURN_ERROR_MESSAGE } from '../../bot/exchange-support-bot';
import { BoundedMemoryStorage } from '../../bot/storage/bounded-memory-storage';
import type { Activity as TurnActivity, IncomingActivity, Storage, TurnChannel } from '../../dialogs/turn';
import { bundledKnowledgeDir, KnowledgeHolder, loadKnowledgeBase, type KnowledgeBase } from '../../knowledge';
import { cardButtons, cardTexts, messageActivity, verdictLabel } from '../support/activities';
import { passageSource } from '../support/answers';
import { exchange } from '../support/bot-http';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const NEW_QUESTION = 'what does the recipient update service do?';
// Our own words, written for this test.
const NEW_ARTICLE = `---
id: EXB-090
title: What the Recipient Update Service does
products: [Exchange Server 2003 Enterprise Edition]
keywords: [Recipient Update Service, RUS, address lists, proxy addresses]
sources:
  - ref: Test fixture
    title: Written for the reload test
reviewed: 2026-11-30
summary: >-
  The Recipient Update Service stamps e-mail addresses and address-list membership on new
  recipients; when it stalls, new mailboxes have no addresses.
---

## What it does
It stamps proxy addresses and address-list membership on recipients created in Active Directory.
`;
const BROKEN_ARTICLE = `---
id: EXB-091
products: [Exchange Server 2003 Enterprise Edition]
keywords: [broken]
sources:
  - ref: Test fixture
    title: Broken on purpose
reviewed: 2026-13-45
summary: An article with no title and an impossible date.
---

Body.
`;

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('knowledge reload without a restart', function () {
  this.timeout(60_000);

  describe('a turn in flight during a swap', () => {
    it('answers from the knowledge it started with, and the next turn reads the new knowledge', async () => {
      const holder = new KnowledgeHolder(sharedKnowledgeBase());
      // Knowledge that fails whatever reads it: a turn that touched it after the swap would fail.
      const unreadable = new Proxy({} as KnowledgeBase, {
        get: () => {
          throw new Error('the swapped-in knowledge was read');
        },
      });
      // The turn's first state read waits until the swap has happened.
      let reading!: () => void;
      const reached = new Promise<void>((resolve) => (reading = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const memory = new BoundedMemoryStorage();
      const storage: Storage = {
        read: async (keys) => {
          reading();
          await gate;
          return memory.read(keys);
        },
        write: (changes) => memory.write(changes),
        delete: (keys) => memory.delete(keys),
      };
      const { bot } = createBot(holder, storage, memoryLogger());
      const sent: Partial<TurnActivity>[] = [];
      const channel: TurnChannel = {
        send: async (activities) => {
          sent.push(...activities);
          return activities.map(() => ({ id: '' }));
        },
      };
      const question = 'how many nodes can a windows 2003 enterprise cluster have';
      const inFlight = bot.run(messageActivity(question) as IncomingActivity, channel);
      await reached;
      holder.swap(unreadable);
      release();
      await inFlight;
      assert.ok(sent.length > 0, 'the turn in flight answered');
      assert.ok(!sent.some((a) => a.text === TURN_ERROR_MESSAGE), 'the turn in flight did not read the swapped-in knowledge');
      assert.match(JSON.stringify(sent), /EXB-003/);

      sent.length = 0;
      await bot.run(messageActivity(question) as IncomingActivity, channel);
      assert.ok(
        sent.some((a) => a.text === TURN_ERROR_MESSAGE),
        'a turn started after the swap reads the new knowledge',
      );
    });
  });

  describe('a running bot on a copy of the knowledge folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    const log = memoryLogger();
    let bot: RunningServer;

    before(async () => {
      cpSync(bundledKnowledgeDir(), dir, { recursive: true });
      bot = await startServer({ config: { ...readConfig({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'true' }), port: 0 }, knowledge: loadKnowledgeBase(dir), log });
    });
    after(async () => {
      await bot?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a valid new article is picked up from the folder while a check is in progress, and the check finishes', async () => {
      const conversation = { conversation: { id: 'conv-reload-check' } as Activity['conversation'] };
      const [version] = await exchange(bot.url, messageActivity('check my setup', conversation));
      assert.equal(cardTexts(version!)[0], 'Which Exchange version is it?');
      const [before] = await exchange(bot.url, messageActivity(NEW_QUESTION));
      assert.ok(cardTexts(before!).includes(NEW_QUESTION), 'no answer before the article exists');
      const articlesBefore = bot.knowledge.current().articles.length;

      writeFileSync(join(dir, 'articles', 'EXB-090.md'), NEW_ARTICLE);
      await until(() => bot.knowledge.current().articles.length === articlesBefore + 1, 'the reload');
      assert.ok(log.lines.some((l) => l.message === 'knowledge reloaded'));
      assert.equal(((await (await fetch(`${bot.url}/healthz`)).json()) as { articles: number }).articles, articlesBefore + 1);

      const [answer] = await exchange(bot.url, messageActivity(NEW_QUESTION));
      assert.equal(passageSource(answer!)?.articleId, 'EXB-090', cardTexts(answer!).join(' | '));
      // The check started before the reload goes on where it was.
      let replies = await exchange(bot.url, messageActivity(undefined, { ...conversation, value: cardButtons(version!).find((b) => b.data.value === '2003')!.data }));
      assert.equal(cardTexts(replies[0]!)[0], 'Which role will the server have?');
      replies = await exchange(bot.url, messageActivity('front-end', conversation));
      replies = await exchange(bot.url, messageActivity('cluster', conversation));
      assert.equal(verdictLabel(cardTexts(replies[0]!)), 'Not supported');
    });

    it('a broken change is refused with every problem logged as file, line and field, and the previous knowledge kept', async () => {
      const served = bot.knowledge.current();
      writeFileSync(join(dir, 'articles', 'EXB-091.md'), BROKEN_ARTICLE);
      const response = await fetch(`${bot.url}/admin/reload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(response.status, 422);
      const { problems } = (await response.json()) as { problems: string[] };
      assert.ok(
        problems.some((p) => /EXB-091\.md:2 .*title/.test(p)),
        problems.join('\n'),
      );
      assert.ok(
        problems.some((p) => /EXB-091\.md:\d+ .*reviewed/.test(p)),
        problems.join('\n'),
      );
      const logged = log.lines.filter((l) => l.message === 'knowledge reload refused: problem');
      assert.ok(
        logged.some((l) => String(l.fields.file).endsWith('EXB-091.md') && l.fields.field === 'title' && typeof l.fields.line === 'number'),
        JSON.stringify(logged),
      );
      assert.equal(bot.knowledge.current(), served, 'still serving the previous knowledge');
      const [answer] = await exchange(bot.url, messageActivity(NEW_QUESTION));
      assert.equal(passageSource(answer!)?.articleId, 'EXB-090', cardTexts(answer!).join(' | '));

      // Fixed, it goes in.
      rmSync(join(dir, 'articles', 'EXB-091.md'));
      const fixed = await fetch(`${bot.url}/admin/reload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(fixed.status, 200);
    });
  });
});
