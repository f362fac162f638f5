import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper a21): facts changed after a verdict that were read wrong, found in w3's outsider set C and
 * written again in our own words: one named member ("the second node") on another Windows release, a release
 * ruled out ("not 2022") and named again about another box, members added to those counted ("14 more"), and
 * the witness removed.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"the second node is actually on 2012 R2" is a mixed DAG, not the whole DAG moved',
    [
      ['exchange 2010 sp3 enterprise, 2 member DAG on 2008 R2 SP1 enterprise, witness on a file server, no DCs', { verdict: 'supported-with-conditions' }],
      ['hang on, the other node is actually running Windows 2012 R2 standard', { verdict: 'not-supported', says: ['Windows Server 2012 R2 on some members'] }],
    ],
  ],
  [
    'a release ruled out ("not 2022") and named again about a test box is not a second release',
    [
      ['Exchange SE, one mailbox server on Windows Server 2022 Standard', { verdict: 'supported' }],
      [
        'sorry: it runs Server 2016, not 2022. the 2022 box is our lab',
        { verdict: 'not-supported', says: ['Windows Server 2016 instead of 2022'], notSays: ['different Windows releases'] },
      ],
    ],
  ],
  [
    '"add 14 more members" adds to the members counted',
    [
      ['exchange 2010 sp3 enterprise DAG with 3 mailbox servers on 2008 r2 enterprise, not DCs', { verdict: 'supported-with-conditions' }],
      ['also we plan to add 14 more members next year', { verdict: 'not-supported', says: ['17 nodes or DAG members instead of 3'] }],
    ],
  ],
  [
    'the witness removed after the verdict',
    [
      ['SE DAG, 2 members on Windows Server 2025 Standard, file share witness on FS2, members are not DCs', { verdict: 'supported-with-conditions' }],
      ['and what if we decommission the witness?', { verdict: 'not-supported', says: ['no witness server instead of a witness server'] }],
    ],
  ],
];

describe('conversation (issue 21): facts changed after a verdict', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
