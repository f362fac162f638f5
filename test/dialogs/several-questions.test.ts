import { strict as assert } from 'node:assert';
import { routeMessage } from '../../dialogs/message-router';
import { MAX_ANSWERS } from '../../dialogs/several-questions';
import { textBlocks } from './card-reading';
import { kb, mainClient } from './dialog-fixtures';

/** Issue 19: several questions in one message, each answered from the tables (up to three), each answer early. */
describe('several questions in one message (issue 19)', () => {
  // [message, the attributes answered in order] or [message, the route kind when it is not several questions]
  const cases: ReadonlyArray<[string, string[] | string]> = [
    ['when does 2016 end and can i go straight to SE?', ['end-of-support', 'how-to']],
    ['max dag members? and do we need a witness with 4 of them?', ['max-nodes', 'rule']],
    ['exchange 2019 end of support? also which windows does SE run on', ['end-of-support', 'windows-releases']],
    ['2010 end date + 2013 end date?', ['end-of-support', 'end-of-support']],
    ['can dag members be DCs, and how many members max', ['rule', 'max-nodes']],
    ['two things: ex2k3 max nodes on w2k3 enterprise, and when did e2k3 go out of support', ['max-nodes', 'end-of-support']],
    ['two things: when did 2019 support end, and does SE run on windows 2019?', ['end-of-support', 'runs-on']],
    ['ex2k7 mainstream end? ex2010 mainstream end? ex2013 mainstream end? ex2016 mainstream end?', ['mainstream', 'mainstream', 'mainstream']],
    // One question with an "and" in it stays one question.
    ['can 2013 and 2019 coexist', 'answer'],
    ['is NLB ok with a DAG', 'answer'],
    // A design in two clauses is the check's, not two questions.
    ['2 exchange 2016 mailbox servers in a dag on windows 2016; 2 edge servers', 'check'],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${Array.isArray(expected) ? expected.join(', ') : expected}`, () => {
      const route = routeMessage(text, kb());
      if (!Array.isArray(expected)) {
        assert.equal(route.kind, expected);
        return;
      }
      assert.equal(route.kind, 'answers', JSON.stringify(route));
      assert.deepEqual(route.kind === 'answers' ? route.questions.map((q) => q.attribute) : [], expected);
    });
  }

  it(`answers at most ${MAX_ANSWERS}, and names back a part no table answers`, () => {
    const route = routeMessage('when did exchange 2010 go out of support? and how do i reset a user password in owa?; exchange 2013 end date?', kb());
    assert.equal(route.kind, 'answers');
    if (route.kind !== 'answers') return;
    assert.deepEqual(
      route.questions.map((q) => q.subject.version),
      ['2010', '2013'],
    );
    assert.deepEqual(route.unanswered, ['and how do i reset a user password in owa']);
  });

  it('in the conversation: one card, each answer first with its source, within the first 300 characters; a follow-up is about the last', async () => {
    const { client } = mainClient();
    const reply = await client.sendActivity('when does 2016 end and can i go straight to SE?');
    const text = textBlocks(reply).join('\n');
    assert.match(text.slice(0, 300), /14 October 2025/);
    assert.match(text.slice(0, 300), /build new SE servers/);
    assert.equal(textBlocks(reply).filter((t) => /^Source: /.test(t)).length >= 2, true, text);
    // "and 2019?" asks the last question again for Exchange 2019: the path from 2019 is in place.
    const next = textBlocks(await client.sendActivity('and 2019?')).join('\n');
    assert.match(next, /in place/, next);
  });
});
