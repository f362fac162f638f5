import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge';
import { readOutcomes, writeOutcomes } from '../../knowledge/rules/outcome-table-cache';
import { KnowledgeCopies, replaceOnce } from './helpers';

// Issue 24: the rules' coverage walk was half of a start's CPU, so kb:build saves the outcome table
// it walked and a start reuses it only for the very same tables and code. These tests hold that
// promise: the saved table is the walked one, key for key, and any edit makes the start walk again.
const FE_NLB = { version: '2003', role: 'front-end', ha: 'nlb', edition: 'standard', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86' };
const BLOCKING_RULE = [
  '- id: probe-saved-table-blocks-fe-nlb',
  '  when: { version: "2003", role: front-end, ha: nlb, edition: standard }',
  '  verdict: not-supported',
  '  reason: A test rule.',
  '  recommendation: Do not.',
  '  articles: [KB837852]',
  '  basis: [C1]',
  '',
].join('\n');

describe('the rules outcome table saved by kb:build (knowledge/rules/outcome-table-cache.ts)', () => {
  const copies = new KnowledgeCopies();
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'rule-outcomes-'));
  });
  after(() => {
    copies.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Loads `dir` with `file` as the saved table, and returns what the load logged about the rules. */
  function load(dir: string, file: string | false): { kb: KnowledgeBase; said: string } {
    const lines: string[] = [];
    const kb = loadKnowledgeBase(dir, { searchIndexFile: false, ruleOutcomesFile: file, log: (_, message) => lines.push(message) });
    return { kb, said: lines.filter((l) => l.startsWith('rules:')).join('\n') };
  }

  /** Saves the table a walk of `dir` gave, as kb:build does. */
  function save(dir: string, file: string): KnowledgeBase {
    const { kb, said } = load(dir, false);
    assert.match(said, /walked \d+ combinations/);
    writeOutcomes(file, kb.ruleOutcomes!.hash, kb.ruleOutcomes!.outcomes, kb.ruleStatistics);
    return kb;
  }

  it('a start that reuses the saved table has the walked table, key for key, and says the walk was skipped', () => {
    const dir = copies.create();
    const file = join(scratch, 'same.json');
    const walked = save(dir, file);
    const { kb: reused, said } = load(dir, file);
    assert.match(said, /walk skipped/);
    assert.equal(reused.ruleOutcomes!.outcomes.size, walked.ruleOutcomes!.outcomes.size);
    assert.ok(walked.ruleOutcomes!.outcomes.size > 10_000);
    for (const [key, rules] of walked.ruleOutcomes!.outcomes) assert.deepEqual(reused.ruleOutcomes!.outcomes.get(key), rules, `combination ${key}`);
    assert.deepEqual(reused.ruleStatistics.perVerdict, walked.ruleStatistics.perVerdict);
    const verdictOf = (kb: KnowledgeBase) => {
      const decision = kb.decide(FE_NLB);
      return { verdict: decision?.verdict, rules: decision?.rules.map((r) => r.id) };
    };
    assert.deepEqual(verdictOf(reused), verdictOf(walked));
  });

  it('a table saved for edited rules is stale for the original ones, and the start walks them', () => {
    const original = copies.create();
    const edited = copies.withEdit('data/support-rules.yaml', (text) => replaceOnce(text, /^rules:\n/m, `rules:\n${BLOCKING_RULE}`)).dir;
    const file = join(scratch, 'edited.json');
    const editedKb = save(edited, file);
    assert.equal(editedKb.decide(FE_NLB)?.verdict, 'not-supported');
    // The edited folder itself reuses it, with the edit's verdict.
    const reusedEdited = load(edited, file);
    assert.match(reusedEdited.said, /walk skipped/);
    assert.equal(reusedEdited.kb.decide(FE_NLB)?.verdict, 'not-supported');
    // The original tables never take the edited table's outcomes.
    const { kb, said } = load(original, file);
    assert.match(said, /stale .*walked \d+ combinations/);
    assert.notEqual(kb.decide(FE_NLB)?.verdict, 'not-supported');
  });

  it('any change to a parsed value the walk reads (here a fact) makes the saved table stale', () => {
    const dir = copies.create();
    const file = join(scratch, 'facts.json');
    save(dir, file);
    const facts = join(dir, 'data', 'facts.yaml');
    writeFileSync(facts, `${readFileSync(facts, 'utf8')}\n# an edit\n`);
    assert.match(load(dir, file).said, /walk skipped/, 'a comment changes no parsed value');
    writeFileSync(facts, replaceOnce(readFileSync(facts, 'utf8'), 'A front-end relays client protocols', 'A front-end passes client protocols'));
    assert.match(load(dir, file).said, /stale/);
  });

  it('a damaged or foreign file is never used and never throws', () => {
    const dir = copies.create();
    const file = join(scratch, 'damaged.json');
    const kb = save(dir, file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { keys: number[]; format: number };
    const hash = kb.ruleOutcomes!.hash;
    for (const [what, text] of [
      ['not JSON', '{"format":1,'],
      ['another format', JSON.stringify({ ...saved, format: 99 })],
      ['keys missing', JSON.stringify({ ...saved, keys: saved.keys.slice(1) })],
    ] as const) {
      writeFileSync(file, text);
      const result = readOutcomes(file, hash);
      assert.ok('reason' in result, what);
      assert.match(load(dir, file).said, /walked \d+ combinations/, what);
    }
    assert.ok('reason' in readOutcomes(join(scratch, 'absent.json'), hash));
  });
});
