import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { loadKnowledgeBase, VERDICT_LABELS } from '../../knowledge';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { cardButtons, cardTexts, messageActivity, pressButton } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { adaptiveCardProblems, adaptiveCardsOf, ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card-check';

type Button = ReturnType<typeof cardButtons>[number];

/** One card the bot sent, with where it came from (for failure messages). */
interface SentCard {
  origin: string;
  content: unknown;
}

describe('every card the bot sends is an Adaptive Card Teams renders (checked with the adaptivecards library)', () => {
  const knowledge = loadKnowledgeBase();
  let bot: RunningServer;
  const cards: SentCard[] = [];

  const collect = (origin: string, replies: Partial<Activity>[]) => {
    for (const reply of replies) for (const card of adaptiveCardsOf(reply)) cards.push({ origin, content: card.content });
  };

  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, log: memoryLogger() });
  });
  after(async () => {
    await bot.close();
  });

  it('the checker itself rejects a card Teams would not render cleanly', () => {
    assert.deepEqual(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'ok', wrap: true }] }), []);
    const problems = adaptiveCardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x', color: 'purple' }, { type: 'TextBlock', text: 'y', style: 'heading' }, { type: 'Carousel' }],
    });
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  it('welcome, answer, article, no-answer and help replies', async () => {
    collect('welcome', await exchange(bot.url, { ...messageActivity(undefined), type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Admin' }] }));
    collect('answer', await exchange(bot.url, messageActivity('what happens if I put a FE on MSCS')));
    collect('article', await exchange(bot.url, messageActivity('Show KB837852')));
    collect('no answer', await exchange(bot.url, messageActivity('how do I fix the office printer')));
    const help = await exchange(bot.url, messageActivity('help'));
    assert.equal(adaptiveCardsOf(help[0]!).length, 0, 'help is a Markdown text, not a card');
    assert.deepEqual(
      cards.map((c) => c.origin),
      ['welcome', 'answer', 'article', 'no answer'],
    );
  });

  it('every question, retry and verdict of the guided check (every button path)', async () => {
    const askedDimensions = new Set<string>();
    const verdicts = new Set<string>();
    // Breadth-first over button presses; each path is replayed in a fresh conversation, several at once.
    const queue: Button[][] = [[]];
    let paths = 0;
    const follow = async (path: Button[]) => {
      const first = messageActivity('check my setup');
      let replies = await exchange(bot.url, first);
      for (const button of path) {
        const pressed = cardButtons(replies[0]!).find((b) => b.data.dimension === button.data.dimension && b.data.value === button.data.value);
        assert.ok(pressed, `path ${describePath(path)}: no button ${String(button.data.value)}`);
        replies = await exchange(bot.url, pressButton(pressed, first));
      }
      collect(`check ${describePath(path)}`, replies);
      const choices = cardButtons(replies[0]!).filter((b) => typeof b.data.dimension === 'string');
      if (choices.length > 0) {
        askedDimensions.add(String(choices[0]!.data.dimension));
        for (const choice of choices) queue.push([...path, choice]);
      } else {
        verdicts.add(cardTexts(replies[0]!)[0]!);
      }
    };
    while (queue.length > 0) {
      const batch = queue.splice(0, 16);
      paths += batch.length;
      await Promise.all(batch.map(follow));
    }
    assert.ok(paths > 20, `only ${paths} paths explored`);
    assert.deepEqual([...askedDimensions].sort(), knowledge.dimensions.map((d) => d.id).sort(), 'every question was asked on some path');
    const ruleVerdicts = new Set(knowledge.rules.map((r) => VERDICT_LABELS[r.verdict]));
    assert.deepEqual([...verdicts].sort(), [...ruleVerdicts].sort(), 'every verdict the rules give was reached');

    // A typed answer the check cannot read gives the retry card.
    const first = messageActivity('check my setup');
    await exchange(bot.url, first);
    const retry = await exchange(bot.url, { ...first, id: 'retry-1', text: 'purple monkey dishwasher' });
    assert.match(cardTexts(retry[0]!)[0]!, /didn't recognise/);
    collect('retry', retry);
  });

  it('the message extension\'s result cards', async () => {
    const { status, body } = await postActivity(bot.url, {
      ...messageActivity(undefined, { channelId: 'msteams' }),
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'searchKb', parameters: [{ name: 'initialRun', value: 'true' }], queryOptions: { skip: 0, count: 25 } },
    });
    assert.equal(status, 200);
    const attachments = (body as { composeExtension: { attachments: Array<{ contentType: string; content: unknown }> } }).composeExtension.attachments;
    assert.equal(attachments.length, knowledge.articles.length);
    for (const attachment of attachments) {
      assert.equal(attachment.contentType, ADAPTIVE_CARD_CONTENT_TYPE);
      cards.push({ origin: 'message extension', content: attachment.content });
    }
  });

  it('parses every collected card with no errors or warnings', () => {
    assert.ok(cards.length > 40, `only ${cards.length} cards collected`);
    const failures = cards.map((card) => ({ ...card, problems: adaptiveCardProblems(card.content) })).filter((c) => c.problems.length > 0);
    assert.deepEqual(
      failures.map((f) => `${f.origin}: ${f.problems.join('; ')}`),
      [],
    );
  });
});

function describePath(path: readonly Button[]): string {
  return `[${path.map((b) => String(b.data.value)).join(' > ')}]`;
}
