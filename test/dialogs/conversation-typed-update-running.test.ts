import { play, type Turn } from './conversation-play';

/*
 * An Exchange update said to run today ("never updated since install", "we're still on SP1") is judged as the
 * same build pasted would be: Exchange 2013 SP1 is CU4, long behind CU23; Exchange 2010 SP1's support ended in
 * 2013. Before, "2013 SP1" was not read as a CU at all and the single server got a plain "Supported" (w4-fact-23).
 * A level named in a planned design ("exch 2007 sp1 ccr on win 2008") keeps the design's label while that
 * service pack was supported, headed by its end date (the verdict benchmark's labels).
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'Exchange 2013 SP1, never updated since install: Not supported',
    [['exchange 2013 SP1 single mailbox server on Windows Server 2012 R2 Datacenter, never updated since install', { verdict: 'not-supported' }]],
  ],
  [
    "we're still on Exchange 2010 SP1: Not supported, the service pack's support ended",
    [["we're still on exchange 2010 sp1, single server all roles, 2008 r2 sp1 enterprise", { verdict: 'not-supported', says: ['service pack'] }]],
  ],
  [
    'a planned 2013 SP1 DAG keeps its design label (the level, not what runs today)',
    [['E2013 SP1 DAG on 2012 Standard, Exchange Enterprise', { verdict: 'supported-with-conditions' }]],
  ],
];

describe('conversation: an Exchange update said to run today is judged like the same build pasted', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
