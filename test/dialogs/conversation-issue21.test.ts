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
      ['oh and I forgot to mention the members are domain controllers too', { verdict: 'not-supported', says: ['What changed', 'now Not supported'] }],
    ],
  ],
  [
    'after-verdict',
    'a what-if verdict says what changed on the card',
    [
      ['Exchange SE Enterprise mailbox servers in a DAG on Windows Server 2025 Standard', { verdict: 'supported-with-conditions' }],
      ['what if we used Windows Server 2022 instead?', { says: ['What changed: Windows Server 2022 instead of Windows Server 2025'] }],
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
];

describe('conversation (issue 21): no dead ends, every fact used, out of support first', () => {
  for (const [group, name, turns] of CASES) {
    it(`${group}: ${name}`, async () => {
      await play(turns);
    });
  }
});
