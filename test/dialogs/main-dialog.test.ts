import { strict as assert } from 'node:assert';
import { DialogTurnStatus } from '../../dialogs/dialog-frame';
import type { ConversationAccount } from '../../dialogs/turn';
import { CHECK_MY_SETUP, SEARCH_THE_KB } from '../../bot/cards/card-replies';
import { DID_YOU_MEAN, READ_WHOLE_ARTICLE } from '../../bot/cards/passage-cards';
import { VERDICT_LABELS, type Article } from '../../knowledge';
import { buttons, buttonTitles, cardOf, elements, firstText, isCard, press, sendAll, textBlocks, textRuns, type Reply } from './card-reading';
import { askedQuestion, assertAsks, describeReply, kb, mainClient } from './dialog-fixtures';
import { recentRecords } from '../support/records';

/** The TextBlock elements of a card, in order. */
function textBlockElements(reply: Reply) {
  return elements(reply).filter((e) => e.type === 'TextBlock');
}

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

/**
 * Asserts a passage answer: the passage's sentences (the first holding `fact`), the line naming the
 * article's title, id and section, then "Read the whole article", ≤2 related articles and "Check my setup".
 */
function assertPassageCard(reply: Reply, id: string, fact: string | RegExp): { section: string; first: string } {
  const expected = article(id);
  assert.ok(isCard(reply), `expected a passage card, got ${describeReply(reply)}`);
  const texts = textBlocks(reply);
  const holds = typeof fact === 'string' ? texts[0]!.toLowerCase().includes(fact.toLowerCase()) : fact.test(texts[0]!);
  assert.ok(holds, `the first sentence "${texts[0]}" holds ${String(fact)}`);
  assert.ok(texts.length >= 2 && texts.length <= 12, `${texts.length} text blocks`);
  const source = texts[texts.length - 1]!;
  const match = /^From \*\*(.+)\*\* \((.+)\), section "(.+)"$/.exec(source);
  assert.ok(match, `source line: ${source}`);
  assert.equal(match[1], expected.title);
  assert.equal(match[2], id);
  assert.ok(match[3] === 'Summary' || expected.sections.some((s) => s.heading === match[3]), `section "${match[3]}" is one of ${id}'s`);
  assert.ok(!texts.includes(expected.summary), 'the passage, not the whole summary');
  const all = buttons(reply);
  assert.deepEqual(all[0], { title: READ_WHOLE_ARTICLE, data: { text: `Show ${id}` } });
  assert.deepEqual(all[all.length - 1], { title: CHECK_MY_SETUP, data: { text: CHECK_MY_SETUP } });
  assert.ok(all.length <= 4, `${all.length} buttons`);
  return { section: match[3]!, first: texts[0]! };
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
    // "what is an EVS?" is defined from the glossary now (a direct answer: see direct-answers.test.ts).
    it('answers "why does a cluster need a spare node?" with the EXB-004 passage that explains it, "Read the whole article", related articles and "Check my setup"', async () => {
      const { client, unanswered } = mainClient();
      const replies = await sendAll(client, 'why does a cluster need a spare node?');
      assert.equal(replies.length, 1);
      const { section } = assertPassageCard(replies[0], 'EXB-004', 'a failed EVS has somewhere to go');
      assert.equal(section, 'Why a spare node matters');
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
      assert.deepEqual(await recentRecords(unanswered, 'unanswered'), [], 'an answered question is not logged');

      // "Read the whole article" shows the article; a related-article button shows that article.
      const related = assertArticleCard(await press(client, replies[0], READ_WHOLE_ARTICLE), 'EXB-004');
      assert.ok(related.length >= 1, 'offers related articles');
      const relatedButton = buttons(replies[0]).find((b) => b.title.startsWith('EXB-') || b.title.startsWith('KB'));
      assert.ok(relatedButton, 'the passage card offers a related article');
      const relatedId = String(relatedButton.data['text']).replace('Show ', '');
      const next = await press(client, replies[0], relatedButton.title);
      assertArticleCard(next, relatedId);
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

  // Issue 11: the passage that holds the answer, general rule questions answered, suggestions.
  describe('passage answers', () => {
    const cases: Array<[question: string, id: string, fact: string | RegExp]> = [
      ['how many storage groups can a node have after a failover?', 'EXB-005', 'four storage groups'],
      // "can cluster nodes be DCs?" is now answered from the rules first: see direct-answers.test.ts.
      // "wat is an EVS" is defined from the glossary now; a typed "wat is" still reads as a question.
      ['wat is the point of a spare node', 'EXB-004', 'somewhere to go'],
      ['do i need enterprise edition to cluster exchange 2003?', 'EXB-003', 'Enterprise Edition'],
      ['can i install the exchange binaries on the shared disk in the cluster', 'EXB-005', 'shared cluster disk'],
      // Node-count questions get a direct answer from the limits table now: see direct-answers.test.ts.
    ];
    for (const [question, id, fact] of cases) {
      it(`${JSON.stringify(question)} → the ${id} passage holding "${fact}", not the check`, async () => {
        const { client, unanswered } = mainClient();
        const replies = await sendAll(client, question);
        assert.equal(replies.length, 1, 'one answer, no check question');
        assertPassageCard(replies[0], id, fact);
        assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete, 'the check did not start');
        assert.deepEqual(await recentRecords(unanswered, 'unanswered'), []);
      });
    }

    it('a number question puts the sentence with the number first, in bold', async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity('how many storage groups can a node have after a failover?');
      const first = textBlockElements(reply)[0]!;
      assert.equal(first['weight'], 'Bolder');
      assert.match(String(first['text']), /four/);
    });

    it('a general rule question offers the check as a button, which starts it', async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity('do i need enterprise edition to cluster exchange 2003?');
      assertAsks(await press(client, reply, CHECK_MY_SETUP), 'version');
    });

    it("a question about the asker's own setup starts the check instead", async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, 'we plan to put our exchange 2003 front end on a cluster, is that supported?');
      assert.equal(replies.length, 1);
      // The check either asks its next question or, with every fact known, gives the verdict at once.
      const verdicts: string[] = Object.values(VERDICT_LABELS);
      assert.ok(askedQuestion(replies[0]) !== undefined || verdicts.includes(firstText(replies[0]) ?? ''), describeReply(replies[0]));
      assert.ok(!textBlocks(replies[0]).some((t) => t.startsWith('From **')), 'not a passage answer');
    });
  });

  describe('suggestions instead of dead ends', () => {
    const vague = 'exchange cluster course';

    it(`${JSON.stringify(vague)} → "did you mean" with up to three articles, the question echoed literally, and the pick recorded`, async () => {
      const { client, unanswered, picks } = mainClient();
      const replies = await sendAll(client, vague);
      assert.equal(replies.length, 1);
      const reply = replies[0];
      assert.equal(firstText(reply), DID_YOU_MEAN);
      assert.deepEqual(textRuns(reply), [vague]);
      const offered = buttons(reply).filter((b) => typeof b.data['article'] === 'string');
      assert.ok(offered.length >= 1 && offered.length <= 3, `${offered.length} suggestions`);
      for (const b of offered) {
        const id = String(b.data['article']);
        assert.ok(kb().article(id), id);
        assert.equal(b.data['text'], `Show ${id}`);
        assert.equal(b.data['suggestionFor'], vague);
        assert.ok(b.title.startsWith(`${id}: `), b.title);
      }
      assert.ok(buttonTitles(reply).includes(CHECK_MY_SETUP));
      assert.deepEqual(
        (await recentRecords(unanswered, 'unanswered')).map((q) => q.question),
        [vague],
        'a suggestion list is not an answer: the question is kept for review',
      );

      // Pressed as Web Chat submits it: the text to say and the data as the value.
      const picked = offered[1] ?? offered[0]!;
      const shown = await client.sendActivity({ type: 'message', text: String(picked.data['text']), value: picked.data });
      assertArticleCard(shown, String(picked.data['article']));
      assert.deepEqual(picks.picks, [{ question: vague, articleId: picked.data['article'] }]);
    });

    it('an article shown by typing its id records no pick, nor does a forged value for another article', async () => {
      const { client, picks } = mainClient();
      await client.sendActivity('Show EXB-003');
      await client.sendActivity({ type: 'message', text: 'Show EXB-003', value: { suggestionFor: 'x', article: 'EXB-004' } });
      assert.deepEqual(picks.picks, []);
    });

    it('"I couldn\'t find an answer" only when nothing is relevant, offering the check, search and help', async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity('what colour is the sky');
      assertNoAnswerCard(reply, 'what colour is the sky');
      assert.deepEqual(buttonTitles(reply), [CHECK_MY_SETUP, SEARCH_THE_KB, 'Help']);
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
        [CHECK_MY_SETUP, SEARCH_THE_KB, 'Help'],
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

    it("uses the test conversation's id when none is given, and logs every unanswered question", async () => {
      const { client, unanswered } = mainClient();
      const first = await client.sendActivity('how do I reset a printer');
      await client.sendActivity('what colour is the sky');
      const logged = await recentRecords(unanswered, 'unanswered');
      // Both land in the same millisecond, and records are keyed by time then a hash: compare as a set.
      assert.deepEqual(logged.map((q) => q.question).sort(), ['how do I reset a printer', 'what colour is the sky']);
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
      assertPassageCard(reply, 'EXB-002', 'NLB');
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
