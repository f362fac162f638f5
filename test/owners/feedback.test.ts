import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { FEEDBACK_THANKS } from '../../bot/exchange-support-bot';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { cardButtons, cardTexts, messageActivity, pressButton, verdictLabel } from '../support/activities';
import { passageSource, relatedArticleButtons } from '../support/answers';
import { ChannelSink, exchange, postActivity } from '../support/bot-http';
import { cardElements } from '../support/card-elements';
import { recentRecords } from '../support/records';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const EVS_QUESTION = 'what happens to an EVS when a node fails'; // a passage of EXB-004 with related articles ("what is an EVS?" is the glossary's)

/** The 👍/👎 row of an answer card, or undefined. */
function feedbackRow(reply: Partial<Activity>): Record<string, unknown> | undefined {
  return cardElements(reply).find((e) => e.type === 'ActionSet' && e.id === 'feedback');
}

for (const host of HOSTS)
  describe(`feedback on answers and verdicts (real server on a loopback port) ${onHost(host)}`, () => {
    const knowledge = sharedKnowledgeBase();
    const log = memoryLogger();
    let bot: RunningServer;
    const sink = new ChannelSink();

    before(async () => {
      await sink.start();
      bot = await startServer({ host, config: { ...readConfig({}), port: 0 }, knowledge, log });
    });
    after(async () => {
      await bot.close();
      await sink.stop();
    });

    it('Web Chat: an answer card has 👍/👎 buttons (no Teams flag); 👎 with a comment is stored with the question, article, channel and a hashed user', async () => {
      const conversation = { id: 'conv-feedback-webchat' } as Activity['conversation'];
      const from = { id: 'user-secret-42', name: 'Junior Admin' };
      const [answer] = await exchange(bot.url, messageActivity(EVS_QUESTION, { channelId: 'webchat', conversation, from }));
      assert.equal(passageSource(answer!)?.articleId, 'EXB-004', cardTexts(answer!).join(' | '));
      assert.ok(feedbackRow(answer!), 'the card has a feedback row');
      assert.equal((answer!.channelData as Record<string, unknown> | undefined)?.feedbackLoopEnabled, undefined);
      const dislike = cardButtons(answer!).find((b) => b.data.feedback === 'dislike');
      assert.ok(dislike, 'a 👎 button inside the comment card');

      // Web Chat submits the button's data plus the card's inputs as the value.
      const replies = await exchange(
        bot.url,
        messageActivity(undefined, { channelId: 'webchat', conversation, from, value: { ...dislike.data, comment: 'Says nothing about Exchange 2007' } }),
      );
      assert.equal(replies[0]?.text, FEEDBACK_THANKS);

      const stored = (await recentRecords(bot.records, 'feedback')).filter((r) => r.conversation === bot.records.hashId(conversation.id));
      assert.equal(stored.length, 1);
      const [record] = stored;
      assert.equal(record!.reaction, 'dislike');
      assert.equal(record!.comment, 'Says nothing about Exchange 2007');
      assert.equal(record!.question, EVS_QUESTION);
      assert.deepEqual(record!.subject, { kind: 'article', articleId: 'EXB-004', via: 'search', related: (record!.subject as { related: string[] }).related });
      assert.equal(record!.channel, 'webchat');
      assert.equal(record!.user, bot.records.hashId('user-secret-42'));
      assert.ok(!JSON.stringify(stored).includes('user-secret-42') && !JSON.stringify(stored).includes('Junior Admin'), 'no user id or name in clear');
    });

    it('a 👍 on a verdict keeps the verdict and its facts; a check in progress is asked its question again after feedback', async () => {
      const conversation = { id: 'conv-feedback-verdict' } as Activity['conversation'];
      const [verdict] = await exchange(bot.url, messageActivity('Can I put an Exchange 2003 front-end server on a Windows cluster?', { conversation }));
      assert.equal(verdictLabel(cardTexts(verdict!)), 'Not supported');
      const like = cardButtons(verdict!).find((b) => b.data.feedback === 'like');
      assert.ok(like);
      // A new check starts, then the 👍 on the earlier verdict arrives.
      const [question] = await exchange(bot.url, messageActivity('check my setup', { conversation }));
      const replies = await exchange(bot.url, messageActivity(undefined, { conversation, value: like.data }));
      assert.equal(replies[0]?.text, FEEDBACK_THANKS);
      assert.deepEqual(cardTexts(replies[1]!)[0], cardTexts(question!)[0], 'the check asks its question again');

      const [record] = (await recentRecords(bot.records, 'feedback')).filter((r) => r.conversation === bot.records.hashId(conversation.id));
      assert.equal(record?.reaction, 'like');
      assert.equal(record?.subject?.kind, 'verdict');
      assert.deepEqual(record?.subject, {
        kind: 'verdict',
        verdict: 'not-supported',
        facts: (record!.subject as { facts: Record<string, string> }).facts,
        rules: (record!.subject as { rules: string[] }).rules,
      });
      const facts = (record!.subject as { facts: Record<string, string> }).facts;
      assert.equal(facts.version, '2003');
      assert.equal(facts.role, 'front-end');
      assert.equal(facts.ha, 'cluster');
    });

    it('Teams: the answer carries channelData.feedbackLoopEnabled and no card buttons; the message/submitAction invoke is stored against that message', async () => {
      const conversation = { id: 'conv-feedback-teams' } as Activity['conversation'];
      const teams = { channelId: 'msteams', serviceUrl: sink.url, conversation, from: { id: '29:teams-user', name: 'Admin', aadObjectId: 'aad-object-7' } as Activity['from'] };
      const before = sink.received.length;
      const { status } = await postActivity(bot.url, messageActivity(EVS_QUESTION, teams));
      assert.equal(status, 200);
      await sink.waitFor(before + 1);
      const sent = sink.received[before]!;
      assert.equal((sent.activity.channelData as Record<string, unknown>)?.feedbackLoopEnabled, true);
      assert.equal(feedbackRow(sent.activity), undefined, 'Teams shows its own buttons, not ours');
      const messageId = `sink-${before + 1}`;

      const invoke = await postActivity(bot.url, {
        ...messageActivity(undefined, teams),
        type: 'invoke',
        name: 'message/submitAction',
        replyToId: messageId,
        value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Too short' }) } },
      });
      assert.equal(invoke.status, 200);

      const [record] = (await recentRecords(bot.records, 'feedback')).filter((r) => r.conversation === bot.records.hashId(conversation.id));
      assert.equal(record?.reaction, 'dislike');
      assert.equal(record?.comment, 'Too short');
      assert.equal(record?.question, EVS_QUESTION);
      assert.equal((record?.subject as { articleId?: string }).articleId, 'EXB-004');
      assert.equal(record?.channel, 'msteams');
      assert.equal(record?.user, bot.records.hashId('aad-object-7'), 'Teams users are counted by their AAD object id, hashed');
    });

    it('Teams: a malformed feedback invoke is a 400 and stores nothing', async () => {
      const conversation = { id: 'conv-feedback-bad' } as Activity['conversation'];
      const response = await postActivity(bot.url, {
        ...messageActivity(undefined, { channelId: 'msteams', serviceUrl: sink.url, conversation }),
        type: 'invoke',
        name: 'message/submitAction',
        value: { actionName: 'feedback', actionValue: { reaction: 'meh' } },
      });
      assert.equal(response.status, 400);
      const stored = (await recentRecords(bot.records, 'feedback')).filter((r) => r.conversation === bot.records.hashId(conversation.id));
      assert.equal(stored.length, 0);
    });

    it('a suggested article opened from an answer is recorded as question → article', async () => {
      const conversation = { id: 'conv-suggestion' } as Activity['conversation'];
      const [answer] = await exchange(bot.url, messageActivity(EVS_QUESTION, { conversation }));
      assert.equal(passageSource(answer!)?.articleId, 'EXB-004');
      // "Read the whole article" shows EXB-004 itself: the pick is one of the related articles.
      const [related] = relatedArticleButtons(answer!, 'EXB-004');
      assert.ok(related, 'the answer offers a related article');
      // Pressed: the button carries the question and the article it was offered on (no conversation state).
      await exchange(bot.url, pressButton(related, messageActivity(undefined, { conversation })));
      const picks = (await recentRecords(bot.records, 'suggestion')).filter((r) => r.conversation === bot.records.hashId(conversation.id));
      assert.equal(picks.length, 1);
      assert.equal(picks[0]!.question, EVS_QUESTION);
      assert.equal(picks[0]!.fromArticleId, 'EXB-004');
      assert.equal(picks[0]!.articleId, (related.data.text as string).slice('Show '.length));
    });
  });
