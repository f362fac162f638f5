import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper a21): CUs typed in words. Servers on different CUs are a mixed DAG judged by the CU furthest
 * behind; with the update left open, the CUs that are behind are named Not supported; "Is 2019 CU13 supported on
 * 2022?" answers the CU and the Windows release; the recommendation never points at a build line nobody saw.
 * Our own phrasings.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'two members on different CUs, one behind: Not supported, saying what to update to',
    [
      [
        'exchange 2019 dag, 2 members on windows server 2022 standard, not DCs, one on cu10, one on cu15',
        { verdict: 'not-supported', says: ['Exchange 2019 CU10 is more than one CU behind: update to CU14 or CU15', 'no longer gets security updates'] },
      ],
    ],
  ],
  [
    'CUs answered per member to the update question: the oldest decides',
    [
      ['exchange 2019 dag 2 members on windows 2022 standard, not DCs', { asks: 'update' }],
      ['members on CU14 and CU13', { verdict: 'not-supported', says: ['no longer gets security updates'] }],
    ],
  ],
  [
    'two CUs both current leave the DAG as it is',
    [
      ['exchange 2019 dag 2 members on windows 2022 standard, not DCs', { asks: 'update' }],
      ['cu14 on one, cu15 on the other', { verdict: 'supported-with-conditions', notSays: ['no longer gets security updates'] }],
    ],
  ],
  ['a 2016 DAG half on CU22', [['Exchange 2016 DAG, 4 members on 2016 standard, no DCs, two are cu23 and two cu22', { verdict: 'not-supported', says: ['update to CU23'] }]]],
  [
    'an upgrade from one CU to another is no mixed DAG: the update is asked',
    [['exchange 2019 dag 2 members on windows 2022 standard, not DCs, going from cu13 to cu15 next month', { asks: 'update' }]],
  ],
  [
    'the update left open names the CUs that are behind as Not supported',
    [
      ['exchange 2019 dag 2 members on windows 2022 standard, not DCs', { asks: 'update' }],
      [
        'not sure',
        {
          verdict: 'supported-with-conditions',
          says: ['Not supported with Exchange 2019 before CU12 or Exchange 2019 CU12 or CU13', 'If Exchange 2019 CU12 or CU13: **Not supported**'],
          notSays: ['Supported with conditions with Exchange 2019 CU12 or CU13'],
        },
      ],
    ],
  ],
  [
    '"Is 2019 CU13 supported on 2022?" answers the CU and the Windows release',
    [
      [
        'Is 2019 CU13 supported on 2022?',
        {
          verdict: 'not-supported',
          says: ['update to CU14 or CU15', 'As for Windows: yes, Exchange 2019 CU12 or CU13 runs on Windows Server 2022', 'according to third-party sources'],
          notSays: ['build line above'],
        },
      ],
    ],
  ],
  [
    'a CU too old for the Windows release asked about: both reasons',
    [
      [
        'is exchange 2019 cu11 supported on windows server 2022?',
        { verdict: 'not-supported', says: ['As for Windows: no, Exchange 2019 before CU12 does not run on Windows Server 2022', 'no longer gets security updates'] },
      ],
    ],
  ],
  [
    'a typed CU behind, no build pasted: the recommendation points at no build line',
    [['exchange 2019 cu10 single server on windows 2019 standard', { verdict: 'not-supported', says: ["the version's latest CU"], notSays: ['build line above'] }]],
  ],
  [
    'after a DAG verdict, one member still on an old CU: Not supported, naming the CU',
    [
      ['exchange 2019 CU15 DAG, 2 servers, Windows 2019 Datacenter, FSW on a file server, no DCs', { verdict: 'supported-with-conditions' }],
      ['hmm actually one of them is still on cu10 and the other on cu15, patching got stuck', { verdict: 'not-supported', says: ['(CU10)'] }],
    ],
  ],
  [
    'a CU corrected down after a verdict, the planned one never reached',
    [
      ['Exchange 2013 single mailbox+CAS server on Windows 2012 R2 Datacenter, CU23', { headline: 'Out of support' }],
      ["no wait, I checked: it's CU 21, the CU23 upgrade was never done", { verdict: 'not-supported' }],
    ],
  ],
  [
    'long forms: "cumulative update 11", "cu twenty"',
    [
      ["single exchange 2019 box, windows server 2019 standard, we're on cumulative update 11", { verdict: 'not-supported' }],
      ['Exchange 2016 on Windows Server 2016 Datacenter with desktop experience, single mailbox server', { asks: 'update' }],
      ['cu twenty btw', { verdict: 'not-supported' }],
    ],
  ],
  ['Exchange 2019 RTM, never patched', [['Exchange 2019 RTM still running on windows 2019 std, single server, never patched', { verdict: 'not-supported' }]]],
];

describe('conversation (issue 21): CUs typed in words', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
