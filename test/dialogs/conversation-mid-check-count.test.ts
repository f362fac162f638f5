import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper d21): a question asked in the middle of the check ("why do you ask?", "what are the conditions?",
 * "what does that mean", help) gets its short answer, then the question again once, without counting toward the
 * twice-asked limit of the question it interrupts: an answer the bot cannot read after it still gets the second
 * wording, with examples, before the fact is left open. A second such question while the same question waits leaves
 * the fact open (the question is not shown a third time). Our own phrasings.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"why do you ask?" then an unreadable answer: the second wording, not the fact left open',
    [
      ['exchange 2019 cu15 dag, 4 members, witness on a file server', { asks: 'windows' }],
      ['why do you ask?', { asks: 'windows', says: ['changes the verdict'] }],
      ['hmm', { asks: 'windows', says: ['for example'], notSays: ['open and go on'] }],
      ['2022 datacenter', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
    ],
  ],
  [
    '"what are the conditions?" mid-check, then an unreadable answer, then a second one: left open only then',
    [
      ['Exchange 2010 SP3 Enterprise mailbox servers in a DAG on Windows Server 2008 R2', { asks: 'windowsEdition' }],
      ['what are the conditions?', { asks: 'windowsEdition' }],
      ['the usual one', { asks: 'windowsEdition', says: ['for example'] }],
      ['the usual one', { notAsks: ['windowsEdition'], says: ['open and go on'] }],
    ],
  ],
  [
    'an unreadable answer first, then "why do you need that?": answered, and the question comes again',
    [
      ['exchange 2019 cu15 dag, 4 members, witness on a file server', { asks: 'windows' }],
      ['asdf', { asks: 'windows', says: ['for example'] }],
      ['why do you need that?', { asks: 'windows', says: ['changes the verdict'] }],
      ['2025 std', { notAsks: ['windows'] }],
    ],
  ],
  [
    '"what does that mean" about the high availability question, then "hmm": asked again with examples',
    [
      ['SE mailbox server', { asks: 'ha' }],
      ['what does that mean', { asks: 'ha' }],
      ['hmm', { asks: 'ha' }],
      ['just one server', { notAsks: ['ha'] }],
    ],
  ],
  [
    'the same mid-check question twice: the question is shown again once, then left open',
    [
      ['exchange 2010 sp3 dag on 2008 r2', { asks: 'windowsEdition' }],
      ['does it matter?', { asks: 'windowsEdition', says: ['Standard', 'Enterprise'] }],
      ['does it matter?', { notAsks: ['windowsEdition'] }],
    ],
  ],
];

describe('conversation (issue 21): a question mid-check does not count toward the twice-asked limit', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
