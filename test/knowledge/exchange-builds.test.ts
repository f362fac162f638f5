import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatProblem, type KnowledgeProblem } from '../../knowledge';
import { compareBuilds, longBuild, parseBuild } from '../../knowledge/rules/exchange-builds';
import { KNOWLEDGE_DIR, KnowledgeCopies, lineContaining, loadProblems, replaceOnce, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const BUILDS = 'data/exchange-builds.yaml';
const DIMENSIONS = 'data/fact-dimensions.yaml';
const buildsText = () => readFileSync(join(KNOWLEDGE_DIR, BUILDS), 'utf8');

/** The one problem whose formatted form matches `pattern`. */
function theProblem(problems: readonly KnowledgeProblem[], pattern: RegExp): KnowledgeProblem {
  const found = problems.filter((p) => pattern.test(formatProblem(p)));
  assert.equal(found.length, 1, `expected one problem matching ${pattern} in ${show(problems)}`);
  return found[0]!;
}

describe('Exchange build table (knowledge/data/exchange-builds.yaml)', () => {
  const copies = new KnowledgeCopies();
  after(() => copies.cleanup());
  const kb = sharedKnowledgeBase();

  it('holds every version from Exchange 2000 to SE, each row with a source the file lists', () => {
    const file = parse(buildsText()) as { sources: { id: string }[]; builds: { version: string; source: string }[] };
    const versions = new Set(file.builds.map((b) => b.version));
    assert.deepEqual([...versions].sort(), ['2000', '2003', '2007', '2010', '2013', '2016', '2019', 'se']);
    const sources = new Set(file.sources.map((s) => s.id));
    for (const row of file.builds) assert.ok(sources.has(row.source), `unknown source ${row.source}`);
    assert.ok(file.builds.length > 400, `only ${file.builds.length} builds`);
  });

  it('reads the builds the issue names, in both forms', () => {
    const cases: [string, string, string, string | undefined][] = [
      ['15.2.1544.4', '2019', 'cu14', undefined],
      ['15.02.1544.004', '2019', 'cu14', undefined],
      ['14.3.123.4', '2010', 'sp3', undefined],
      ['6.5.7638', '2003', 'sp2', undefined],
      ['8.3.83.6', '2007', 'sp3', undefined],
      ['15.2.2562.17', 'se', 'rtm', undefined],
      ['15.1.2507.44', '2016', 'cu23', 'Nov24SUv2'],
      ['14.3.513.0', '2010', 'sp3', 'RU32'],
    ];
    for (const [build, version, update, su] of cases) {
      const parts = parseBuild(build)!;
      const found = kb.builds.lookup(parts);
      assert.equal(found.kind, 'known', build);
      if (found.kind !== 'known') continue;
      assert.deepEqual([found.row.version, found.row.update, found.row.su], [version, update, su], build);
    }
  });

  it('gives every row a long form that matches its short one, and orders builds part by part', () => {
    for (const row of kb.builds.rows) if (row.long) assert.equal(longBuild(row.parts), row.long, row.build);
    assert.ok(compareBuilds([15, 2, 1544, 4], [15, 2, 1544, 13]) < 0);
    assert.ok(compareBuilds([6, 5, 7638], [6, 5, 7638, 1]) < 0);
    assert.equal(parseBuild('10.0.0.1.5'), undefined);
  });

  it('names a build it does not list as such, with the nearest known build, and never as a known one', () => {
    const sameUpdate = kb.builds.lookup('15.2.1544.99');
    assert.equal(sameUpdate.kind, 'same-update');
    if (sameUpdate.kind === 'same-update') {
      assert.equal(sameUpdate.update.update, 'cu14');
      assert.equal(sameUpdate.nearest.build, '15.2.1544.39');
    }
    const unknown = kb.builds.lookup('15.2.2000.1');
    assert.equal(unknown.kind, 'unknown');
    if (unknown.kind === 'unknown') assert.equal(unknown.nearest?.build, '15.2.1748.43');
    const nothing = kb.builds.lookup('9.1.1.1');
    assert.deepEqual(nothing, { kind: 'unknown', build: '9.1.1.1', nearest: undefined });
  });

  it('knows the latest update of each version and which updates still get security updates', () => {
    const e2019 = kb.builds.latestUpdates('2019')!;
    assert.equal(e2019.latest.update, 'cu15');
    assert.equal(e2019.latest.released, '2025-02-10');
    assert.deepEqual(
      e2019.stillUpdated.map((r) => r.update),
      ['cu15', 'cu14'],
    );
    assert.equal(kb.builds.latestUpdates('2016')!.latest.update, 'cu23');
    assert.deepEqual(
      kb.builds.latestUpdates('2016')!.stillUpdated.map((r) => r.update),
      ['cu23'],
    );
    assert.equal(kb.builds.latestUpdates('2013')!.latest.update, 'cu23');
    assert.equal(kb.builds.latestUpdates('2010')!.latest.update, 'sp3');
    assert.equal(kb.builds.latestUpdates('2010')!.latestSecurityUpdate?.su, 'RU32');
    assert.equal(kb.builds.latestUpdates('se')!.latest.update, 'rtm');
    assert.equal(kb.builds.latestUpdates('5.5'), undefined);
  });

  describe('kb:check refuses a broken table, naming file, line and field', () => {
    it('a build given twice', () => {
      const { dir, text } = copies.withEdit(BUILDS, (t) => replaceOnce(t, 'build: 15.2.1544.9,', 'build: 15.2.1544.4,'));
      const problem = theProblem(loadProblems(dir), /repeats build 15\.2\.1544\.4/);
      assert.match(problem.file, /exchange-builds\.yaml$/);
      assert.equal(problem.line, lineContaining(text, 'su: Mar24SU, released: 2024-03-12, build: 15.2.1544.4,'));
      assert.match(problem.field!, /^builds\.\d+\.build$/);
    });

    it("Microsoft's transposed Exchange 2003 SP2 build (6.5.7683), newer than the 2008 updates on top of it", () => {
      const { dir, text } = copies.withEdit(BUILDS, (t) => replaceOnce(t, 'build: 6.5.7638,', 'build: 6.5.7683,'));
      const problem = theProblem(loadProblems(dir), /Exchange 2003 SP2 post-SP2 March 2008 \(6\.5\.7653\.33\) is older than Exchange 2003 SP2 itself/);
      assert.equal(problem.line, lineContaining(text, 'build: 6.5.7653.33'));
    });

    it('a CU dated before the CU it follows', () => {
      const { dir, text } = copies.withEdit(BUILDS, (t) => replaceOnce(t, 'update: cu14, released: 2024-02-13', 'update: cu14, released: 2023-02-13'));
      const problem = theProblem(loadProblems(dir), /Exchange 2019 CU14 \(15\.2\.1544\.4, 2023-02-13\) has a higher build than Exchange 2019 CU13/);
      assert.equal(problem.line, lineContaining(text, 'update: cu14, released: 2023-02-13'));
      assert.match(problem.field!, /\.released$/);
    });

    it('a security update dated before an older one of the same CU', () => {
      const { dir } = copies.withEdit(BUILDS, (t) =>
        replaceOnce(t, 'su: Nov24SUv2, released: 2024-11, build: 15.2.1544.14', 'su: Nov24SUv2, released: 2024-01, build: 15.2.1544.14'),
      );
      theProblem(loadProblems(dir), /Exchange 2019 CU14 Nov24SUv2 \(15\.2\.1544\.14, 2024-01\) has a higher build than Exchange 2019 CU14 Nov24SU \(15\.2\.1544\.13\)/);
    });

    it('a long form that does not match, a version that does not exist, a source not listed', () => {
      const { dir } = copies.withEdit(BUILDS, (t) =>
        replaceOnce(
          replaceOnce(replaceOnce(t, 'long: 15.02.1544.004', 'long: 15.02.1544.040'), 'version: "2000", update: sp1,', 'version: "1999", update: sp1,'),
          'build: 15.2.2562.17, long: 15.02.2562.017, source: css-exchange',
          'build: 15.2.2562.17, long: 15.02.2562.017, source: a-blog',
        ),
      );
      const problems = loadProblems(dir);
      theProblem(problems, /15\.02\.1544\.040 does not match the short form 15\.2\.1544\.4/);
      theProblem(problems, /names version "1999"/);
      theProblem(problems, /names source "a-blog"/);
    });

    it('a CU the update values of fact-dimensions.yaml name but the table lacks', () => {
      const { dir, text } = copies.withEdit(DIMENSIONS, (t) => replaceOnce(t, 'answers: [cu15, latest]', 'answers: [cu15, cu16, latest]'));
      const problem = theProblem(loadProblems(dir), /names Exchange 2019 CU16 \("cu16"\), which is not in the build table/);
      assert.match(problem.file, /fact-dimensions\.yaml$/);
      assert.equal(problem.line, lineContaining(text, 'answers: [cu15, cu16, latest]'));
    });

    it('a malformed build number or date', () => {
      const { dir } = copies.withEdit(BUILDS, (t) => replaceOnce(replaceOnce(t, 'build: 15.2.1748.10,', 'build: 15.2.x,'), 'released: 2025-07-01,', 'released: 2025-13-01,'));
      const problems = loadProblems(dir);
      theProblem(problems, /must be a build number such as 15\.2\.1544\.4/);
      theProblem(problems, /must be a date written YYYY-MM-DD, or YYYY-MM/);
    });
  });
});
