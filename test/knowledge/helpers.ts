/**
 * Shared helpers of the knowledge-layer tests: throw-away copies of the bundled knowledge folder
 * that a test can break one file at a time, and small text utilities to find the line a problem
 * should point at (computed from the mutated text itself, never copied from the implementation).
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundledKnowledgeDir, KnowledgeError, loadKnowledgeBase, reasons, type Facts, type KnowledgeBase, type KnowledgeProblem, type Verdict } from '../../knowledge';
import type { KnowledgeLoadOptions } from '../../knowledge/knowledge-base';
import { YamlValues } from '../../knowledge/loading/yaml-values';
import { FactSpace } from '../../knowledge/rules/fact-space';

export const KNOWLEDGE_DIR = bundledKnowledgeDir();
export const REPO_ROOT = dirname(KNOWLEDGE_DIR);

/** Temp copies of the knowledge folder; call `cleanup()` from an `after()` hook. */
export class KnowledgeCopies {
  private readonly dirs: string[] = [];

  /** A fresh copy of `knowledge/{data,articles}` in its own temp dir. */
  create(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
    this.dirs.push(dir);
    cpSync(join(KNOWLEDGE_DIR, 'data'), join(dir, 'data'), { recursive: true });
    cpSync(join(KNOWLEDGE_DIR, 'articles'), join(dir, 'articles'), { recursive: true });
    return dir;
  }

  /** A copy with one file rewritten by `edit`; returns the dir and the new text of that file. */
  withEdit(relativeFile: string, edit: (text: string) => string): { dir: string; file: string; text: string } {
    const dir = this.create();
    const file = join(dir, relativeFile);
    const before = readFileSync(file, 'utf8');
    const text = edit(before);
    assert.notEqual(text, before, `the edit of ${relativeFile} changed nothing`);
    writeFileSync(file, text);
    return { dir, file, text };
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the single occurrence of `from` (string or regex); fails if it is absent or repeated. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  if (typeof from === 'string') {
    const first = text.indexOf(from);
    assert.ok(first >= 0, `expected to find ${JSON.stringify(from)}`);
    assert.equal(text.indexOf(from, first + 1), -1, `expected ${JSON.stringify(from)} only once`);
    return text.slice(0, first) + to + text.slice(first + from.length);
  }
  const flags = from.flags.includes('g') ? from.flags : `${from.flags}g`;
  const matches = [...text.matchAll(new RegExp(from.source, flags))];
  assert.equal(matches.length, 1, `expected exactly one match of ${from}`);
  return text.replace(new RegExp(from.source, from.flags.replace('g', '')), to);
}

/** 1-based line of the only line containing `needle`. */
export function lineContaining(text: string, needle: string | RegExp): number {
  const lines = text.split(/\r?\n/);
  const hits = lines.map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => (typeof needle === 'string' ? line.includes(needle) : needle.test(line)));
  assert.equal(hits.length, 1, `expected exactly one line with ${String(needle)}, found ${hits.length}`);
  return hits[0]!.n;
}

/** Freezes a parsed value and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The parsed YAML texts of this test process's loads of knowledge copies, as `npm run kb:build`'s saved values
 * serve a start: a text parsed without a problem is remembered, so the same unchanged table in the next copy is
 * not parsed again (it is still validated: schemas and references, every load), while an edited or hostile text
 * is new and parsed at its load with every check of the parser. Remembered values are frozen: a loader that
 * changed a value it was handed would throw here instead of passing a changed table to the next load.
 */
class FrozenYamlValues extends YamlValues {
  override remember(text: string, value: unknown): void {
    super.remember(text, deepFreeze(value));
  }
}
const copiesYaml = new FrozenYamlValues();

/** `loadKnowledgeBase(dir, options)` for a copy of the knowledge folder, sharing parsed YAML texts (see FrozenYamlValues). */
export function loadCopy(dir: string, options: KnowledgeLoadOptions = {}): KnowledgeBase {
  return loadKnowledgeBase(dir, { yamlValues: copiesYaml, ...options });
}

/** The problems `loadKnowledgeBase(dir)` throws; fails if it loads or throws anything else. */
export function loadProblems(dir: string): readonly KnowledgeProblem[] {
  try {
    loadCopy(dir);
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, `expected a KnowledgeError, got ${String(error)}`);
    assert.ok(error.problems.length > 0, 'a KnowledgeError must carry at least one problem');
    return error.problems;
  }
  assert.fail(`expected the knowledge base in ${dir} to be rejected`);
}

/** True when a problem's (possibly cwd-relative) file names `absolute`. */
export function namesFile(problem: KnowledgeProblem, absolute: string): boolean {
  return resolve(problem.file) === resolve(absolute);
}

/** The problems about one file. */
export function problemsOf(problems: readonly KnowledgeProblem[], absolute: string): KnowledgeProblem[] {
  return problems.filter((p) => namesFile(p, absolute));
}

/** Problems rendered for failure messages. */
export function show(problems: readonly KnowledgeProblem[]): string {
  return JSON.stringify(problems, null, 1);
}

/** A setup's facts on one line for an assertion message: "version=2003, role=back-end". */
export function describeFacts(facts: Facts): string {
  return Object.entries(facts)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** A family of setups with the verdict a source gives it: `facts` may leave asked facts out. */
export interface LabelledSetups {
  /** The test's title: what is checked, its verdict and its source. */
  title: string;
  facts: Facts;
  verdict: Verdict;
  /** What a reason (or a condition) of the verdict must say. */
  says?: RegExp;
}

/**
 * One test per family: every setup its facts complete to (stated facts carried along) is decided by the
 * bot's own `decide` and must get the labelled verdict, and, with `says`, name it in a reason or condition.
 */
export function itDecidesEach(families: readonly LabelledSetups[], knowledge: () => KnowledgeBase): void {
  for (const family of families) {
    it(family.title, () => {
      const kb = knowledge();
      const completions = new FactSpace(kb.dimensions).completions(kb.knownFacts(family.facts));
      assert.ok(completions.length > 0, `no setup for ${describeFacts(family.facts)}`);
      for (const facts of completions) {
        const decision = kb.decide(facts)!;
        assert.equal(decision.verdict, family.verdict, `${describeFacts(facts)}: ${decision.verdict} (${[...decision.rules, ...decision.broken].map((r) => r.id)})`);
        if (!family.says) continue;
        const said = [...reasons(decision), ...decision.conditions.map((c) => c.condition)];
        assert.ok(
          said.some((r) => family.says!.test(r)),
          `${describeFacts(facts)}: nothing matches ${family.says} in ${JSON.stringify(said)}`,
        );
      }
    });
  }
}
