import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper a21): CUs typed in words. Servers on different CUs are a mixed DAG judged by the CU furthest
 * behind; "Is 2019 CU13 supported on 2022?" answers the CU and the Windows release; the recommendation never
 * points at a build line nobody saw. Session 7 policy: every version here is retired, so a CU behind is the first
 * condition of the design ("Update to ... first"), not a reason it is not supported. Our own phrasings.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'two members on different CUs, one behind: update first, saying what to update to',
    [
      [
        'exchange 2019 dag, 2 members on windows server 2019 standard, not DCs, one on cu10, one on cu15',
        { verdict: 'supported-with-conditions', says: ['Exchange 2019 CU10 is more than one CU behind: update to CU14 or CU15', 'Update to Exchange 2019 CU14 or CU15 first'] },
      ],
    ],
  ],
  [
    'CUs answered per member to the update question: the oldest decides',
    [
      ['exchange 2019 dag 2 members on windows 2022 standard, not DCs', { asks: 'update' }],
      ['members on CU14 and CU13', { verdict: 'supported-with-conditions', says: ['stopped getting security updates'] }],
    ],
  ],
  [
    'two CUs both current leave the DAG as it is',
    [
      ['exchange 2019 dag 2 members on windows 2022 standard, not DCs', { asks: 'update' }],
      ['cu14 on one, cu15 on the other', { verdict: 'supported-with-conditions', notSays: ['stopped getting security updates'] }],
    ],
  ],
  [
    'a 2016 DAG half on CU22',
    [['Exchange 2016 DAG, 4 members on 2016 standard, no DCs, two are cu23 and two cu22', { verdict: 'supported-with-conditions', says: ['Update to Exchange 2016 CU23 first'] }]],
  ],
  [
    'an upgrade from one CU to another is no mixed DAG: the update is asked',
    [['exchange 2019 dag 2 members on windows 2022 standard, not DCs, going from cu13 to cu15 next month', { asks: 'update' }]],
  ],
  [
    'the update left open names what each answer gives, and no update to make before one is said',
    [
      ['exchange 2019 dag 2 members on windows 2022 standard, not DCs', { asks: 'update' }],
      [
        'not sure',
        {
          verdict: 'supported-with-conditions',
          // The update to make first is said for the CUs that need it, not as if it held whatever the answer is.
          says: [
            'Not supported with Exchange 2019 before CU12',
            'If Exchange 2019 before CU12: **Not supported**',
            'If Exchange 2019 CU12 or CU13: **Supported with conditions**',
            'With Exchange 2019 CU12 or CU13: Update to Exchange 2019 CU14 or CU15 first',
          ],
          notSays: ['- Update to Exchange 2019 CU14 or CU15 first'],
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
          verdict: 'supported-with-conditions',
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
        { verdict: 'not-supported', says: ['As for Windows: no, Exchange 2019 before CU12 does not run on Windows Server 2022', 'more than one CU behind'] },
      ],
    ],
  ],
  [
    'a typed CU behind, no build pasted: the recommendation points at no build line',
    [
      [
        'exchange 2019 cu10 single server on windows 2019 standard',
        { verdict: 'supported-with-conditions', says: ['Update to Exchange 2019 CU14 or CU15 first'], notSays: ['build line above'] },
      ],
    ],
  ],
  [
    'after a DAG verdict, one member still on an old CU: update first, naming the CU',
    [
      ['exchange 2019 CU15 DAG, 2 servers, Windows 2019 Datacenter, FSW on a file server, no DCs', { verdict: 'supported-with-conditions' }],
      [
        'hmm actually one of them is still on cu10 and the other on cu15, patching got stuck',
        { verdict: 'supported-with-conditions', says: ['(CU10)', 'Update to Exchange 2019 CU14 or CU15 first'] },
      ],
    ],
  ],
  [
    'a CU corrected down after a verdict, the planned one never reached',
    [
      ['Exchange 2013 single mailbox+CAS server on Windows 2012 R2 Datacenter, CU23', { headline: 'Out of support' }],
      ["no wait, I checked: it's CU 21, the CU23 upgrade was never done", { verdict: 'supported-with-conditions', says: ['Update to Exchange 2013 CU23 first'] }],
    ],
  ],
  [
    'long forms: "cumulative update 11", "cu twenty"',
    [
      [
        "single exchange 2019 box, windows server 2019 standard, we're on cumulative update 11",
        { verdict: 'supported-with-conditions', says: ['Update to Exchange 2019 CU14 or CU15 first'] },
      ],
      ['Exchange 2016 on Windows Server 2016 Datacenter with desktop experience, single mailbox server', { asks: 'update' }],
      ['cu twenty btw', { verdict: 'supported-with-conditions', says: ['Update to Exchange 2016 CU23 first'] }],
    ],
  ],
  [
    'Exchange 2019 RTM, never patched',
    [
      [
        'Exchange 2019 RTM still running on windows 2019 std, single server, never patched',
        { verdict: 'supported-with-conditions', says: ['Update to Exchange 2019 CU14 or CU15 first'] },
      ],
    ],
  ],
  // Session 9 (w7-stated-21): an SE CU newer than the build table lists is not checked, so it is a condition, never a plain "Supported".
  [
    'Exchange SE at a CU the build table does not list',
    [
      [
        'exchange SE single mailbox server on 2025 standard, still on SE CU1',
        { verdict: 'supported-with-conditions', says: ["SE's latest cumulative update or the one before it"] },
      ],
    ],
  ],
  ['Exchange SE with no CU said stays Supported', [['exchange SE single mailbox server on 2025 standard', { verdict: 'supported' }]]],
];

describe('conversation (issue 21): CUs typed in words', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
