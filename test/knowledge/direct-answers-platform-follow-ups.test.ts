import { strict as assert } from 'node:assert';
import type { KnowledgeBase, PreviousQuestion } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Session 15 (q25): right after whether a version runs on a Windows release, a short yes/no naming one more fact of that
 * platform asks about it: an edition is the Windows edition of the same release, Server Core that fact's rule for the version.
 */
describe('direct answers: a short yes/no after whether a version runs on a Windows release (session 15)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  const se2019: PreviousQuestion = { attribute: 'runs-on', subject: { version: 'se', windows: '2019' } };
  const ex2016: PreviousQuestion = { attribute: 'runs-on', subject: { version: '2016', windows: '2016' } };
  const answer = (text: string, previous: PreviousQuestion) => {
    const question = kb.directAnswers.read(text, previous);
    return question ? kb.directAnswers.answer(question)?.answer : undefined;
  };

  it('"standard edition fine?" after SE on Windows Server 2019: yes, on Standard', () => {
    assert.deepEqual(kb.directAnswers.read('standard edition fine?', se2019)?.subject, { version: 'se', windows: '2019', windowsEdition: 'standard' });
    assert.match(answer('standard edition fine?', se2019) ?? '', /^Yes:/);
  });

  it('"datacenter ok?" (a bare edition) and "essentials fine?" after Exchange 2016 on Windows Server 2016: yes, and no', () => {
    assert.match(answer('datacenter ok?', ex2016) ?? '', /^Yes:/);
    assert.match(answer('essentials fine?', ex2016) ?? '', /^No:/);
  });

  it('"core install ok for that?" after SE on Windows Server 2022: the Server Core rule of SE, yes', () => {
    const question = kb.directAnswers.read('core install ok for that?', { attribute: 'runs-on', subject: { version: 'se', windows: '2022' } });
    assert.deepEqual(question?.subject, { version: 'se', serverCore: 'yes' });
    assert.match(kb.directAnswers.answer(question!)?.answer ?? '', /^Yes:/);
  });

  it('after another kind of answer, or with more than one fact named, it is no such question', () => {
    assert.notDeepEqual(kb.directAnswers.read('standard edition fine?', { attribute: 'end-of-support', subject: { version: 'se' } })?.attribute, 'runs-on');
    assert.equal(kb.directAnswers.read('standard edition on server core fine?', se2019)?.subject.windowsEdition, undefined);
  });
});

/** Session 15 (q25): right after a node count, the same count asked of another version is that version's, not the old Windows'. */
describe('direct answers: a node count asked again of another version (session 15)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  const cluster2003: PreviousQuestion = { attribute: 'max-nodes', subject: { version: '2003', ha: 'clustering', windows: '2003' } };

  for (const text of ['how many for 2016 then', 'and 2016?']) {
    it(`"${text}" after a 2003 cluster on Windows Server 2003: the 2016 DAG's 16 members (was "None": 2016 does not run on 2003)`, () => {
      const question = kb.directAnswers.read(text, cluster2003);
      assert.deepEqual(question?.subject, { version: '2016', ha: 'clustering' });
      assert.match(kb.directAnswers.answer(question!)?.answer ?? '', /^Up to 16 Mailbox servers in one DAG/);
    });
  }

  it('"and 2007?" after a 2016 DAG count: Exchange 2007\'s cluster nodes, not a DAG it never had', () => {
    const question = kb.directAnswers.read('and 2007?', { attribute: 'max-nodes', subject: { version: '2016', ha: 'dag' } });
    assert.match(kb.directAnswers.answer(question!)?.answer ?? '', /\b8 nodes\b/);
  });
});
