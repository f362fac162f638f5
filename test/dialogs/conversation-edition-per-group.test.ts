import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (s21): the Exchange edition is `design: shared` (one per design unless a group says its own),
 * yet a group can carry another edition: "two Standard front-ends ... a back-end cluster on Exchange
 * Enterprise" in one message, a correction naming one group, or a server outside the DAG added after
 * the verdict with an edition of its own. Our own phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  // C4: only Exchange 2003 Enterprise Edition clusters; F3: either edition can be a front-end.
  [
    'one message: Standard front-ends and an Enterprise back-end cluster, each judged on its own edition',
    [
      [
        'exchange 2003 sp2 on windows 2003 enterprise 32-bit: two Standard front-ends behind NLB, and a 2-node back-end cluster on Exchange Enterprise',
        { verdicts: ['supported-with-conditions', 'supported', 'supported-with-conditions'], notSays: ['Only the Enterprise editions'] },
      ],
    ],
  ],
  [
    "a correction naming the back-end changes the back-end's edition alone",
    [
      [
        'exchange 2003 sp2: two front-ends behind NLB and a 2-node back-end cluster, exchange 2003 standard, windows 2003 enterprise',
        { verdict: 'not-supported', says: ['Only the Enterprise editions'] },
      ],
      ['the back-end is Enterprise edition', { verdict: 'supported-with-conditions', says: ['Now: Supported with conditions (was Not supported)'] }],
    ],
  ],
  [
    'a server outside the DAG added after the verdict is a group of its own with its own edition; the DAG keeps Enterprise',
    [
      ['exchange 2016 cu23 DAG with 4 mailbox servers on windows 2016, exchange enterprise', { verdict: 'supported-with-conditions' }],
      ['oh and we also have a separate archive mailbox server outside the DAG, that one is exchange standard', { asks: 'windows', notSays: ['instead of Enterprise Edition'] }],
      ['2016', { verdicts: ['supported-with-conditions', 'supported-with-conditions', 'supported-with-conditions'], says: ['Mailbox servers added to the design'] }],
      ['summary', { says: ['Exchange edition: Enterprise Edition', 'Exchange edition: Standard Edition'] }],
    ],
  ],
];

describe('conversation (issue 21): the Exchange edition per server group', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
