import { strict as assert } from 'node:assert';
import type { ConversationAccount } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { CHECK_MY_SETUP, SEARCH_THE_KB } from '../../bot/cards/card-replies';
import type { Article } from '../../knowledge';
import { buttons, buttonTitles, cardOf, elements, firstText, isCard, press, sendAll, textBlocks, textRuns, type Reply } from './card-reading';
import { askedQuestion, assertAsks, describeReply, kb, mainClient } from './dialog-fixtures';
import { recentRecords } from '../support/records';

function article(id: string): Article {
  const found = kb().article(id);
  assert.ok(found, `no article ${id}`);
  return found;
}

/** Asserts an article card: title, id line, summary, ≤2 related-article buttons and "Check my setup". */
function assertArticleCard(reply: Reply, id: string): string[] {
  const expected = article(id);
  assert.ok(isCard(reply), `expected an article card, got ${describeReply(reply)}`);
  const texts = textBlocks(reply);
  assert.equal(texts[0], expected.title);
  assert.ok(texts[1]?.startsWith(`${id} · reviewed `), texts[1]);
  assert.ok(texts.includes(expected.summary), 'the summary is shown');
  const all = buttons(reply);
  const last = all[all.length - 1];
  assert.deepEqual(last, { title: CHECK_MY_SETUP, data: { text: CHECK_MY_SETUP } });
  const related = all.slice(0, -1);
  assert.ok(related.length <= 2, `at most two related articles, got ${related.length}`);
  const relatedIds: string[] = [];
  for (const button of related) {
    const match = /^Show ((?:KB\d{6})|(?:EXB-\d{3}))$/.exec(String(button.data['text']));
    assert.ok(match, `related button "${button.title}" says ${JSON.stringify(button.data)}`);
    const relatedId = match[1]!;
    assert.notEqual(relatedId, id, 'an article is not related to itself');
    assert.ok(kb().article(relatedId), `related ${relatedId} exists`);
    assert.ok(button.title.startsWith(`${relatedId}: `), button.title);
    relatedIds.push(relatedId);
  }
  return relatedIds;
}

function assertNoAnswerCard(reply: Reply, question: string): void {
  assert.ok(isCard(reply), `expected the no-answer card, got ${describeReply(reply)}`);
  assert.equal(firstText(reply), "I couldn't find an answer to this in the knowledge base:");
  const richTextBlocks = elements(reply).filter((e) => e.type === 'RichTextBlock');
  assert.equal(richTextBlocks.length, 1);
  assert.deepEqual(textRuns(reply), [question], 'the question is echoed as one TextRun');
  assert.ok(!textBlocks(reply).some((t) => t.includes(question)), 'the question is never in a TextBlock');
  assert.ok(buttonTitles(reply).includes(CHECK_MY_SETUP));
}

describe('MainDialog: routing each message', () => {
  describe('knowledge-base answers', () => {
    it('answers "what is an EVS?" with the EXB-004 article card, related-article buttons and "Check my setup"', async () => {
      const { client, unanswered } = mainClient();
      const replies = await sendAll(client, 'what is an EVS?');
      assert.equal(replies.length, 1);
      const related = assertArticleCard(replies[0], 'EXB-004');
      assert.ok(related.length >= 1, 'offers related articles');
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
      assert.deepEqual(await recentRecords(unanswered, 'unanswered'), [], 'an answered question is not logged');

      // A related-article button shows that article.
      const next = await press(client, replies[0], (b) => b.title.startsWith(`${related[0]}: `));
      assertArticleCard(next, related[0]!);
      // "Check my setup" starts the guided check.
      assertAsks(await press(client, replies[0], CHECK_MY_SETUP), 'version');
    });

    it('shows an article asked for by id: "Show KB837852"', async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, 'Show KB837852');
      assert.equal(replies.length, 1);
      const related = assertArticleCard(replies[0], 'KB837852');
      assert.deepEqual(related, article('KB837852').related.slice(0, 2));
    });

    it('accepts an article id on its own, in any case: "exb-002"', async () => {
      const { client } = mainClient();
      assertArticleCard(await client.sendActivity('exb-002'), 'EXB-002');
    });
  });

  describe('questions without an answer', () => {
    it('says so for "how do I reset a printer", offers "Check my setup" and logs the question with the conversation id', async () => {
      const { client, unanswered, logger } = mainClient();
      const question = 'how do I reset a printer';
      const replies = await sendAll(client, { type: 'message', text: question, conversation: { id: 'conv-42', name: 'test', isGroup: false } as ConversationAccount });
      assert.equal(replies.length, 1);
      assertNoAnswerCard(replies[0], question);
      assert.deepEqual(
        cardOf(replies[0]).actions.map((a) => a['title']),
        [CHECK_MY_SETUP, 'Help'],
      );
      const logged = await recentRecords(unanswered, 'unanswered');
      assert.equal(logged.length, 1);
      assert.equal(logged[0]!.question, question);
      // The conversation is kept as a salted hash, never in clear.
      assert.equal(logged[0]!.conversation, unanswered.hashId('conv-42'));
      assert.ok(!JSON.stringify(logged).includes('conv-42'));
      assert.ok(!Number.isNaN(Date.parse(logged[0]!.at)));
      // The log line names the conversation, never the user's words.
      assert.equal(logger.lines.length, 1);
      assert.ok(!JSON.stringify(logger.lines).includes('printer'));

      assertAsks(await press(client, replies[0], CHECK_MY_SETUP), 'version');
    });

    it('uses the test conversation\'s id when none is given, and logs every unanswered question in order', async () => {
      const { client, unanswered } = mainClient();
      const first = await client.sendActivity('how do I reset a printer');
      await client.sendActivity('what colour is the sky');
      const logged = await recentRecords(unanswered, 'unanswered');
      assert.deepEqual(
        logged.map((q) => q.question),
        ['how do I reset a printer', 'what colour is the sky'],
      );
      assert.ok(first?.conversation?.id);
      assert.ok(logged.every((q) => q.conversation === unanswered.hashId(first.conversation!.id)));
    });

    it('echoes Markdown and HTML only inside a TextRun, never in a TextBlock', async () => {
      const { client, unanswered } = mainClient();
      const question = '<b>x</b> [click](http://evil.example) **bold**';
      const reply = await client.sendActivity(question);
      assertNoAnswerCard(reply, question);
      for (const fragment of ['<b>', '[click]', 'evil.example', '**bold**']) {
        assert.ok(!textBlocks(reply).some((t) => t.includes(fragment)), `"${fragment}" in a TextBlock`);
        assert.ok(!buttonTitles(reply).some((t) => t.includes(fragment)), `"${fragment}" in a button`);
        assert.ok(!(reply?.summary ?? '').includes(fragment), `"${fragment}" in the summary`);
        assert.ok(!(reply?.text ?? '').includes(fragment), `"${fragment}" in the message text`);
      }
      assert.deepEqual(
        (await recentRecords(unanswered, 'unanswered')).map((q) => q.question),
        [question],
      );
    });
  });

  describe('commands', () => {
    it('"help" explains both ways of using the bot', async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, 'help');
      assert.equal(replies.length, 1);
      const help = replies[0]!;
      assert.equal(isCard(help), false);
      assert.equal(help.textFormat, 'markdown');
      assert.match(help.text ?? '', /^I can help in two ways/);
      assert.ok((help.text ?? '').includes(CHECK_MY_SETUP));
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
    });

    it('"hi" shows the welcome card with "Check my setup" and "Search the knowledge base"', async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, 'hi');
      assert.equal(replies.length, 1);
      assert.equal(firstText(replies[0]), 'Exchange support bot');
      assert.deepEqual(buttonTitles(replies[0]), [CHECK_MY_SETUP, SEARCH_THE_KB]);
      assert.deepEqual(
        buttons(replies[0]).map((b) => b.data),
        [{ text: CHECK_MY_SETUP }, { text: SEARCH_THE_KB }],
      );
      // Both buttons work.
      const prompt = await press(client, replies[0], SEARCH_THE_KB);
      assert.match(prompt?.text ?? '', /^Type your question/);
      assertAsks(await press(client, replies[0], CHECK_MY_SETUP), 'version');
    });

    it('"search" asks for a question', async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, 'search');
      assert.equal(replies.length, 1);
      assert.equal(isCard(replies[0]), false);
      assert.match(replies[0]!.text ?? '', /^Type your question/);
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
    });

    it('"search nlb" answers from the knowledge base', async () => {
      const { client, unanswered } = mainClient();
      const reply = await client.sendActivity('search nlb');
      assertArticleCard(reply, 'EXB-002');
      assert.deepEqual(await recentRecords(unanswered, 'unanswered'), []);
    });

    it('"check my setup" asks the Exchange version', async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, 'check my setup');
      assert.equal(replies.length, 1);
      assertAsks(replies[0], 'version');
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.waiting);
    });

    it('"cancel" outside a check says Cancelled and leaves nothing running', async () => {
      const { client, unanswered } = mainClient();
      const replies = await sendAll(client, 'cancel');
      assert.equal(replies.length, 1);
      assert.ok((replies[0]!.text ?? '').startsWith('Cancelled.'), replies[0]!.text);
      assert.ok((replies[0]!.text ?? '').includes(CHECK_MY_SETUP));
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
      assert.deepEqual(await recentRecords(unanswered, 'unanswered'), []);
      // Nothing is waiting for an answer: "2" is not taken as a choice.
      assert.equal(askedQuestion(await client.sendActivity('2')), undefined);
    });

    it('"start over" outside a check begins the check', async () => {
      const { client } = mainClient();
      assertAsks(await client.sendActivity('start over'), 'version');
    });

    it('an empty message gets no reply and logs nothing', async () => {
      const { client, unanswered } = mainClient();
      const replies = await sendAll(client, '   ');
      assert.deepEqual(replies, []);
      assert.deepEqual(await recentRecords(unanswered, 'unanswered'), []);
    });
  });
});
