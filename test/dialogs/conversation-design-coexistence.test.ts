import { play, type Turn } from './conversation-play';

/*
 * Session 9 (lead, from w7's outsider set G): a typed design is one Exchange organization, so its groups' versions
 * must be allowed side by side, at the update coexistence.yaml names (system-requirements.md: 2019 needs 2013 CU21+ or
 * 2016 CU11+, and no 2010; 2016 needs 2010 SP3 RU11+ or 2013 CU10+, and no 2007; SE beside 2013 or 2010 is recalled).
 * Before, each group was judged alone and a 2013 CU20 + 2019 design came out "Supported with conditions".
 * Our phrasings, not the outsider set's.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a 2019 DAG beside a 2013 DAG typed below CU21 is not supported',
    [
      [
        'migration layout, one org:\n- exchange 2013 cu19 DAG of 2 on 2012 r2 standard, fsw\n- exchange 2019 cu14 DAG of 2 on 2022 standard, fsw\nno DCs in either DAG',
        { verdict: 'not-supported', says: ['CU21'] },
      ],
    ],
  ],
  [
    'the same design with 2013 at CU23 keeps its conditions',
    [
      [
        'migration layout, one org:\n- exchange 2013 cu23 DAG of 2 on 2012 r2 standard, fsw\n- exchange 2019 cu14 DAG of 2 on 2022 standard, fsw\nno DCs in either DAG',
        { verdict: 'supported-with-conditions', notSays: ['needs Exchange 2013 CU21'] },
      ],
    ],
  ],
  [
    'with the 2013 update not said, the minimum is a condition',
    [
      [
        'one org during the move:\n- exchange 2013 DAG of 2 on 2012 r2 standard, fsw\n- exchange 2019 cu14 DAG of 2 on 2022 standard, fsw\nmember servers only',
        { verdict: 'supported-with-conditions', says: ['CU21 or later'] },
      ],
    ],
  ],
  [
    // Session 15 (lead): Exchange 2019 CU15's Setup refuses an organization that still holds Exchange 2013 (third-party).
    '2019 CU15 beside 2013 CU23 is refused, saying it rests on third-party sources',
    [
      [
        'migration layout, one org:\n- exchange 2013 cu23 DAG of 2 on 2012 r2 standard, fsw\n- exchange 2019 cu15 DAG of 2 on 2022 standard, fsw\nno DCs in either DAG',
        { verdict: 'not-supported', says: ['CU15 and later refuse', 'third-party'] },
      ],
    ],
  ],
  [
    'SE beside 2013 is refused and says the row rests on third-party sources',
    [
      [
        'plan:\n- old: exchange 2013 cu23 DAG of 2 on 2012 r2 std, fsw\n- new: exchange SE DAG of 2 on 2025 std, fsw\nsame org while mailboxes move, no DCs',
        { verdict: 'not-supported', says: ['third-party'] },
      ],
    ],
  ],
  [
    'a 2016 DAG beside a 2010 server below SP3 is not supported',
    [
      [
        'estate:\n- exchange 2010 sp2 mailbox server (single, all roles) on 2008 r2 sp1 standard\n- exchange 2016 cu23 DAG of 2 on 2016 standard, fsw\nsame org, no DCs',
        { verdict: 'not-supported', says: ['Update Rollup 11'] },
      ],
    ],
  ],
];

describe('conversation (session 9): the versions of a typed design share one organization', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
