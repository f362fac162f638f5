import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper o22, session 10): out-of-support headlines and turns after a verdict read wrong, from the tuning set
 * bench/conversations-issue21-o22-tuning.yaml, written again in our own words: a what-if on the Windows release whose year
 * is also an Exchange version, a bare "no" after a verdict.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"what if we upgrade windows to 2019?" changes Windows, not the Exchange version (Exchange 2016 never ran on 2019)',
    [
      ['2016 cu23 dag of 2 on windows 2016 standard, file share witness, no DCs', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      [
        'what if we upgrade windows to 2019?',
        {
          verdict: 'not-supported',
          headline: 'Out of support since 14 October 2025: Exchange 2016',
          says: ['Windows Server 2019 instead of'],
          notSays: ['Exchange 2019 instead of'],
        },
      ],
    ],
  ],
  [
    'a bare "no" after a verdict changes nothing: the DAG is never read as a single server',
    [
      ['2019 cu15 dag of 4 on windows server 2019 standard, fsw, member servers', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['no', { verdict: 'supported-with-conditions', headline: 'Out of support', notSays: ['None (a single server) instead of'] }],
      ['nope', { verdict: 'supported-with-conditions', notSays: ["couldn't find"] }],
    ],
  ],
  [
    'a setup whose version only CCR names is Exchange 2007: the update asked, then the card headed "Out of support"',
    [
      ['2 node CCR cluster on windows 2008 enterprise x64, exchange enterprise, member servers', { asks: 'update' }],
      ['sp3', { headline: 'Out of support since 11 April 2017: Exchange 2007' }],
    ],
  ],
  [
    "an Edge server added after a DAG verdict keeps the Windows release it is said to run, the same as the DAG's",
    [
      ['exchange 2010 sp3 dag of 2 on 2008 r2 ent, fsw, member servers', { headline: 'Out of support since 13 October 2020: Exchange 2010' }],
      ['we also have an edge server, 2010 sp3 on 2008 r2 std, workgroup', { verdict: 'supported-with-conditions', headline: 'Out of support', notAsks: ['windows'] }],
    ],
  ],
  [
    'a server of a retired version the organization still runs beside an SE DAG is a group of the design, not the DAG changed',
    [
      ['SE dag of 4 on 2025 std, fsw, no dcs', { verdict: 'supported-with-conditions', notSays: ['Out of support'] }],
      [
        'forgot to say we also still have a 2013 cu23 CAS on 2012 r2',
        { verdict: 'not-supported', headline: 'Out of support', notSays: ['2013 instead of Server Subscription Edition'] },
      ],
    ],
  ],
  [
    '"oh and we also have a 2016 cu23 box" is one more server whose facts are asked, not "nothing changed"',
    [
      ['2016 cu23 dag of 2 on 2016 std, fsw, member servers', { headline: 'Out of support' }],
      ['oh and we also have a 2016 cu23 box', { asks: 'windows', notSays: ['changes none of the facts'] }],
    ],
  ],
  [
    'Windows said to be at RTM with "sp1 never applied" after a verdict: Exchange 2010 SP3 on 2008 R2 RTM is Not supported',
    [
      ['exchange 2010 sp3 single server cas/hub/mbx, 2008 r2 sp1 std x64', { verdict: 'supported', headline: 'Out of support' }],
      [
        'correction from the server team: windows is 2008 r2 RTM, sp1 was never applied',
        { verdict: 'not-supported', headline: 'Out of support since 13 October 2020: Exchange 2010', notSays: ['Exchange 2010 before SP3'] },
      ],
    ],
  ],
  [
    '"what if MBX4 stays on windows 2022 std" names one member: a DAG of mixed Windows releases, not the whole DAG moved',
    [
      ['SE dag of 4 on 2025 std, fsw on FS1, not DCs', { verdict: 'supported-with-conditions' }],
      ['what if MBX4 stays on windows 2022 std for now', { verdict: 'not-supported', says: ['Windows Server 2022 on some members'], notSays: ['Windows Server 2022 instead of'] }],
    ],
  ],
  [
    'a build typed as the answer to the update question is read (15.2.922.7 is Exchange 2019 CU10, before Windows Server 2022)',
    [
      ['exchange 2019 single mailbox server on windows server 2022 standard', { asks: 'update' }],
      ['build is 15.2.922.7', { verdict: 'not-supported', headline: 'Out of support since 14 October 2025: Exchange 2019' }],
    ],
  ],
];

describe('conversation (issue 21, o22): out-of-support headlines and turns after a verdict', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
