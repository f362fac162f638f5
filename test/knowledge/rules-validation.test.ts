import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isSeq, parse, parseDocument } from 'yaml';
import { formatProblem, KnowledgeError, type KnowledgeBase, type KnowledgeProblem } from '../../knowledge';
import { FactSpace } from '../../knowledge/rules/fact-space';
import { rulesSchema } from '../../knowledge/loading/schemas';
import { compileRules, decidingRules, describeFacts as describeRuleFacts, matchesAny, WhenMatcher } from '../../knowledge/rules/support-rules';
import type { Condition } from '../../knowledge/rules/conditions';
import { KNOWLEDGE_DIR, KnowledgeCopies, lineContaining, loadCopy, loadProblems, REPO_ROOT, replaceOnce, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const RULES = 'data/support-rules.yaml';
const DIMENSIONS = 'data/fact-dimensions.yaml';
const rulesText = () => readFileSync(join(KNOWLEDGE_DIR, RULES), 'utf8');
const parsedRules = () => parse(rulesText()) as { rules: { id: string }[]; limits: { id: string }[] };
const ruleCount = () => parsedRules().rules.length;
const limitCount = () => parsedRules().limits.length;

/** A complete rule in YAML, with a marker comment on each line so tests can find the line. */
function ruleYaml(id: string, fields: { when: string; verdict?: string; reason?: string; articles?: string; basis?: string; extra?: string }): string {
  return [
    `- id: ${id} # ${id}:id`,
    `  when: ${fields.when} # ${id}:when`,
    `  verdict: ${fields.verdict ?? 'not-supported'} # ${id}:verdict`,
    `  reason: ${fields.reason ?? 'A test rule.'} # ${id}:reason`,
    `  recommendation: Do not. # ${id}:recommendation`,
    `  articles: ${fields.articles ?? '[KB837852]'} # ${id}:articles`,
    `  basis: ${fields.basis ?? '[C1]'} # ${id}:basis`,
    ...(fields.extra ? [`  ${fields.extra} # ${id}:extra`] : []),
    '',
  ].join('\n');
}

/** A complete limit in YAML, marked like {@link ruleYaml}. */
function limitYaml(id: string, fields: { when: string; breaks: string; reason?: string; articles?: string; basis?: string }): string {
  return [
    `- id: ${id} # ${id}:id`,
    `  when: ${fields.when} # ${id}:when`,
    `  breaks: ${fields.breaks} # ${id}:breaks`,
    `  condition: A test condition. # ${id}:condition`,
    `  reason: ${fields.reason ?? 'A test limit.'} # ${id}:reason`,
    `  recommendation: Do not. # ${id}:recommendation`,
    `  articles: ${fields.articles ?? '[EXB-004]'} # ${id}:articles`,
    `  basis: ${fields.basis ?? '[C8b]'} # ${id}:basis`,
    '',
  ].join('\n');
}

/** Adds a rule at the end of `rules:` (just before `limits:`). */
const addRule = (block: string) => (text: string) => replaceOnce(text, '\nlimits:\n', `\n${block}\nlimits:\n`);
/** Adds a limit at the end of the file (the end of `limits:`). */
const addLimit = (block: string) => (text: string) => `${text.replace(/\s*$/, '')}\n\n${block}`;

/** The one problem whose formatted form matches `pattern`. */
function theProblem(problems: readonly KnowledgeProblem[], pattern: RegExp): KnowledgeProblem {
  const found = problems.filter((p) => pattern.test(formatProblem(p)));
  assert.equal(found.length, 1, `expected one problem matching ${pattern} in ${show(problems)}`);
  return found[0]!;
}

// An Exchange 2003 front-end behind NLB on 32-bit Windows Server 2003 Enterprise: "supported" in the bundled table.
const SUPPORTED_FE_NLB = '{ version: "2003", role: front-end, ha: nlb, windows: "2003", windowsEdition: enterprise, architecture: x86 }';
const FE_ON_CLUSTER = '{ version: "2003", role: front-end, ha: cluster }';

describe('support rules validation', () => {
  const copies = new KnowledgeCopies();
  after(() => copies.cleanup());
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  /** Edits the rules of a fresh copy; returns the rules file text and the problems (all about that file). */
  function withRules(edit: (text: string) => string): { dir: string; text: string; file: string; problems: readonly KnowledgeProblem[] } {
    const { dir, file, text } = copies.withEdit(RULES, edit);
    const problems = loadProblems(dir);
    for (const p of problems) assert.equal(resolve(p.file), file, `problem about another file: ${formatProblem(p)}`);
    return { dir, text, file, problems };
  }

  it('the bundled rules and limits compile with no problem', () => {
    assert.equal(kb.rules.length, ruleCount());
    assert.equal(kb.limits.length, limitCount());
    assert.ok(kb.limits.length > 5, 'the table has limits on stated facts');
  });

  describe('where a problem is: file, line and field', () => {
    it('unknown field in a rule (strict schema): its line, and the field names the rule index', () => {
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml('probe-rule', { when: FE_ON_CLUSTER, extra: 'severity: high' })));
      const p = theProblem(problems, /"severity"/);
      assert.equal(p.line, lineContaining(text, 'probe-rule:extra'));
      assert.equal(p.field, `rules.${n}.severity`);
    });

    it('unknown dimension in when: field rules[i] (id).when.<dim>, its line, the known dimensions listed', () => {
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: cluster, os: linux }' })));
      const p = theProblem(problems, /"os"/);
      assert.equal(p.field, `rules[${n}] (probe-rule).when.os`);
      assert.equal(p.line, lineContaining(text, 'probe-rule:when'));
      for (const id of ['version', 'role', 'ha', 'edition', 'windows', 'windowsEdition', 'architecture', 'update']) assert.match(p.message, new RegExp(`\\b${id}\\b`));
    });

    it('unknown value of a known dimension: names the value and lists the known ones', () => {
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: clustre }' })));
      const p = theProblem(problems, /"clustre"/);
      assert.equal(p.field, `rules[${n}] (probe-rule).when.ha`);
      assert.equal(p.line, lineContaining(text, 'probe-rule:when'));
      assert.match(p.message, /\bcluster\b.*\bdag\b.*\bnlb\b/);
    });

    it('unknown value inside a list of alternatives, or inside { not }: field names the alternative', () => {
      const { text, problems } = withRules(
        addRule(
          [
            '- id: probe-alternatives',
            '  when:',
            '    - { version: "2003", role: front-end, ha: cluster }',
            '    - { version: "2003", role: front-end, ha: cluster, windows: ["2003", windows-xp] } # the-bad-one',
            '    - { version: "2003", role: front-end, ha: cluster, windowsEdition: { not: [home] } } # the-bad-not',
            '  verdict: not-supported',
            '  reason: A test rule.',
            '  recommendation: Do not.',
            '  articles: [KB837852]',
            '  basis: [C1]',
            '',
          ].join('\n'),
        ),
      );
      const xp = theProblem(problems, /"windows-xp"/);
      assert.ok(xp.field?.endsWith('(probe-alternatives).when.1.windows'), `field ${xp.field}`);
      assert.equal(xp.line, lineContaining(text, 'the-bad-one'));
      const home = theProblem(problems, /"home"/);
      assert.ok(home.field?.endsWith('(probe-alternatives).when.2.windowsEdition'), `field ${home.field}`);
      assert.equal(home.line, lineContaining(text, 'the-bad-not'));
    });

    it("a stated fact in a rule's when (rules test asked facts only): field when.<fact>, its line", () => {
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml('probe-stated', { when: '{ version: "2003", ha: cluster, domainController: "yes" }' })));
      const p = theProblem(problems, /domainController/);
      assert.equal(p.field, `rules[${n}] (probe-stated).when.domainController`);
      assert.equal(p.line, lineContaining(text, 'probe-stated:when'));
      assert.match(p.message, /stated fact/);
      assert.equal(problems.length, 1, show(problems));
    });

    it("an asked fact in a limit's breaks (limits break on stated facts only): field limits[i] (id).breaks.<fact>, its line", () => {
      const n = limitCount();
      const { text, problems } = withRules(addLimit(limitYaml('probe-limit', { when: '{ version: "2003", ha: cluster }', breaks: '{ edition: standard }' })));
      const p = theProblem(problems, /edition/);
      assert.equal(p.field, `limits[${n}] (probe-limit).breaks.edition`);
      assert.equal(p.line, lineContaining(text, 'probe-limit:breaks'));
      assert.match(p.message, /asked fact/);
      assert.equal(problems.length, 1, show(problems));
    });

    it("a stated fact in a limit's when: field limits[i] (id).when.<fact>", () => {
      const n = limitCount();
      const { text, problems } = withRules(addLimit(limitYaml('probe-limit', { when: '{ version: "2003", nodes: { min: 2 } }', breaks: '{ domainController: "yes" }' })));
      const p = theProblem(problems, /nodes/);
      assert.equal(p.field, `limits[${n}] (probe-limit).when.nodes`);
      assert.equal(p.line, lineContaining(text, 'probe-limit:when'));
    });

    it('a limit whose breaks names no fact, or a number test on a choice fact', () => {
      const empty = withRules(addLimit(limitYaml('probe-empty', { when: '{ version: "2003", ha: cluster }', breaks: '{}' })));
      const p = theProblem(empty.problems, /at least one stated fact/);
      assert.ok(p.field?.endsWith('(probe-empty).breaks'), `field ${p.field}`);
      assert.equal(p.line, lineContaining(empty.text, 'probe-empty:breaks'));
      const wrongTest = withRules(addLimit(limitYaml('probe-min', { when: '{ version: "2003", ha: cluster }', breaks: '{ domainController: { min: 1 } }' })));
      const q = theProblem(wrongTest.problems, /number facts only/);
      assert.ok(q.field?.endsWith('(probe-min).breaks.domainController'), `field ${q.field}`);
    });

    it('unknown article id: field articles.<i>, its line (rules and limits)', () => {
      const rule = withRules(addRule(ruleYaml('probe-rule', { when: FE_ON_CLUSTER, articles: '[KB837852, EXB-099]' })));
      const p = theProblem(rule.problems, /EXB-099/);
      assert.ok(p.field?.includes('probe-rule') && p.field.endsWith('articles.1'), `field ${p.field}`);
      assert.equal(p.line, lineContaining(rule.text, 'probe-rule:articles'));
      const limit = withRules(addLimit(limitYaml('probe-limit', { when: '{ version: "2003", ha: cluster }', breaks: '{ domainController: "yes" }', articles: '[EXB-098]' })));
      const q = theProblem(limit.problems, /EXB-098/);
      assert.equal(q.field, `limits[${limitCount()}] (probe-limit).articles.0`);
      assert.equal(q.line, lineContaining(limit.text, 'probe-limit:articles'));
    });

    it('unknown fact id in basis: field basis.<i>, its line, names facts.yaml (rules and limits)', () => {
      const rule = withRules(addRule(ruleYaml('probe-rule', { when: FE_ON_CLUSTER, basis: '[C1, C99]' })));
      const p = theProblem(rule.problems, /C99/);
      assert.ok(p.field?.includes('probe-rule') && p.field.endsWith('basis.1'), `field ${p.field}`);
      assert.equal(p.line, lineContaining(rule.text, 'probe-rule:basis'));
      assert.match(p.message, /facts\.yaml/);
      const limit = withRules(addLimit(limitYaml('probe-limit', { when: '{ version: "2003", ha: cluster }', breaks: '{ domainController: "yes" }', basis: '[C8b, W99]' })));
      const q = theProblem(limit.problems, /W99/);
      assert.ok(q.field?.endsWith('(probe-limit).basis.1'), `field ${q.field}`);
      assert.equal(q.line, lineContaining(limit.text, 'probe-limit:basis'));
    });

    it('duplicate id: reported on the second one, naming the first (ids are shared by rules and limits)', () => {
      const first = parsedRules().rules[0]!.id;
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml(first, { when: FE_ON_CLUSTER })));
      const p = theProblem(problems, /duplicate/);
      assert.equal(p.line, lineContaining(text, `${first}:id`));
      assert.equal(p.field, `rules[${n}] (${first}).id`);
      assert.match(p.message, /rules\[0\]/);
      // Rules are read before limits, so a limit reusing a rule's new id is the one reported.
      const limitId = parsedRules().limits[0]!.id;
      const again = withRules(addRule(ruleYaml(limitId, { when: FE_ON_CLUSTER })));
      const q = theProblem(again.problems, /duplicate/);
      assert.equal(q.field, `limits[0] (${limitId}).id`);
      assert.match(q.message, new RegExp(`rules\\[${n}\\] \\(${limitId}\\)`));
    });
  });

  describe('coverage over every combination of asked facts', () => {
    it('overlapping rules with different verdicts (neither not-supported): the error names both ids and an example', () => {
      const { text, problems } = withRules(addRule(ruleYaml('probe-fe-nlb-conditions', { when: SUPPORTED_FE_NLB, verdict: 'supported-with-conditions', basis: '[C3]' })));
      const overlaps = problems.filter((p) => /overlap/.test(p.message));
      assert.equal(overlaps.length, 1, show(problems));
      const p = overlaps[0]!;
      const formatted = formatProblem(p);
      assert.match(formatted, /probe-fe-nlb-conditions/);
      assert.match(formatted, /exchange-2003-front-end-behind-nlb-on-windows-2003/);
      assert.match(p.message, /supported-with-conditions vs supported/);
      assert.match(p.message, /version=2003, role=front-end, ha=nlb, edition=\S+, windows=2003, windowsEdition=enterprise, architecture=x86/, 'gives an example combination');
      assert.equal(p.line, lineContaining(text, 'probe-fe-nlb-conditions:id'));
    });

    it('a not-supported rule overlapping a supported one is no conflict: it dominates', () => {
      const dir = copies.withEdit(RULES, addRule(ruleYaml('probe-blocks-fe-nlb', { when: SUPPORTED_FE_NLB, basis: '[C3]' }))).dir;
      const probe = loadCopy(dir);
      const decision = probe.decide({ version: '2003', role: 'front-end', ha: 'nlb', edition: 'standard', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86' });
      assert.equal(decision?.verdict, 'not-supported');
      assert.deepEqual(
        decision.rules.map((r) => r.id),
        ['probe-blocks-fe-nlb'],
      );
      // The combinations it takes over move from "supported" to "not-supported" (two Exchange editions).
      assert.equal(probe.ruleStatistics.perVerdict.supported, kb.ruleStatistics.perVerdict.supported - 2);
      assert.equal(probe.ruleStatistics.combinations, kb.ruleStatistics.combinations);
    });

    it('overlapping rules that agree are accepted, and both decide', () => {
      const dir = copies.withEdit(RULES, addRule(ruleYaml('front-end-cluster-again', { when: FE_ON_CLUSTER }))).dir;
      const decision = loadCopy(dir).decide({ version: '2003', role: 'front-end', ha: 'cluster' });
      assert.equal(decision?.verdict, 'not-supported');
      assert.deepEqual(decision.rules.map((r) => r.id).sort(), ['front-end-cluster-again', 'front-end-on-cluster']);
    });

    it('a gap (a deleted fallback): "gap: ..." for exactly what only that fallback decided', () => {
      const victim = 'exchange-2013-rest';
      const document = parseDocument(rulesText());
      const rules = document.get('rules', true);
      assert.ok(isSeq(rules));
      const index = rules.items.findIndex((item) => isMap(item) && item.get('id') === victim);
      assert.ok(index >= 0, `${victim} is in the rules`);
      rules.items.splice(index, 1);
      const { problems } = withRules(() => String(document));
      const gaps = problems.filter((p) => p.message.startsWith('gap:'));
      assert.ok(gaps.length > 0, show(problems));
      assert.equal(gaps.length, problems.length, 'only gaps are reported');
      let counted = 0;
      for (const gap of gaps) {
        const more = /^gap: (\d+) more/.exec(gap.message);
        if (more) counted += Number(more[1]);
        else {
          assert.match(gap.message, /^gap: no rule decides version=2013, /);
          counted += 1;
        }
      }
      // What the fallback decided alone in the bundled table.
      const space = new FactSpace(kb.dimensions);
      let alone = 0;
      for (const facts of space.completions({ version: '2013' })) {
        const ids = kb.decide(facts)!.rules.map((r) => r.id);
        if (ids.length === 1 && ids[0] === victim) alone += 1;
      }
      assert.ok(alone > 0);
      assert.equal(counted, alone);
    });

    it('a fallback rule that decides anything but "not-covered": field fallback, its line', () => {
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml('probe-fallback', { when: '{ version: "2013" }', verdict: 'supported', basis: '[D-6]', extra: 'fallback: true' })));
      const p = theProblem(problems, /fallback/);
      assert.equal(p.field, `rules[${n}] (probe-fallback).fallback`);
      assert.equal(p.line, lineContaining(text, 'probe-fallback:extra'));
      assert.match(p.message, /not-covered/);
    });

    it('a "not-covered" rule that does not list the sources read and the question they leave open: fields sourcesRead and unanswered', () => {
      const n = ruleCount();
      const { problems } = withRules(addRule(ruleYaml('probe-open', { when: '{ version: "2013", role: edge-transport, ha: nlb }', verdict: 'not-covered', basis: '[D-6]' })));
      const read = theProblem(problems, /probe-open\)\.sourcesRead/);
      assert.equal(read.field, `rules[${n}] (probe-open).sourcesRead`);
      assert.match(read.message, /sources read/);
      const open = theProblem(problems, /probe-open\)\.unanswered/);
      assert.match(open.message, /question none of its sources answers/);
    });

    it('sources read on a rule that decides something else than "not-covered": field sourcesRead', () => {
      const n = ruleCount();
      const { problems } = withRules(addRule(ruleYaml('probe-read', { when: FE_ON_CLUSTER, basis: '[C1]', extra: 'sourcesRead: [KB837852]' })));
      const p = theProblem(problems, /probe-read/);
      assert.equal(p.field, `rules[${n}] (probe-read).sourcesRead`);
      assert.match(p.message, /only a "not-covered" rule/);
    });

    it('every bundled "not-covered" rule says in its reason which sources were read and what none of them answers', () => {
      const open = kb.rules.filter((r) => r.verdict === 'not-covered');
      assert.ok(open.length >= 5, `${open.length} not-covered rules`);
      for (const rule of open) {
        assert.ok((rule.sourcesRead ?? []).length > 0 && rule.unanswered, rule.id);
        assert.match(rule.reason, /Sources read: .+\. None of them answers: /, rule.id);
        for (const source of rule.sourcesRead!) assert.ok(rule.reason.includes(source), `${rule.id}: ${source}`);
      }
    });

    it('a rule that applies to no combination that can occur (a front-end of Exchange 2016): field when, its line', () => {
      const n = ruleCount();
      const { text, problems } = withRules(addRule(ruleYaml('probe-nowhere', { when: '{ version: "2016", role: front-end }' })));
      const p = theProblem(problems, /probe-nowhere/);
      assert.equal(p.field, `rules[${n}] (probe-nowhere).when`);
      assert.equal(p.line, lineContaining(text, 'probe-nowhere:when'));
      assert.match(p.message, /no combination/);
    });

    it('a limit that applies to no combination that can occur (an Exchange 2016 server cluster): field when, its line', () => {
      const n = limitCount();
      const { text, problems } = withRules(addLimit(limitYaml('probe-nowhere', { when: '{ version: "2016", ha: cluster }', breaks: '{ domainController: "yes" }' })));
      const p = theProblem(problems, /probe-nowhere/);
      assert.equal(p.field, `limits[${n}] (probe-nowhere).when`);
      assert.equal(p.line, lineContaining(text, 'probe-nowhere:when'));
      assert.match(p.message, /no combination/);
    });
  });

  describe('how sure the facts are', () => {
    it('a rule resting on a recalled fact may not decide "supported", even when its reason says "recalled"', () => {
      for (const recalled of ['F4', 'A-7', 'E7-5']) {
        const id = `probe-recalled-${recalled.toLowerCase()}`;
        const { text, problems } = withRules(
          addRule(ruleYaml(id, { when: SUPPORTED_FE_NLB, verdict: 'supported', reason: 'Based on a recalled fact; confirm in KB326276.', basis: `[C3, ${recalled}]` })),
        );
        assert.equal(problems.length, 1, show(problems));
        const p = problems[0]!;
        assert.ok(p.field?.includes(id) && p.field.endsWith('verdict'), `field ${p.field}`);
        assert.equal(p.line, lineContaining(text, `${id}:verdict`));
        assert.match(p.message, /recalled/);
      }
    });

    it('a rule or limit resting on a recalled fact must say "recalled" in its reason', () => {
      const rule = withRules(addRule(ruleYaml('probe-silent', { when: FE_ON_CLUSTER, reason: 'Front-ends are never clustered.', basis: '[C1, E7-6]' })));
      assert.equal(rule.problems.length, 1, show(rule.problems));
      assert.ok(rule.problems[0]!.field?.endsWith('(probe-silent).reason'), `field ${rule.problems[0]!.field}`);
      assert.equal(rule.problems[0]!.line, lineContaining(rule.text, 'probe-silent:reason'));
      const limit = withRules(addLimit(limitYaml('probe-silent-limit', { when: '{ version: "2007", ha: cluster }', breaks: '{ nodes: { min: 9 } }', basis: '[E7-8]' })));
      assert.equal(limit.problems.length, 1, show(limit.problems));
      assert.ok(limit.problems[0]!.field?.endsWith('(probe-silent-limit).reason'), `field ${limit.problems[0]!.field}`);
      assert.match(limit.problems[0]!.message, /recalled/);
    });

    it('a recalled rule that says so and is not "supported" is accepted, and marked', () => {
      const { dir } = copies.withEdit(
        RULES,
        addRule(ruleYaml('probe-honest', { when: FE_ON_CLUSTER, reason: 'Based on a recalled fact; confirm in KB837852.', basis: '[C1, F4]' })),
      );
      const probe = loadCopy(dir);
      assert.equal(probe.rules.find((r) => r.id === 'probe-honest')?.restsOnRecalledFact, true);
    });

    it('a rule or limit resting on a read-3p fact must say "third-party" in its reason', () => {
      for (const thirdParty of ['L3', 'E7-3', 'M-10']) {
        const id = `probe-3p-${thirdParty.toLowerCase()}`;
        const { text, problems } = withRules(addRule(ruleYaml(id, { when: FE_ON_CLUSTER, basis: `[C1, ${thirdParty}]` })));
        assert.equal(problems.length, 1, show(problems));
        assert.ok(problems[0]!.field?.endsWith(`(${id}).reason`), `field ${problems[0]!.field}`);
        assert.equal(problems[0]!.line, lineContaining(text, `${id}:reason`));
        assert.match(problems[0]!.message, /third-party/);
      }
      const limit = withRules(addLimit(limitYaml('probe-3p-limit', { when: '{ version: "2007", ha: ccr }', breaks: '{ nodes: { min: 3 } }', basis: '[E7-7]' })));
      assert.equal(limit.problems.length, 1, show(limit.problems));
      assert.ok(limit.problems[0]!.field?.endsWith('(probe-3p-limit).reason'));
      const { dir } = copies.withEdit(RULES, addRule(ruleYaml('probe-3p-honest', { when: FE_ON_CLUSTER, reason: 'According to third-party sources, no.', basis: '[C1, E7-3]' })));
      assert.equal(loadCopy(dir).rules.find((r) => r.id === 'probe-3p-honest')?.restsOnThirdPartyFact, true);
    });

    it('the bundled rules and limits are marked exactly by their basis', () => {
      const status = new Map(kb.facts.map((f) => [f.id, f.status]));
      for (const item of [...kb.rules, ...kb.limits]) {
        const recalled = item.basis.some((f) => status.get(f) === 'recalled');
        assert.equal(item.restsOnRecalledFact, recalled, item.id);
        if (recalled) assert.match(item.reason, /\brecalled\b/i, item.id);
        if (recalled && item.kind === 'rule') assert.notEqual(item.verdict, 'supported', item.id);
        if (item.basis.some((f) => status.get(f) === 'read-3p')) assert.match(item.reason, /third-party/i, item.id);
      }
    });
  });

  describe('reporting', () => {
    it('the KnowledgeError message lists every problem as "file:line field: message"', () => {
      const { dir, file } = copies.withEdit(RULES, addRule(ruleYaml('probe-two', { when: FE_ON_CLUSTER, articles: '[EXB-098]', basis: '[C98]' })));
      let error: unknown;
      try {
        loadCopy(dir);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof KnowledgeError);
      assert.equal(error.problems.length, 2, show(error.problems));
      const [head, ...lines] = error.message.split('\n');
      assert.match(head!, /\(2 problems\)/);
      assert.equal(lines.length, 2);
      for (const [i, line] of lines.entries()) {
        const p: KnowledgeProblem = error.problems[i]!;
        assert.equal(line.trim(), `${p.file}:${p.line} ${p.field}: ${p.message}`);
        const m = /^\s+(\S+):(\d+) (rules\[\d+\] \(probe-two\)\.\S+): (.+)$/.exec(line);
        assert.ok(m, `not in file:line field: message form: ${line}`);
        assert.equal(resolve(m[1]!), file);
      }
    });

    it('formatProblem leaves out what it does not know', () => {
      assert.equal(formatProblem({ file: 'a.yaml', message: 'broken' }), 'a.yaml broken');
      assert.equal(formatProblem({ file: 'a.yaml', line: 3, message: 'broken' }), 'a.yaml:3 broken');
      assert.equal(formatProblem({ file: 'a.yaml', line: 3, field: 'x.y', message: 'broken' }), 'a.yaml:3 x.y: broken');
    });
  });

  describe('the number of combinations checked', () => {
    type Test = string | number | (string | number)[] | { not: string | (string | number)[] };
    type Condition = Record<string, Test>;
    interface RawValue {
      id: string | number;
      alias?: boolean;
      appliesWhen?: Condition;
    }
    interface RawDimension {
      id: string;
      kind?: string;
      appliesWhen?: Condition;
      values: RawValue[];
    }

    /** Counts valid combinations straight from fact-dimensions.yaml: its own reading of appliesWhen, not the FactSpace's. */
    function countCombinations(dimensions: RawDimension[]): number {
      const holds = (condition: Condition | undefined, facts: Record<string, string>) =>
        Object.entries(condition ?? {}).every(([d, test]) => {
          const value = facts[d];
          if (value === undefined) return false;
          if (typeof test === 'object' && !Array.isArray(test)) return ![test.not].flat().map(String).includes(value);
          return [test].flat().map(String).includes(value);
        });
      const asked = dimensions.filter((d) => (d.kind ?? 'asked') === 'asked');
      // Every condition of this table names only earlier dimensions, so one pass in table order works.
      const count = (index: number, facts: Record<string, string>): number => {
        if (index === asked.length) return 1;
        const d = asked[index]!;
        if (d.appliesWhen && !holds(d.appliesWhen, facts)) return count(index + 1, facts);
        let total = 0;
        for (const v of d.values) {
          if (v.alias || (v.appliesWhen && !holds(v.appliesWhen, facts))) continue;
          total += count(index + 1, { ...facts, [d.id]: String(v.id) });
        }
        return total;
      };
      return count(0, {});
    }

    it('ruleStatistics.combinations equals the count worked out from the dimensions table', () => {
      const raw = parse(readFileSync(join(KNOWLEDGE_DIR, DIMENSIONS), 'utf8')) as RawDimension[];
      const order = raw.filter((d) => (d.kind ?? 'asked') === 'asked').map((d) => d.id);
      assert.deepEqual(order, ['version', 'role', 'ha', 'edition', 'windows', 'windowsEdition', 'architecture', 'update']);
      const expected = countCombinations(raw);
      assert.ok(expected > 1000, `${expected}`);
      assert.equal(kb.ruleStatistics.combinations, expected);
      const perVerdict = kb.ruleStatistics.perVerdict;
      assert.equal(
        Object.values(perVerdict).reduce((a, b) => a + b, 0),
        expected,
        'every combination gets exactly one verdict',
      );
      for (const verdict of ['supported', 'supported-with-conditions', 'not-supported', 'not-covered'] as const) assert.ok(perVerdict[verdict] > 0, verdict);
    });

    it('the count follows the table: a new Windows edition for every release adds its combinations', () => {
      // Every Exchange version has a fallback rule, so a value no rule names leaves no gap; the count grows.
      const edit = (text: string) =>
        replaceOnce(text, '    - id: essentials\n', '    - id: storage-server\n      label: Storage Server\n      names: [windows storage server]\n    - id: essentials\n');
      const { dir, text } = copies.withEdit(DIMENSIONS, edit);
      const probe = loadCopy(dir);
      assert.equal(probe.ruleStatistics.combinations, countCombinations(parse(text) as RawDimension[]));
      assert.ok(probe.ruleStatistics.combinations > kb.ruleStatistics.combinations);
      assert.equal(
        probe.decide({ version: '2003', role: 'front-end', ha: 'nlb', edition: 'enterprise', windows: '2003', windowsEdition: 'storage-server', architecture: 'x86' })?.verdict,
        'not-covered',
      );
    });
  });

  describe('compileRules directly', () => {
    let inputs: ReturnType<typeof rulesSchema.parse>;
    let articleIds: Set<string>;
    let space: FactSpace;
    before(() => {
      inputs = rulesSchema.parse(parse(rulesText()));
      articleIds = new Set(kb.articles.map((a) => a.id));
      space = new FactSpace(kb.dimensions);
    });

    it('compiles the bundled rules with no problem, and keeps their order', () => {
      const { rules, limits, problems, statistics } = compileRules(inputs, space, kb.facts, articleIds, 'rules.yaml', () => undefined);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        rules.map((r) => r.id),
        inputs.rules.map((r) => r.id),
      );
      assert.deepEqual(
        limits.map((l) => l.id),
        inputs.limits.map((l) => l.id),
      );
      assert.equal(statistics?.combinations, kb.ruleStatistics.combinations);
    });

    it('asks the locator for the line of the offending field', () => {
      const broken = { ...inputs, rules: inputs.rules.map((r, i) => (i === 2 ? { ...r, basis: [...r.basis, 'C77'] } : r)) };
      const calls: PropertyKey[][] = [];
      const { problems } = compileRules(broken, space, kb.facts, articleIds, 'rules.yaml', (...path) => {
        calls.push(path);
        return 1000 + (path[1] as number);
      });
      assert.equal(problems.length, 1, show(problems));
      assert.equal(problems[0]!.line, 1002);
      assert.deepEqual(calls.at(-1), ['rules', 2, 'basis', broken.rules[2]!.basis.length - 1]);
    });

    it('finds a gap when the Exchange version gains a value no rule mentions (with a Mailbox role, so it has combinations)', () => {
      const dimensions = kb.dimensions.map((d) => {
        if (d.id === 'version')
          return {
            ...d,
            values: [...d.values, { id: '2028', label: 'Exchange 2028', names: [], acronyms: [], answers: [], elsewhere: [], implies: {}, namesStating: {}, alias: false }],
          };
        if (d.id !== 'role') return d;
        return { ...d, values: d.values.map((v) => (v.id === 'mailbox' ? { ...v, appliesWhen: { version: [...(v.appliesWhen!['version'] as string[]), '2028'] } } : v)) };
      });
      const { problems } = compileRules(inputs, new FactSpace(dimensions), kb.facts, articleIds, 'rules.yaml', () => undefined);
      assert.ok(
        problems.some((p) => /^gap: no rule decides version=2028/.test(p.message)),
        show(problems),
      );
    });

    it("the walk's matcher answers as matchesAny for every rule and limit, over every combination of two versions, and for a test that reads another fact", () => {
      const { rules, limits } = compileRules(inputs, space, kb.facts, articleIds, 'rules.yaml', () => undefined);
      // A bound naming another fact cannot be told by value alone: its alternative is checked in full.
      const reading: Condition = [{ dimension: 'version', reads: ['role'], check: (value, facts) => value === '2016' && facts['role'] === 'mailbox' }];
      const whens = [...rules, ...limits].map((item) => item.when).concat([[reading], [[], reading], [reading, ...rules[0]!.when]]);
      const matcher = new WhenMatcher(whens, space);
      let holding = 0;
      for (const version of ['2000', 'se']) {
        // The matcher keeps what the walk's leading facts gave: fed in the walk's order, as the validation feeds it.
        space.forEachCompletion({ version }, (facts) => {
          matcher.visit(facts);
          whens.forEach((when, index) => {
            const expected = matchesAny(when, facts);
            if (expected) holding += 1;
            if (matcher.holds(index, facts) !== expected) assert.fail(`when ${index} for ${JSON.stringify(facts)}: matchesAny says ${expected}`);
          });
        });
      }
      assert.ok(holding > 1000, `${holding} matches: the combinations were walked`);
    });

    it('reports conflicts and gaps in the order a plain walk finds them (rules matched one by one), then the limits that never apply', () => {
      const supported = inputs.rules.find((r) => r.verdict === 'supported')!;
      // Exchange 2000 and 2003 lose their fallback (gaps) and gain rules that disagree with others (conflicts);
      // the walk takes the versions in table order, so every problem about a combination comes from these two.
      const early = ['2000', '2003'];
      const edited: typeof inputs = {
        ...inputs,
        rules: [
          ...inputs.rules.filter((r) => r.id !== 'exchange-2000-2003-rest'),
          { ...supported, id: 'probe-a', verdict: 'supported-with-conditions', when: { version: '2003', ha: 'nlb' } },
          { ...supported, id: 'probe-b', when: { version: '2000', role: 'front-end' } },
          {
            ...supported,
            id: 'probe-c',
            verdict: 'supported-with-conditions',
            when: [
              { version: '2003', architecture: 'x86' },
              { version: '2000', ha: 'cluster' },
            ],
          },
        ],
        limits: [...inputs.limits, { ...inputs.limits[0]!, id: 'probe-never', when: { version: '2003', role: 'mailbox' } }],
      };
      assert.ok(edited.rules.length === inputs.rules.length + 2);
      const { rules, problems, outcomes } = compileRules(edited, space, kb.facts, articleIds, 'rules.yaml', () => undefined);
      assert.deepEqual(
        space.dimensions
          .find((d) => d.kind === 'asked')!
          .values.slice(0, 2)
          .map((v) => v.id),
        early,
      );
      // The reference: each combination of those versions in the walk's order, every rule matched on its own.
      const expected: string[] = [];
      const reported = new Set<string>();
      let gaps = 0;
      let decided = 0;
      for (const version of early) {
        for (const facts of space.completions({ version })) {
          const matching = decidingRules(
            rules,
            rules.flatMap((rule, index) => (matchesAny(rule.when, facts) ? [index] : [])),
          );
          for (const a of matching)
            for (const b of matching) {
              if (a >= b || rules[a]!.verdict === rules[b]!.verdict || reported.has(`${a}/${b}`)) continue;
              reported.add(`${a}/${b}`);
              expected.push(`overlap ${b} ${a} ${describeRuleFacts(facts, space.dimensions)}`);
            }
          if (matching.length === 0) {
            gaps += 1;
            if (gaps <= 5) expected.push(`gap ${describeRuleFacts(facts, space.dimensions)}`);
            continue;
          }
          decided += 1;
          assert.deepEqual(outcomes.get(space.key(facts)), matching, describeRuleFacts(facts, space.dimensions));
        }
      }
      expected.push(`gap ${gaps - 5} more`, 'never probe-never');
      const got = problems.map((p) => {
        const overlap = /^overlaps rules\[(\d+)\].* e\.g\. for (.*)$/.exec(p.message);
        if (overlap) return `overlap ${/^rules\[(\d+)\]/.exec(p.field!)![1]} ${overlap[1]} ${overlap[2]}`;
        const gap = /^gap: (?:no rule decides (.*)|(\d+) more combinations)/.exec(p.message);
        if (gap) return gap[1] !== undefined ? `gap ${gap[1]}` : `gap ${gap[2]} more`;
        return `${/applies to no combination/.test(p.message) ? 'never' : p.message} ${/\((.*)\)/.exec(p.field!)![1]}`;
      });
      assert.deepEqual(got, expected);
      assert.ok(reported.size >= 3 && gaps > 5, show(problems));
      assert.equal(outcomes.size - decided, kb.ruleStatistics.combinations - space.completions({ version: '2000' }).length - space.completions({ version: '2003' }).length);
    });
  });

  describe('npm run kb:check (the CLI)', () => {
    const cli = join(REPO_ROOT, 'dist', 'knowledge', 'cli', 'kb-check.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60000 });

    it('exits 1 on a bad knowledge dir and prints file:line of each problem on stderr', () => {
      const { dir, text } = copies.withEdit(RULES, addRule(ruleYaml('probe-cli', { when: FE_ON_CLUSTER, basis: '[C1, C99]' })));
      const result = run(dir);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`support-rules\\.yaml:${lineContaining(text, 'probe-cli:basis')} rules\\[\\d+\\] \\(probe-cli\\)\\.basis\\.1: .*C99`));
    });

    it('exits 0 on the bundled knowledge', () => {
      const result = run();
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`Knowledge base OK: ${kb.articles.length} articles, ${kb.rules.length} rules`));
    });

    it('exits 0 on a clean copy given as an argument', () => {
      const result = run(copies.create());
      assert.equal(result.status, 0, result.stderr);
    });
  });
});
