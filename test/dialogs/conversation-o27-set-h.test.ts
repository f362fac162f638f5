import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper o27, session 15): set H (bench/conversations-outside-h-tuning.yaml) written again in our own words:
 * facts said after a verdict, facts stated in one message that close conditions, and retired versions' designs.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'the box named as promoted to a domain controller after a verdict: Not supported',
    [
      ['exchange 2019 cu15 single mailbox server on 2025 standard', { verdict: 'supported' }],
      ['fyi we promoted this server to a domain controller in march', { verdict: 'not-supported' }],
    ],
  ],
  [
    'dcpromo run after Exchange was installed, said in the first message: Not supported',
    [['SE single mailbox server on 2025 datacenter; we ran dcpromo on it after exchange was installed', { verdict: 'not-supported' }]],
  ],
  [
    "an Office server product's farm role put on the server judged, said after the verdict: Not supported",
    [
      ['exchange 2019 cu15 single mailbox server on 2025 standard', { verdict: 'supported' }],
      ["btw the sharepoint 2019 farm's search role is installed on that same server", { verdict: 'not-supported' }],
    ],
  ],
  [
    'a server of another version added into the DAG judged, named by what it is: mixed versions, Not supported',
    [
      ['exchange 2016 cu23 dag of 2 on 2016 std, fsw on FS1, not DCs', { verdict: 'supported-with-conditions' }],
      ['we plan to put a new 2019 cu15 box into the same dag for a few weeks', { verdict: 'not-supported', says: ['different Exchange versions'] }],
    ],
  ],
  [
    'NLB swapped for a hardware load balancer after a verdict on Exchange 2003 front-ends: judged again, still Supported',
    [
      ['two exchange 2003 sp2 front-ends, std edition, windows 2003 std x86, windows nlb', { verdict: 'supported' }],
      ['what if we swap the nlb for a kemp?', { verdict: 'supported', says: ['Hardware or virtual load balancer instead of'] }],
    ],
  ],
  [
    '"how do we get supported again" after a retired verdict: the way to Subscription Edition',
    [
      ['exchange 2016 cu23 single mailbox server on 2016 standard with desktop experience', { verdict: 'supported', headline: 'Out of support' }],
      ['cheapest way to be back in support?', { says: ['Subscription Edition'], notSays: ['not sure I understood'] }],
    ],
  ],
  [
    'one SE DAG member said to be the 2019 CU15 box not yet upgraded: 2019 and SE during the in-place upgrade, with conditions',
    [
      ['SE dag of 4 on 2025 std, fsw on FS1, not DCs', { verdict: 'supported-with-conditions' }],
      [
        "one member is actually still the 2019 cu15 server we haven't upgraded",
        { verdict: 'supported-with-conditions', says: ['upgraded in place to SE one at a time'], notSays: ['Out of support'] },
      ],
    ],
  ],
  [
    'SE set up in place over a 2019 CU15 server, said as planned: the server judged as SE (no Out of support)',
    [
      ['exchange 2019 cu15 single mailbox server on 2022 datacenter', { headline: 'Out of support' }],
      ['tomorrow night we install SE in place on it', { notSays: ['Out of support', 'What to do: plan the move'], says: ['Subscription Edition (SE) instead of 2019'] }],
    ],
  ],
  [
    // Lead, session 15: with i27's merge the plan is judged (SE put in place over 2019 CU10 is Not supported) and the
    // recommendation gives the path (CU14 or CU15 first); it was the 2019 card again with the path.
    'the same plan over a 2019 server more than one CU behind: Not supported as planned, with the path (CU14 or CU15 first)',
    [
      ['exchange 2019 cu10 single mailbox server on 2019 standard with desktop experience', { headline: 'Out of support' }],
      ['we will run the SE setup in place on it next week', { verdict: 'not-supported', says: ['CU14 or CU15'] }],
    ],
  ],
  [
    'the servers judged "replaced with" others: the new ones judged with what the message changes',
    [
      ['two exchange 2016 cu23 edge servers, 2016 std with desktop experience, workgroup', { verdict: 'supported', headline: 'Out of support' }],
      ['in spring we replace them with SE edge servers on 2025 std core', { verdict: 'supported', notSays: ['Out of support'], says: ['instead of 2016'] }],
    ],
  ],
  [
    '"short version for the change board" after a verdict: the ticket summary, headed by the retired version\'s date',
    [
      ['exchange 2010 sp3 single server, all roles, 2008 r2 sp1 standard', { headline: 'Out of support' }],
      ['tl;dr for my manager?', { says: ['Out of support since 13 October 2020', 'Exchange version: Exchange 2010'] }],
    ],
  ],
  [
    'a move to another version (not SE) asked after a verdict: that version joining the organization judged, from the coexistence table',
    [
      ['exchange 2007 sp3 single server, all roles, windows 2008 enterprise x64', { headline: 'Out of support' }],
      ['could we move straight to exchange 2019 from this?', { says: ['No: Exchange 2019 cannot coexist with Exchange 2007'], notSays: ['not sure I understood'] }],
    ],
  ],
  [
    'a DAG refused for 20 members split into two DAGs of 10 each: a design of two DAGs, each judged',
    [
      ['exchange SE dag of 20 members on 2022 datacenter, no DCs', { verdict: 'not-supported' }],
      [
        'fine, we will split it into 2 DAGs: 10 + 10',
        { verdict: 'supported-with-conditions', says: ['two DAGs of 10 and 10 members instead of one of 20', 'a witness server outside the DAG'] },
      ],
    ],
  ],
  [
    'a DAG whose message states each of its conditions is plain Supported; the same DAG said briefly keeps them as conditions',
    [
      [
        'exchange 2019 cu15 dag of 2 on 2019 datacenter, witness on FS2, neither is a dc, same cu and same windows on both, the cluster hosts nothing else, no nlb',
        { verdict: 'supported', headline: 'Out of support' },
      ],
    ],
  ],
  [
    'the same DAG said briefly',
    [['exchange 2019 cu15 dag of 2 on 2019 datacenter, witness on FS2', { verdict: 'supported-with-conditions', says: ['Every DAG member runs the same Windows release'] }]],
  ],
];

describe('conversation (issue 21, o27): set H facts after a verdict, stated facts, out of support', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
