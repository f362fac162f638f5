import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseDocument, isMap, isSeq } from 'yaml';
import { formatProblem, KnowledgeError, loadKnowledgeBase, type KnowledgeProblem } from '../../knowledge';
import { compileRules } from '../../knowledge/support-rules';
import { rulesSchema } from '../../knowledge/schemas';
import { KNOWLEDGE_DIR, KnowledgeCopies, lineContaining, loadProblems, REPO_ROOT, show } from './helpers';

const RULES = 'data/support-rules.yaml';
const rulesText = () => readFileSync(join(KNOWLEDGE_DIR, RULES), 'utf8');
const ruleCount = () => (parse(rulesText()) as unknown[]).length;

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

const append = (block: string) => (text: string) => `${text.replace(/\s*$/, '')}\n\n${block}`;

/** The one problem whose formatted form matches `pattern`. */
function theProblem(problems: readonly KnowledgeProblem[], pattern: RegExp): KnowledgeProblem {
  const found = problems.filter((p) => pattern.test(formatProblem(p)));
  assert.equal(found.length, 1, `expected one problem matching ${pattern} in ${show(problems)}`);
  return found[0]!;
}

describe('support rules validation', () => {
  const copies = new KnowledgeCopies();
  after(() => copies.cleanup());

  /** Appends `block` to the rules of a fresh copy; returns the rules file text and the problems. */
  function withRules(edit: (text: string) => string): { dir: string; text: string; file: string; problems: readonly KnowledgeProblem[] } {
    const { dir, file, text } = copies.withEdit(RULES, edit);
    const problems = loadProblems(dir);
    for (const p of problems) assert.equal(resolve(p.file), file, `problem about another file: ${formatProblem(p)}`);
    return { dir, text, file, problems };
  }

  it('the bundled rules compile with no problem', () => {
    const kb = loadKnowledgeBase(KNOWLEDGE_DIR);
    assert.equal(kb.rules.length, ruleCount());
  });

  it('unknown field in a rule (strict schema): its line, and the message names it', () => {
    const n = ruleCount();
    const { text, problems } = withRules(append(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: cluster }', extra: 'severity: high' })));
    const p = theProblem(problems, /"severity"/);
    assert.equal(p.line, lineContaining(text, 'probe-rule:extra'));
    assert.match(formatProblem(p), new RegExp(`\\b${n}\\b`), 'the field says which rule');
  });

  it('unknown dimension in when: field rules[i] (id).when.<dim>, its line', () => {
    const n = ruleCount();
    const { text, problems } = withRules(append(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: cluster, os: linux }' })));
    const p = theProblem(problems, /"os"/);
    assert.ok(p.field?.includes(`rules[${n}]`) && p.field.includes('probe-rule') && p.field.endsWith('when.os'), `field ${p.field}`);
    assert.equal(p.line, lineContaining(text, 'probe-rule:when'));
    assert.match(p.message, /version, role, ha, edition, windows/, 'lists the known dimensions');
  });

  it('unknown value of a known dimension: names the value, its line', () => {
    const n = ruleCount();
    const { text, problems } = withRules(append(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: clustre }' })));
    const p = theProblem(problems, /"clustre"/);
    assert.ok(p.field?.includes(`rules[${n}]`) && p.field.endsWith('when.ha'), `field ${p.field}`);
    assert.equal(p.line, lineContaining(text, 'probe-rule:when'));
    assert.match(p.message, /cluster, nlb, none/);
  });

  it('unknown value inside a list of alternatives: field names the alternative', () => {
    const { text, problems } = withRules(
      append(
        [
          '- id: probe-alternatives',
          '  when:',
          '    - { version: "2003", role: front-end, ha: cluster }',
          '    - { version: "2003", role: front-end, ha: cluster, windows: [windows-server-2003-enterprise, windows-xp] } # the-bad-one',
          '  verdict: not-supported',
          '  reason: A test rule.',
          '  recommendation: Do not.',
          '  articles: [KB837852]',
          '  basis: [C1]',
          '',
        ].join('\n'),
      ),
    );
    const p = theProblem(problems, /"windows-xp"/);
    assert.ok(p.field?.endsWith('when.1.windows'), `field ${p.field}`);
    assert.equal(p.line, lineContaining(text, 'the-bad-one'));
  });

  it('unknown article id: field articles.<i>, its line', () => {
    const { text, problems } = withRules(append(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: cluster }', articles: '[KB837852, EXB-099]' })));
    const p = theProblem(problems, /EXB-099/);
    assert.ok(p.field?.includes('probe-rule') && p.field.endsWith('articles.1'), `field ${p.field}`);
    assert.equal(p.line, lineContaining(text, 'probe-rule:articles'));
  });

  it('unknown fact id in basis: field basis.<i>, its line', () => {
    const { text, problems } = withRules(append(ruleYaml('probe-rule', { when: '{ version: "2003", role: front-end, ha: cluster }', basis: '[C1, C99]' })));
    const p = theProblem(problems, /C99/);
    assert.ok(p.field?.includes('probe-rule') && p.field.endsWith('basis.1'), `field ${p.field}`);
    assert.equal(p.line, lineContaining(text, 'probe-rule:basis'));
    assert.match(p.message, /facts\.yaml/);
  });

  it('duplicate rule id: reported on the second one, naming the first', () => {
    const first = (parse(rulesText()) as { id: string }[])[0]!.id;
    const n = ruleCount();
    const { text, problems } = withRules(append(ruleYaml(first, { when: '{ version: "2003", role: front-end, ha: cluster }' })));
    const p = theProblem(problems, /duplicate/);
    assert.equal(p.line, lineContaining(text, `${first}:id`));
    assert.ok(p.field?.includes(`rules[${n}]`), `field ${p.field}`);
    assert.match(p.message, /rules\[0\]/);
  });

  it('overlapping rules with different verdicts: the error names both rule ids', () => {
    const { text, problems } = withRules(
      append(ruleYaml('front-end-cluster-is-fine', { when: '{ version: "2003", role: front-end, ha: cluster }', verdict: 'supported', basis: '[C3]' })),
    );
    const overlaps = problems.filter((p) => /overlap/.test(p.message));
    assert.equal(overlaps.length, 1, show(problems));
    const p = overlaps[0]!;
    const formatted = formatProblem(p);
    assert.match(formatted, /front-end-cluster-is-fine/);
    assert.match(formatted, /front-end-on-cluster/);
    assert.match(formatted, /supported/);
    assert.match(p.message, /version=2003, role=front-end, ha=cluster/, 'gives an example combination');
    assert.equal(p.line, lineContaining(text, 'front-end-cluster-is-fine:id'));
  });

  it('overlapping rules that agree are accepted', () => {
    const dir = copies.withEdit(RULES, append(ruleYaml('front-end-cluster-again', { when: '{ version: "2003", role: front-end, ha: cluster }' }))).dir;
    const kb = loadKnowledgeBase(dir);
    const decision = kb.decide({ version: '2003', role: 'front-end', ha: 'cluster' });
    assert.equal(decision?.verdict, 'not-supported');
    assert.deepEqual(decision.rules.map((r) => r.id).sort(), ['front-end-cluster-again', 'front-end-on-cluster']);
  });

  it('a gap (a deleted rule): "gap: no rule decides ..." for what only that rule decided', () => {
    const kb = loadKnowledgeBase(KNOWLEDGE_DIR);
    const victim = 'exchange-2007-mailbox-with-nlb';
    const document = parseDocument(rulesText());
    assert.ok(isSeq(document.contents));
    const items = document.contents.items;
    const index = items.findIndex((item) => isMap(item) && (item.toJSON() as { id?: unknown }).id === victim);
    assert.ok(index >= 0, `${victim} is in the rules`);
    items.splice(index, 1);
    const { problems } = withRules(() => String(document));
    const gaps = problems.filter((p) => p.message.startsWith('gap:'));
    assert.ok(gaps.length > 0, show(problems));
    assert.equal(gaps.length, problems.length, 'only gaps are reported');
    // What the victim decided: 2007 back-ends behind NLB, any edition, any Windows.
    const editions = kb.dimensions.find((d) => d.id === 'edition')!.values.length;
    const windows = kb.dimensions.find((d) => d.id === 'windows')!.values.length;
    let counted = 0;
    for (const gap of gaps) {
      const more = /^gap: (\d+) more/.exec(gap.message);
      if (more) {
        counted += Number(more[1]);
        continue;
      }
      assert.match(gap.message, /^gap: no rule decides version=2007, role=back-end, ha=nlb, edition=\S+, windows=\S+$/);
      counted += 1;
    }
    assert.equal(counted, editions * windows);
  });

  it('a rule resting on a recalled fact may not decide "supported"', () => {
    for (const recalled of ['F4', 'D-8']) {
      const id = `probe-recalled-${recalled.toLowerCase()}`;
      const { text, problems } = withRules(
        append(
          ruleYaml(id, {
            // Agrees with the bundled rule for these facts, so only the recalled fact is wrong.
            when: '{ version: "2003", role: front-end, ha: nlb, windows: windows-server-2003-enterprise }',
            verdict: 'supported',
            reason: 'Based on a recalled fact; confirm in KB326276.',
            basis: `[C3, ${recalled}]`,
          }),
        ),
      );
      assert.equal(problems.length, 1, show(problems));
      const p = problems[0]!;
      assert.ok(p.field?.includes(id) && p.field.endsWith('verdict'), `field ${p.field}`);
      assert.equal(p.line, lineContaining(text, `${id}:verdict`));
      assert.match(p.message, /recalled/);
    }
  });

  it('a rule resting on a recalled fact must say "recalled" in its reason', () => {
    const { text, problems } = withRules(
      append(ruleYaml('probe-silent', { when: '{ version: "2003", role: front-end, ha: cluster }', reason: 'Front-ends are never clustered.', basis: '[C1, D-8]' })),
    );
    assert.equal(problems.length, 1, show(problems));
    const p = problems[0]!;
    assert.ok(p.field?.includes('probe-silent') && p.field.endsWith('reason'), `field ${p.field}`);
    assert.equal(p.line, lineContaining(text, 'probe-silent:reason'));
  });

  it('a recalled rule that says so and is not "supported" is accepted', () => {
    const { dir } = copies.withEdit(
      RULES,
      append(ruleYaml('probe-honest', { when: '{ version: "2003", role: front-end, ha: cluster }', reason: 'Based on a recalled fact; confirm in KB837852.', basis: '[C1, F4]' })),
    );
    const kb = loadKnowledgeBase(dir);
    assert.equal(kb.rules.find((r) => r.id === 'probe-honest')?.restsOnRecalledFact, true);
  });

  it('the KnowledgeError message lists every problem as "file:line field: message"', () => {
    const { dir, file } = copies.withEdit(
      RULES,
      append(ruleYaml('probe-two', { when: '{ version: "2003", role: front-end, ha: cluster }', articles: '[EXB-098]', basis: '[C98]' })),
    );
    let error: unknown;
    try {
      loadKnowledgeBase(dir);
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

  describe('compileRules directly', () => {
    const kb = loadKnowledgeBase(KNOWLEDGE_DIR);
    const articleIds = new Set(kb.articles.map((a) => a.id));
    const inputs = rulesSchema.parse(parse(rulesText()));

    it('compiles the bundled rules with no problem', () => {
      const { rules, problems } = compileRules(inputs, kb.dimensions, kb.facts, articleIds, 'rules.yaml', () => undefined);
      assert.deepEqual(problems, []);
      assert.deepEqual(rules.map((r) => r.id), inputs.map((r) => r.id));
      const recalled = new Set(kb.facts.filter((f) => f.status === 'recalled').map((f) => f.id));
      for (const rule of rules) assert.equal(rule.restsOnRecalledFact, rule.basis.some((f) => recalled.has(f)), rule.id);
    });

    it('asks the locator for the line of the offending field', () => {
      const broken = inputs.map((r, i) => (i === 2 ? { ...r, basis: [...r.basis, 'C77'] } : r));
      const calls: unknown[][] = [];
      const { problems } = compileRules(broken, kb.dimensions, kb.facts, articleIds, 'rules.yaml', (index, ...path) => {
        calls.push([index, ...path]);
        return 1000 + index;
      });
      assert.equal(problems.length, 1, show(problems));
      assert.equal(problems[0]!.line, 1002);
      assert.deepEqual(calls.at(-1), [2, 'basis', broken[2]!.basis.length - 1]);
    });

    it('finds a gap when a dimension gains a value no rule mentions', () => {
      const dimensions = kb.dimensions.map((d) =>
        d.id === 'edition' ? { ...d, values: [...d.values, { id: 'datacenter', label: 'Datacenter', names: [], acronyms: [], answers: [] }] } : d,
      );
      const { problems } = compileRules(inputs, dimensions, kb.facts, articleIds, 'rules.yaml', () => undefined);
      assert.ok(problems.some((p) => /^gap: no rule decides .*edition=datacenter/.test(p.message)), show(problems));
    });
  });

  describe('npm run kb:check (the CLI)', () => {
    const cli = join(REPO_ROOT, 'dist', 'knowledge', 'cli', 'kb-check.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20000 });

    it('exits 1 on a bad knowledge dir and prints file:line of each problem on stderr', () => {
      const { dir, text } = copies.withEdit(RULES, append(ruleYaml('probe-cli', { when: '{ version: "2003", role: front-end, ha: cluster }', basis: '[C1, C99]' })));
      const result = run(dir);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`support-rules\\.yaml:${lineContaining(text, 'probe-cli:basis')} rules\\[\\d+\\] \\(probe-cli\\)\\.basis\\.1: .*C99`));
    });

    it('exits 0 on the bundled knowledge', () => {
      const result = run();
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Knowledge base OK: 12 articles/);
    });

    it('exits 0 on a clean copy given as an argument', () => {
      const result = run(copies.create());
      assert.equal(result.status, 0, result.stderr);
    });
  });
});
