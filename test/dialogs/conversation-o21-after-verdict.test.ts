import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper o21, session 9): turns after a verdict read wrong, from the tuning set
 * bench/conversations-issue21-o21-tuning.yaml and w6's set F, written again in our own words: members added without a verb
 * ("one more node", "4 more members"), several counts added in one message, a count said in place of the one judged
 * ("18 in the end, not 3"), the verdict asked for again ("is that a hard no?"), a new setup named after a verdict, and the
 * out-of-support heading on a verdict whose version only its technology names (CCR is Exchange 2007's).
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"one more node" adds one member to the DAG judged',
    [
      ['Exchange SE DAG of 3 members on Windows Server 2025 Standard, file share witness, no DCs', { verdict: 'supported-with-conditions' }],
      ['one more node', { verdict: 'supported-with-conditions', says: ['4 nodes or DAG members instead of 3'] }],
    ],
  ],
  [
    '"two more nodes" after a retired DAG: added to the count, the card still headed "Out of support"',
    [
      ['2016 cu23 dag of 2 on 2016 std, fsw, no dcs', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['two more nodes', { verdict: 'supported-with-conditions', headline: 'Out of support', says: ['4 nodes or DAG members instead of 2'] }],
    ],
  ],
  [
    '"4 more members" is 4 added, not a DAG of 4',
    [
      ['2019 cu15 dag of 2 on windows server 2019 standard, fsw, no dcs', { verdict: 'supported-with-conditions' }],
      ['4 more members', { verdict: 'supported-with-conditions', says: ['6 nodes or DAG members instead of 2'] }],
    ],
  ],
  [
    'two counts added in one message are both added (4 + 4 + 9 = 17 members)',
    [
      ['SE dag of 4 on 2025 std, witness FS1, no DCs', { verdict: 'supported-with-conditions' }],
      ['oh and 4 more next year and another 9 after that', { verdict: 'not-supported', says: ['17 nodes or DAG members instead of 4'] }],
    ],
  ],
  [
    '"18 in the end, not 3" replaces the member count',
    [
      ['SE DAG of 3 on 2022 std, none are DCs', { verdict: 'supported-with-conditions' }],
      ['18 in the end, not 3', { verdict: 'not-supported', says: ['18 nodes or DAG members instead of 3'] }],
    ],
  ],
  [
    '"one more thing" counts nothing: the fact after it is what changes',
    [
      ['SE dag of 3 on 2025 std, fsw on a file server, no dcs', { verdict: 'supported-with-conditions' }],
      ['one more thing: the cluster also runs a print server', { verdict: 'not-supported', notSays: ['4 nodes or DAG members'] }],
    ],
  ],
  [
    '"is that a hard no?" shows the verdict again, never a search',
    [
      ['SE dag of 2 on windows server 2016 std, fsw, no dcs', { verdict: 'not-supported' }],
      ['is that a hard no?', { verdict: 'not-supported', notSays: ['F5 or Kemp'] }],
    ],
  ],
  [
    '"so is that a yes or a no?" after a retired DAG: the verdict again, headed "Out of support"',
    [
      ['2013 cu23 dag of 2 on 2012 r2 std, fsw, members not dcs', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['so is that a yes or a no?', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
    ],
  ],
  [
    '"what changed?" and "is that definitely ok?" after a verdict in support: that verdict again',
    [
      ['SE dag of 4 on 2025 std, witness FS1, no DCs', { verdict: 'supported-with-conditions' }],
      ['what changed?', { verdict: 'supported-with-conditions', notSays: ['not sure I understood'] }],
      ['is that definitely ok?', { verdict: 'supported-with-conditions', notSays: ["couldn't find"] }],
    ],
  ],
  [
    '"is my exchange supported?" starts the check; a whole setup typed at its first question is judged at once',
    [
      ['is my exchange supported?', { asks: 'version' }],
      // session 13 o25: "one server, 2025 std" is one server ("server 2025" took the word, high availability was left open and
      // the verdict was with conditions); 2019 CU15 on Windows Server 2025 Standard, one server, is supported.
      ['2019 cu15, one server, 2025 std', { verdict: 'supported', headline: 'Out of support' }],
      ['so are we good?', { verdict: 'supported', headline: 'Out of support' }],
    ],
  ],
  [
    '"we still have an exchange 2010 box" starts the check of Exchange 2010, each answer then read into it',
    [
      ['we still have an exchange 2010 box', { asks: 'role' }],
      ['sp3, all roles, no dag', { asks: 'windows' }],
      ['w2k8 r2 sp1 std x64', { verdict: 'supported', headline: 'Out of support' }],
    ],
  ],
  [
    '"check pls: SE" starts the check of SE',
    [
      ['check pls: SE', { asks: 'role' }],
      ['2 servers in a dag, fsw on the file server', { asks: 'windows' }],
      ['2022 dc on both, neither is a DC lol', { verdict: 'supported-with-conditions', notSays: ['Out of support'] }],
    ],
  ],
  [
    'a version corrected on one server is that version, not an in-place upgrade (SE -> 2019 CU13)',
    [
      ['SE single mailbox server on windows server 2019 standard, desktop experience', { verdict: 'supported' }],
      ["wait. checked setup logs, we never ran the SE setup - it's still exchange 2019 cu13", { verdict: 'supported-with-conditions', headline: 'Out of support' }],
    ],
  ],
  [
    'a member added with another Exchange version makes a mixed DAG, not a new check',
    [
      ['2019 cu15 dag, 4 members on 2022 datacenter, fsw on FS01, none are DCs', { verdict: 'supported-with-conditions' }],
      ["the 5th member we're adding next week is a 2016 cu23 box", { verdict: 'not-supported', headline: 'Out of support', says: ['Exchange 2016 on some members'] }],
    ],
  ],
  [
    '"what\'s the way off this?" after a retired verdict names the supported path',
    [
      ['e2k7 sp3 ccr, 2 nodes, w2k8 sp2 enterprise x64, exchange enterprise, nodes are member servers', { headline: 'Out of support' }],
      ["what's the way off this?", { headline: 'Out of support', says: ['Subscription Edition'] }],
    ],
  ],
  [
    '"new setup: ..." after a verdict checks that setup, not an empty check',
    [
      ['exchange 2010 sp3 dag of 2 on 2008 r2 sp1 enterprise, fsw, no dcs', { headline: 'Out of support' }],
      ['new setup: 2019 cu15 single server on 2019 standard', { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2019' }],
    ],
  ],
  [
    'a check whose version only CCR names is headed "Out of support" (Exchange 2007)',
    [
      ['2007 sp3 ccr, 2 nodes on w2k8 ent x64, exchange enterprise, nodes are member servers', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['can we put CAS on the two CCR nodes as well?', { verdict: 'not-supported', headline: 'Out of support since 11 April 2017: Exchange 2007' }],
    ],
  ],
];

describe('conversation (issue 21, o21): counts, questions and new setups after a verdict', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
