import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (s21): no question is asked a third time in a row. The answer that would have brought it a
 * third time says what is still missing, in other words than the question, with the answers this setup
 * can take (those that keep it supported first), and names a fact taken instead. Our own phrasings.
 */
const SE_SINGLE = 'Exchange SE, standalone mailbox server, no dag';

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'unread, then another fact: the fact is noted and the release said missing, with the releases that keep SE supported',
    [
      [SE_SINGLE, { asks: 'windows' }],
      ['the blue one', { asks: 'windows', says: ['for example'] }],
      [
        'Datacenter',
        {
          verdict: 'supported-with-conditions',
          says: ['Noted: Windows edition: Datacenter', 'Still missing: the Windows release', 'Windows Server 2022', "it's Windows Server 2019"],
          notSays: ["it's Windows 2000"],
        },
      ],
    ],
  ],
  [
    'another fact, then unread: the release said missing',
    [
      [SE_SINGLE, { asks: 'windows' }],
      ['Datacenter', { asks: 'windows', says: ['Still missing: the Windows release'] }],
      ['the blue one', { verdict: 'supported-with-conditions', says: ['Still missing: the Windows release', 'Windows Server 2025'] }],
    ],
  ],
  // C4: only Enterprise Edition clusters, so that is the edition named.
  [
    'the Exchange edition of a 2003 cluster unread twice: Enterprise Edition named as the one that keeps it supported',
    [
      ['2 node exchange 2003 cluster on windows 2003 enterprise, member servers', { asks: 'edition' }],
      ['the blue one', { asks: 'edition' }],
      ['the one in the rack', { says: ['Still missing: the Exchange edition', 'Enterprise Edition'], notSays: ['can be supported with Standard'] }],
    ],
  ],
];

describe('conversation (issue 21): a question not asked a third time says what is still missing', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
