import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper o23, session 11): out-of-support checks that lost what the user had said, from the tuning set
 * bench/conversations-issue21-o23-tuning.yaml, written again in our own words: facts stated before the check started,
 * a short build ("14.3") typed as the version, a CU said to be unknown in the first message.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a DAG described before its version is named keeps its facts: the version alone completes it',
    [
      ['dag of 2 on windows 2012 r2 standard, fsw on FS1, members are not DCs', { noCheck: true }],
      ['exchange 2013 cu23', { verdict: 'supported-with-conditions', headline: 'Out of support since 11 April 2023: Exchange 2013', notAsks: ['role', 'ha', 'windows'] }],
    ],
  ],
  [
    'Windows said of both nodes before the version: the release and edition are never asked again',
    [
      ['windows 2008 r2 sp1 enterprise on both nodes', { noCheck: true }],
      [
        'it is an exchange 2010 sp3 dag',
        { verdict: 'supported-with-conditions', headline: 'Out of support since 13 October 2020: Exchange 2010', notAsks: ['windows', 'windowsEdition'] },
      ],
    ],
  ],
  [
    '"start over" forgets what was said before: the check that follows asks again',
    [
      ['dag of 2 on windows 2012 r2 standard, fsw on FS1', { noCheck: true }],
      ['start over', { asks: 'version' }],
      ['exchange 2013 cu23', { asks: 'role' }],
    ],
  ],
  [
    'a question asked before the check is no description: its facts are not taken',
    [
      ['does a dag on windows 2012 r2 standard need a witness?', { noCheck: true }],
      ['exchange 2013 cu23 mailbox server', { notSays: ['Windows Server 2012 R2'] }],
    ],
  ],
  [
    '"14.3" typed at the version question is Exchange 2010 SP3',
    [
      ['support check', { asks: 'version' }],
      ['14.3', { notSays: ["didn't recognise"], notAsks: ['version', 'update'] }],
      ['one server, all roles, 2008 r2 sp1 standard', { verdict: 'supported', headline: 'Out of support since 13 October 2020: Exchange 2010' }],
    ],
  ],
  [
    '"v15.1" is Exchange 2016 (its CU still asked), "15.2" is 2019 or SE and names neither',
    [
      ['support check', { asks: 'version' }],
      ['15.2', { says: ["didn't recognise"], asks: 'version' }],
      ['v15.1', { notSays: ["didn't recognise"], notAsks: ['version'] }],
    ],
  ],
  [
    '"not sure which cu" in the first message leaves the update open: never asked',
    [
      ['exchange 2016, not sure which cu, one mailbox server', { asks: 'windows' }],
      ['windows server 2016 standard with desktop experience', { verdict: 'supported-with-conditions', headline: 'Out of support since 14 October 2025: Exchange 2016' }],
    ],
  ],
  [
    '"cu unknown" after the rest of a DAG: the verdict at once, the update a condition',
    [
      [
        '2019 dag of 4 on 2022 std, cu unknown, fsw on fs1, no DCs',
        { verdict: 'supported-with-conditions', headline: 'Out of support since 14 October 2025: Exchange 2019', notAsks: ['update'] },
      ],
    ],
  ],
  [
    'a fact added after a verdict with a question after it ("..., is that a problem?") is added: dynamic memory under 2013',
    [
      ['exchange 2013 cu23 single server mbx+cas on 2012 r2 std', { verdict: 'supported', headline: 'Out of support' }],
      ['the vm has dynamic memory enabled, is that a problem?', { verdict: 'not-supported', headline: 'Out of support since 11 April 2023: Exchange 2013' }],
    ],
  ],
  [
    'an update gap said in words decides by the current-update policy: SE two CUs behind is Not supported, one behind is not',
    [
      ['SE single mailbox server on 2025 std', { verdict: 'supported', notSays: ['Out of support'] }],
      ['fyi we are two cumulative updates behind', { verdict: 'not-supported', notSays: ['Out of support'] }],
    ],
  ],
  [
    'SE one CU behind the latest still gets security updates: the verdict stands',
    [
      ['SE single mailbox server on 2025 std', { verdict: 'supported' }],
      ['we are one cu behind the latest', { verdict: 'supported', notSays: ['Not supported'] }],
    ],
  ],
  // w9's findings (session 11), each a wrong plain "Supported" before.
  [
    'a member named by its server name joining the DAG on another Windows release: a mixed DAG of one more member (w9-after-20)',
    [
      ['SE dag of 3 on 2022 datacenter, members not DCs', { verdict: 'supported-with-conditions' }],
      ['plus MBX4 on windows 2019 datacenter joins, same dag', { verdict: 'not-supported', says: ['Windows Server 2019 on some members', '4 nodes or DAG members instead of 3'] }],
    ],
  ],
  [
    'snapshots of the server said after a verdict are VM snapshots: Not supported (w9-after-06)',
    [
      ['SE single mailbox server on 2025 std', { verdict: 'supported' }],
      ["fyi it's a vmware vm and we keep two snapshots of it for rollback", { verdict: 'not-supported' }],
    ],
  ],
  [
    '"it\'s actually exchange 2019 cu15, we never ran the SE setup": the version run, never the one said not to be (w9-after-15)',
    [
      ['SE single mailbox on 2022 std', { verdict: 'supported' }],
      [
        "hmm, looked closer: it's actually exchange 2019 cu15, we never ran the SE setup",
        { verdict: 'supported-with-conditions', headline: 'Out of support since 14 October 2025: Exchange 2019' },
      ],
    ],
  ],
  [
    'the version said after statements completes their setup and starts its check (w9-oos-17)',
    [
      ['2 mbx in a dag on 2016 std, fsw on fs1, no dcs', { noCheck: true }],
      ["it's exchange 2016", { asks: 'update' }],
      ['cu23', { verdict: 'supported-with-conditions', headline: 'Out of support since 14 October 2025: Exchange 2016' }],
    ],
  ],
  [
    'a CU said to be planned is not the one running: 2019 CU14 on Windows Server 2025 is Not supported (w9-red-04)',
    [['exchange 2019 cu14 single mailbox on windows server 2025 std - cu15 is planned for january. is that fine as it stands today?', { verdict: 'not-supported' }]],
  ],
];

describe('conversation (issue 21, o23): what was said before or around the version is kept', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
