import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (n21): what is said of a DAG's members decides the verdict: a count written in words with the
 * Exchange version between it and its noun, counts by version that add up to one DAG, members in two domains,
 * and several DAGs in one message, each with its own members. Our own phrasings beside the outsider sets'
 * w4-fact-10 and w4-fact-22 (bench/conversations-outside-d-tuning.yaml); the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [group: string, name: string, turns: readonly Turn[]]> = [
  // D-1: a DAG has at most 16 members.
  ...[
    'eighteen exchange 2010 mailbox servers in a single DAG, win 2008 r2 enterprise sp1, is it possible',
    'a single 2010 DAG with eighteen mailbox servers on 2008 R2 Enterprise SP1',
    'we plan 10 Exchange 2010 SP3 and 8 Exchange 2010 SP3 mailbox servers in one DAG, 2008 R2 Enterprise SP1',
  ].map((said): readonly [string, string, readonly Turn[]] => [
    'words',
    `"${said.slice(0, 60)}…": 18 members, more than 16`,
    [[said, { verdict: 'not-supported', headline: 'Out of support', says: ['16'] }]],
  ]),
  // Counts by version are one mixed DAG's members: the mixed versions decide (M-3), not a member count.
  [
    'by-version',
    '2 Exchange 2013 and 2 Exchange 2016 mailbox servers in one DAG: a mixed DAG, not supported',
    [
      [
        'our DAG has 2 Exchange 2013 and 2 Exchange 2016 mailbox servers, CAS in front behind an F5',
        { verdict: 'not-supported', headline: 'Out of support', says: ['same Exchange version'] },
      ],
    ],
  ],
  [
    'by-version',
    'two 2013 and three 2016 boxes in one DAG: five members of a mixed DAG',
    [['a DAG of two 2013 and three 2016 boxes, all on windows 2012 r2 standard', { verdict: 'not-supported', says: ['same Exchange version'] }]],
  ],
  // M-4 (plan-ha.md): every DAG member is a member server of the same domain; quiet until the domains are said.
  ...[
    '2019 CU15 DAG, 2 servers in contoso.com and 2 in the child domain emea.contoso.com, all Windows Server 2019 Datacenter, witness on a file server',
    'SE DAG of 4 on ws2025 std, witness FS1, no DCs: MBX1, MBX2 in corp.fabrikam.com and MBX3, MBX4 in eu.fabrikam.com',
  ].map((said): readonly [string, string, readonly Turn[]] => [
    'domains',
    `"${said.slice(0, 60)}…": members in two domains`,
    [[said, { verdict: 'not-supported', says: ['same Active Directory domain'] }]],
  ]),
  [
    'domains',
    'a DAG with no domains said names no domain condition',
    [['SE DAG of 2 on ws2025 std, witness on FS1, no DCs', { verdict: 'supported-with-conditions', notSays: ['same Active Directory domain'] }]],
  ],
  [
    'domains',
    'members in two domains said after the verdict re-run it',
    [
      ['SE DAG, 4 members on ws2025 standard', { verdict: 'supported-with-conditions' }],
      ['forgot to say two of the members are in the child domain emea.contoso.com, the other two in the root domain', { verdict: 'not-supported', says: ['domain'] }],
    ],
  ],
  // Several DAGs in one message: each its own group with its own members, never one total (D-1 per DAG).
  [
    'several-dags',
    'DAG1 and DAG2 with 10 and 8 servers: two DAGs within 16 members each, not one DAG of 18',
    [
      [
        'we have two exchange SE DAGs on windows 2025 std, no DCs, witness on FS1 for both: 10 servers in DAG1 and 8 servers in DAG2',
        { verdict: 'supported-with-conditions', says: ['(design)'], notSays: ['holds at most 16 Mailbox servers'] },
      ],
    ],
  ],
  [
    'several-dags',
    'DAG1 in site A and DAG2 in site B: a DAG of 17 is Not supported, the other not',
    [
      [
        'SE on ws2025 std, member servers: DAG1 with 17 members in site A, DAG2 with 3 members in site B',
        { verdict: 'not-supported', says: ['(design)', 'holds at most 16 Mailbox servers', 'Supported with conditions: Mailbox'] },
      ],
    ],
  ],
  [
    'several-dags',
    "a member count said of two DAGs is no one DAG's count",
    [['2 SE DAGs with 20 mailbox servers, ws2025 std, no DCs, witness on FS1', { verdict: 'supported-with-conditions', says: ['At most 16'] }]],
  ],
  [
    'several-dags',
    'DAG-A = 3 servers, DAG-B = 17 servers: the second DAG alone is Not supported',
    [
      [
        'SE on 2025 datacenter, member servers: DAG-A = 3 servers, DAG-B = 17 servers for the archive tenant',
        { verdict: 'not-supported', says: ['(design)', 'holds at most 16 Mailbox servers'] },
      ],
    ],
  ],
];

describe('conversation (issue 21): DAG members counted in words, by version and per DAG, and their domains', () => {
  for (const [group, name, turns] of CASES) {
    it(`${group}: ${name}`, async () => {
      await play(turns);
    });
  }
});
