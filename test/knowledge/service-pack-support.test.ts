import { strict as assert } from 'node:assert';
import { answerListing } from '../../knowledge/listings/listing-answer';
import { BuildTable, checkBuilds } from '../../knowledge/rules/exchange-builds';
import { lifecycleLines, summaryHeading } from '../../knowledge/rules/triage-summary';
import type { BuildsFile } from '../../knowledge/loading/schemas';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25: Exchange 2003, 2007 and 2010 service packs whose support Microsoft ended before the version's
 * own end (fact A-20) say so first, in a pasted listing, in the guided check and in direct answers, all
 * read from the same tables (exchange-builds.yaml's servicePackSupport, lifecycle.yaml's update rows and
 * the limit service-pack-support-ended).
 */
describe('Service packs out of support before their version (issue 25, fact A-20)', () => {
  const kb = sharedKnowledgeBase();

  it('a pasted Exchange 2010 SP2 server must install SP3 first (its first condition), headed by the date its support ended; SP3 beside it need not', () => {
    const paste = [
      'Name                : EX10-MB1',
      'ServerRole          : Mailbox',
      'AdminDisplayVersion : Version 14.2 (Build 247.5)',
      '',
      'Name                : EX10-MB2',
      'ServerRole          : Mailbox',
      'AdminDisplayVersion : Version 14.3 (Build 123.4)',
      '',
      'OS Name: Microsoft Windows Server 2008 R2 Enterprise',
    ].join('\n');
    const answer = answerListing(paste, kb);
    assert.equal(answer.kind, 'listing');
    if (answer.kind !== 'listing') return;
    const sp2 = answer.view.groups.find((g) => g.servers.includes('EX10-MB1'))!;
    const sp3 = answer.view.groups.find((g) => g.servers.includes('EX10-MB2'))!;
    // Session 7 policy: Exchange 2010 is retired, so an ended service pack is what to fix first, not a flaw of the design.
    assert.equal(sp2.verdict, 'supported-with-conditions');
    assert.match(sp2.verdictLabel, /while Exchange 2010 before SP3 was supported/);
    assert.match(sp2.outOfSupport!, /^Out of support since 8 April 2014: Exchange 2010/);
    assert.match(sp2.conditions[0]!, /^Install Exchange 2010 SP3, the version's last service pack, first: .*SP2 on 8 April 2014/);
    assert.notEqual(sp3.verdict, 'not-supported');
    assert.ok(!sp3.conditions.some((c) => /^Install Exchange 2010 SP3/.test(c)));
    assert.match(sp3.outOfSupport!, /^Out of support since 13 October 2020: Exchange 2010\./);
    assert.ok(answer.view.buildLines.some((l) => /14\.2\.247\.5 .*Microsoft ended support for Exchange 2010 SP2 on 8 April 2014.*update to SP3/.test(l)));
  });

  for (const [build, date] of [
    ['8.1.240.6', '12 October 2010'],
    ['8.0.685.25', '13 January 2009'],
    ['6.5.7226', '8 January 2008'],
    ['14.0.639.21', '11 October 2011'],
  ] as const) {
    it(`a build of an ended service pack (${build}) reads as behind, says when it ended, and asks for the last service pack first`, () => {
      assert.equal(kb.recognizer.extract(`the server reports ${build}`).facts.updateCurrency, 'behind');
      const listing = answerListing(`EXA ${build}\nEXB ${build}`, kb);
      assert.equal(listing.kind, 'listing');
      if (listing.kind !== 'listing') return;
      assert.equal(listing.view.groups[0]!.verdict, 'supported-with-conditions', JSON.stringify(listing.view.groups[0]));
      assert.match(listing.view.groups[0]!.conditions[0]!, /^Install Exchange 20\d\d SP\d, the version's last service pack, first/);
      assert.ok(
        listing.view.buildLines.some((l) => l.includes(`on ${date}`)),
        listing.view.buildLines.join('\n'),
      );
    });
  }

  /** A single Exchange 2010 mailbox server on Windows Server 2008 R2 Enterprise, on the given update. */
  const single2010 = (update: string) => ({
    version: '2010',
    update,
    role: 'mailbox',
    ha: 'none',
    windows: '2008-r2',
    windowsEdition: 'enterprise',
    edition: 'standard',
    architecture: 'x64',
  });

  it("the guided check heads an Exchange 2010 before-SP3 verdict with the service pack's earlier end, and says it in the lifecycle lines", () => {
    const step = kb.nextStep(single2010('e2010-before-sp3'));
    assert.equal(step.kind, 'verdict');
    if (step.kind !== 'verdict') return;
    assert.match(summaryHeading(step.decision.verdict, [step.decision])[0]!, /^Out of support since 8 April 2014: Exchange 2010 before SP3/);
    assert.ok(lifecycleLines(step.decision).some((l) => /SP2 on 8 April 2014/.test(l)));
    // SP3 keeps the version's own date.
    const sp3 = kb.nextStep(single2010('e2010-sp3'));
    assert.equal(sp3.kind, 'verdict');
    if (sp3.kind === 'verdict') assert.match(summaryHeading(sp3.decision.verdict, [sp3.decision])[0]!, /^Out of support since 13 October 2020: Exchange 2010\./);
  });

  for (const [question, expected] of [
    ['when did support for Exchange 2010 SP2 end?', /out of support since 8 April 2014; Exchange 2010 itself left extended support on 13 October 2020/],
    // Session 11 (q21): the row covers SP1 and SP2; the service pack typed gets its own end from the build table's servicePackSupport
    // (the same fact A-20, which the verdict of a typed build reads), no longer SP2's later date for SP1.
    ['is exchange 2007 sp1 still supported?', /^No: Exchange 2007 SP1 has been out of support since 12 October 2010/],
    ['when did 2007 sp1 end', /^Exchange 2007 SP1 has been out of support since 12 October 2010/],
    ['exchange 2007 sp2 end of support', /^Exchange 2007 SP2 has been out of support since 12 July 2011/],
    ['ex2010 sp1 support end?', /^Exchange 2010 SP1 has been out of support since 8 January 2013/],
    ['exchange 2010 sp3 end of support', /^Exchange 2010 left extended support on 13 October 2020/],
    // Session 12 (q22): a version "with no service pack" is its RTM, with the RTM's own end (it was the version's own end).
    ['when did exchange 2007 with no service pack end', /^Exchange 2007 RTM.* has been out of support since 13 January 2009/],
    ['exchange 2010 without any service pack: end of support date?', /^Exchange 2010 RTM has been out of support since 11 October 2011/],
  ] as const) {
    it(`a direct answer reads the same lifecycle rows: "${question}"`, () => {
      const read = kb.directAnswers.read(question);
      assert.ok(read, question);
      const answer = kb.directAnswers.answer(read);
      assert.match(answer?.answer ?? '', expected);
    });
  }

  it('the current-update policy of 2013 and later is a limit of the rules table with its source, not code', () => {
    const limit = kb.limits.find((l) => l.id === 'update-more-than-one-cu-behind');
    assert.ok(limit, 'the CU limit is in support-rules.yaml');
    assert.deepEqual([...limit.basis], ['A-9']);
    assert.ok(kb.facts.some((f) => f.id === 'A-9' && f.sources.length > 0));
    assert.deepEqual([...limit.when.flatMap((w) => w.map((t) => [...(t.accepts ?? [])]))].flat(), ['se'], 'only SE, in support, is not supported when behind');
    for (const id of ['service-pack-support-ended', 'service-pack-support-ended-2007', 'service-pack-support-ended-2010']) {
      const sp = kb.limits.find((l) => l.id === id);
      assert.ok(sp && sp.basis.includes('A-20') && sp.verdict === 'supported-with-conditions', id);
    }
    for (const id of ['update-behind-on-retired-version', 'update-behind-on-retired-version-2016', 'update-behind-on-retired-version-2013']) {
      const cu = kb.limits.find((l) => l.id === id);
      assert.ok(cu && cu.basis.includes('A-9') && cu.verdict === 'supported-with-conditions', id);
    }
  });

  describe("kb:check of the build table's servicePackSupport", () => {
    const base: BuildsFile = {
      sources: [{ id: 's', status: 'verified', title: 't' }],
      updateAliases: [],
      currentUpdates: [],
      servicePackSupport: [],
      windowsBuilds: [],
      builds: [
        { version: '2010', update: 'sp2', released: '2011-12-04', build: '14.2.247.5', long: '14.02.0247.005', source: 's' },
        { version: '2010', update: 'sp3', released: '2013-02-12', build: '14.3.123.4', long: '14.03.0123.004', source: 's' },
      ],
    };
    const check = (servicePackSupport: BuildsFile['servicePackSupport']) =>
      checkBuilds({ ...base, servicePackSupport }, new Set(['2010']), undefined, 'exchange-builds.yaml', () => 7).map((p) => `${p.field}: ${p.message}`);

    it('accepts a service pack that ended after the next shipped, and reads it as behind', () => {
      const entries = [{ version: '2010', update: 'sp2', ended: '2014-04-08', source: 's' }];
      assert.deepEqual(check(entries), []);
      const table = new BuildTable({ ...base, servicePackSupport: entries });
      assert.equal(table.currency(table.rows[0]!)?.ended, '2014-04-08');
      assert.equal(table.currency(table.rows[1]!)?.state, 'current');
    });

    it('names the field of a last service pack, an end before the next shipped, an unknown update or source, and a repeat', () => {
      assert.match(check([{ version: '2010', update: 'sp3', ended: '2020-10-13', source: 's' }]).join('\n'), /servicePackSupport\.0\.update: .*last update/);
      assert.match(
        check([{ version: '2010', update: 'sp2', ended: '2012-01-01', source: 's' }]).join('\n'),
        /servicePackSupport\.0\.ended: 2012-01-01 is not after Exchange 2010 SP3 shipped/,
      );
      assert.match(check([{ version: '2010', update: 'sp1', ended: '2013-01-08', source: 's' }]).join('\n'), /servicePackSupport\.0\.update: Exchange 2010 has no update SP1/);
      assert.match(check([{ version: '2010', update: 'sp2', ended: '2014-04-08', source: 'x' }]).join('\n'), /servicePackSupport\.0\.source: names source "x"/);
      const twice = { version: '2010', update: 'sp2', ended: '2014-04-08', source: 's' };
      assert.match(check([twice, twice]).join('\n'), /servicePackSupport\.1\.update: repeats Exchange 2010 SP2/);
    });
  });
});
