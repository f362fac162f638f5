import { strict as assert } from 'node:assert';
import type { FactRecognizer } from '../../knowledge/reading/fact-recognizer';
import { sharedKnowledgeBase } from '../support/shared-knowledge';
import { serversNamedJoining } from '../../knowledge/reading/count-words';

/**
 * Issue 21: the members of one DAG or cluster counted in parts (by kind, by site, by Exchange version) add up,
 * and a count stays a count of members across the version named between it and its noun ("eighteen exchange
 * 2010 mailbox servers"). Read through the recognizer, as a message is.
 */
describe('member sums: counts of one DAG or cluster in parts (issue 21)', () => {
  let recognizer: FactRecognizer;
  before(() => {
    recognizer = sharedKnowledgeBase().recognizer;
  });
  const cases: ReadonlyArray<readonly [string, string | undefined]> = [
    // A count written as a word, with the version between it and its noun (issue 21's own example, w4-fact-10).
    ['eighteen exchange 2010 mailbox servers in a single DAG, win 2008 r2 enterprise sp1', '18'],
    ['a single 2010 DAG with 18 mailbox servers', '18'],
    ['17 exchange 2019 cu15 mailbox servers in one DAG', '17'],
    // Counts by version, sharing the noun of the last part.
    ['our DAG has 2 Exchange 2013 and 2 Exchange 2016 mailbox servers', '4'],
    ['a DAG of two 2013 and three 2016 boxes', '5'],
    ['one DAG with 2x Exchange 2016 CU23 and 2x Exchange 2019 CU15 members', '4'],
    ['2 exchange 2019 cu15 servers and 2 exchange SE servers in the DAG', '4'],
    // By kind and by site (the readings this one merges).
    ['2019 cu15 DAG: 3 members in the main site plus 1 lagged-copy member in DR', '4'],
    ['one DAG: 10 servers in AMS and 8 in FRA', '18'],
    ['2 active nodes + 1 passive node', '3'],
    ['one 2019 DAG over three sites: 7 members here, 5 in Porto and 5 in Faro', '17'],
    // Session 12 (d24): products, sums and number words (count-words.ts), in our own words.
    ['SE DAG, 2 x 8 mailbox servers, 2025 std', '16'],
    ['one 2019 DAG: four rooms of five mailbox servers each', '20'],
    ['SE dag over two datacenters with nine nodes in each', '18'],
    ['a 2016 DAG with 3 members per site across 6 sites', '18'],
    ['SE DAG of 15+2, not DCs', '17'],
    ['a 2019 DAG with a dozen members', '12'],
    ['a 2019 DAG with half a dozen members', '6'],
    ['SE DAG of ten active members and a pair of lagged copy members', '12'],
    ['a 2019 DAG of EXM3 through EXM9', '7'],
    // Session 15 (w10, j-red-09): a bare count added by "plus" to a count of members is one total; "and" makes no sum of a bare count.
    ['one DAG with twelve plus six members, SE on 2025 std, none are DCs', '18'],
    ['SE DAG of 14 plus 2 lagged members', '16'],
    ['a 2019 DAG of between 2 and 4 members', '4'],
    // Session 14 (lead): one member and "the other" or "another"; one against an uncounted rest is no count.
    ['exchange se dag with one node on 2019 and the other on 2022', '2'],
    ['se dag, one member in AMS, another in FRA', '2'],
    ['2019 dag, one node on 2019 and the others on 2022', undefined],
    // Not multiplied: a product of something else, a figure with no members after it.
    ['SE DAG of 4, each vm has 2 x 8 vcpus', '4'],
    ['SE DAG of 4 on hosts with 2 x 16 cores', '4'],
    // Not members: another role's count, a server outside the DAG, a count with no member noun.
    ['2 exchange 2016 cas servers and 2 exchange 2016 mailbox servers in a DAG', '2'],
    ['SE DAG of 2 plus 1 server outside the DAG for journaling', '2'],
    ['2 exchange 2013 and 3 exchange 2016 servers? which order do we upgrade', undefined],
    ['exchange 2016 and exchange 2019 mailbox servers in one DAG', undefined],
  ];
  for (const [text, nodes] of cases) {
    it(`"${text}" → ${nodes ?? 'no member count'}`, () => {
      assert.equal(recognizer.extract(text).facts.nodes, nodes);
    });
  }
  // Session 12 (d24, w9-after-22): servers named as joining, one by one or as a range; none without a word of joining.
  const joining: ReadonlyArray<readonly [string, number]> = [
    ['we add MB5 and MB6 in spring and MB7 through MB12 in the autumn', 8],
    ['NODE03 up to NODE10 join the dag next quarter', 8],
    ['EX9 is added to the dag', 1],
    ['MBX1 and MBX2 run windows 2022', 0],
    ['we add one more on cu15', 0],
  ];
  for (const [text, count] of joining) {
    it(`servers named joining in "${text}" → ${count}`, () => {
      assert.equal(serversNamedJoining(text), count);
    });
  }
});
