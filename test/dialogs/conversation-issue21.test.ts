import { play, type Turn } from './conversation-play';

/*
 * Issue 21's behaviours (conversations without dead ends) as table-driven dialog tests. Our own
 * phrasings for tuning; the benchmark's fresh set (bench/conversations-issue21-holdout.yaml) is
 * never read while this code changes.
 */
const CASES: ReadonlyArray<readonly [group: string, name: string, turns: readonly Turn[]]> = [
  [
    'loops',
    'an answer not understood gets a second wording with examples; a second miss leaves the fact open and the check goes on',
    [
      ['Exchange 2010 Enterprise mailbox servers in a DAG on Windows Server 2008 R2', { asks: 'windowsEdition' }],
      ['the shiny one', { asks: 'windowsEdition', says: ["didn't recognise", 'for example', 'not sure'] }],
      ['the expensive one', { says: ['leave the **Windows edition** open'], notAsks: ['windowsEdition'] }],
    ],
  ],
  [
    'loops',
    '"skip" is accepted and the verdict names the open fact as a condition',
    [
      // Exchange 2003 runs only on 32-bit Windows: after "skip" the verdict follows, the architecture assumed and said.
      ['Exchange 2003 Enterprise back-end on a server cluster, Windows Server 2003', { asks: 'windowsEdition' }],
      ['skip', { verdict: 'supported-with-conditions', says: ['Windows edition is not known yet', 'Not supported with Web Edition', '32-bit'] }],
    ],
  ],
  [
    'loops',
    '"why do you ask?" gets a short answer, then the question again; asked twice, the fact is left open',
    [
      ['can we cluster Exchange 2003 back-ends?', { asks: 'edition' }],
      ['why do you ask?', { asks: 'edition', says: ['changes the verdict', 'Not supported'] }],
      ['what are the conditions?', { notAsks: ['edition'], says: ['conditions depend', 'leave the **Exchange edition** open'] }],
    ],
  ],
  [
    'loops',
    'an answer naming another fact is taken for it, and the question is asked again with what is missing',
    [
      ['Exchange 2010 Enterprise mailbox servers in a DAG on Windows Server 2008', { asks: 'windowsEdition' }],
      ['Windows Server 2008 R2', { asks: 'windowsEdition', says: ['Noted: Windows Server 2008 R2', 'Still missing'] }],
      ['Enterprise', { notAsks: ['windows', 'windowsEdition'] }],
    ],
  ],
  [
    'after-verdict',
    'a fact added after the verdict runs the check again and says what changed',
    [
      ['Exchange SE Enterprise mailbox servers in a DAG on Windows Server 2025 Standard', { verdict: 'supported-with-conditions' }],
      [
        'oh and I forgot to mention the members are domain controllers too',
        { verdict: 'not-supported', says: ['What changed: also a domain controller added', 'Now: Not supported (was Supported with conditions)'] },
      ],
    ],
  ],
  [
    'after-verdict',
    'a what-if verdict says what changed on the card',
    [
      ['Exchange SE Enterprise mailbox servers in a DAG on Windows Server 2025 Standard', { verdict: 'supported-with-conditions' }],
      ['what if we used Windows Server 2022 instead?', { says: ['What changed: Windows Server 2022 instead of 2025'] }],
    ],
  ],
  [
    'after-verdict',
    'a plain statement naming a fact of the setup just judged is added to it (no "forgot to say" needed)',
    [
      ['Exchange 2013 CU23 Enterprise mailbox servers in a DAG on Windows Server 2012 R2 Standard', { verdict: 'supported-with-conditions' }],
      ['the dag has 18 members', { verdict: 'not-supported', says: ['What changed: 18 nodes or DAG members added'] }],
    ],
  ],
  [
    'after-verdict',
    '"windows is 2019 btw" changes the Windows release, not the Exchange version',
    [
      ['Exchange 2016 CU23 Enterprise mailbox servers in a DAG on Windows Server 2016 Datacenter', { verdict: 'supported-with-conditions' }],
      ['windows is 2019 btw', { verdict: 'not-supported', says: ['What changed: Windows Server 2019 instead of 2016'] }],
    ],
  ],
  [
    'after-verdict',
    'some members on another version make a mixed DAG, never a supported DAG of that version',
    [
      ['Exchange 2013 CU23 Enterprise mailbox servers in a DAG on Windows Server 2012 R2 Standard', { verdict: 'supported-with-conditions' }],
      ['fyi some members run exchange 2016', { verdict: 'not-supported', notSays: ['Exchange 2016 instead of'] }],
    ],
  ],
  [
    'after-verdict',
    'on a design, a fact naming a role goes to the groups of that role',
    [
      ['E2K3 Ent on W2K3 Enterprise x86: two FEs behind NLB and a 2-node BE cluster', { verdict: 'supported-with-conditions' }],
      ['forgot to say the back-ends are also DCs', { verdicts: ['not-supported', 'supported', 'not-supported'], says: ['Now: Not supported (was Supported with conditions)'] }],
    ],
  ],
  [
    'after-verdict',
    'a fact the verdict left open, given later as a bare answer, fills it and decides again',
    [
      ['exchange 2010 sp3 mailbox dag, exchange enterprise, on windows 2008 r2', { asks: 'windowsEdition' }],
      ['no clue', { says: ['Windows edition is not known yet'] }],
      ['Enterprise', { verdict: 'supported-with-conditions', says: ['What changed: Windows edition: Enterprise added'], notSays: ['Windows edition is not known yet'] }],
    ],
  ],
  [
    'loops',
    '"no idea" at the high-availability question is not read as "no HA"',
    [
      ['exchange SE mailbox server', { asks: 'ha' }],
      ['no idea', { notAsks: ['ha'], says: ['No problem'], notSays: ['What changed'] }],
    ],
  ],
  [
    'loops',
    '"what\'s the difference?" at a question gets how each answer changes the verdict, then the question again',
    [
      ['Exchange 2010 SP3 Enterprise mailbox servers in a DAG on Windows Server 2008 R2', { asks: 'windowsEdition' }],
      ['whats the difference?', { asks: 'windowsEdition', says: ['changes the verdict', 'Standard: **Not supported**'] }],
    ],
  ],
  [
    'loops',
    '"i dont know", "not decided yet", "tbd" are accepted like "not sure" (never "didn\'t recognise")',
    [
      ['exchange 2016 cu23 mailbox servers in a dag', { asks: 'windows' }],
      ['i dont know, have to ask the server guy', { notAsks: ['windows'], notSays: ["didn't recognise"] }],
    ],
  ],
  [
    'stated-facts',
    'a what-if inside the first message is judged as planned: 2 EVS today and a 3rd added is 3 EVS on 3 nodes',
    [
      [
        'E2K3 Enterprise back-end cluster on 32-bit Windows Server 2003 Enterprise, 3 nodes: we run 2 EVS and want a third, so the 3 nodes are active',
        { verdict: 'not-supported', says: ['n-1 Exchange Virtual Servers'] },
      ],
    ],
  ],
  [
    'out-of-support',
    'a verdict on a retired version starts with "Out of support", the date and the supported path',
    [
      [
        'Exchange 2010 SP3 Enterprise mailbox servers in a DAG on Windows Server 2008 R2 Enterprise',
        { headline: 'Out of support since 13 October 2020: Exchange 2010', says: ['Supported path: Exchange Server Subscription Edition'] },
      ],
    ],
  ],
  // Helper j21's flow cases (our phrasings; see also bench/conversations-issue21-flow-tuning.yaml).
  [
    'out-of-support',
    'a retired product on a named Windows release, with no design said, gets its verdict at once: no question, the reason about a single server',
    [
      [
        'we run exchange 2013 cu23 on windows 2012 r2, are we ok?',
        { headline: 'Out of support since 11 April 2023', says: ['A single Exchange 2013 server', 'High availability is not known yet'], notAsks: ['role', 'ha'] },
      ],
    ],
  ],
  ['out-of-support', 'asking to check "my setup" of a retired product still runs the guided check', [['Is my Exchange 2016 setup supported?', { asks: 'role' }]]],
  [
    'loops',
    '"whatever is default", "up to you" and "ask me later" leave the fact open, never "didn\'t recognise"',
    [
      ['exchange 2016 cu23 mailbox server', { asks: 'ha' }],
      ['whatever is default', { notAsks: ['ha'], notSays: ["didn't recognise"] }],
    ],
  ],
  [
    'loops',
    'a bare answer to another question ("Datacenter" asked for the Windows release) is noted, then the question comes again',
    [
      ['exch 2019 cu14 mailbox server in a dag', { asks: 'windows' }],
      ['Datacenter', { asks: 'windows', says: ['Noted: Windows edition: Datacenter'], notSays: ["didn't recognise"] }],
    ],
  ],
  [
    'loops',
    'a number noted while another question waits names its fact',
    [
      ['exch 2019 cu14 mailbox server in a dag', { asks: 'windows' }],
      ['4 nodes', { asks: 'windows', says: ['Noted: 4 nodes or DAG members'] }],
    ],
  ],
  [
    'after-verdict',
    'another server added after a verdict is a group of its own, not a new role for the DAG members',
    [
      ['Exchange 2016 CU23 Enterprise mailbox servers in a DAG on Windows Server 2016 Standard', { verdict: 'supported-with-conditions' }],
      ['and we also have an edge server', { asks: 'windows' }],
      ['2016', { verdicts: ['supported-with-conditions', 'supported-with-conditions', 'supported-with-conditions'], says: ['Edge Transport servers added to the design'] }],
    ],
  ],
  [
    'after-verdict',
    '"add the Edge server to that DAG" after a verdict changes the servers judged',
    [
      ['Exchange 2016 CU23 Enterprise mailbox servers in a DAG on Windows Server 2016 Standard', { verdict: 'supported-with-conditions' }],
      ['fyi we also want to add the edge server to that dag', { verdict: 'not-supported' }],
    ],
  ],
  [
    'after-verdict',
    'a partial statement ("windows is 2019 on one node") makes a mixed DAG and never sets the member count',
    [
      ['Exchange 2016 CU23 Enterprise mailbox servers in a DAG on Windows Server 2016 Standard', { verdict: 'supported-with-conditions' }],
      ['one more thing, windows is 2019 on one node', { verdict: 'not-supported', says: ['different Windows releases added'], notSays: ['1 nodes'] }],
    ],
  ],
  [
    'after-verdict',
    'a role said to sit on the same servers joins theirs; "20 of them" is the member count; a misread value the setup cannot have is dropped',
    [
      ['Exchange 2013 CU23 Enterprise mailbox servers in a DAG on Windows Server 2012 R2 Standard', { verdict: 'supported-with-conditions' }],
      ['and the CAS role is on the same boxes', { verdict: 'supported-with-conditions', says: ['Client Access and Mailbox on the same server instead of Mailbox'] }],
      ['oh and we have 20 of them', { verdict: 'not-supported', says: ['20 nodes or DAG members added'] }],
      ['oh and the nodes also run sql server', { notSays: ['Windows 2000 Server'] }],
    ],
  ],
  [
    'loops',
    '"hang on" keeps the question waiting without asking it again; "what is Web Edition?" is a question about a term, not the answer',
    [
      ['exchange 2003 enterprise back-end cluster on windows 2003', { asks: 'windowsEdition' }],
      ['hang on', { says: ['take your time'], notAsks: ['windowsEdition'] }],
      ['what is web edition?', { asks: 'windowsEdition', notSays: ['This Windows edition has no Cluster service'] }],
      ['which one do you recommend?', { says: ['changes the verdict'], notAsks: ['windowsEdition'] }],
    ],
  ],
  [
    'loops',
    '"I\'d have to check", "not 100% sure" and "either" leave the fact open',
    [
      ['exchange 2003 enterprise back-end cluster on windows 2003', { asks: 'windowsEdition' }],
      ["I'd have to check", { notAsks: ['windowsEdition'], notSays: ["didn't recognise"] }],
    ],
  ],
  [
    'after-verdict',
    'what-ifs after a verdict: "add a 17th member", "is it ok if one member is a DC?", "what if we drop the DAG"',
    [
      ['Exchange 2016 CU23 Enterprise mailbox servers in a DAG on Windows Server 2016 Standard', { verdict: 'supported-with-conditions' }],
      ['can we add a 17th member?', { verdict: 'not-supported', says: ['17 nodes or DAG members added'] }],
      ['what if we drop the DAG', { says: ['None (a single server) instead of'], notSays: ['What changed: .'] }],
    ],
  ],
  [
    'after-verdict',
    '"is it ok if one member is a DC?" adds the domain controller and never sets the member count to one',
    [
      ['Exchange 2016 CU23 Enterprise mailbox servers in a DAG on Windows Server 2016 Standard', { verdict: 'supported-with-conditions' }],
      ['is it ok if one member is a DC?', { verdict: 'not-supported', says: ['also a domain controller added'], notSays: ['1 nodes'] }],
    ],
  ],
  [
    'after-verdict',
    '"what if we add a 3rd EVS" on a two-node Exchange 2003 cluster counts three virtual servers',
    [
      ['E2K3 SP2 Enterprise back-end cluster, 2 nodes, 2 EVS, W2K3 Enterprise x86', { verdict: 'supported-with-conditions' }],
      ['what if we add a 3rd EVS', { verdict: 'not-supported', says: ['3 exchange virtual servers instead of 2'] }],
    ],
  ],
  [
    'out-of-support',
    'a retired setup said to be running leaves its update open (named as a condition); one being planned is asked it',
    [['Our Exchange 2013 DAG runs on 2012 R2 Datacenter, 4 members', { headline: 'Out of support', says: ['Exchange update level is not known yet'], notAsks: ['update'] }]],
  ],
  ['out-of-support', 'a retired setup being planned is asked its update', [['is a 2 node exchange 2016 dag on server 2016 supported', { asks: 'update' }]]],
];

describe('conversation (issue 21): no dead ends, every fact used, out of support first', () => {
  for (const [group, name, turns] of CASES) {
    it(`${group}: ${name}`, async () => {
      await play(turns);
    });
  }
});
