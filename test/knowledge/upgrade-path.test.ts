import { strict as assert } from 'node:assert';
import { upgradePath, type KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * Issue 21 (helper d21): the way to Exchange SE per source version, from one table (coexistence.yaml, plus the in-place
 * row of how-to.yaml), which the direct answer ("how do I migrate Exchange 2007 to SE?") and the line after a verdict
 * ("what's our upgrade path?") both read. Microsoft's system requirements (ExchangeServer/plan-and-deploy/system-requirements.md,
 * ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md): 2019 joins 2013 CU21+ and 2016 CU11+, never
 * 2010 or older; 2016 joins 2010 SP3 RU11+ and 2013 CU10+, never 2007 or older; 2013 joins 2007 SP3 RU10+ and 2010 SP3.
 */
describe('upgrade path to Exchange SE, one table for the direct answer and the after-verdict line (issue 21)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  // [from, the versions joining in order, words the line must never say]
  const HOPS: ReadonlyArray<readonly [from: string, joins: readonly string[], never: readonly RegExp[]]> = [
    ['2016', ['Exchange SE can join an organization with Exchange 2016'], [/upgraded in place/]],
    ['2013', ['Exchange 2019 can join an organization with Exchange 2013', 'Exchange SE can join an organization with Exchange 2019'], []],
    [
      '2010',
      ['Exchange 2016 can join an organization with Exchange 2010', 'Exchange SE can join an organization with Exchange 2016'],
      [/Exchange 2019 can join an organization with Exchange 2010/],
    ],
    [
      '2007',
      [
        'Exchange 2013 can join an organization with Exchange 2007',
        'Exchange 2019 can join an organization with Exchange 2013',
        'Exchange SE can join an organization with Exchange 2019',
      ],
      [/Exchange 20(16|19) can join an organization with Exchange 2007/, /2016 or 2019 first/],
    ],
    [
      '2003',
      ['Exchange 2010 can join an organization with Exchange 2003', 'Exchange 2016 can join an organization with Exchange 2010'],
      [/Exchange 20(13|16|19) can join an organization with Exchange 2003/],
    ],
    [
      '2000',
      ['Exchange 2007 can join an organization with Exchange 2000', 'Exchange 2013 can join an organization with Exchange 2007'],
      [/Exchange 20(10|13|16|19) can join an organization with Exchange 2000/],
    ],
  ];
  for (const [from, joins, never] of HOPS) {
    it(`from Exchange ${from}: ${joins.length} hop(s), in order`, () => {
      const line = upgradePath(kb, from)?.line ?? '';
      let at = -1;
      for (const hop of joins) {
        const found = line.indexOf(hop);
        assert.ok(found > at, `${from}: "${hop}" missing or out of order in: ${line}`);
        at = found;
      }
      for (const pattern of never) assert.doesNotMatch(line, pattern);
    });
  }

  it('Exchange 2019 upgrades in place (the how-to row), and SE has no path', () => {
    assert.match(upgradePath(kb, '2019')?.line ?? '', /upgraded in place to Exchange SE/);
    assert.equal(upgradePath(kb, 'se'), undefined);
  });

  it('a hop the table has only from third-party sources or recalls says so, and the sources name each status', () => {
    // SE beside 2016 rests on M-11's third-party part (coexistence.yaml, session 7).
    const path = upgradePath(kb, '2010')!;
    assert.match(path.line, /Exchange 2016 \(Exchange 2016 CU23 on every Exchange 2016 server\) \(according to third-party sources\)/);
    assert.deepEqual(path.sources.map((s) => s.status).sort(), ['Microsoft doc', 'third-party']);
    const older = upgradePath(kb, '2003')!;
    assert.match(older.line, /\(recalled, not confirmed\)/);
    assert.ok(older.sources.some((s) => s.status === 'recalled, not confirmed'));
  });

  // The direct answer reads the same table: each older version gets its own hops, never a path that cannot coexist.
  for (const [text, hop, wrong] of [
    [
      'how do i migrate exchange 2007 to SE',
      'Exchange 2013 can join an organization with Exchange 2007',
      /2016 or 2019 first|Exchange 2016 can join an organization with Exchange 2007/,
    ],
    ['upgrade path from 2010 to exchange se?', 'Exchange 2016 can join an organization with Exchange 2010', /Exchange 2019 can join an organization with Exchange 2010/],
    ['how do we move exchange 2013 to SE', 'Exchange 2019 can join an organization with Exchange 2013', /2016 or 2019 first/],
    ['how to migrate from exchange 2000 to exchange SE', 'Exchange 2007 can join an organization with Exchange 2000', /2016 or 2019 first/],
  ] as const) {
    it(`"${text}" answers with that version's hops`, () => {
      const question = kb.directAnswers.read(text);
      assert.equal(question?.other, 'se-from-older', JSON.stringify(question));
      const answered = kb.directAnswers.answer(question!);
      assert.ok(answered?.answer.includes(hop), answered?.answer);
      assert.doesNotMatch(answered?.answer ?? '', wrong);
      assert.equal(answered?.answer, upgradePath(kb, question!.subject.version!)?.line, 'the same line as after a verdict');
    });
  }
});
