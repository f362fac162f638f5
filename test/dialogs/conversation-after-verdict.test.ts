import { play, type Turn } from './conversation-play';

/*
 * Issue 21, out-of-support and after-verdict (helper t21): what people ask once a verdict is shown, and
 * how a retired product stays "Out of support" first. Our own phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    // Another Exchange version after a verdict is a check of its own (a design shares one version): judged on
    // its own facts, never with the front-ends' Windows edition (f3, seed 9081726; f1, seed 2512).
    'servers of another version said after a verdict are a check of their own, judged on their own facts',
    [
      ['Exchange 2003 front-end servers with NLB on Windows 2003 Enterprise', { verdict: 'supported-with-conditions' }],
      ['We plan Exchange 2000 back-end servers on a cluster with enterprise edition', { asks: 'windowsEdition' }],
      [
        'Windows Server 2003',
        {
          verdict: 'not-supported',
          says: ['Exchange 2000 does not run on Windows Server 2003', 'Windows release: Windows Server 2003\nWindows edition: not asked'],
          notSays: ['(design)', 'Front-end'],
        },
      ],
    ],
  ],
  [
    '"is it still ok?" after a verdict on a retired product shows that verdict again, out of support first',
    [
      ['Exchange 2013 CU23 DAG 2 nodes on 2012 R2 std', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['is it still ok?', { verdict: 'supported-with-conditions', headline: 'Out of support', notSays: ["couldn't find"] }],
      ["so we're covered?", { headline: 'Out of support' }],
    ],
  ],
  [
    '"when did it go out of support?" about the retired product just judged is its card again; another version gets its own answer',
    [
      ['Exchange 2013 CU23 DAG 2 nodes on 2012 R2 std', { headline: 'Out of support' }],
      ['when did it go out of support?', { headline: 'Out of support', says: ['11 April 2023', 'Subscription Edition'] }],
      ['when did exchange 2016 go out of support?', { says: ['14 October 2025'], notSays: ['11 April 2023'] }],
    ],
  ],
  [
    '"why?" on a retired product starts with the out-of-support line and keeps "while ... was supported"',
    [
      ['Exchange 2013 CU23 DAG 2 nodes on 2012 R2 std', { headline: 'Out of support' }],
      ['why?', { says: ['Out of support since 11 April 2023', 'Supported with conditions (while Exchange 2013 was supported)** because'] }],
    ],
  ],
  [
    'a Windows release retired before its Exchange version is named in the design label',
    [
      [
        'Our exchange 2016 cu23 box (mailbox, standalone, desktop experience) runs windows 2012 r2 standard - supported?',
        { headline: 'Out of support', says: ['while Exchange 2016 and Windows Server 2012 R2 were supported'] },
      ],
    ],
  ],
  [
    'a setup right after a direct answer about a version is of that version, its CU read with it',
    [
      ["what's the end of support date for exchange 2019?", { says: ['2025'] }],
      ['right. we have 2 of them in a DAG on windows 2022 standard, cu15. what do we do?', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
    ],
  ],
  [
    '"oops, one of them is actually still on 2012 R2" is a mixed DAG, and says which release',
    [
      ['exch 2016 cu23, 3 dag members, ws2016 datacenter', { verdict: 'supported-with-conditions' }],
      ['oops, one of them is actually still on 2012 R2', { verdict: 'not-supported', says: ['Windows Server 2012 R2 on some members'] }],
    ],
  ],
  [
    'a what-if moving "the same two servers" to SE changes the whole setup, not some members',
    [
      ['Exchange 2016 CU23, two mailbox servers in a DAG on 2012 R2 Standard with a witness', { headline: 'Out of support' }],
      [
        'what if we move that to SE on Windows Server 2025 Standard, same two servers in a DAG with a witness?',
        { verdict: 'supported-with-conditions', says: ['Windows Server 2025 instead of 2012 R2'], notSays: ['on some members', 'Out of support since'] },
      ],
    ],
  ],
  [
    '"we\'re adding a 17th next month" counts the members',
    [
      ['SE DAG with 16 members on 2022 datacenter', { verdict: 'supported-with-conditions' }],
      ["oh and we're adding a 17th next month", { verdict: 'not-supported', says: ['17 nodes or DAG members instead of 16'] }],
    ],
  ],
  [
    '"plus windows NLB on both nodes for the CAS traffic" is NLB on the members, their role unchanged',
    [
      ['exchange 2013 cu23 dag with 2 members on 2012 r2 standard, DCs are separate boxes', { verdict: 'supported-with-conditions' }],
      ['plus windows NLB on both nodes for the CAS traffic', { verdict: 'not-supported', says: ['Windows NLB on the same servers added'], notSays: ['instead of Mailbox'] }],
    ],
  ],
  [
    '"the DAG members run the CAS role too and we used WNLB for them" joins the roles and puts NLB on the members',
    [
      ['exchange 2010 sp3, 2 mbx in a dag on 2008 r2 ent, fsw on the cas', { verdict: 'supported-with-conditions' }],
      ['oh and also the DAG members run the CAS role too and we used WNLB for them', { verdict: 'not-supported', says: ['Windows NLB on the same servers added'] }],
    ],
  ],
  [
    'negations in the first message: "neither server is a DC", "we don\'t use NLB", "no NLB" beside a DAG',
    [['Exchange 2019 CU15 two member DAG on 2022 standard, neither server is a DC', { verdict: 'supported-with-conditions', says: ['member servers (not domain controllers)'] }]],
  ],
  ['"we don\'t use NLB" beside a DAG', [["SE DAG, 4 servers, WS2025 Datacenter, we don't use NLB, witness on a file server", { verdict: 'supported-with-conditions' }]]],
  ['"no NLB" beside a DAG is no single server', [['SE, 2 mailbox servers in a DAG, server 2022 std, no NLB', { verdict: 'supported-with-conditions', notAsks: ['ha'] }]]],
  [
    '"across 2 DCs", "2 per DC": datacenters, not members that are domain controllers; "both nodes are DCs" still is',
    [['SE DAG, 4 members across 2 DCs, ws2022 std', { verdict: 'supported-with-conditions' }]],
  ],
  ['"2 per DC" is a datacenter count', [['exchange 2016 dag, 4 members, 2 per DC, windows 2016 std, cu23', { verdict: 'supported-with-conditions', headline: 'Out of support' }]]],
  ['"both nodes are DCs" is still read', [['SE DAG, 2 members, ws2022 std, both nodes are DCs', { verdict: 'not-supported' }]]],
  [
    '"witness on the hub/cas" is one witness host: the DAG members stay Mailbox servers and get their verdict',
    [['exch 2010 sp3 ru32 dag 2 members, w2k8r2 ent sp1, witness on the hub/cas', { verdict: 'supported-with-conditions', headline: 'Out of support' }]],
  ],
  [
    '"still OK after October 2025?": a year in a date is no Windows release (no mixed Windows)',
    [['E2016 CU23 DAG 2 members WS2016 - still OK after October 2025?', { verdict: 'supported-with-conditions', headline: 'Out of support' }]],
  ],
  [
    '"what\'s the support status of <a whole setup>?" is judged, not answered as a lookup',
    [["What's the support status of Exchange 2019 CU15 on Windows Server 2022 in a 2-node DAG?", { verdict: 'supported-with-conditions', headline: 'Out of support' }]],
  ],
  [
    'a CU typed in the message is judged by the current-update rule; patched later, the verdict changes back',
    [
      // Session 7 policy: a retired version's update behind is the first condition ("Update to ... first").
      [
        'single Exchange 2019 mailbox server CU10 on Windows Server 2019 Standard',
        { verdict: 'supported-with-conditions', headline: 'Out of support', says: ['Update to Exchange 2019 CU14 or CU15 first'] },
      ],
      ["ok we patched it last night, it's on CU15 now", { verdict: 'supported', headline: 'Out of support' }],
    ],
  ],
  [
    'a single 2019 server named with SE as the plan ("no budget for SE until 2028") is judged as 2019',
    [['is it still ok to run exchange 2019 cu15 on a single server 2019 standard? we have no budget for SE until 2028', { headline: 'Out of support' }]],
  ],
  [
    // Found by the fuzzer (seed 1550256925): the direct answer's button was read as servers added to the last design.
    '"Check my setup: ..." (a direct answer\'s button) after a verdict starts a new check with its facts, not another group of the last design',
    [
      ['Can I put an Exchange 2003 front-end server on a Windows cluster?', { verdict: 'not-supported' }],
      [
        'Check my setup: Exchange 2010, Mailbox, Database availability group, Windows Server 2003',
        { verdict: 'not-supported', says: ['Exchange 2010 runs on Windows Server 2008'], notSays: ['(design)', 'added to the design', 'Front-end'] },
      ],
    ],
  ],
  [
    // Found by a fuzz helper (seed 424242): "search nlb" after a verdict turned the cluster into NLB and judged it again.
    '"search nlb" after a verdict is a search, not a what-if',
    [
      ['Exchange 2003 Enterprise back-end on a 2-node cluster on Windows 2003 Enterprise 32-bit', { verdict: 'supported-with-conditions' }],
      ['search nlb', { noCheck: true, notSays: ['What changed'] }],
    ],
  ],
  [
    "an article's button pressed while the check waits shows the article and asks the same question again",
    [
      ['check my setup', { asks: 'version' }],
      ['Show KB837852', { asks: 'version', says: ['KB837852'], notSays: ["didn't recognise"] }],
    ],
  ],
  [
    '"check my setup: ..." typed while the check waits starts over with the facts it names',
    [
      ['Exchange 2016 DAG', { asks: 'windows' }],
      ['check my setup: Exchange 2010, Mailbox, Database availability group, Windows Server 2003', { verdict: 'not-supported', notSays: ["didn't recognise"] }],
    ],
  ],
  [
    // Session 13 (q23): "from which cu?" after a verdict on one version and Windows release is the update level from which that
    // version runs there (it got an article's passage); "core install ok for that?" adds Server Core to the setup judged.
    '"from which cu?" after a verdict is the platform table\'s update level; "core install ok for that?" adds Server Core',
    [
      ['is exchange 2019 supported on windows server 2025', { verdict: 'supported-with-conditions' }],
      ['from which cu?', { says: ['From Exchange 2019 CU15'] }],
    ],
  ],
  [
    'a fact said with "ok for that?" after a verdict is added to the setup judged',
    [
      ['exchange SE on windows server 2022, two servers in a dag, hardware load balancer, witness on a file server', { verdict: 'supported-with-conditions' }],
      ['core install ok for that?', { says: ['What changed', 'Server Core'], notSays: ['Edge server'] }],
    ],
  ],
];

describe('conversation (issue 21): after a verdict, and out of support first', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
