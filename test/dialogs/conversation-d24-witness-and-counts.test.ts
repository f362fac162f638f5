import { play, type Turn } from './conversation-play';

/*
 * Session 12 (d24), issue 21: a witness the DAG cannot use is no witness outside the DAG: given by IP address
 * (create-dags.md: "Using an IP address or a wildcard name isn't supported"), on a NAS appliance (plan-ha.md: the witness
 * is a computer running Windows Server), or said not to be outside the DAG; two DAGs on "site" lines are two groups (a
 * stretched DAG's site lines stay one DAG). Our own phrasings; the held-out sets are never read.
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
];

describe('conversation (session 12, d24): witnesses the DAG cannot use, DAGs on site lines', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
