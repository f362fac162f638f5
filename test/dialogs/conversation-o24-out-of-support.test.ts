import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper o24, session 12): out-of-support checks and facts after a verdict, from the tuning set
 * bench/conversations-issue21-o24-tuning.yaml, written again in our own words: an update rollup's number, a tally of one
 * server, a Windows date said as the premise of the question, and a server promoted to or demoted from domain controller
 * after Exchange was installed (A-15: not supported). Session 13 (o25, bench/conversations-issue21-o25-tuning.yaml): a
 * server count before the Windows release, a ticket's signature, the DCs' Windows said after a verdict, SE on the same box.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"ru 32" is Exchange 2010 SP3 update rollup 32, not 32-bit Windows: 2010 SP3 on 2012 R2 is judged as it was',
    [['ex2010 sp3 ru 32, single server with all roles, windows 2012 r2 datacenter', { verdict: 'supported', headline: 'Out of support since 13 October 2020: Exchange 2010' }]],
  ],
  [
    '"1x mailbox" is one Mailbox server: high availability is never left open',
    [['E2016 CU23, 1x mailbox, W2016 Datacenter with desktop experience', { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2016' }]],
  ],
  [
    'a Windows date said first does not answer for a retired Exchange: the setup is judged',
    [
      [
        'windows server 2019 stays supported until january 2029, so our exchange 2019 cu15 mailbox server (just one) on 2019 datacenter is ok until then?',
        { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2019' },
      ],
    ],
  ],
  [
    'the Exchange server promoted to a domain controller after a verdict: Not supported',
    [
      ['exchange SE single mailbox server on windows server 2022 datacenter', { verdict: 'supported' }],
      ['fyi the server got promoted to a dc this morning', { verdict: 'not-supported', notSays: ['Out of support'] }],
    ],
  ],
  [
    'the Exchange server demoted after install, said in the first message: Not supported',
    [['exchange 2016 cu23 single mailbox on 2016 datacenter desktop exp; it is no longer a dc, we demoted it in spring', { verdict: 'not-supported' }]],
  ],
  [
    "a Windows release's lifecycle asked after a verdict is that release's date, not a fact added to the check",
    [
      ['exchange 2016 cu23, one mailbox server, windows server 2012 r2 datacenter', { headline: 'Out of support since 14 October 2025: Exchange 2016' }],
      ['and is windows 2012 r2 still supported?', { says: ['10 October 2023'], notSays: ['What changed'] }],
    ],
  ],
  [
    'a DAG member that is a domain controller without the global catalog is still a domain controller: Not supported',
    [['SE dag of 2 on 2022 datacenter, witness on FS2; MBX1 is a domain controller without the global catalog', { verdict: 'not-supported' }]],
  ],
  [
    '"are we still in support with this?" after a retired verdict: that verdict again, headed Out of support',
    [
      ['exchange 2013 cu23, one mbx+cas server, windows 2012 r2 datacenter', { headline: 'Out of support since 11 April 2023: Exchange 2013' }],
      ['are we still in support with this?', { headline: 'Out of support since 11 April 2023: Exchange 2013', notSays: ['Exchange 2007'] }],
      ['supported today?', { headline: 'Out of support since 11 April 2023: Exchange 2013', notSays: ['Exchange 2007'] }],
    ],
  ],
  // Session 13 (o25): "one server" typed right before the Windows release, a ticket's signature naming the sender's Windows,
  // the domain controllers' Windows said after a verdict (theirs, never the Exchange server's), SE set up on the same box.
  [
    '"one server, 2012 r2 std": the server count before the Windows release is one server',
    [['exch 2013 cu23 mbx+cas, one server, 2012 r2 standard', { verdict: 'supported', headline: 'Out of support since 11 April 2023: Exchange 2013' }]],
  ],
  [
    "a ticket's signature naming another Windows release is not the server's: nothing is asked",
    [
      [
        'Please confirm: Exchange 2016 CU23, one Mailbox server, Windows Server 2016 Standard with Desktop Experience.\nCheers,\nLee, Service Desk (MCSA: Windows Server 2008)',
        { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2016' },
      ],
    ],
  ],
  [
    'the DCs\' Windows said after a verdict, after "oh and": the verdict stands',
    [
      ['exchange SE, single mailbox server, windows server 2022 standard', { verdict: 'supported' }],
      ['oh and the domain controllers are on server 2019', { verdict: 'supported', notSays: ['Not supported', 'Windows Server 2019 instead'] }],
    ],
  ],
  [
    "the DCs' Windows as a bare year after a verdict on 2019 is no Exchange 2016",
    [
      ['exchange 2019 cu15, single mailbox server, windows 2019 standard', { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2019' }],
      ['btw the DCs are 2016', { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2019', notSays: ['Exchange 2016 instead'] }],
    ],
  ],
  [
    '"what about the DCs, they run ..." asks about the DCs, not the Exchange server',
    [
      ['exchange SE single mailbox server, windows server 2025 datacenter', { verdict: 'supported' }],
      ['and what about the DCs, they run server 2016. ok?', { verdict: 'supported', notSays: ['Not supported', 'domain controller added'] }],
    ],
  ],
  [
    // session 15 i27: SE on that box is judged (Not supported: SE installs in place only over 2019 CU14/CU15, A-62, M-11);
    // the path line under the 2016 card's plain "Supported" read as a yes (w9-after-03).
    '"run the SE setup on that same box" after a 2016 verdict: SE in place over 2016 is Not supported',
    [
      ['exchange 2016 cu23, single mailbox server, windows 2016 datacenter desktop experience', { verdict: 'supported' }],
      ['could we run the SE setup on that same box?', { verdict: 'not-supported', says: ['only over Exchange 2019 CU14 or CU15'], notSays: ['Out of support'] }],
    ],
  ],
  // Session 14 (o26, bench/conversations-issue21-o26-tuning.yaml): short platform forms, two versions side by side, and facts
  // after a verdict about other machines or a load balancer in front of the DAG.
  [
    '"EX2016CU23 1xMBX WS2016STD DE": one 2016 Mailbox server on 2016 Standard with Desktop Experience',
    [['EX2016CU23 1xMBX WS2016STD DE', { verdict: 'supported', headline: 'Out of support since 14 October 2025: Exchange 2016' }]],
  ],
  [
    'an old 2010 server and a new 2016 server side by side are two single servers: no high availability asked',
    [
      [
        'migration: old 2010 SP3 server (all roles, 2008 R2 std sp1) and a new 2016 CU23 mailbox server (ws2016 std desktop exp) side by side',
        { headline: 'Out of support', notAsks: ['ha', 'role', 'version', 'windows'] },
      ],
    ],
  ],
  [
    '"update: our DCs were upgraded to 2022" after a verdict is the DCs\' Windows, not the server\'s',
    [
      ['exchange 2016 cu23 single mailbox server on windows server 2016 standard desktop experience', { verdict: 'supported' }],
      ['update: our DCs were upgraded to 2022 last week, still fine?', { verdict: 'supported', notSays: ['Windows Server 2022 instead', 'domain controller added'] }],
    ],
  ],
  [
    '"sorry, it\'s actually the standard edition of windows" corrects the Windows edition, not Exchange\'s',
    [
      ['ex2010 sp3 dag of 2 on windows 2008 r2 enterprise sp1, fsw on FS1', { verdict: 'supported-with-conditions' }],
      ["sorry, it's actually the standard edition of windows", { verdict: 'not-supported', says: ['Windows edition: Standard instead of Enterprise'] }],
    ],
  ],
  [
    'a DAG member said to sit in a second domain after the verdict: members in more than one domain',
    [
      ['exchange 2019 cu15 dag of 2 on 2019 std, fsw on FS1, not DCs', { verdict: 'supported-with-conditions' }],
      ['one more thing, MBX2 sits in our second domain emea.contoso.com', { verdict: 'not-supported' }],
    ],
  ],
  [
    '"would it still hold if we rebuilt the box on windows server 2016?" after 2010 SP3: a what-if on Windows (2010 never ran on 2016)',
    [
      ['exchange 2010 sp3, one server with all roles, windows 2008 r2 sp1 standard', { verdict: 'supported' }],
      ['would it still hold if we rebuilt the box on windows server 2016?', { verdict: 'not-supported', headline: 'Out of support since 13 October 2020: Exchange 2010' }],
    ],
  ],
  [
    '"could we just put a 2016 server beside it" after a 2007 verdict: 2016 cannot share the organization with 2007',
    [
      ['ex2007 sp3 single server, cas/hub/mbx, 2008 sp2 enterprise x64', { verdict: 'supported-with-conditions' }],
      ['could we just put a 2016 server beside it and move the mailboxes?', { says: ['Exchange 2016 cannot run in the same organization as Exchange 2007'] }],
    ],
  ],
  [
    'a load balancer in front of a DAG, next to other VMs, keeps the DAG and its Windows',
    [
      ['exchange 2019 cu15 dag of 2 on 2019 std, fsw on FS1, not DCs', { verdict: 'supported-with-conditions' }],
      [
        'also worth mentioning: there is a kemp load balancer in front, running next to some 2012 r2 vms',
        { verdict: 'supported-with-conditions', notSays: ['Windows Server 2012 R2 instead', 'instead of Database availability group'] },
      ],
    ],
  ],
];

describe('conversation (issue 21, o24): out-of-support forms and a domain controller role changed after install', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
