import { play, type Turn } from './conversation-play';

/*
 * Fuzz seed 2512 (helper f1): a setup of another Exchange version said after a verdict ("We plan Exchange 2000
 * back-end servers on a cluster" after a 2010 DAG) is a check of its own. Taken as another server group of the
 * design judged, it made a design of two versions (a design has one: `design: shared`); the card showed the
 * 2000 group while the 2010 group, asked first, took the next answers, so an answer pressed was not recorded
 * on the setup shown. Our own phrasings.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a back-end cluster of Exchange 2000 after a verdict on a 2010 DAG is a new check, and its answers stay on it',
    [
      ['Exchange 2010 on Windows 2003 in a DAG', { verdict: 'not-supported' }],
      ['We plan Exchange 2000 back-end servers on a cluster with enterprise edition', { asks: 'windowsEdition', notSays: ['Exchange 2010'] }],
      // The version corrected at the Windows question: the cluster and the edition stay, the Windows release is still asked.
      ['E2K3', { asks: 'windows', says: ['Noted: Exchange 2003', 'Windows server cluster on shared storage', 'Enterprise Edition'] }],
      ['Windows Network Load Balancing (NLB)', { verdict: 'not-supported', says: ['Network Load Balancing'], notSays: ['Exchange 2010'] }],
    ],
  ],
];

describe('conversation: a setup of another Exchange version after a verdict is a check of its own', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
