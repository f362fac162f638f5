import { strict as assert } from 'node:assert';
import { aboutLastAnswer } from '../../dialogs/conversation-intents';
import { firstText, textBlocks } from './card-reading';
import { describeReply, mainClient } from './dialog-fixtures';

/**
 * Issue 19, session 10 (q20): "why?", "source?", "how sure are you?", "so what should i use instead?" said alone right
 * after a direct answer are about that answer: it is read from the tables again, with its source line right after the
 * answer for "source?" (no lines between), whole for "why?" (its reasons and what to do instead). They got "I couldn't
 * find an answer" or an unrelated passage before. Longer questions are questions of their own.
 */
describe('direct answers: a question about the last answer (issue 19, session 10)', () => {
  for (const [text, kind] of [
    ['why?', 'why'],
    ['Why not?', 'why'],
    ['ok, why is that', 'why'],
    ['how come', 'why'],
    ['source?', 'sources'],
    ['sources', 'sources'],
    ["what's the source?", 'sources'],
    ['where does that come from?', 'sources'],
    ['how sure are you?', 'sources'],
    ['is that confirmed?', 'sources'],
    ['how do you know?', 'sources'],
    ['so what should i use instead?', 'why'],
    ['what should we do instead?', 'why'],
    // Session 13 (q23): whether the answer still holds is that answer again, read from the tables as of today.
    ['is that still true?', 'why'],
    ['still valid?', 'why'],
    ['does that still apply today?', 'why'],
    // Session 14 (q24): "since when?" is the answer again, which names the date or the update level it holds from.
    ['since when?', 'why'],
    ['ok since when is that?', 'why'],
    ['as of when', 'why'],
  ] as const) {
    it(`${JSON.stringify(text)} asks about the last answer (${kind})`, () => {
      assert.equal(aboutLastAnswer(text), kind);
    });
  }

  for (const text of [
    'why does exchange 2016 not run on windows server 2022',
    'source of truth for exchange build numbers',
    'what is the witness for',
    'since when does exchange 2019 run on windows server 2025',
    'and 2019?',
    'how sure are you that exchange 2016 cu23 is the last cu for exchange 2016 and what comes next?',
  ]) {
    it(`${JSON.stringify(text)} is a question of its own`, () => {
      assert.equal(aboutLastAnswer(text), undefined);
    });
  }

  for (const [before, next, first, second] of [
    // The source line follows the answer at once.
    [
      'when did exchange 2016 go out of support',
      'source?',
      /^Exchange 2016 left extended support on 14 October 2025\.$/,
      /^Source: .*exchange-server-2016\.yml.*\(Microsoft doc\)$/,
    ],
    ['when did exchange 2016 go out of support', 'how sure are you?', /^Exchange 2016 left extended support on 14 October 2025\.$/, /\(Microsoft doc\)$/],
    ['how many members can a dag have', 'where does that come from?', /^Up to 16 Mailbox servers in one DAG\.$/, /^Source: .*database-availability-groups/],
    // The whole answer: the rule's reason, and what to do instead.
    ['can dag members be domain controllers', 'why?', /^No: Mailbox servers that are also directory servers \(domain controllers\) cannot be DAG members\.$/, /member servers/],
    [
      'can windows nlb run on dag members',
      'so what should i use instead?',
      /^No: Windows NLB and failover clustering cannot run on the same servers/,
      /hardware or virtual load balancer/,
    ],
  ] as const) {
    it(`"${before}" then "${next}": the answer again, ${String(second)}`, async () => {
      const { client } = mainClient();
      await client.sendActivity(before);
      const reply = await client.sendActivity(next);
      const [answer, line] = textBlocks(reply);
      assert.match(answer ?? '', first, describeReply(reply));
      assert.match(line ?? '', second, describeReply(reply));
    });
  }

  it('"why?" with no direct answer before it is not read as one', async () => {
    const { client } = mainClient();
    const reply = await client.sendActivity('why?');
    assert.doesNotMatch(firstText(reply), /^(Yes|No)\b/, describeReply(reply));
  });

  it('after a verdict, "so what should i use instead?" gets the verdict\'s recommendation, not the upgrade path alone', async () => {
    const { client } = mainClient();
    await client.sendActivity('can i put an exchange 2003 front-end server on a windows cluster');
    const reply = await client.sendActivity('so what should i use instead?');
    // A text reply (the follow-up's own answer), no card.
    assert.match(String(reply?.text ?? ''), /Network Load Balancing \(NLB\)/, describeReply(reply));
  });

  it('"how do i patch a dag member without downtime": the maintenance steps, sourced (it got suggestions while nothing held them)', async () => {
    const { client } = mainClient();
    const reply = await client.sendActivity('how do i patch a dag member without downtime');
    const [answer] = textBlocks(reply);
    assert.match(answer ?? '', /^Steps: .*StartDagServerMaintenance\.ps1/, describeReply(reply));
    assert.ok(
      textBlocks(reply).some((t) => /^Source: .*manage-dags\.md/.test(t)),
      describeReply(reply),
    );
  });

  it('a rollup the build table does not hold gets no date of its service pack ("when did exchange 2010 sp3 ru99 ship")', async () => {
    const { client } = mainClient();
    const reply = await client.sendActivity('when did exchange 2010 sp3 ru99 ship');
    assert.doesNotMatch(JSON.stringify(reply), /SP3 was released/, describeReply(reply));
  });

  it('an update typed that the build table does not hold gets no date of another ("when will exchange se cu1 be released")', async () => {
    const { client } = mainClient();
    const reply = await client.sendActivity('when will exchange se cu1 be released');
    assert.doesNotMatch(textBlocks(reply).join('\n'), /RTM was released/, describeReply(reply));
  });
});
