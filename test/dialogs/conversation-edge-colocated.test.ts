import { play, type Turn } from './conversation-play';

/*
 * An Edge Transport server holds no other Exchange role (A-46 read for 2013 and later, A-47 recalled for
 * 2007/2010). The role question names one role per server group, so "Edge and Mailbox on the same box"
 * is the stated fact edgeWithOtherRoles; before it, the Mailbox role was dropped and the Edge server
 * judged alone (a wrong "Supported" path).
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  ...[
    'can i put exchange 2019 edge and mailbox on same box',
    'SE: we want the edge role on the mailbox server to save a license, windows 2022 std',
    'Exchange 2016 CU23 single server, mailbox and edge on the same server, Server 2016 Standard',
    'exchange 2013 sp1: edge and cas on the same server in the DMZ?',
  ].map((said): readonly [string, readonly Turn[]] => [
    `"${said}": Not supported, the Edge server is alone`,
    [[said, { verdict: 'not-supported', says: ['Edge Transport role'] }]],
  ]),
  [
    'Exchange 2007/2010: Not supported, and the reason says it is recalled',
    [['exchange 2010 sp3 edge and hub on the same server?', { verdict: 'not-supported', says: ['recalled'] }]],
  ],
  [
    'an Edge server of its own is judged as before (two Edge servers behind MX records)',
    [
      [
        '2 exchange 2016 cu23 edge servers on their own boxes, windows 2016 std, both in a workgroup, equal MX records',
        { notSays: ['Setup does not install the Edge Transport role'] },
      ],
    ],
  ],
];

describe('conversation: an Edge Transport server sharing a server with another role', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
