import { strict as assert } from 'node:assert';
import type { KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Session 15 (q25): a short question right after a verdict, or in the middle of a check, names none of the setup's facts
 * ("max members?", "how many nodes max?", "since when?"): it is read against them, so the setup is its subject. A question
 * naming another value of one of its facts is a what-if (the dialog's), and a longer one a question of its own.
 */
describe('direct answers: a short question about a setup (session 15)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  const dag2010 = { version: '2010', role: 'mailbox', ha: 'dag', windows: '2008-r2', windowsEdition: 'enterprise', nodes: '2' };
  const cluster2003 = { version: '2003', ha: 'clustering', windows: '2003', windowsEdition: 'enterprise' };
  const answerOf = (text: string, setup: Record<string, string>) => {
    const question = kb.directAnswers.readAbout(text, setup);
    return question ? { question, answer: kb.directAnswers.answer(question)!.answer } : undefined;
  };

  it('"max members?" after a 2010 DAG: the DAG member limit, 16', () => {
    const read = answerOf('max members?', dag2010);
    assert.equal(read?.question.attribute, 'max-nodes');
    assert.equal(read?.question.subject.ha, 'dag');
    assert.match(read!.answer, /\b16\b/);
  });

  it('"how many nodes max?" in a 2003 cluster on Windows Server 2003 Enterprise: 8 nodes, that edition\'s limit', () => {
    const read = answerOf('how many nodes max?', cluster2003);
    assert.equal(read?.question.attribute, 'max-nodes');
    assert.match(read!.answer, /\b8 nodes\b/);
  });

  it('"since when?" after Exchange 2019 on Windows Server 2022: from which update it runs there (CU12), whatever update the setup has', () => {
    const read = answerOf('since when?', { version: '2019', windows: '2022', ha: 'dag', update: 'e2019-cu14' });
    assert.deepEqual(read?.question, { attribute: 'from-update', subject: { version: '2019', windows: '2022' }, text: 'since when?' });
    assert.match(read!.answer, /CU12/);
  });

  it('a question naming another value of one of its facts is no question about the setup ("max members on 2016?" after 2008 R2)', () => {
    assert.equal(kb.directAnswers.readAbout('max members on windows 2016?', dag2010), undefined);
    assert.equal(kb.directAnswers.readAbout('how many nodes for exchange 2007?', cluster2003), undefined);
  });

  it('neither a what-if, a yes/no nor a long question is read as one', () => {
    assert.equal(kb.directAnswers.readAbout('same for standard?', dag2010), undefined);
    assert.equal(kb.directAnswers.readAbout('is that supported?', dag2010), undefined);
    assert.equal(kb.directAnswers.readAbout('how many members can we have in the dag at the other site later on?', dag2010), undefined);
  });

  it('"since when?" about a setup with no Windows release known: nothing to answer from the platform table', () => {
    assert.equal(kb.directAnswers.readAbout('since when?', { version: '2019', ha: 'dag' }), undefined);
  });
});
