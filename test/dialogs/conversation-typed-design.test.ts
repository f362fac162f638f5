import { play, type Turn } from './conversation-play';

/*
 * Issue 25 (l25): a design typed one group a line is a design, not a listing of servers. The listing reader once took
 * "FE1, FE2" for servers, dropped the "BE:" line it could not read and headed the rest "Supported" (w3-design-12). Such a
 * paste now goes to the design reader, which judges every line. Sources: C10 (cc776332: NLB and a server cluster must not
 * run on the same servers), F3/C3 (2003 front-ends behind NLB, an Enterprise back-end cluster on Windows 2003 Enterprise),
 * L1/E7-9 (Exchange 2007 clusters only the Mailbox role). Our phrasings beside the outsider set's; held-out sets unread.
 */
const NLB_ON_THE_CLUSTER = [
  'Exchange 2003 SP2 design, all Windows Server 2003 Enterprise:\nFE1, FE2: Exchange 2003 Standard front-ends, Windows NLB\nBE: Exchange 2003 Enterprise, 2-node cluster (active/passive), NLB also enabled on the two cluster nodes "for the VIP"',
  'our planned layout (everything on win2003 enterprise sp2)\n- FE01/FE02: exchange 2003 std front ends behind NLB\n- BE: exchange 2003 ent back end, 2 node active/passive cluster, and we turned on NLB on both cluster nodes as well',
  'Front-ends: Exchange 2003 Standard x2, NLB\nBack-end: Exchange 2003 Enterprise, 2-node cluster with NLB on the same nodes\nAll Windows Server 2003 Enterprise Edition',
  'FE-A, FE-B: E2K3 SP2 front ends, NLB\nBE: E2K3 SP2 Enterprise, active/passive 2 node cluster + NLB on the cluster nodes\nwin 2003 ent everywhere',
  'Planned Exchange 2003 layout\nFE01 + FE02: Exchange 2003 Std, front-end, NLB\nBackend: Exchange 2003 Ent on a 2-node cluster, the same nodes also run NLB\nOS: Windows Server 2003 Enterprise SP2',
  'exchange 2003 sp2, windows 2003 enterprise on all boxes\nfe1, fe2: exchange 2003 standard front-end servers with NLB\nbe: exchange 2003 enterprise 2-node cluster, NLB also enabled on both cluster nodes',
  'FE: Exchange 2003 Standard x2, Windows NLB\nBE: Exchange 2003 Enterprise, 2-node cluster, and we also enabled NLB on the two cluster nodes\nWindows Server 2003 Enterprise on every server',
];

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  ...NLB_ON_THE_CLUSTER.map((said): readonly [string, readonly Turn[]] => [
    `"${said.slice(0, 50).replace(/\n/g, ' / ')}…": the back-end line is judged, NLB on the cluster nodes`,
    [[said, { verdict: 'not-supported', headline: 'Out of support', notSays: ['from your paste'] }]],
  ]),
  // The same design without NLB on the cluster: judged as a design (the 32-bit Windows assumed is a condition), never a
  // listing's plain "Supported" of the front-ends alone.
  [
    'the same design with no NLB on the cluster nodes is a design with conditions',
    [
      [
        'Exchange 2003 SP2 design, all Windows Server 2003 Enterprise:\nFE1, FE2: Exchange 2003 Standard front-ends, Windows NLB\nBE: Exchange 2003 Enterprise, 2-node cluster (active/passive), no NLB on the cluster nodes',
        { verdict: 'supported-with-conditions', notSays: ['from your paste'] },
      ],
    ],
  ],
  // A Mailbox line the listing reader could not read is not left out of a verdict on the Client Access servers alone.
  [
    'a 2007 design whose Mailbox line names no server is not judged on its CAS line alone',
    [
      [
        '2007 SP3 design:\nCAS01, CAS02: Exchange 2007 SP3 client access behind WNLB, Win 2008 R2 Ent x64\nMailbox: Exchange 2007 SP3 Enterprise, CCR 2 nodes, Win 2008 R2 Enterprise, Hub Transport also installed on the CCR nodes',
        { notSays: ['from your paste', 'Supported with conditions'] },
      ],
    ],
  ],
];

describe('conversation (issue 25): a design typed one group a line goes to the design reader', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
