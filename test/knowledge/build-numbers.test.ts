import { strict as assert } from 'node:assert';
import { blankBuilds, buildFacts, describeBuilds, findBuilds, shortVersionAnswer, shortVersionInSentence } from '../../knowledge/reading/build-numbers';
import { buildName, releaseMonth } from '../../knowledge/rules/exchange-builds';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

describe('Exchange build numbers in messages (knowledge/reading/build-numbers.ts)', () => {
  const kb = sharedKnowledgeBase();
  const table = kb.builds;

  it('recognises every build of the table in every form a server prints it, inside a sentence', () => {
    let forms = 0;
    for (const row of table.rows) {
      const [a, b, c, d] = row.parts;
      const texts = [`our server reports ${row.build}, is that ok?`, `AdminDisplayVersion : Version ${a}.${b} (Build ${c}.${d ?? 2})`];
      if (row.long) texts.push(`build ${row.long} here`);
      for (const text of texts) {
        const mentions = findBuilds(text, table);
        assert.equal(mentions.length, 1, `${text}: ${JSON.stringify(mentions)}`);
        const lookup = mentions[0]!.lookup;
        assert.equal(lookup.kind, 'known', `${text} is ${lookup.kind}`);
        if (lookup.kind === 'known') assert.equal(lookup.row.build, row.build, text);
        forms += 1;
      }
    }
    assert.ok(forms > 1_000, `${forms} forms`);
  });

  it('fills the version and update facts from a build, in any message', () => {
    const cases: [string, Record<string, string>][] = [
      ['15.2.1544.4', { version: '2019', update: 'e2019-cu14', updateCurrency: 'current' }],
      ['Version 15.2 (Build 1544.4)', { version: '2019', update: 'e2019-cu14', updateCurrency: 'current' }],
      ['we run 14.3.123.4 on two CAS', { version: '2010', update: 'e2010-sp3', updateCurrency: 'current', role: 'client-access', ha: 'several-servers' }],
      ['6.5.7638 front-end on a cluster', { version: '2003', updateCurrency: 'current', role: 'front-end', ha: 'clustering' }],
      ['8.3.83.6', { version: '2007', update: 'e2007-sp3', updateCurrency: 'current' }],
      // Service packs whose support ended before their version's: behind, like an old CU.
      ['14.2.247.5', { version: '2010', update: 'e2010-before-sp3', updateCurrency: 'behind' }],
      ['8.1.240.6', { version: '2007', update: 'e2007-sp1-sp2', updateCurrency: 'behind' }],
      ['15.0.847.32 CAS', { version: '2013', update: 'e2013-sp1-or-later', updateCurrency: 'behind', role: 'client-access' }],
      ['15.0.913.22', { version: '2013', update: 'e2013-sp1-or-later', updateCurrency: 'behind' }],
      ['15.2.2562.17', { version: 'se', updateCurrency: 'current' }],
      ['15.2.1544.99 (a build the table lacks, of CU14)', { version: '2019', update: 'e2019-cu14', updateCurrency: 'current' }],
    ];
    for (const [text, facts] of cases) assert.deepEqual(kb.recognizer.extract(text).facts, facts, text);
  });

  it('settles nothing from a build it does not know, and reads none of its parts as a version', () => {
    assert.deepEqual(kb.recognizer.extract('15.2.2000.1 supported?').facts, {});
    assert.deepEqual(kb.recognizer.extract('is 6.5.2003 a thing').facts, {});
    const [line] = describeBuilds(findBuilds('15.2.2000.1', table), table);
    assert.match(
      line!,
      /^15\.2\.2000\.1 is not a build the table knows; the nearest known builds are 15\.2\.1748\.43 \(Exchange 2019 CU15 Feb26SU, released February 2026\) below it and 15\.2\.2562\.17 \(Exchange Server SE RTM, released July 2025\) above it/,
    );
    assert.equal(blankBuilds('on 15.2.2000.1 now').length, 'on 15.2.2000.1 now'.length);
  });

  it('leaves Windows builds, IP addresses and other dotted numbers alone', () => {
    assert.deepEqual(findBuilds('OS Version: 6.0.6002 Service Pack 2 Build 6002', table), []);
    assert.deepEqual(findBuilds('OS Version: 10.0.17763 N/A Build 17763', table), []);
    assert.deepEqual(findBuilds('ping 10.0.0.1 and 192.168.15.2', table), []);
    assert.deepEqual(findBuilds('node 20.19.0, version 1.2.3.4', table), []);
  });

  it('keeps the named version when a build names another, and fills nothing from the build then', () => {
    assert.deepEqual(kb.recognizer.extract('Exchange 2016 on 15.2.1544.4').facts, { version: '2016' });
  });

  it('says what a build is, and what to update to when its CU no longer gets security updates', () => {
    assert.deepEqual(describeBuilds(findBuilds('15.2.1544.4', table), table), ['15.2.1544.4 is Exchange 2019 CU14, released February 2024.']);
    assert.deepEqual(describeBuilds(findBuilds('we are on 15.2.1118.7', table), table), [
      '15.2.1118.7 is Exchange 2019 CU12, released April 2022. Exchange 2019 CU12 is more than one CU behind: update to CU14 or CU15.',
    ]);
    assert.deepEqual(describeBuilds(findBuilds('15.1.2375.7', table), table), [
      '15.1.2375.7 is Exchange 2016 CU22, released September 2021. Exchange 2016 CU22 is behind the only CU that still gets security updates: update to CU23.',
    ]);
    const row = table.rows.find((r) => r.build === '15.1.2507.44')!;
    assert.equal(buildName(row), 'Exchange 2016 CU23 Nov24SUv2');
    assert.equal(releaseMonth('2024-11'), 'November 2024');
  });

  it('a build on an old CU is judged through the rules table: a condition to update first for a retired version, Not supported for SE; a current one adds no condition', () => {
    const read = kb.recognizer.extract('we run 15.2.1118.7, is that supported?').facts;
    assert.equal(read['updateCurrency'], 'behind');
    const behind = kb.decide({ ...read, role: 'mailbox', ha: 'none', windows: '2019', windowsEdition: 'standard' });
    // Session 7 policy: Exchange 2019 is retired, so its design is judged as while it was supported, and a CU
    // behind is what to fix first, named as the first condition.
    assert.equal(behind?.verdict, 'supported-with-conditions');
    assert.deepEqual(behind?.broken, []);
    assert.equal(behind?.conditions[0]?.id, 'update-behind-on-retired-version');
    assert.match(behind!.conditions[0]!.condition, /Update to Exchange 2019 CU14 or CU15 first/);
    const design = { version: '2019', role: 'mailbox', ha: 'dag', windows: '2022', windowsEdition: 'standard', update: 'e2019-cu15-or-later' };
    const current = kb.decide({ ...design, updateCurrency: 'current' });
    const unsaid = kb.decide(design);
    assert.equal(current?.verdict, unsaid?.verdict);
    assert.ok(!unsaid!.conditions.some((l) => l.id.startsWith('update-')), 'quiet while unknown');
    // SE is in support: an update that no longer gets security updates is not supported.
    const se = { version: 'se', role: 'mailbox', ha: 'dag', windows: '2022', windowsEdition: 'standard' };
    const seBehind = kb.decide({ ...se, updateCurrency: 'behind' });
    assert.equal(seBehind?.verdict, 'not-supported');
    assert.deepEqual(
      seBehind?.broken.map((l) => l.id),
      ['update-more-than-one-cu-behind'],
    );
    assert.match(seBehind!.broken[0]!.reason, /no longer gets security updates/);
    assert.notEqual(kb.decide(se)?.verdict, 'not-supported');
  });

  it('merges the facts of several builds only where they agree', () => {
    const both = findBuilds('15.2.1544.4 and 15.2.1748.10', table);
    assert.deepEqual(
      buildFacts(
        both,
        table,
        kb.dimensions.find((d) => d.id === 'update'),
      ),
      { version: '2019', updateCurrency: 'current' },
    );
    const mixed = findBuilds('15.1.2507.6 and 15.2.1748.10', table);
    assert.deepEqual(
      buildFacts(
        mixed,
        table,
        kb.dimensions.find((d) => d.id === 'update'),
      ),
      {},
    );
    const oneBehind = findBuilds('15.2.1118.7 and 15.2.1748.10', table);
    assert.equal(buildFacts(oneBehind, table, undefined).updateCurrency, 'behind');
  });

  it('reads a short version typed as an answer ("14.3", "v15.1") from the table, and nothing where it names two versions (o23)', () => {
    const update = kb.dimensions.find((d) => d.id === 'update');
    const cases: [string, Record<string, string> | undefined][] = [
      ['14.3', { version: '2010', update: 'e2010-sp3', updateCurrency: 'current' }],
      ['8.3', { version: '2007', update: 'e2007-sp3', updateCurrency: 'current' }],
      ['v15.1', { version: '2016' }],
      ["it's 15.01", { version: '2016' }],
      ['version 6.5', { version: '2003' }],
      ['15.0', { version: '2013' }],
      // 15.2 is Exchange 2019 and SE; 16.0 and 2.5 are no Exchange's; a sentence is not a bare answer.
      ['15.2', undefined],
      ['16.0', undefined],
      ['2.5', undefined],
      ['we have 14.3 GB free', undefined],
    ];
    for (const [text, expected] of cases) assert.deepEqual(shortVersionAnswer(text, table, update), expected, text);
  });

  it('reads a short version in a sentence only with "v", "version" or its update after it (o23)', () => {
    const update = kb.dimensions.find((d) => d.id === 'update');
    const cases: [string, string | undefined][] = [
      ['@bot v15.1 cu23 on one mailbox server', '2016'],
      ['version 14.3, all roles on 2008 r2', '2010'],
      ['15.0 cu23 single mbx+cas', '2013'],
      ['v15.2 cu15 dag', undefined],
      ['we have 14.3 GB free on the log drive', undefined],
      ['Version 15.1 (Build 2507.6)', undefined],
      ['v14.3 and v15.1 side by side', undefined],
    ];
    for (const [text, version] of cases) assert.equal(shortVersionInSentence(text, table, update)?.facts.version, version, text);
    assert.equal(kb.recognizer.extract('v15.1 cu23, single mailbox server on 2016 std').facts.update, 'e2016-cu3-or-later');
  });
});
