import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper d21): a fact given after a verdict re-runs the check and says what changed, also without "forgot
 * to say", "also" or "oh and" ("btw the 2 nodes are DCs", "they're VMs on hyper-v fwiw", "PS: witness is on the DC"),
 * and "windows is standard" beside a word for Windows is the Windows edition (the sentence reader read no fact there,
 * and the message went to the search). Verdicts: DAG members not DCs M-4 (plan-ha.md); the witness can be any Windows
 * server outside the DAG, a DC included (M-14, plan-ha.md); CCR and a 2010 DAG need Windows Enterprise or Datacenter
 * (E7-7, D-2); Exchange 2016 not on Server Core (M-8). Our own phrasings.
 */
const DAG_2016 = 'exchange 2016 cu23 dag 2 nodes on server 2016 std, fsw on a file server';
const DAG_SE = 'SE dag of 4 on 2025 std, fsw on a file server';
const CCR_2007 = 'exchange 2007 sp3 ccr 2 nodes on windows 2008 enterprise x64, enterprise edition exchange';
const DAG_2010 = 'Exchange 2010 SP3 DAG 2 nodes on 2008 R2 enterprise, fsw on hub';

// [setup, fact added, verdict after it, what the card says changed]
const CASES: ReadonlyArray<readonly [setup: string, said: string, verdict: 'not-supported' | 'supported-with-conditions', changed: string]> = [
  [DAG_2016, 'btw the 2 nodes are DCs', 'not-supported', 'domain controller'],
  [DAG_2016, 'fyi they are installed as server core', 'not-supported', 'Server Core'],
  [DAG_2016, 'p.s. we run them on vmware', 'supported-with-conditions', 'VMware'],
  [DAG_SE, "they're VMs on hyper-v fwiw", 'supported-with-conditions', 'Hyper-V'],
  [DAG_SE, 'note: the members are GCs', 'not-supported', 'domain controller'],
  [DAG_SE, "there's no witness btw", 'not-supported', 'no witness server'],
  [DAG_SE, 'windows nlb is enabled on all four', 'not-supported', 'Windows NLB'],
  ['SE dag 2 members on 2022 std', 'PS: witness is on the DC', 'supported-with-conditions', 'witness'],
  [CCR_2007, 'fwiw windows is standard', 'not-supported', 'Windows edition: Standard'],
  [DAG_2010, 'the os is standard edition btw', 'not-supported', 'Windows edition: Standard'],
  [DAG_2010, 'windows is datacenter fwiw', 'supported-with-conditions', 'Windows edition: Datacenter'],
];

describe('conversation (issue 21): a fact after a verdict, without "forgot to say" or "also", re-runs the check', () => {
  for (const [setup, said, verdict, changed] of CASES) {
    it(`"${said}" after "${setup}"`, async () => {
      const turns: Turn[] = [
        [setup, {}],
        [said, { verdict, says: ['What changed', changed], notSays: ["couldn't find an answer", 'not sure I understood'] }],
      ];
      await play(turns);
    });
  }
});
