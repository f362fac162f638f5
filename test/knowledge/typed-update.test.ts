import { strict as assert } from 'node:assert';
import { loadKnowledgeBase } from '../../knowledge';
import { namedUpdateCurrency } from '../../knowledge/reading/typed-update';

/*
 * A CU typed in words is as far behind as its build would be (issue 21, t21): the chat check judges
 * "Exchange 2019 CU10" as a pasted 15.2.922 build is judged, by the build table's current-update policy.
 */
describe('a CU typed in words (knowledge/reading/typed-update.ts)', () => {
  const kb = loadKnowledgeBase();

  it('says "behind" only for a CU that no longer gets security updates', () => {
    const cases: [string, string, string | undefined][] = [
      ['2019', 'exchange 2019 cu10 single server', 'behind'],
      ['2019', 'e2k19 CU 13 standalone', 'behind'],
      ['2019', 'Exchange 2019 CU14', undefined],
      ['2019', 'exchange 2019 cu15 on 2022', undefined],
      ['2016', 'Exchange 2016 with CU22 on 2012 R2', 'behind'],
      ['2016', 'exchange 2016 cu23', undefined],
      ['2013', 'exchange 2013 cu21 on 2012 r2', 'behind'],
      // A service pack heads the verdict with its own end date (lifecycle.yaml) instead.
      ['2007', 'exchange 2007 sp2 ccr', undefined],
      // Two updates named: which one the servers run is not said.
      ['2019', 'from cu13 to cu15 next month', undefined],
      ['2019', 'exchange 2019 mailbox server', undefined],
    ];
    for (const [version, text, expected] of cases) assert.equal(namedUpdateCurrency(kb.builds, version, text), expected, text);
  });

  it('is read with the sentence, in a first message and in an answer to the update question', () => {
    assert.equal(kb.recognizer.extract('single Exchange 2019 mailbox server CU10 on Windows Server 2019 Standard').facts.updateCurrency, 'behind');
    assert.equal(kb.recognizer.readAnswer('update', 'cu11', { version: '2019' }).updateCurrency, 'behind');
    assert.equal(kb.recognizer.readAnswer('update', 'cu15', { version: '2019' }).updateCurrency, undefined);
  });
});
