import { play, type Turn } from './conversation-play';

/*
 * An Exchange update named in a message, planned or said to run today ("never updated since install", "we're
 * still on SP1"), is judged as the same build pasted would be: Exchange 2013 SP1 is CU4, long behind CU23;
 * Exchange 2010 SP1's support ended in 2013. Before, "2013 SP1" was not read as a CU at all and the single server
 * got a plain "Supported" (w4-fact-23). Session 7 policy: for these retired versions the update is the first
 * condition of the design ("install ... first"), headed by the version's (or the service pack's) end date.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'Exchange 2013 SP1, never updated since install: update to CU23 first',
    [
      [
        'exchange 2013 SP1 single mailbox server on Windows Server 2012 R2 Datacenter, never updated since install',
        { verdict: 'supported-with-conditions', headline: 'Out of support', says: ['Update to Exchange 2013 CU23 first'] },
      ],
    ],
  ],
  [
    "we're still on Exchange 2010 SP1: install SP3 first, the service pack's support ended",
    [["we're still on exchange 2010 sp1, single server all roles, 2008 r2 sp1 enterprise", { verdict: 'supported-with-conditions', says: ['Install Exchange 2010 SP3'] }]],
  ],
  [
    'Exchange 2003 SP1 typed after "ex2k3": install SP2 first (w4-fact-30, a plain "Supported" before)',
    [['ex2k3 sp1 back-end single server, windows 2003 standard 32 bit', { verdict: 'supported-with-conditions', headline: 'Out of support', says: ['Install Exchange 2003 SP2'] }]],
  ],
  [
    'a planned 2013 SP1 DAG: the same reading',
    [['E2013 SP1 DAG on 2012 Standard, Exchange Enterprise', { verdict: 'supported-with-conditions', says: ['Update to Exchange 2013 CU23 first'] }]],
  ],
];

describe('conversation: an Exchange update named in words is judged like the same build pasted', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
