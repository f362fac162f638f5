import { strict as assert } from 'node:assert';
import { type Decision, type DirectQuestion, type Facts, type KnowledgeBase } from '../../knowledge';
import { FactSpace } from '../../knowledge/rules/fact-space';
import { platformFinding, type AnswerTables } from '../../knowledge/direct-answers';
import { platformBasis } from '../../knowledge/direct-answers/platform-answers';
import { describeFacts } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * One truth (issue 19): a direct answer and the guided check can never disagree. This walks every
 * lifecycle row, every (Exchange version, Windows release) cell of the matrix and every node/member
 * limit, works out what the check says from kb.decide over every complete setup (the public path
 * of a verdict, not the outcome table the answers read), and compares it with the direct answer.
 */

const POSITIVE = new Set(['supported', 'supported-with-conditions']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const spelled = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
};
describe('direct answers: one truth with the verdicts', function () {
  // Each test walks a whole table through the check (13 s for the Windows matrix idle): on a loaded 2-core
  // machine that passed mocha's 30 s default. Correctness walks, not speed checks: speed lives in the bench.
  this.timeout(600_000);
  let kb: KnowledgeBase;
  const all: { facts: Facts; decision: Decision }[] = [];
  const ask = (attribute: DirectQuestion['attribute'], subject: Facts) => kb.directAnswers.answer({ attribute, subject, text: '' });

  before(() => {
    kb = sharedKnowledgeBase();
    const space = new FactSpace(kb.dimensions);
    for (const facts of space.completions({})) all.push({ facts, decision: kb.decide(facts)! });
  });

  it('every lifecycle row: the date answered is the date a verdict on that release notes', () => {
    const disagreements: string[] = [];
    for (const row of kb.lifecycle) {
      const answer = ask('end-of-support', { [row.dimension]: row.value });
      if (!answer) {
        disagreements.push(`${row.dimension} ${row.value}: no answer`);
        continue;
      }
      const setup = all.find((c) => c.facts[row.dimension] === row.value);
      assert.ok(setup, `no setup with ${row.dimension} ${row.value}`);
      const note = setup.decision.lifecycle.find((n) => n.dimension === row.dimension && n.value === row.value);
      if (note?.endOfSupport !== row.endOfSupport) disagreements.push(`${row.dimension} ${row.value}: the verdict notes ${note?.endOfSupport}, the table says ${row.endOfSupport}`);
      if (row.endOfSupport !== undefined && !answer.answer.includes(spelled(row.endOfSupport)))
        disagreements.push(`${row.dimension} ${row.value}: "${answer.answer}" lacks ${spelled(row.endOfSupport)}`);
      if (row.endOfSupport === undefined && !/no fixed end/i.test(answer.answer))
        disagreements.push(`${row.dimension} ${row.value}: "${answer.answer}" should say there is no fixed end date`);
    }
    assert.deepEqual(disagreements, []);
    assert.ok(kb.lifecycle.length >= 8, `only ${kb.lifecycle.length} lifecycle rows walked`);
  });

  it('every mainstream and ESU date of the lifecycle table is the one answered, with the extended date beside it', () => {
    const disagreements: string[] = [];
    let dates = 0;
    for (const row of kb.lifecycle) {
      const where = `${row.dimension} ${row.value}`;
      if (row.mainstream) {
        dates += 1;
        const answer = ask('mainstream', { [row.dimension]: row.value })?.answer ?? '';
        if (!answer.includes(spelled(row.mainstream.end))) disagreements.push(`${where}: "${answer}" lacks the mainstream end ${spelled(row.mainstream.end)}`);
        if (row.endOfSupport && !answer.includes(spelled(row.endOfSupport))) disagreements.push(`${where}: "${answer}" lacks the extended end ${spelled(row.endOfSupport)}`);
        if (row.endOfSupport && row.mainstream.end > row.endOfSupport) disagreements.push(`${where}: mainstream ends after extended support`);
      }
      const esu = ask('esu', { [row.dimension]: row.value })?.answer ?? '';
      if (row.esu) {
        dates += 1;
        if (!esu.includes(spelled(row.esu.end))) disagreements.push(`${where}: "${esu}" lacks the ESU end ${spelled(row.esu.end)}`);
        if (row.endOfSupport && row.esu.end <= row.endOfSupport) disagreements.push(`${where}: ESU ends before extended support`);
      } else if (row.endOfSupport && !/no Extended Security Update/i.test(esu)) disagreements.push(`${where}: "${esu}" should say the table holds no ESU`);
    }
    assert.deepEqual(disagreements, []);
    assert.ok(dates >= 20, `only ${dates} mainstream and ESU dates walked`);
  });

  it('every cell of the Windows matrix: runs or not, from which update level and in which editions, as the verdicts say', () => {
    const disagreements: string[] = [];
    let cells = 0;
    for (const version of kb.valuesFor('version', {})) {
      const updates = kb.valuesFor('update', { version: version.id }).map((u) => u.id);
      for (const windows of kb.valuesFor('windows', { version: version.id })) {
        cells += 1;
        const here = all.filter((c) => c.facts['version'] === version.id && c.facts['windows'] === windows.id);
        const good = here.filter((c) => POSITIVE.has(c.decision.verdict));
        const finding = platformFinding(kb, version.id, windows.id);
        const where = `${version.id} on ${windows.id}`;
        if (finding.runs !== good.length > 0)
          disagreements.push(`${where}: answer says ${finding.runs ? 'runs' : 'does not run'}, ${good.length} of ${here.length} setups are supported`);
        const first = updates.find((u) => good.some((c) => c.facts['update'] === u));
        const expectedFrom = first !== undefined && first !== updates[0] ? first : undefined;
        if (good.length > 0 && finding.fromUpdate !== expectedFrom)
          disagreements.push(`${where}: answer says from ${finding.fromUpdate ?? 'any level'}, the verdicts from ${expectedFrom ?? 'any level'}`);
        const editions = [...new Set(good.map((c) => c.facts['windowsEdition']!))].sort();
        if (JSON.stringify([...finding.editions].sort()) !== JSON.stringify(editions)) disagreements.push(`${where}: editions ${finding.editions} vs ${editions}`);
        // The yes/no answer itself.
        const answer = ask('runs-on', { version: version.id, windows: windows.id });
        if (!answer || answer.answer.startsWith('No:') === good.length > 0) disagreements.push(`${where}: "${answer?.answer}"`);
      }
    }
    assert.deepEqual(disagreements, []);
    assert.ok(cells >= 80, `only ${cells} cells walked`);
  });

  it('every version with a high-availability technology ("windows editions supported for a 2010 dag"): the releases and editions listed are those where the verdicts allow it', () => {
    const disagreements: string[] = [];
    let walked = 0;
    for (const version of kb.valuesFor('version', {})) {
      for (const ha of kb.valuesFor('ha', { version: version.id })) {
        const here = all.filter((c) => c.facts['version'] === version.id && c.facts['ha'] === ha.id);
        const good = here.filter((c) => POSITIVE.has(c.decision.verdict));
        if (good.length === 0) continue;
        walked += 1;
        const answer = ask('windows-releases', { version: version.id, ha: ha.id });
        const where = `${version.id} with ${ha.id}`;
        if (!answer) {
          disagreements.push(`${where}: no answer`);
          continue;
        }
        for (const windows of kb.valuesFor('windows', { version: version.id })) {
          const editions = [...new Set(good.filter((c) => c.facts['windows'] === windows.id).map((c) => c.facts['windowsEdition']!))];
          const line = answer.details.find((d) => d.startsWith(`${kb.dimensions.find((d) => d.id === 'windows')!.values.find((v) => v.id === windows.id)!.label}:`));
          if ((line !== undefined) !== editions.length > 0) disagreements.push(`${where} on ${windows.id}: "${line}" vs ${editions.length} allowed editions`);
          for (const edition of kb.valuesFor('windowsEdition', { version: version.id, windows: windows.id })) {
            const label = edition.label;
            const said = line !== undefined && new RegExp(`\\b${label}\\b`).test(line.split(':')[1] ?? '');
            if (said !== editions.includes(edition.id))
              disagreements.push(`${where} on ${windows.id}: ${label} ${said ? 'listed' : 'left out'}, the verdicts ${editions.includes(edition.id) ? 'allow' : 'refuse'} it`);
          }
        }
      }
    }
    assert.deepEqual(disagreements, []);
    assert.ok(walked >= 10, `only ${walked} versions with a technology walked`);
  });

  it('every node and DAG member limit: the maximum answered is allowed by the check and one more is not', () => {
    const disagreements: string[] = [];
    const unlimited: string[] = [];
    const subjects = new Map<string, Facts>();
    for (const { facts, decision } of all) {
      if (!['cluster', 'ccr', 'dag'].includes(facts['ha']!) || !POSITIVE.has(decision.verdict)) continue;
      const subject: Facts = { version: facts['version']!, ha: facts['ha']!, windows: facts['windows']!, windowsEdition: facts['windowsEdition']! };
      subjects.set(JSON.stringify(subject), subject);
    }
    for (const subject of subjects.values()) {
      const answer = ask('max-nodes', subject);
      const max = Number(/\bup to (\d+)/i.exec(answer?.answer ?? '')?.[1]);
      if (!answer || !Number.isInteger(max)) {
        // No maximum answered: then the table holds none, and the check must allow any count too.
        const any = all.find((c) => POSITIVE.has(c.decision.verdict) && Object.entries(subject).every(([d, v]) => c.facts[d] === v))!;
        if (kb.decide({ ...any.facts, nodes: '64' })?.verdict === 'not-supported')
          disagreements.push(`${describeFacts(subject)}: no maximum in "${answer?.answer}", but the check refuses 64 nodes`);
        else unlimited.push(describeFacts(subject));
        continue;
      }
      // Every supported setup of this subject allows `max` and refuses `max + 1` nodes.
      for (const { facts, decision } of all) {
        if (!POSITIVE.has(decision.verdict) || Object.entries(subject).some(([d, v]) => facts[d] !== v)) continue;
        const at = kb.decide({ ...facts, nodes: String(max) });
        const over = kb.decide({ ...facts, nodes: String(max + 1) });
        if (!at || at.verdict === 'not-supported') disagreements.push(`${describeFacts(facts)}: answered up to ${max}, the check refuses ${max}`);
        if (!over || over.verdict !== 'not-supported') disagreements.push(`${describeFacts(facts)}: answered up to ${max}, the check allows ${max + 1}`);
      }
    }
    assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} disagreements`);
    assert.ok(subjects.size >= 20, `only ${subjects.size} subjects walked`);
    // Every clustered setup has a node limit now (the Exchange 2007 single copy cluster on Windows Server 2008/R2 included).
    assert.deepEqual(unlimited, []);
  });

  // Session 10 (q20): "active/active exchange 2003 cluster max nodes" was answered with the Windows limit alone (up to 8).
  it('every node limit with a cluster mode named: the maximum answered is allowed by the check and one more is not', () => {
    const disagreements: string[] = [];
    let walked = 0;
    for (const version of ['2000', '2003']) {
      for (const clusterMode of ['active-active', 'active-passive']) {
        const answer = ask('max-nodes', { version, ha: 'cluster', clusterMode });
        const maxima = [...(answer?.answer ?? '').matchAll(/\bup to (\d+)/gi)].map((m) => Number(m[1]));
        assert.ok(maxima.length > 0, `${version} ${clusterMode}: ${answer?.answer}`);
        for (const setup of kb.setups({ version, ha: 'cluster', clusterMode })) {
          if (!POSITIVE.has(setup.verdict)) continue;
          walked += 1;
          const over = Math.max(...maxima) + 1;
          const refused = kb.decide({ ...setup.facts, clusterMode, nodes: String(over) });
          if (refused?.verdict !== 'not-supported')
            disagreements.push(`${describeFacts(setup.facts)} ${clusterMode}: answered up to ${Math.max(...maxima)}, the check allows ${over}`);
          if (maxima.length === 1) {
            const at = kb.decide({ ...setup.facts, clusterMode, nodes: String(maxima[0]) });
            if (!at || at.verdict === 'not-supported') disagreements.push(`${describeFacts(setup.facts)} ${clusterMode}: answered up to ${maxima[0]}, the check refuses it`);
          }
        }
      }
    }
    assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} disagreements`);
    assert.ok(walked >= 4, `only ${walked} setups walked`);
    assert.match(ask('max-nodes', { version: '2003', ha: 'cluster', clusterMode: 'active-active' })?.answer ?? '', /^Up to 2 nodes\./);
  });

  it('every Exchange Virtual Server (clustered mailbox server) limit: per version and node count, the maximum answered is allowed by the check and one more is not', () => {
    const disagreements: string[] = [];
    let walked = 0;
    const clustered = all.filter(({ facts, decision }) => facts['ha'] === 'cluster' && POSITIVE.has(decision.verdict));
    for (const version of [...new Set(clustered.map((c) => c.facts['version']!))]) {
      for (let nodes = 2; nodes <= 8; nodes += 1) {
        const withVersion = ask('max-instances', { version, ha: 'cluster', nodes: String(nodes) })?.answer ?? '';
        const max = Number(/^Up to (\d+)/.exec(withVersion)?.[1]);
        // Without a version the answer gives every version's figure: this version's is among them.
        const anyVersion = ask('max-instances', { nodes: String(nodes) })?.answer ?? '';
        if (!Number.isInteger(max)) {
          disagreements.push(`${version}, ${nodes} nodes: no maximum in "${withVersion}"`);
          continue;
        }
        walked += 1;
        const name = kb.dimensions
          .find((d) => d.id === 'version')!
          .values.find((v) => v.id === version)!
          .label.replace(/^Exchange /, '');
        if (!new RegExp(`up to ${max} [^;]*\\b${name}\\b`, 'i').test(anyVersion)) disagreements.push(`${version}, ${nodes} nodes: "${anyVersion}" lacks up to ${max} for ${name}`);
        for (const { facts } of clustered.filter((c) => c.facts['version'] === version)) {
          // Only the setups that allow this many nodes (Windows 2000 Advanced Server stops at two) say anything about instances.
          if (!POSITIVE.has(kb.decide({ ...facts, nodes: String(nodes) })?.verdict ?? '')) continue;
          const at = kb.decide({ ...facts, nodes: String(nodes), instances: String(max) });
          const over = kb.decide({ ...facts, nodes: String(nodes), instances: String(max + 1) });
          if (!at || at.verdict === 'not-supported') disagreements.push(`${describeFacts(facts)}, ${nodes} nodes: answered up to ${max}, the check refuses ${max}`);
          if (!over || over.verdict !== 'not-supported') disagreements.push(`${describeFacts(facts)}, ${nodes} nodes: answered up to ${max}, the check allows ${max + 1}`);
        }
      }
    }
    assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} disagreements`);
    assert.ok(walked >= 21, `only ${walked} version and node counts walked`);
  });

  it('every mounted-database limit: per version and edition, the maximum answered is allowed by the check and one more is not', () => {
    const disagreements: string[] = [];
    let walked = 0;
    for (const version of kb.valuesFor('version', {})) {
      for (const edition of kb.valuesFor('edition', { version: version.id })) {
        const answer = ask('max-databases', { version: version.id, edition: edition.id })?.answer;
        const setups = all.filter(({ facts, decision }) => facts['version'] === version.id && facts['edition'] === edition.id && POSITIVE.has(decision.verdict));
        const max = Number(/\bup to (\d+)/i.exec(answer ?? '')?.[1]);
        if (!Number.isInteger(max)) {
          // No figure answered (Exchange 2000 to 2007): then the check refuses no count either.
          const refused = setups.some(({ facts }) => kb.decide({ ...facts, databases: '250' })?.verdict === 'not-supported');
          if (answer !== undefined || refused) disagreements.push(`${version.id} ${edition.id}: "${answer}", the check ${refused ? 'refuses' : 'allows'} 250`);
          continue;
        }
        walked += 1;
        for (const { facts } of setups) {
          const at = kb.decide({ ...facts, databases: String(max) });
          const over = kb.decide({ ...facts, databases: String(max + 1) });
          if (!at || !POSITIVE.has(at.verdict)) disagreements.push(`${describeFacts(facts)}: answered up to ${max}, the check gives ${at?.verdict} for ${max}`);
          if (!over || over.verdict !== 'not-supported') disagreements.push(`${describeFacts(facts)}: answered up to ${max}, the check gives ${over?.verdict} for ${max + 1}`);
        }
      }
    }
    assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} disagreements`);
    assert.ok(walked >= 10, `only ${walked} version and edition pairs walked`);
  });

  it('every yes/no general rule over a stated fact: the answer is the verdict of every setup it covers', () => {
    const questions: Facts[] = [
      { ha: 'dag', domainController: 'yes' },
      { ha: 'cluster', domainController: 'yes' },
      { ha: 'dag', nlbOnSameServers: 'yes' },
      { ha: 'dag', mixedVersions: 'yes' },
      { ha: 'dag', mixedWindows: 'yes' },
      { version: '2016', serverCore: 'yes' },
      { role: 'edge-transport', ha: 'dag' },
      { version: '2003', role: 'front-end', ha: 'cluster' },
    ];
    const disagreements: string[] = [];
    for (const subject of questions) {
      const answer = ask('rule', subject);
      const verdicts = new Set(
        all
          .filter((c) =>
            Object.entries(subject).every(
              ([d, v]) => kb.dimensions.find((x) => x.id === d)?.kind !== 'asked' || c.facts[d] === v || (d === 'ha' && v === 'cluster' && c.facts[d] === 'cluster'),
            ),
          )
          .map((c) => kb.decide({ ...c.facts, ...subject })?.verdict),
      );
      const says = answer?.answer.split(':')[0];
      const expected = verdicts.size === 1 && verdicts.has('not-supported') ? 'No' : [...verdicts].every((v) => POSITIVE.has(v!)) ? 'Yes' : 'It depends';
      if (!says?.startsWith(expected)) disagreements.push(`${describeFacts(subject)}: "${answer?.answer}" but the check gives ${[...verdicts].join(', ')}`);
    }
    assert.deepEqual(disagreements, []);
  });

  it('every version with every value of a stated fact ("does exchange 2019 support server core"): Yes or No as the check decides the setups of that version that are allowed without it', function () {
    // A guard against a hang, not a speed target: it walks every setup of every version, which took over 3 minutes while other work shared the 2 cores.
    this.timeout(600_000);
    const disagreements: string[] = [];
    let walked = 0;
    // The asked facts of a setup, in the table's order (a key: setups list them in that order).
    const askedIds = kb.dimensions.filter((x) => x.kind === 'asked').map((x) => x.id);
    const asked = (f: Facts) => askedIds.map((d) => f[d] ?? '').join('|');
    const stated = kb.dimensions.filter((d) => d.kind === 'stated' && d.type === 'choice' && d.evaluated !== false);
    for (const version of kb.valuesFor('version', {})) {
      const own = new Set(all.filter((c) => c.facts['version'] === version.id && POSITIVE.has(c.decision.verdict)).map((c) => asked(c.facts)));
      for (const dimension of stated) {
        for (const value of dimension.values) {
          const subject = { version: version.id, [dimension.id]: value.id };
          const answer = ask('rule', subject);
          if (!answer) continue;
          walked += 1;
          // The setups the fact applies to ("active/active" is a cluster's mode, not a single server's), decided by the public path.
          const verdicts = new Set(
            kb
              .setups(subject)
              .filter((o) => own.has(asked(o.facts)))
              .map((o) => kb.decide(o.facts)?.verdict),
          );
          const says = answer.answer.split(/[:,]/)[0];
          const expected = verdicts.size === 1 && verdicts.has('not-supported') ? 'No' : [...verdicts].every((v) => POSITIVE.has(v!)) ? 'Yes' : 'It depends';
          if (says !== expected) disagreements.push(`${describeFacts(subject)}: "${answer.answer}" but the check gives ${[...verdicts].join(', ')}`);
        }
      }
    }
    assert.deepEqual(disagreements, []);
    assert.ok(walked >= 20, `only ${walked} version and stated-fact answers walked`);
  });

  it('every Windows edition of the matrix: "does <version> run on <release> <edition>" says No exactly when no setup in that edition is supported', () => {
    const disagreements: string[] = [];
    for (const version of kb.valuesFor('version', {})) {
      for (const windows of kb.valuesFor('windows', { version: version.id })) {
        for (const edition of kb.valuesFor('windowsEdition', { version: version.id, windows: windows.id })) {
          const good = all.some(
            (c) => c.facts['version'] === version.id && c.facts['windows'] === windows.id && c.facts['windowsEdition'] === edition.id && POSITIVE.has(c.decision.verdict),
          );
          const answer = ask('runs-on', { version: version.id, windows: windows.id, windowsEdition: edition.id });
          if (!answer || answer.answer.startsWith('No:') === good) disagreements.push(`${version.id} on ${windows.id} ${edition.id}: "${answer?.answer}"`);
        }
      }
    }
    assert.deepEqual(disagreements, []);
  });

  it("a version's host-system basis is worked out once per tables, and is what the setups give", () => {
    let walks = 0;
    // Other tables (a new object): their own basis, from their own setups, counted.
    const counted: AnswerTables = { ...kb, setups: (facts) => ((walks += 1), kb.setups(facts)), valuesFor: (id, facts) => kb.valuesFor(id, facts) };
    for (const version of kb.valuesFor('version', {})) {
      const windows = kb.valuesFor('windows', { version: version.id });
      const refusing = windows.flatMap((w) => platformFinding(kb, version.id, w.id).refusedBy);
      const expected = [...new Set(refusing.flatMap((r) => r.basis))];
      const before = walks;
      const basis = platformBasis(counted, version.id);
      assert.deepEqual(basis, expected, version.id);
      assert.ok(walks - before >= windows.length, `${version.id}: worked out from the setups of each Windows release`);
      const walked = walks;
      basis.push('changed by a caller');
      assert.deepEqual(platformBasis(counted, version.id), expected, `${version.id}: a caller's copy, asked again without a walk`);
      assert.equal(walks, walked, version.id);
    }
  });
});
