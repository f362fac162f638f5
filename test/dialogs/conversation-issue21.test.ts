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
      ['Exchange 2003 Enterprise back-end on a server cluster, Windows Server 2003', { asks: 'windowsEdition' }],
      ['skip', { asks: 'architecture' }],
      ['32-bit', { verdict: 'supported-with-conditions', says: ['Windows edition is not known yet', 'Not supported with Web Edition'] }],
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
];

describe('conversation (issue 21): no dead ends, every fact used, out of support first', () => {
  for (const [group, name, turns] of CASES) {
    it(`${group}: ${name}`, async () => {
      await play(turns);
    });
  }
});
