import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper d21): a follow-up after a verdict on a retired version ("what's our upgrade path?", "so what now?",
 * "how long do we have?", "can we get ESU?", "is hybrid an option?") is answered for the version of that verdict, with
 * its end-of-support date and its own way to Exchange SE (knowledge's upgradePath: coexistence.yaml and the in-place
 * row of how-to.yaml), on the card headed "Out of support". Our own phrasings; the held-out sets are never read.
 */
const DEAD_END = ["couldn't find an answer", 'not sure I understood', "didn't recognise"];

/** A first message per version, each judged at once. */
const SETUP: Record<string, string> = {
  '2019': '2019 cu14 2 node dag on 2022 std with fsw',
  '2016': 'exchange 2016 cu23 dag 2 nodes on server 2016 std, fsw on a file server',
  '2013': '2013 cu23 dag, 4 members, 2012 r2 datacenter',
  '2010': 'Exchange 2010 SP3 RU30 single server all roles on 2008 R2 enterprise',
  '2007': 'exchange 2007 sp3 single server on 2008 x64 enterprise',
  '2003': 'Exchange 2003 SP2 Enterprise back-end on a 2 node cluster, Windows 2003 Enterprise, not DCs',
};

// [version, follow-up, what the reply says, what it must not say]
const FOLLOW_UPS: ReadonlyArray<readonly [version: string, said: string, says: readonly string[], notSays: readonly string[]]> = [
  ['2019', "what's our upgrade path?", ['upgraded in place', 'CU14 or CU15'], []],
  ['2019', 'how long do we have?', ['since 14 October 2025', 'upgraded in place'], []],
  ['2019', 'where do we go from here?', ['upgraded in place'], []],
  ['2019', 'timeline?', ['14 October 2025'], []],
  ['2016', 'so what now?', ['no in-place upgrade', 'Exchange 2016 CU23'], []],
  ['2016', 'can we get ESU?', ['Extended Security Updates', '14 October 2025', 'no in-place upgrade'], []],
  ['2016', 'what would you recommend?', ['no in-place upgrade'], []],
  ['2016', 'does microsoft still patch it?', ['Extended Security Updates'], []],
  ['2016', 'when did it go out of support?', ['14 October 2025'], []],
  [
    '2013',
    'upgrade path?',
    ['no direct path from Exchange 2013', 'Exchange 2019 can join an organization with Exchange 2013'],
    ['Exchange 2016 can join an organization with Exchange 2013'],
  ],
  ['2013', 'wat now', ['Exchange 2019 can join an organization with Exchange 2013'], []],
  ['2013', 'what are the risks', ['11 April 2023'], ['What changed']],
  ['2010', 'next steps?', ['13 October 2020', 'Exchange 2016 can join an organization with Exchange 2010'], ['Exchange 2019 can join an organization with Exchange 2010']],
  ['2010', 'could they go hybrid and move everyone to EXO instead?', ['hybrid', '13 October 2020', 'Exchange 2016'], []],
  ['2010', 'what about next year?', ['not from a later date'], []],
  [
    '2007',
    "what's our upgrade path?",
    ['Exchange 2013 can join an organization with Exchange 2007'],
    ['2016 or 2019 first', 'Exchange 2016 can join an organization with Exchange 2007'],
  ],
  ['2007', 'how do we get off it?', ['11 April 2017', 'Exchange 2013'], []],
  ['2003', 'what are our options?', ['8 April 2014', 'Exchange 2010 can join an organization with Exchange 2003'], []],
  // SE over the servers judged (w5's report): from 2019 CU14/CU15 in place (M-11); from 2016, new SE servers. SE set up on top of
  // the 2016 server itself is judged since session 15 (i27, w9-after-03): Not supported, conversation-red-team-limits.test.ts.
  ['2016', 'do we need new servers for SE or can we upgrade these?', ['no in-place upgrade'], []],
  ['2019', 'can we just install SE on top of these two?', ['upgraded in place'], []],
  ['2013', 'what does out of support actually mean for us?', ['11 April 2023'], []],
];

describe("conversation (issue 21): follow-ups after a retired verdict answer with the date and that version's way to SE", () => {
  for (const [version, said, says, notSays] of FOLLOW_UPS) {
    it(`after a ${version} verdict, "${said}"`, async () => {
      const turns: Turn[] = [
        [SETUP[version]!, { headline: 'Out of support' }],
        [said, { headline: 'Out of support', says: [...says], notSays: [...notSays, ...DEAD_END] }],
      ];
      await play(turns);
    });
  }

  it('after a verdict on Exchange SE, "how long do we have with this one?" gets its lifecycle (no fixed end date), and a fact said with "until" still changes the setup', async () => {
    await play([
      ['SE single mailbox server on windows server 2022 datacenter', { verdict: 'supported' }],
      ['how long do we have with this one?', { says: ['Modern Lifecycle'], notSays: DEAD_END }],
    ]);
    await play([
      ['SE 2 node DAG, Windows Server 2025 Standard, FSW on a file server, not DCs', { verdict: 'supported-with-conditions' }],
      ['btw one of the two will stay on Windows Server 2022 until the hardware refresh', { verdict: 'not-supported', says: ['What changed'] }],
    ]);
  });

  it('after a verdict on Exchange SE (in support), "what\'s our upgrade path?" names no retired product\'s path', async () => {
    await play([
      ['SE dag 2 members on 2022 std, fsw on a file server', { verdict: 'supported-with-conditions' }],
      ["what's our upgrade path?", { notSays: ['Out of support since', 'no direct path'] }],
    ]);
  });
});
