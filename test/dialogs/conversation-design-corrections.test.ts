import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper a21): a correction or an addition said of ONE group of a design after its verdict ("the
 * back-end is actually a 2-node cluster", "the mailbox servers run Standard", "actually the DAG has 18
 * members") reaches that group, is read against that group's facts, and the design is decided again.
 * Read against the first group's facts, "Windows 2003 Standard" of a back-end listed second was "no
 * change" and a cluster Windows 2003 Standard cannot host stayed Supported. Our own phrasings. The designs
 * say "32-bit": an architecture left to the assumption is a condition of the verdict (p21), not the subject here.
 */
const FE_BE_2003_STD = '2 Exchange 2003 Standard front-ends behind NLB and one back-end, all Windows 2003 Standard 32-bit';
const FE_BE_2003_ENT = '2 Exchange 2003 Enterprise front-ends behind NLB and a back-end, all on Windows 2003 Enterprise 32-bit';
const FE_BE_2003_CLUSTER = '2 Exchange 2003 Enterprise front-ends behind NLB and a 2-node clustered back-end, all on Windows 2003 Enterprise x86, no DCs';
// The CAS group first, the DAG second: a fact of the DAG must not be read against the CAS servers.
const CAS_THEN_DAG_2010 =
  'Exchange 2010 SP3: 2 CAS/HUB servers behind a hardware load balancer on 2008 R2 Standard, and 4 mailbox servers in a DAG on Windows 2008 R2 Enterprise, none of them DCs';
const DAG_THEN_CAS_2010 =
  'Exchange 2010 SP3: 4 mailbox servers in a DAG on Windows 2008 R2 Enterprise, none of them DCs, and 2 CAS/HUB servers behind Windows NLB on 2008 R2 Standard';
const DAG_AND_EDGE_2019 = 'Exchange 2019 CU15: 4 mailbox servers in a DAG on Windows Server 2022 Standard, no DCs among them, plus one edge server on 2022';
const CCR_AND_CAS_2007 = 'Exchange 2007 SP3: mailbox role on a 2-node CCR cluster on Windows 2008 Enterprise, not DCs, and 2 CAS/HUB servers with NLB on 2008 Standard';

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'the back-end (second group) corrected to a cluster on Windows 2003 Standard is Not supported',
    [
      [FE_BE_2003_STD, { verdict: 'supported' }],
      [
        'ah, the back-end is actually a 2-node cluster, also on Windows 2003 Standard',
        { verdict: 'not-supported', says: ['Not supported: Back-end mailbox server, Windows server cluster', 'Supported: Front-end'], notSays: ['nothing in the end'] },
      ],
    ],
  ],
  [
    'a cluster added to the back-end alone, in other words',
    [
      [FE_BE_2003_STD, { verdict: 'supported' }],
      ['oh and the BE is clustered, two nodes', { verdict: 'not-supported', says: ['Not supported: Back-end mailbox server', 'Supported: Front-end'] }],
    ],
  ],
  [
    'the back-end as a 2-node cluster on Enterprise everywhere is judged as a cluster, the front-ends untouched',
    [
      [FE_BE_2003_ENT, { verdict: 'supported' }],
      [
        'the back-end is a 2-node cluster btw',
        { says: ['Back-end mailbox server, Windows server cluster', 'Supported: Front-end'], notSays: ['Back-end mailbox server, None (a single server)'] },
      ],
    ],
  ],
  [
    'a single back-end corrected to a cluster is a cluster (the word "cluster" read as the version\'s own clustering)',
    [
      ['Exchange 2003 Enterprise back-end, single server, Windows 2003 Standard 32-bit', { verdict: 'supported' }],
      ["ah, it's actually a 2-node cluster", { verdict: 'not-supported', says: ['Windows server cluster'] }],
    ],
  ],
  [
    'the front-ends put on a server cluster instead of NLB',
    [
      [FE_BE_2003_ENT, { verdict: 'supported' }],
      ['correction: the front-ends are on a server cluster, not NLB', { verdict: 'not-supported', says: ['Not supported: Front-end', 'Supported: Back-end'] }],
    ],
  ],
  [
    'a Windows edition changed for the clustered back-end only',
    [
      [FE_BE_2003_CLUSTER, { verdict: 'supported-with-conditions' }],
      ['oops, the back-end nodes run windows 2003 standard edition', { verdict: 'not-supported', says: ['Supported: Front-end', 'Not supported: Back-end'] }],
    ],
  ],
  [
    'a Windows edition changed for the front-ends only leaves the clustered back-end as it was',
    [
      [FE_BE_2003_CLUSTER, { verdict: 'supported-with-conditions' }],
      ['the front-ends are on Windows 2003 Standard', { verdict: 'supported-with-conditions', says: ['Supported: Front-end', 'Supported with conditions: Back-end'] }],
    ],
  ],
  [
    'the node count of the back-end cluster changed, with typos',
    [
      [FE_BE_2003_CLUSTER, { verdict: 'supported-with-conditions' }],
      ['teh backend is actualy 3 nodes', { says: ['3 nodes or DAG members instead of 2'], notSays: ['Not supported: Front-end'] }],
    ],
  ],
  [
    'the mailbox servers (second group) corrected to Windows Standard: a 2010 DAG needs Enterprise',
    [
      [CAS_THEN_DAG_2010, { verdict: 'supported-with-conditions' }],
      [
        'correction: the mailbox servers run 2008 R2 Standard',
        { verdict: 'not-supported', says: ['Not supported: Mailbox, Database availability group', 'Supported with conditions: Client Access and Hub Transport'] },
      ],
    ],
  ],
  [
    'the same correction with the DAG listed first',
    [
      [DAG_THEN_CAS_2010, { verdict: 'supported-with-conditions' }],
      ['oh, the mailbox servers are on 2008 R2 Standard', { verdict: 'not-supported', says: ['Not supported: Mailbox, Database availability group'] }],
    ],
  ],
  [
    'the CAS servers moved to Windows 2003 keep their role; the DAG keeps its own',
    [
      [CAS_THEN_DAG_2010, { verdict: 'supported-with-conditions' }],
      [
        'the CAS boxes are actually on Windows 2003',
        {
          verdicts: ['not-supported', 'not-supported', 'supported-with-conditions'],
          says: ['Not supported: Client Access and Hub Transport on the same server', 'Supported with conditions: Mailbox, Database availability group'],
        },
      ],
    ],
  ],
  [
    'the DAG grown past 16 members is the DAG, not the load-balanced CAS',
    [
      [CAS_THEN_DAG_2010, { verdict: 'supported-with-conditions' }],
      ['actually the DAG has 18 members', { verdict: 'not-supported', says: ['18 nodes or DAG members instead of 4'], notSays: ['instead of Hardware or virtual load balancer'] }],
    ],
  ],
  [
    'a bare number changed ("actually 3 nodes") goes to the one clustered group',
    [
      [CAS_THEN_DAG_2010, { verdict: 'supported-with-conditions' }],
      ['actually 3 nodes', { verdict: 'supported-with-conditions', says: ['3 nodes or DAG members instead of 4'], notSays: ['instead of Hardware or virtual load balancer'] }],
    ],
  ],
  [
    'one of the DAG members on another Windows release is a mixed DAG, the CAS untouched',
    [
      [CAS_THEN_DAG_2010, { verdict: 'supported-with-conditions' }],
      [
        'forgot to say one of the DAG members is on windows 2012',
        {
          verdict: 'not-supported',
          says: ['on some members', 'Supported with conditions: Client Access and Hub Transport'],
          notSays: ['instead of Hardware or virtual load balancer'],
        },
      ],
    ],
  ],
  [
    'the Edge server joined to the domain after the verdict',
    [
      [DAG_AND_EDGE_2019, { verdict: 'supported-with-conditions' }],
      ['the edge box is actually joined to the domain', { verdict: 'not-supported', says: ['Not supported: Edge Transport', 'Supported with conditions: Mailbox'] }],
    ],
  ],
  [
    'the Edge server put in the DAG after the verdict',
    [
      [DAG_AND_EDGE_2019, { verdict: 'supported-with-conditions' }],
      ['the edge server is actually a member of the DAG too', { verdict: 'not-supported', says: ['Not supported: Edge Transport'] }],
    ],
  ],
  [
    'a 2007 CCR cluster said to have three nodes',
    [
      [CCR_AND_CAS_2007, { verdict: 'supported-with-conditions' }],
      ['actually the CCR cluster has 3 nodes', { verdict: 'not-supported', says: ['Not supported: Mailbox, Cluster continuous replication'] }],
    ],
  ],
  [
    'the 2007 mailbox cluster on Windows Standard',
    [
      [CCR_AND_CAS_2007, { verdict: 'supported-with-conditions' }],
      [
        'the mailbox cluster is on 2008 Standard actually',
        { verdict: 'not-supported', says: ['Not supported: Mailbox', 'Supported with conditions: Client Access and Hub Transport'] },
      ],
    ],
  ],
  [
    'the CAS servers of a 2007 design on Windows 2003 x86: Exchange 2007 production needs 64-bit',
    [
      [CCR_AND_CAS_2007, { verdict: 'supported-with-conditions' }],
      [
        'wait, the CAS/HUB boxes are 32-bit windows 2003',
        { verdict: 'not-supported', says: ['Not supported: Client Access and Hub Transport', 'Supported with conditions: Mailbox'] },
      ],
    ],
  ],
  // Session 6 (helper g21): servers apart from the DAG, another site, a bare count after a what-if.
  [
    "a standalone server of the DAG's role added after the verdict is a group of its own; the DAG stays a DAG",
    [
      ['SE: two mailbox servers in a DAG on 2022 datacenter, no DCs, witness FS9', { verdict: 'supported-with-conditions' }],
      [
        'and we also have a standalone SE mailbox server for journaling on Windows Server 2016',
        { verdict: 'not-supported', says: ['Supported with conditions: Mailbox, Database availability group', 'Not supported: Mailbox, None (a single server)'] },
      ],
    ],
  ],
  [
    'a server outside the DAG said in the first message is judged alone, on its own Windows release',
    [
      [
        'SE: two mailbox servers in a DAG on 2022 datacenter (no DCs, witness FS9) + one more SE mailbox server outside the DAG for journaling, on Windows Server 2016',
        {
          verdict: 'not-supported',
          says: ['Supported with conditions: Mailbox, Database availability group', 'Not supported: Mailbox, None (a single server)'],
          notSays: ['Mixed Windows releases'],
        },
      ],
    ],
  ],
  [
    'an Edge server "also a member of the DAG" is an Edge server in the DAG, not a second mailbox group',
    [
      [
        'SE: two mailbox servers in a DAG on 2022, witness FS1, not DCs. The Edge server is also a member of the DAG.',
        { verdict: 'not-supported', says: ['Not supported: Edge Transport'] },
      ],
    ],
  ],
  [
    '"same for the other site" judges a second group like the first; "on 2012 R2" changes only the new one',
    [
      ['exchange 2016 cu23 DAG in site A: 4 mailbox servers on windows 2016 std, witness on fs01, no DCs', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['same for the other site', { verdicts: ['supported-with-conditions', 'supported-with-conditions', 'supported-with-conditions'], headline: 'Out of support' }],
    ],
  ],
  [
    'a bare count after a what-if on the node count is that count again ("and with 9?")',
    [
      ['2003 ent 2-node cluster on w2k3 ent, 1 EVS', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['and with 3 nodes?', { verdict: 'supported-with-conditions', says: ['3 nodes'] }],
      ['and with 9?', { verdict: 'not-supported', says: ['9 nodes'] }],
    ],
  ],
  [
    "a bare count right after the verdict is the setup's only count; a bare number with words around it is not",
    [
      ['exchange 2016 cu23 dag with 4 members on windows 2016 standard, witness on fs01, no DCs', { verdict: 'supported-with-conditions' }],
      ['what about 20?', { verdict: 'not-supported', says: ['20 nodes'] }],
      ['what about port 25?', { notSays: ['25 nodes'] }],
    ],
  ],
];

describe('conversation (issue 21): a correction or addition inside a design reaches the group it names', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
