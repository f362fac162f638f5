import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (e21): facts said in a first message the way people write them: denied ("nobody is a DC"),
 * named by the role instead of the server ("the AD DS role"), counted in parts ("3 members plus 1
 * lagged member"), written in words ("twenty nineteen", "eighteen members"), and placed on separate
 * lines of a design. Each one decides the verdict. Our own phrasings beside the outsider set's
 * (bench/conversations-outside-c-tuning.yaml); the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [group: string, name: string, turns: readonly Turn[]]> = [
  // A denial is the fact's "no" (M-4: DAG members are member servers; a wrong "Not supported" before).
  ...[
    'SE DAG of 2 on Windows Server 2022 Datacenter, file share witness on FS1. nobody is a DC',
    'exchange 2016 cu23 dag, 4 members on 2016 standard, fsw on fs01, none of the nodes is a dc',
    '2019 CU15 DAG of 2 on ws2022 std, FSW on FS01; no member is a domain controller',
    'I dont think any of our SE DAG members is a GC. two members, ws2025 standard, witness on a file server',
    'SE DAG 2 nodes on Windows Server 2022 Datacenter. we do NOT run windows NLB, we have a kemp in front. none of the nodes is a DC. FSW on a file server',
  ].map((said): readonly [string, string, readonly Turn[]] => [
    'denied',
    `"${said.slice(0, 60)}…": a denied DC or NLB is not the setup's`,
    [[said, { verdict: 'supported-with-conditions', notSays: ['directory servers', 'NLB and failover clustering cannot'] }]],
  ]),
  // A denial after the mention (M-14: an even DAG needs a witness; D-6/M-6: NLB off the members is the documented design).
  ...[
    'SE DAG of 2 on Windows Server 2025 Standard, member servers, witness: none',
    'exchange 2019 cu15 dag with 2 members, ws2022 std, not DCs, FSW not configured',
    'Exchange 2016 CU23, 4 node DAG, Server 2016 Datacenter, no DCs; we removed the file share witness last month',
    'SE DAG of 2 on ws2022 datacenter, no DCs, we dont have a witness',
  ].map((said): readonly [string, string, readonly Turn[]] => [
    'denied',
    `"${said.slice(0, 60)}…": no witness for an even member count`,
    [[said, { verdict: 'not-supported', says: ['witness'] }]],
  ]),
  ...[
    'SE DAG of 2 on Windows Server 2025 Standard with a FSW, DCs on separate servers, NLB: no',
    'exchange 2019 cu15 dag with 2 members, ws2022 std, witness on FS1, DCs: none, NLB is not used (kemp in front)',
    'SE DAG of 2 on ws2022 datacenter, FSW on FS1, member servers, we dropped NLB last year',
  ].map((said): readonly [string, string, readonly Turn[]] => [
    'denied',
    `"${said.slice(0, 60)}…": DCs elsewhere and NLB denied after the mention`,
    [[said, { verdict: 'supported-with-conditions', notSays: ['directory servers', 'NLB and failover clustering cannot'] }]],
  ]),
  [
    'denied',
    'a doubt leaves the fact open: not a wrong "Not supported"',
    [['SE DAG of 2 on 2025 std with a FSW, not sure if the nodes are DCs', { verdict: 'supported-with-conditions', notSays: ['directory servers'] }]],
  ],
  [
    'denied',
    'a denial in another clause does not deny the DC',
    [['exchange 2019 cu15 dag of 2 on 2022 std, no witness, the nodes are DCs', { verdict: 'not-supported', says: ['domain controllers'] }]],
  ],
  // The domain controller named by its role (C8b for Exchange 2003 clusters, M-4 for DAGs).
  [
    'dc-role',
    'cluster nodes that hold the AD DS role are domain controllers',
    [['2 node exchange 2003 ent cluster (win2003 ent). both nodes also hold the AD DS role because it is a branch office', { verdict: 'not-supported' }]],
  ],
  [
    'dc-role',
    'DAG members with the AD DS role installed are domain controllers',
    [['exchange 2019 cu15 dag of 2 on 2022 std with a witness; the members also have the AD DS role installed', { verdict: 'not-supported', says: ['domain controllers'] }]],
  ],
  // Lead, session 8 (w6-hunt-62): an IP-less DAG needs Exchange 2013 SP1 or later on Windows Server 2012 R2 or later (D-7).
  [
    'ip-less',
    'an IP-less Exchange 2010 DAG is not supported',
    [
      [
        'exchange 2010 sp3 dag with no administrative access point (ip-less dag) on 2008 r2 ent sp1, 2 members, fsw, no dcs',
        { verdict: 'not-supported', says: ['administrative access point'] },
      ],
    ],
  ],
  [
    'ip-less',
    'an IP-less Exchange 2019 DAG on Windows Server 2022 is judged as any DAG',
    [['exchange 2019 cu15 ip-less dag of 2 on 2022 std, fsw on FS1, no dcs', { verdict: 'supported-with-conditions' }]],
  ],
  // Lead, session 8 (w6-hunt-02): the service named as what the members run.
  [
    'dc-role',
    'members that also run AD DS are domain controllers',
    [['SE dag, 4 mbx on 2022 std, witness on FS1. the mbx boxes also run AD DS + DNS for the site', { verdict: 'not-supported', says: ['domain controllers'] }]],
  ],
  ['dc-role', 'nodes promoted to DCs are domain controllers', [['E2K3 enterprise BE cluster, 2 nodes on W2K3 Ent, we promoted both nodes to DCs', { verdict: 'not-supported' }]]],
  // Members counted in parts add up (M-14: a DAG with an even number of members needs a witness).
  [
    'counts',
    'a total said after its parts is the member count',
    [
      [
        '2019 cu15 DAG: 3 members in the main site plus 1 lagged-copy member in DR, so 4 in the DAG. no witness configured, windows 2019 std, no DCs',
        { verdict: 'not-supported', says: ['witness'] },
      ],
    ],
  ],
  [
    'counts',
    'active and passive members add up to an even DAG without a witness',
    [['SE DAG on 2025 std, 2 active members + 2 passive members, no FSW, member servers', { verdict: 'not-supported', says: ['witness'] }]],
  ],
  [
    'counts',
    'members plus a lagged member in DR add up',
    [['exchange 2016 cu23 dag: 3 nodes plus 1 lagged node in the DR site, no witness at all, 2016 std, none are dcs', { verdict: 'not-supported', says: ['witness'] }]],
  ],
  // Numbers and releases written as words.
  [
    'words',
    'a Windows release answered in words',
    [
      ['exchange 2019 cu14, one mailbox server, windows std', { asks: 'windows' }],
      ['twenty nineteen', { verdict: 'supported' }],
    ],
  ],
  [
    'words',
    'SE on Windows Server twenty twenty-five in a first message',
    [['SE single mailbox server on windows server twenty twenty-five datacenter', { verdict: 'supported', notAsks: ['windows'] }]],
  ],
  [
    'words',
    'Exchange twenty sixteen on Server twenty nineteen is never supported (M-8)',
    [['exchange twenty sixteen cu23 on server twenty nineteen standard, one mailbox server', { verdict: 'not-supported' }]],
  ],
  [
    'words',
    'eighteen members are over the limit of 16 (D-1)',
    [['Exchange 2010 SP3 DAG with eighteen members on Windows 2008 R2 Enterprise', { verdict: 'not-supported', says: ['16 Mailbox servers'] }]],
  ],
  [
    'words',
    'sixteen members and three more are 19',
    [['Exchange 2016 CU23 DAG of sixteen members on 2016 std with a FSW, no DCs; we want to add three more', { verdict: 'not-supported', says: ['16'] }]],
  ],
  [
    'words',
    'three nodes written in words',
    [['exchange SE DAG of three nodes on 2022 std, none of them is a DC, no witness', { verdict: 'supported-with-conditions', notSays: ['directory servers'] }]],
  ],
  // Designs on separate lines: each group gets its own facts (M-7: Edge is never in the internal forest).
  [
    'designs',
    'a domain-joined Edge on its own line makes the design Not supported',
    [
      [
        'Exch 2019 CU15 everywhere, Win2022 std\nDAG A: 3 mailbox servers (no DCs)\nedge: 1 server, but it is domain-joined because our firewall guys insisted\n',
        { verdicts: ['not-supported', 'supported-with-conditions', 'not-supported'] },
      ],
    ],
  ],
  [
    'designs',
    'a domain-joined Edge line under an SE DAG line',
    [
      [
        'Exchange SE on Windows Server 2025 Standard\nMBX1, MBX2: DAG with a witness on FS1, member servers\nEDGE1: joined to our domain',
        { verdict: 'not-supported', says: ['Supported with conditions: Mailbox', 'Not supported: Edge Transport'] },
      ],
    ],
  ],
  [
    'designs',
    'an Edge put "into the same DAG as" the mailbox servers is judged as a DAG member (M-7)',
    [['can we put our Edge Transport box (Exchange SE, 2022 std) into the same DAG as the 2 mailbox servers so it fails over too?', { verdict: 'not-supported', says: ['Edge'] }]],
  ],
  [
    'designs',
    'Edge servers named one by one are several Edge servers, with the DAG on its own line',
    [
      [
        'all Exchange SE on Windows Server 2025 Datacenter:\nMBX01-MBX04 in DAG01 (witness FS01), none are DCs\nEDGE01 + EDGE02 in the DMZ, workgroup',
        { verdict: 'supported-with-conditions', notAsks: ['ha'], says: ['Supported: Edge Transport, Several servers'] },
      ],
    ],
  ],
  [
    'designs',
    'a listed line naming two Edge servers, not domain members (2019 on 2022 rests on a third-party source: with conditions)',
    [
      [
        'exchange 2019 cu15 on windows 2022 std:\n- DAG01: MBX1, MBX2 with a FSW, member servers\n- EDGE1, EDGE2 in the perimeter, not domain members',
        { verdict: 'supported-with-conditions', notAsks: ['ha'], says: ['Edge Transport, Several servers'] },
      ],
    ],
  ],
  // D-6: Windows NLB on DAG members is not supported.
  [
    'nlb',
    'Windows NLB on "those same" servers is NLB on the DAG members',
    [
      [
        'Exchange 2013 CU23 DAG of 2 mailbox servers on Windows 2012 R2 Standard, and we load balance OWA with Windows NLB installed on those same two servers',
        { verdict: 'not-supported', says: ['NLB'] },
      ],
    ],
  ],
];

describe('conversation (issue 21): facts denied, counted in parts, written in words or on separate lines', () => {
  for (const [group, name, turns] of CASES) {
    it(`${group}: ${name}`, async () => {
      await play(turns);
    });
  }
});
