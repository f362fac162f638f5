import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Issue 19: mainstream, extended and ESU dates for every release, from lifecycle.yaml, typed as admins type them. */
describe('direct answers: lifecycle dates as typed in Teams (issue 19)', () => {
  let kb: KnowledgeBase;
  const answer = (text: string, previous?: Parameters<KnowledgeBase['directAnswers']['read']>[1]) => {
    const question = kb.directAnswers.read(text, previous);
    assert.ok(question, `${text}: not read as a direct question`);
    return kb.directAnswers.answer(question);
  };
  before(() => {
    kb = sharedKnowledgeBase();
  });

  for (const [text, expected] of [
    ['when did exchange 2016 mainstream support end', /^Exchange 2016 left mainstream support on 13 October 2020 and extended support on 14 October 2025\./],
    ['ex2019 mainstream end?', /^Exchange 2019 left mainstream support on 9 January 2024/],
    ['e2k7 mainstream support ended when', /10 April 2012/],
    ['windows server 2008 r2 mainstream end', /13 January 2015/],
    ['esu for server 2008 r2?', /^Windows Server 2008 R2 left extended support on 14 January 2020; paid Extended Security Updates .* ran to 10 January 2023\./],
    ['windows 2012 r2 esu end', /13 October 2026/],
    ['is there an esu for exchange 2013', /no Extended Security Update offer for Exchange 2013: it left extended support on 11 April 2023/],
    ['exchange 2016 end of support date?', /^Exchange 2016 left extended support on 14 October 2025\.$/],
  ] as const) {
    it(`"${text}" → ${expected}`, () => {
      assert.match(answer(text)?.answer ?? '', expected);
    });
  }

  it('every lifecycle row and date names facts that exist, and its note says "third-party" whenever one of them is (issue 20)', () => {
    const problems: string[] = [];
    for (const row of kb.lifecycle) {
      const parts = [
        { part: 'extended', note: row.note, basis: row.basis },
        ...(row.mainstream ? [{ part: 'mainstream', note: undefined, basis: row.mainstream.basis }] : []),
        ...(row.esu ? [{ part: 'esu', note: row.esu.note, basis: row.esu.basis }] : []),
      ];
      for (const { part, note, basis } of parts) {
        const facts = basis.map((id) => kb.facts.find((f) => f.id === id));
        if (basis.length === 0 || facts.some((f) => f === undefined)) problems.push(`${row.dimension} ${row.value} ${part}: basis ${basis.join(', ')}`);
        const thirdParty = facts.some((f) => f?.status === 'read-3p' || f?.status === 'recalled');
        // A note may quote a weaker fact beside its own (the Exchange 2016 row names the third-party ESU); it never passes a third-party date off as Microsoft's.
        if (note !== undefined && thirdParty && !/third-party/i.test(note)) problems.push(`${row.dimension} ${row.value} ${part}: note "${note}" but facts ${basis.join(', ')}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('a date read in Microsoft lifecycle data says "Microsoft doc"; one read only in a mirror says "third-party"', () => {
    assert.deepEqual(
      answer('exchange 2010 mainstream')?.sources.map((s) => s.status),
      ['Microsoft doc'],
    );
    assert.deepEqual(
      answer('w2k19 mainstream')?.sources.map((s) => s.status),
      ['Microsoft doc'],
    );
    assert.ok(answer('ws2025 mainstream')?.sources.some((s) => s.status === 'third-party'));
    assert.ok(
      answer('when did exchange 2000 go out of support')?.sources.some((s) => s.status === 'third-party'),
      'LC1: the Exchange 2000 date is third-party',
    );
  });

  it('the first sentence says how sure a date is: nothing for Microsoft\'s lifecycle data, "according to third-party sources" for a mirror or blog (the Exchange 2016/2019 ESU is A-30, split from LC6)', () => {
    assert.match(
      answer('esu for exchange 2019?')?.answer ?? '',
      /^Exchange 2019 left extended support on 14 October 2025; paid Extended Security Updates .* ran to 14 April 2026 \(according to third-party sources\)\.$/,
    );
    assert.deepEqual(
      answer('esu for exchange 2019?')?.sources.map((s) => s.status),
      ['Microsoft doc', 'third-party'],
    );
    // The end of extended support itself is Microsoft's (LC6 keeps only that part).
    assert.deepEqual(
      answer('exchange 2019 end of support')?.sources.map((s) => s.status),
      ['Microsoft doc'],
    );
    assert.match(answer('when does server 2019 go eol')?.answer ?? '', /^Windows Server 2019 is in extended support until 9 January 2029\.$/);
    assert.match(
      answer('mainstream support end for exchange 2003?')?.answer ?? '',
      /^Exchange 2003 left mainstream support on 14 April 2009 and extended support on 8 April 2014\.$/,
    );
  });

  it('a bare Windows year after "on" is the Windows release when the Exchange version is named: "from what cu is exchange 2016 supported on 2016"', () => {
    assert.match(answer('from what cu is exchange 2016 supported on 2016')?.answer ?? '', /^From Exchange 2016 CU3/);
  });

  it('EXB-011\'s lifecycle table states every mainstream and extended date lifecycle.yaml holds (one truth: no "not known" beside a date the table has)', () => {
    const article = kb.articles.find((a) => a.id === 'EXB-011');
    assert.ok(article);
    const rows = article.body.split('\n').filter((line) => /^\| (Exchange|Windows)/.test(line));
    const long = (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number);
      return `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m! - 1]} ${y}`;
    };
    /** The row that names a release ("Windows Server 2008 and 2008 R2" names both). */
    const rowOf = (dimension: string, value: string) => {
      const year = value.replace('-r2', '');
      const r2 = value.endsWith('-r2');
      const product = dimension === 'version' ? 'Exchange' : 'Windows';
      return rows.find((line) => {
        const name = line.split('|')[1]!;
        return name.includes(product) && name.includes(year) && (!r2 || /R2/.test(name) || !/2003/.test(year)) && !(value === '2003' && /R2/.test(name) && !/and/.test(name));
      });
    };
    const problems: string[] = [];
    for (const row of kb.lifecycle) {
      if (row.dimension === 'update' || row.value === 'se') continue;
      const line = rowOf(row.dimension, row.value);
      if (line === undefined) {
        // Windows Server 2003 R2 shares the 2003 row ("all editions").
        if (!(row.dimension === 'windows' && row.value === '2003-r2')) problems.push(`${row.dimension} ${row.value}: no row`);
        continue;
      }
      const [, , mainstream, extended] = line.split('|').map((cell) => cell.trim());
      if (row.mainstream && !mainstream!.startsWith(long(row.mainstream.end)))
        problems.push(`${row.dimension} ${row.value}: mainstream "${mainstream}", table ${row.mainstream.end}`);
      if (row.endOfSupport && !extended!.startsWith(long(row.endOfSupport))) problems.push(`${row.dimension} ${row.value}: extended "${extended}", table ${row.endOfSupport}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(!rows.some((line) => /not known/.test(line)), 'no row says "not known"');
  });

  for (const [text, expected] of [
    ['exchange 2016 and 2019 end of support', /^Exchange 2016 left extended support on 14 October 2025\. Exchange 2019 left extended support on 14 October 2025\.$/],
    ['when do ex2010 and ex2013 go out of support', /^Exchange 2010 left extended support on 13 October 2020\. Exchange 2013 left extended support on 11 April 2023\.$/],
    ['mainstream end for exchange 2016 and 2019', /^Exchange 2016 left mainstream support on 13 October 2020 .*\. Exchange 2019 left mainstream support on 9 January 2024/],
  ] as const) {
    it(`two versions asked one date, both answered (session 8): "${text}" → ${expected}`, () => {
      const found = answer(text);
      assert.match(found?.answer ?? '', expected);
      // Both rows' sources are named.
      assert.match(found?.sources.map((s) => s.label).join(' ') ?? '', /2016|2010/);
    });
  }

  it('after two versions\' dates, "and ex2013?" asks the date of the one named, and "and the esu?" both ESU dates', () => {
    const previous = { attribute: 'end-of-support' as const, subject: { version: '2016' }, other: '2019' };
    const next = kb.directAnswers.read('and ex2013?', previous);
    assert.deepEqual(next && { attribute: next.attribute, subject: next.subject, other: next.other }, {
      attribute: 'end-of-support',
      subject: { version: '2013' },
      other: undefined,
    });
    assert.match(answer('and the esu?', previous)?.answer ?? '', /^Exchange 2016 .*Extended Security Updates.* Exchange 2019 .*Extended Security Updates/);
  });

  it('two versions with a coexistence or "still supported" question are not read as two dates', () => {
    assert.equal(kb.directAnswers.read('can exchange 2016 and 2019 coexist, and until when are they supported')?.attribute, 'coexistence');
    assert.equal(kb.directAnswers.read('is exchange 2016 and 2019 still supported')?.other, undefined);
  });

  it("an update's release date is the update as typed, not the check's level: \"exchange 2013 cu2 release date\" is CU2's (RTM to CU3 are one level)", () => {
    assert.match(answer('exchange 2013 cu2 release date')?.answer ?? '', /^Exchange 2013 CU2 was released in July 2013/);
    assert.match(answer('when did exchange 2013 cu4 come out')?.answer ?? '', /^Exchange 2013 SP1 was released in February 2014/);
    // One level, two updates: the second is not the first one's answer kept from before.
    assert.match(answer('exchange 2013 cu3 release date')?.answer ?? '', /^Exchange 2013 CU3 was released/);
  });

  it("a Windows release's date asked beside the asker's servers is that release's date", () => {
    for (const [text, windows] of [
      ['our 2016 DAG runs on Windows Server 2012 R2 - when did the OS itself leave support?', '2012-r2'],
      ['when did windows server 2003 go out of support, we still have one ex2k3 box on it', '2003'],
    ] as const) {
      const question = kb.directAnswers.read(text);
      assert.deepEqual(question && { attribute: question.attribute, subject: question.subject }, { attribute: 'end-of-support', subject: { windows } }, text);
    }
  });

  it('"same for se" after a Windows list asks the same about Exchange SE', () => {
    const question = kb.directAnswers.read('same for se', { attribute: 'windows-releases', subject: { version: '2019' } });
    assert.deepEqual(question && { attribute: question.attribute, subject: question.subject }, { attribute: 'windows-releases', subject: { version: 'se' } });
  });
});
