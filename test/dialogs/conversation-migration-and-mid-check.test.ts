import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper v21): a move to Exchange SE asked after a verdict on a retired version is answered from the how-to and
 * coexistence tables (in place over 2019 CU14/CU15, M-11; new servers beside 2016; hops for older versions), and a question
 * asked in the middle of the check gets a short answer, then the same question again. Our own phrasings.
 */
const DEAD_END = ['not sure I understood', "couldn't find an answer", "didn't recognise"];

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"can we just upgrade this one in place to SE?" after a 2019 CU15 verdict: in place over CU14/CU15',
    [
      ['2019 cu15 on windows 2025 std, single mailbox server', { verdict: 'supported', headline: 'Out of support' }],
      ['can we just upgrade this one in place to SE?', { headline: 'Out of support', says: ['upgraded in place', 'CU14 or CU15'], notSays: DEAD_END }],
    ],
  ],
  [
    '"can we go straight from this to SE?" after a 2007 verdict: no direct path, the hops the coexistence table allows',
    [
      ['exchange 2007 sp3 single server all roles on windows 2008 x64 standard sp2', { headline: 'Out of support' }],
      [
        'can we go straight from this to SE?',
        { headline: 'Out of support', says: ['no direct path from Exchange 2007', 'Exchange 2013 can join an organization with Exchange 2007'], notSays: DEAD_END },
      ],
    ],
  ],
  [
    '"in-place upgrade to SE possible?" after a 2016 verdict: no in-place upgrade, new SE servers beside 2016 CU23',
    [
      ['Exchange 2016 CU23 mailbox server on 2016 standard, single server', { headline: 'Out of support' }],
      ['in-place upgrade to SE possible?', { headline: 'Out of support', says: ['no in-place upgrade', 'Exchange 2016 CU23'], notSays: ['upgraded in place', ...DEAD_END] }],
    ],
  ],
  [
    '"how do we get from here to SE" after a 2010 verdict names the hops, not the 2019 in-place upgrade',
    [
      ['exchange 2010 sp3 single server all roles on 2008 r2 enterprise sp1', { headline: 'Out of support' }],
      ['how do we get from here to SE', { headline: 'Out of support', says: ['no direct path from Exchange 2010'], notSays: ['upgraded in place', ...DEAD_END] }],
    ],
  ],
  [
    '"is it still getting security updates though?" mid-check: a short answer about the retired version, then the same question',
    [
      ['2016 CU23 DAG of 2 with witness, member servers', { asks: 'windows' }],
      ['is it still getting security updates though?', { asks: 'windows', says: ['out of support'], notSays: ['still supported', ...DEAD_END] }],
      ['2016', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
    ],
  ],
  [
    '"why do you need that?" mid-check says how the answer changes the verdict, then asks again',
    [
      ['exchange 2019 cu15 dag', { asks: 'windows' }],
      ['why do you need that?', { asks: 'windows', notSays: DEAD_END }],
    ],
  ],
  [
    '"what does FSW mean" mid-check gets the definition, then the same question',
    [
      ['exchange 2019 cu15 dag, 4 members', { asks: 'windows' }],
      ['what does FSW mean', { asks: 'windows', says: ['witness'], notSays: DEAD_END }],
    ],
  ],
  [
    'a question mid-check the knowledge cannot answer is said so, and the question comes again',
    [
      ['exchange 2019 cu15 dag, 4 members', { asks: 'windows' }],
      ['do you know if our hardware vendor still sells these?', { asks: 'windows', notSays: ["didn't recognise"] }],
    ],
  ],
];

describe('conversation (issue 21): migration to SE after a verdict, questions mid-check', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
