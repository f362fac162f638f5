import { play, type Turn } from './conversation-play';

/*
 * Session 10 (d22), issue 21: a design whose versions cannot share an organization is Not supported whatever its
 * groups' other facts, so the check asks nothing that cannot change that (w2-design-05 asked the 2010 server's role);
 * and a what-if moving one version's servers to another update replaces the update they were typed with, which the
 * coexistence minimums are held against (it kept the first, "2013 cu20"). Our own phrasings; the held-out sets are
 * never read. Sources: coexistence.yaml (Microsoft's system requirements: 2019 not beside 2010, 2016 not beside
 * 2007, 2019 beside 2013 from CU21 and beside 2016 from CU11).
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a 2010 server with no role beside a new 2019 DAG: Not supported at once, no role asked',
    [
      [
        'our exchange 2010 sp3 server on 2008 r2 enterprise stays, and a new exchange 2019 cu15 dag of 2 on server 2022 joins the same org',
        { verdict: 'not-supported', notAsks: ['role', 'ha', 'windows'], says: ['cannot run in the same organization as Exchange 2010'] },
      ],
    ],
  ],
  [
    'a 2007 server beside a new 2016 DAG: Not supported at once',
    [
      [
        'keeping one exchange 2007 sp3 server on 2008 x64 next to a new exchange 2016 cu23 dag of two on 2016 standard, same org',
        { verdict: 'not-supported', notAsks: ['role', 'ha'] },
      ],
    ],
  ],
  [
    'versions that may share an organization still get their questions',
    [['an exchange 2016 cu23 server plus a new exchange 2019 cu15 dag of 2 on windows 2022, same org', { asks: 'role' }]],
  ],
  [
    // Lead, session 15: the 2019 server at CU14 (was CU15): CU15's Setup refuses an organization with Exchange 2013 at all.
    'a what-if moving the 2013 servers from CU20 to CU23 lifts the CU21 minimum of the 2019 server',
    [
      [
        '2013 cu20 dag of 2 on 2012 r2 std with fsw, no dcs, plus a new 2019 cu14 mailbox server on 2019 std, standalone, same org',
        { verdict: 'not-supported', says: ['needs Exchange 2013 CU21'] },
      ],
      [
        'what if the 2013 servers were on cu23?',
        { verdict: 'supported-with-conditions', says: ['Exchange 2013 CU23 instead of CU20'], notSays: ['needs Exchange 2013 CU21', 'changes none of the facts'] },
      ],
    ],
  ],
  [
    'a what-if moving them to CU20 again from CU23 brings the minimum back',
    [
      ['2013 cu23 dag of 2 on 2012 r2 std with fsw, no dcs, plus a new 2019 cu14 mailbox server on 2019 std, standalone, same org', { verdict: 'supported-with-conditions' }],
      ['what if the exchange 2013 cu20 servers stayed instead?', { verdict: 'not-supported', says: ['CU20 instead of CU23'] }],
    ],
  ],
];

describe("conversation (session 10, d22): designs refused side by side, and what-ifs changing one version's update", () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
