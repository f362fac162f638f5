import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (s21): a lifecycle question about the asker's own version ("our exchange 2013 is it still
 * supported") is answered from lifecycle.yaml and keeps the version for the check that follows; after a
 * verdict on a retired version, the follow-ups ("so what now", "can we still get patches", "what about
 * hybrid") get the card again headed "Out of support" with a line answering them. Our own phrasings; the
 * held-out sets are never read.
 */
const DAG_2016 = 'exchange 2016 cu23 dag of 2 on windows 2016 std';

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  ...(
    [
      ['our exchange 2013 is it still supported', '11 April 2023', 'we have a DAG of 2 on 2012 r2', 'Exchange 2013'],
      ['is our exchange 2010 still supported?', '13 October 2020', 'single server on 2008 r2 sp1 standard', 'Exchange 2010'],
      ['we run exchange 2016, is that still supported', '14 October 2025', 'its a 2 node dag on server 2016 standard, cu23', 'Exchange 2016'],
    ] as const
  ).map(([asked, date, setup, version]): readonly [string, readonly Turn[]] => [
    `"${asked}" is answered, and "${setup}" next is a check of that version`,
    [
      [asked, { noCheck: true, says: ['out of support', date] }],
      [setup, { headline: 'Out of support', says: [version] }],
    ],
  ]),
  [
    'a setup named with the lifecycle question is still checked at once',
    [['our exchange 2016 dag on 2012 r2, is it still supported?', { headline: 'Out of support', verdict: 'supported-with-conditions' }]],
  ],
  ...(
    [
      ['so what now', 'What to do: plan the move to Exchange Server Subscription Edition'],
      ['how long do we have', 'is out of support now (since 14 October 2025)'],
      // The ESU dates are lifecycle.yaml's (A-30, third-party).
      ['is there ESU for exchange', '14 April 2026'],
      ['can we still get patches', 'Extended Security Updates bring security fixes only'],
      ['what about hybrid', 'its servers in a hybrid are out of support too'],
      ['migration path to SE', 'What to do: plan the move'],
      ['could we jump straight from this to SE?', 'What to do: plan the move'],
    ] as const
  ).map(([asked, line]): readonly [string, readonly Turn[]] => [
    `"${asked}" after a verdict on Exchange 2016 is answered under the "Out of support" headline`,
    [
      [DAG_2016, { headline: 'Out of support' }],
      [asked, { headline: 'Out of support', says: [line], notSays: ["couldn't find an answer"] }],
    ],
  ]),
  [
    '"skip that" after a verdict is no dead end',
    [
      [DAG_2016, { headline: 'Out of support' }],
      ['skip that', { notSays: ["couldn't find an answer", 'not sure I understood'] }],
    ],
  ],
];

describe('conversation (issue 21): lifecycle questions about our own version and out-of-support follow-ups', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
