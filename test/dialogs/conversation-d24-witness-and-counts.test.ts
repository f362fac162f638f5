import { play, type Turn } from './conversation-play';

/*
 * Session 12 (d24), issue 21: a witness the DAG cannot use is no witness outside the DAG: given by IP address
 * (create-dags.md: "Using an IP address or a wildcard name isn't supported"), on a NAS appliance (plan-ha.md: the witness
 * is a computer running Windows Server), or said not to be outside the DAG; two DAGs on "site" lines are two groups (a
 * stretched DAG's site lines stay one DAG); member counts as products, sums, number words and ranges of names (count-words.ts).
 * Another machine's Windows (DCs, hosts) said as its own is not the Exchange servers' (other-machines.ts). Our own phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  ['a witness typed as an IP address: Not supported', [['SE DAG of 2 on 2025 std, member servers, fsw configured as 10.1.4.20', { verdict: 'not-supported' }]]],
  [
    "the DAG's own IP beside a named witness is no witness address: with conditions",
    [['SE DAG of 2 on 2025 std, member servers, fsw on FS7, DAG IP 10.1.4.21', { verdict: 'supported-with-conditions' }]],
  ],
  ['a witness share on a NAS appliance: Not supported', [['SE DAG of 2 on 2025 std, member servers, witness share on the netapp filer', { verdict: 'not-supported' }]]],
  [
    'a NAS named for backups beside a witness server: with conditions',
    [['SE DAG of 2 on 2025 std, member servers, fsw on FS7, backups go to a synology nas', { verdict: 'supported-with-conditions' }]],
  ],
  [
    'a witness said not to be outside the DAG: Not supported',
    [['SE DAG of 2 on 2025 std, member servers; the witness is not outside the dag, we put it on EX2', { verdict: 'not-supported' }]],
  ],
  [
    'two DAGs on site lines, the second with its witness on its own member: Not supported',
    [['SE on 2025 std, member servers only\nOslo site: DAG of 3, OSL-1, OSL-2, OSL-3\nBergen site: a DAG, BGO-1 and BGO-2, fsw on BGO-2', { verdict: 'not-supported' }]],
  ],
  [
    'one stretched DAG over two site lines stays one DAG of 4: with conditions',
    [
      [
        'SE on 2025 std, member servers, one stretched DAG with fsw on FS3\nOslo site: DAG members OSL-1 and OSL-2\nBergen site: DAG members BGO-1 and BGO-2',
        { verdict: 'supported-with-conditions' },
      ],
    ],
  ],
  // Counts as products and ranges (count-words.ts), the range after a verdict too (w9-after-22 shape).
  ['a DAG of 3 x 6 members: Not supported (18 > 16)', [['SE DAG, 3 x 6 members, 2025 std, member servers', { verdict: 'not-supported' }]]],
  [
    'servers named joining by a range after a DAG verdict: Not supported (4 + 14)',
    [
      ['SE DAG of 4 on 2025 std, fsw on FS7, member servers', { verdict: 'supported-with-conditions' }],
      ['we add EXA5 and EXA6 in march and EXA7 through EXA18 later', { verdict: 'not-supported' }],
    ],
  ],
  // Other machines' Windows after a verdict (other-machines.ts): the verdict stands (w9-after-35/-41/-42 shapes).
  [
    "the domain controllers' Windows after a single server's verdict: Supported stands",
    [
      ['SE single mailbox server on 2022 std', { verdict: 'supported' }],
      ['all our domain controllers are windows server 2025', { verdict: 'supported' }],
    ],
  ],
  [
    "the ESXi hosts' Windows-like release after a VM's verdict: Supported stands",
    [
      ['SE single mailbox vm on 2025 std', { verdict: 'supported' }],
      ['the vmware hosts underneath run windows server 2016 for the management tools', { verdict: 'supported' }],
    ],
  ],
  [
    "the members' own Windows after a DAG verdict is still theirs: Not supported (SE not on 2016)",
    [
      ['SE DAG of 3 on 2025 std, member servers', { verdict: 'supported-with-conditions' }],
      ['the dag members actually run windows server 2016', { verdict: 'not-supported' }],
    ],
  ],
  [
    'machines said to be other servers keep their Windows: a DAG of 3 stays with conditions',
    [['SE DAG of 3 on 2025 std, member servers; the two 2012 r2 machines next to them are file servers', { verdict: 'supported-with-conditions' }]],
  ],
  [
    "a witness 'which is our file server' before the members' Windows keeps that Windows the members'",
    [['SE DAG members MB01, MB02, witness on FS03 which is our file server, 2022 std, no DCs', { verdict: 'supported-with-conditions' }]],
  ],
  // Stated facts in prose: a setup said to stand alone in the org is checked, not answered with coexistence; Edge beside Mailbox.
  [
    'one server said to be the only one in the org: judged, no coexistence table',
    [['one exchange 2016 cu23 server with all roles on 2016 std desktop exp, no other exchange servers in our organization', { verdict: 'supported' }]],
  ],
  [
    'the mailbox role and the edge transport role together on one SE server: Not supported',
    [['SE box on 2022 std with the mailbox role and the edge role together', { verdict: 'not-supported' }]],
  ],
];

describe('conversation (session 12, d24): witnesses the DAG cannot use, DAGs on site lines, counts in words', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
