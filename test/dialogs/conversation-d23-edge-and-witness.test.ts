import { play, type Turn } from './conversation-play';

/*
 * Session 11 (d23), issue 21: one Edge Transport server described (its Windows, its domain) has no high availability to
 * choose (M-7: never a DAG member; MX records, NLB or a load balancer need several Edge servers), so the check does not
 * ask it; Edge servers in the plural are still asked (NLB or a load balancer in front of them is Not covered). A DAG's witness named on one of the members the same line lists is no witness outside the DAG
 * (M-14, plan-ha.md), and "2 mbx" counts a DAG's members (w6-hunt-60: a wrong Supported with conditions). Our own
 * phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  ['one SE Edge server: Supported at once, no high-availability question', [['SE edge transport on 2025 std, workgroup, in the dmz', { verdict: 'supported', notAsks: ['ha'] }]]],
  // Several Edge servers are still asked how they are balanced: NLB or a load balancer in front of them is Not covered.
  ['SE Edge servers in the plural, uncounted: still asked their high availability', [['our SE edge servers in the dmz, 2025 std, workgroup', { asks: 'ha' }]]],
  // A singular Edge with nothing said of its server is asked as before (a question about the role is no description).
  ['a bare "Exchange 2013 edge server" is still asked its high availability', [['Exchange 2013 edge server', { asks: 'ha' }]]],
  [
    'one Edge server "joined it to the internal domain": Not supported (w9-red-50)',
    [['SE edge in the dmz on 2025 std; we joined it to the internal domain so GPOs apply', { verdict: 'not-supported' }]],
  ],
  ['Edge servers behind NLB stay Not covered', [['2 SE edge servers behind windows nlb, 2025 std, workgroup', { verdict: 'not-covered' }]]],
  ['the role not said is still asked before the high availability', [['Is my Exchange 2016 setup supported?', { asks: 'role' }]]],
  ['a witness on a member the line names: Not supported', [['SE DAG of 2 on 2025 std (MBX1, MBX2), no DCs, fsw on MBX2', { verdict: 'not-supported', notAsks: ['ha', 'role'] }]]],
  [
    'a witness on a server that is no member: with conditions',
    [['SE DAG01 with members EX01 and EX02 on 2025 std, no DCs, fsw on FS01', { verdict: 'supported-with-conditions' }]],
  ],
  [
    'two DAGs by name, the second with no witness outside it (w6-hunt-60 shape): Not supported',
    [['SE, HQ:\nDAG-HQ: 3 mbx on 2025 std, no DCs\nDAG-BR: 2 mbx on 2025 std, fsw on BR-MBX1 (the branch has nothing else)', { verdict: 'not-supported' }]],
  ],
];

describe('conversation (session 11, d23): Edge servers asked no high availability, a witness on a named member', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
