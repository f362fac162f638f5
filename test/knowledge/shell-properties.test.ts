import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { withShellPropertyWords } from '../../knowledge/reading/shell-properties';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/* Session 15 (w10, j-after-17): a line pasted from Exchange's shell names the witness by its property name. */
describe('shell property names read as their words (session 15, w10)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  it('reads WitnessServer as its word, same length, never AlternateWitnessServer', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['WitnessServer : 10.0.0.20', 'witness       : 10.0.0.20'],
      ['WitnessServer:FS1', 'witness      :FS1'],
      ['AlternateWitnessServer : FS2', 'AlternateWitnessServer : FS2'],
    ];
    for (const [text, read] of cases) {
      assert.equal(withShellPropertyWords(text), read);
      assert.equal(withShellPropertyWords(text).length, text.length);
    }
  });

  const FACTS: ReadonlyArray<readonly [text: string, witness: string | undefined]> = [
    // create-dags.md: a witness given by IP address isn't supported, so no witness server the DAG can use.
    ['WitnessServer : 10.0.0.20', 'no'],
    // The line introducing the paste is the same witness, not a second one said to exist.
    ["here's the witness line from Get-DatabaseAvailabilityGroup:\nWitnessServer : 10.0.0.20", 'no'],
    ['WitnessServer : FS1.contoso.com', 'yes'],
    ['the witness line:\nWitnessServer : FS1', 'yes'],
  ];
  for (const [text, witness] of FACTS)
    it(`reads witness ${witness ?? 'unsaid'} in "${text.replace(/\n/g, ' | ')}"`, () => assert.equal(kb.recognizer.extract(text).facts.witness, witness));

  // Session 15 (w10, j-red-05): in the message describing the DAG, a witness host named as a mailbox server is a member.
  const FIRST: ReadonlyArray<readonly [text: string, witness: string | undefined]> = [
    ["SE DAG of 2 on 2025 std, not DCs; the witness is EX-MBX1, it's the most reliable box we have", 'no'],
    ['SE DAG of 2 (EX-MBX1, EX-MBX2) on 2025 std, witness on EX-MBX3', 'yes'],
    ['SE DAG of 2 on 2025 std, witness on FS1', 'yes'],
  ];
  for (const [text, witness] of FIRST) it(`reads witness ${witness ?? 'unsaid'} in "${text}"`, () => assert.equal(kb.recognizer.extract(text).facts.witness, witness));
});
