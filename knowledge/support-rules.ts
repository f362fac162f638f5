import type { Facts } from './fact-recognizer';
import type { KnowledgeProblem } from './problems';
import type { Dimension, Fact, RuleInput, Verdict } from './schemas';

/** A support rule after loading: its `when` is a list of alternatives, each a set of accepted values per dimension. */
export interface SupportRule {
  id: string;
  when: ReadonlyArray<ReadonlyMap<string, ReadonlySet<string>>>;
  verdict: Verdict;
  reason: string;
  recommendation: string;
  articles: readonly string[];
  basis: readonly string[];
  /** True when the basis includes a fact the facts sheet marks "recalled". */
  restsOnRecalledFact: boolean;
}

/** Where each rule sits in its file, so problems can name the line. */
export type RuleLocator = (ruleIndex: number, ...path: PropertyKey[]) => number | undefined;

/** The outcome of the guided check for a complete or partial set of facts. */
export interface Decision {
  verdict: Verdict;
  /** The rules that decide it; when several agree, each reason is worth showing. */
  rules: readonly SupportRule[];
  /** The facts that the deciding rules actually look at: the "why" of the verdict. */
  decisiveFacts: Facts;
}

function matchesAlternative(alternative: ReadonlyMap<string, ReadonlySet<string>>, facts: Facts): boolean {
  for (const [dimension, accepted] of alternative) {
    const value = facts[dimension];
    if (value === undefined || !accepted.has(value)) return false;
  }
  return true;
}

/** True when `rule` applies to a complete set of facts. */
export function ruleMatches(rule: SupportRule, facts: Facts): boolean {
  return rule.when.some((alternative) => matchesAlternative(alternative, facts));
}

/** Every combination of values of the given dimensions, merged into `base`. */
export function* completions(dimensions: readonly Dimension[], base: Facts = {}): Generator<Facts> {
  const open = dimensions.filter((d) => base[d.id] === undefined);
  const walk = function* (index: number, facts: Record<string, string>): Generator<Facts> {
    if (index === open.length) {
      yield { ...facts };
      return;
    }
    for (const value of open[index]!.values) {
      facts[open[index]!.id] = value.id;
      yield* walk(index + 1, facts);
    }
    delete facts[open[index]!.id];
  };
  yield* walk(0, { ...base });
}

/**
 * Builds rules from their validated input and checks them against the dimensions, the facts
 * registry and the article ids. Returns the rules and every problem found.
 */
export function compileRules(
  inputs: readonly RuleInput[],
  dimensions: readonly Dimension[],
  facts: readonly Fact[],
  articleIds: ReadonlySet<string>,
  file: string,
  lineOf: RuleLocator,
): { rules: SupportRule[]; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const problem = (index: number, field: string, message: string, ...path: PropertyKey[]) =>
    problems.push({ file, line: lineOf(index, ...path), field: `rules[${index}] (${inputs[index]!.id}).${field}`, message });
  const dimensionsById = new Map(dimensions.map((d) => [d.id, d]));
  const factsById = new Map(facts.map((f) => [f.id, f]));
  const seenIds = new Map<string, number>();
  const rules: SupportRule[] = inputs.map((input, index) => {
    const earlier = seenIds.get(input.id);
    if (earlier !== undefined) problem(index, 'id', `duplicate rule id, also used by rules[${earlier}]`, 'id');
    seenIds.set(input.id, index);

    const alternatives = Array.isArray(input.when) ? input.when : [input.when];
    const when = alternatives.map((alternative, a) => {
      const compiled = new Map<string, ReadonlySet<string>>();
      for (const [dimensionId, raw] of Object.entries(alternative)) {
        const path = Array.isArray(input.when) ? ['when', a, dimensionId] : ['when', dimensionId];
        const dimension = dimensionsById.get(dimensionId);
        if (!dimension) {
          problem(index, path.join('.'), `unknown fact "${dimensionId}"; known: ${[...dimensionsById.keys()].join(', ')}`, ...path);
          continue;
        }
        const values = Array.isArray(raw) ? raw : [raw];
        for (const value of values) {
          if (!dimension.values.some((v) => v.id === value)) {
            problem(index, path.join('.'), `unknown value "${value}" for ${dimensionId}; known: ${dimension.values.map((v) => v.id).join(', ')}`, ...path);
          }
        }
        compiled.set(dimensionId, new Set(values));
      }
      return compiled;
    });

    input.articles.forEach((id, i) => {
      if (!articleIds.has(id)) problem(index, `articles.${i}`, `cites article "${id}", which does not exist`, 'articles', i);
    });
    let restsOnRecalledFact = false;
    input.basis.forEach((id, i) => {
      const fact = factsById.get(id);
      if (!fact) problem(index, `basis.${i}`, `rests on fact "${id}", which is not in facts.yaml`, 'basis', i);
      else if (fact.status === 'recalled') restsOnRecalledFact = true;
    });
    if (restsOnRecalledFact) {
      if (input.verdict === 'supported') {
        problem(index, 'verdict', 'rests on a recalled (unverified) fact, so it may not decide "supported"', 'verdict');
      }
      if (!/\brecalled\b/i.test(input.reason)) {
        problem(index, 'reason', 'rests on a recalled (unverified) fact, so its reason must say "recalled" and where to confirm it', 'reason');
      }
    }
    return { id: input.id, when, verdict: input.verdict, reason: input.reason, recommendation: input.recommendation, articles: input.articles, basis: input.basis, restsOnRecalledFact };
  });
  if (problems.length === 0) problems.push(...checkCoverage(rules, dimensions, inputs, file, lineOf));
  return { rules, problems };
}

/**
 * Gaps and conflicting overlaps. The fact space is small (a few hundred combinations), so walking
 * all of it is simpler and surer than reasoning about conditions symbolically.
 */
function checkCoverage(
  rules: readonly SupportRule[],
  dimensions: readonly Dimension[],
  inputs: readonly RuleInput[],
  file: string,
  lineOf: RuleLocator,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const reported = new Set<string>();
  let gaps = 0;
  for (const facts of completions(dimensions)) {
    const matching = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => ruleMatches(rule, facts));
    if (matching.length === 0) {
      gaps += 1;
      // A missing region usually spans many combinations: show a few, then count the rest.
      if (gaps <= 5) problems.push({ file, message: `gap: no rule decides ${describeFacts(facts, dimensions)}` });
      continue;
    }
    for (const a of matching) {
      for (const b of matching) {
        if (a.index >= b.index || a.rule.verdict === b.rule.verdict) continue;
        const key = `${a.index}/${b.index}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({
          file,
          line: lineOf(b.index),
          field: `rules[${b.index}] (${inputs[b.index]!.id})`,
          message: `overlaps rules[${a.index}] (${a.rule.id}) with a different verdict (${b.rule.verdict} vs ${a.rule.verdict}), e.g. for ${describeFacts(facts, dimensions)}`,
        });
      }
    }
  }
  if (gaps > 5) problems.push({ file, message: `gap: ${gaps - 5} more combinations are decided by no rule` });
  return problems;
}

/** "version=2003, role=front-end, ..." in dimension order, for messages. */
export function describeFacts(facts: Facts, dimensions: readonly Dimension[]): string {
  return dimensions.filter((d) => facts[d.id] !== undefined).map((d) => `${d.id}=${facts[d.id]}`).join(', ');
}
