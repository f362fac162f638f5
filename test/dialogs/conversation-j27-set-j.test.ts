import { play, type Turn } from './conversation-play';

/*
 * Session 15 (helper j27): wrong Not supported verdicts after a verdict, from the outsider's set J
 * (bench/conversations-outside-j-tuning.yaml), said again in our own words.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a file server named by its host and its old Windows leaves the SE server judged as it was (j-after-08)',
    [
      ['SE single mailbox server on 2022 std', { verdict: 'supported' }],
      ['fyi our file server FILE02 still runs windows server 2012', { verdict: 'supported', notSays: ['Windows Server 2012 instead of', 'Out of support'] }],
    ],
  ],
  [
    'the witness said to be a domain controller does not make the DAG members DCs (j-after-09)',
    [
      ['SE dag of 2 on 2025 std, fsw on UTIL3, member servers', { verdict: 'supported-with-conditions' }],
      ['btw UTIL3, the witness server, is also a domain controller', { verdict: 'supported-with-conditions', notSays: ['Not supported'] }],
    ],
  ],
  [
    '"second group: 2 edge transport servers" after a DAG verdict is a group of the design, not the DAG given the Edge role (j-des-03)',
    [
      ['2019 cu15 DAG of 4 on 2019 std, fsw on FS7, not DCs', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      [
        'second group: 3 edge transport servers, 2019 cu15 on 2019 std, perimeter network, workgroup',
        { verdict: 'supported-with-conditions', headline: 'Out of support', notSays: ['Edge Transport instead of Mailbox'], notAsks: ['ha'] },
      ],
    ],
  ],
];

describe('conversation (session 15, j27): set J after-verdict turns no longer too harsh', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
