import { strict as assert } from 'node:assert';
import { verdictSourceLines } from '../../../bot/cards/verdict-sources';
import { stepWithOpen, type Decision, type KnowledgeBase } from '../../../knowledge';
import { sharedKnowledgeBase } from '../../support/shared-knowledge';

/** Session 15 (q25): "source?" after a verdict lists the documents its own rules rest on, by status, before the articles. */
describe('the sources of a verdict (session 15)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  const decide = (text: string): Decision => {
    const step = stepWithOpen(kb, kb.knownFacts(kb.recognizer.extract(text).facts), []);
    assert.equal(step.kind, 'verdict', text);
    return (step as { decision: Decision }).decision;
  };

  it('Exchange 2019 CU14 on Windows Server 2022: the third-party sources of CU12 on 2022 are said as third-party, with their fact ids', () => {
    const lines = verdictSourceLines(decide('exchange 2019 cu14 on windows server 2022 standard, two servers in a dag, witness on a file server, hardware load balancer'), kb);
    const thirdParty = lines.find((l) => l.startsWith('- Read only in third-party sources:'));
    assert.ok(thirdParty?.includes('M-10'), lines.join('\n'));
    assert.ok(
      lines.some((l) => l.startsWith('- Note: part of this rests on third-party sources')),
      lines.join('\n'),
    );
  });

  it('the documents come before the articles, and every basis fact of the deciding rules is named once', () => {
    const decision = decide('exchange 2003 sp2 enterprise edition on windows server 2003 enterprise, 2 node cluster, active/passive');
    const lines = verdictSourceLines(decision, kb);
    const articles = lines.findIndex((l) => l.startsWith('- Articles:'));
    assert.ok(articles > 0 && lines.slice(0, articles).every((l) => / \(facts [^)]+\)$/.test(l)), lines.join('\n'));
    const named = lines.slice(0, articles).flatMap((l) => / \(facts ([^)]+)\)$/.exec(l)![1]!.split(', '));
    const basis = [...new Set([...decision.rules.flatMap((r) => r.basis), ...decision.broken.flatMap((l) => l.basis)])];
    assert.deepEqual([...named].sort(), [...basis].sort());
    assert.ok(lines[0]!.startsWith('- Verified in: ') && lines[0]!.includes('cc787244'), lines[0]);
  });
});
