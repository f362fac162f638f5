import { compileCondition, conditionHolds, type Condition, type DimensionTest } from './conditions';
import type { Facts } from '../reading/fact-recognizer';
import type { FactSpace } from './fact-space';
import type { KnowledgeProblem } from '../loading/problems';
import type { ConditionInput, Dimension, Fact, LimitInput, RuleInput, RulesInput, Verdict } from '../loading/schemas';

/** What a rule or limit rests on, and how sure those facts are. */
interface Grounded {
  id: string;
  reason: string;
  recommendation: string;
  articles: readonly string[];
  basis: readonly string[];
  /** True when the basis includes a fact the facts sheet marks "recalled". */
  restsOnRecalledFact: boolean;
  /** True when the basis includes a fact read only in third-party sources. */
  restsOnThirdPartyFact: boolean;
}

/** A support rule after loading: its `when` is a list of alternatives over the asked facts. */
export interface SupportRule extends Grounded {
  kind: 'rule';
  when: readonly Condition[];
  verdict: Verdict;
  /** Decides only combinations no other rule decides. */
  fallback: boolean;
  /** For a "not-covered" rule: the sources read for its setups, and the question none of them answers (also in `reason`). */
  sourcesRead?: readonly string[];
  unanswered?: string;
}

/**
 * A limit of a design that rests on a stated fact (no domain-controller nodes, at most n-1 EVSs):
 * named as a condition until the user says, "Not supported" once a stated fact breaks it.
 */
export interface SupportLimit extends Grounded {
  kind: 'limit';
  when: readonly Condition[];
  breaks: Condition;
  condition: string;
  /**
   * The verdict once a stated fact breaks it: "not-supported" (also when left out), "not-covered" where the
   * sources are silent or conflict, or "supported-with-conditions" where Microsoft advises against it
   * without refusing it (the limit's `condition` is then named; never while unsaid).
   */
  verdict?: 'not-supported' | 'not-covered' | 'supported-with-conditions';
  /** Named only once a stated fact says whether it holds (see the schema's `quiet`). */
  quiet: boolean;
}

/** Where each rule sits in its file, so problems can name the line. */
export type RuleLocator = (...path: PropertyKey[]) => number | undefined;

/** The outcome of the guided check for a complete or partial set of facts. */
export interface Decision {
  verdict: Verdict;
  /** The rules that decide it; when several agree, each reason is worth showing. */
  rules: readonly SupportRule[];
  /** Limits the user's stated facts break: each is a reason the setup is not supported (or, for a "not-covered" limit, not covered). */
  broken: readonly SupportLimit[];
  /** Limits the user has not said whether the setup meets: the conditions of the verdict. */
  conditions: readonly SupportLimit[];
  /** The facts that the deciding rules actually look at: the "why" of the verdict. */
  decisiveFacts: Facts;
  /** Lifecycle notes for the versions in the facts (a retired Exchange or Windows release). */
  lifecycle: readonly LifecycleNote[];
  /** Facts the user did not give that have one sensible answer here, taken rather than asked (assumed-facts.yaml): the verdict states them. */
  assumed?: readonly { dimension: string; values: readonly string[]; statement: string; basis: readonly string[]; asCondition?: boolean }[];
  /**
   * The verdict had every assumption above been a stated fact, set when an assumption is stated as a
   * condition (issue 21): a pasted listing of running servers proves what the check would assume
   * (a running Exchange 2003 server is on 32-bit Windows), so it takes this verdict.
   */
  verdictIfAssumed?: Verdict;
}

/** "Exchange 2003 left extended support on 2014-04-08". */
export interface LifecycleNote {
  dimension: string;
  value: string;
  label: string;
  endOfSupport?: string;
  retired: boolean;
  note: string;
  basis: readonly string[];
}

/** For each valid combination of the asked facts, the rules that decide it (indices into the rules). */
export type OutcomeTable = ReadonlyMap<number, readonly number[]>;

/** Figures of the validation, for `npm run kb:check` and the README. */
export interface RulesStatistics {
  combinations: number;
  perVerdict: Record<Verdict, number>;
  milliseconds: number;
}

export function matchesAny(alternatives: readonly Condition[], facts: Facts): boolean {
  return alternatives.some((condition) => conditionHolds(condition, facts));
}

/** True when `rule` applies to a complete set of facts. */
export function ruleMatches(rule: SupportRule | SupportLimit, facts: Facts): boolean {
  return matchesAny(rule.when, facts);
}

const ASKED = new Set<Dimension['kind']>(['asked']);
const STATED = new Set<Dimension['kind']>(['stated']);

/**
 * Builds rules and limits from their validated input and checks them against the fact space, the
 * facts registry and the article ids; then walks every valid combination of asked facts for gaps
 * (no rule decides it) and conflicting overlaps (two rules disagree). Returns the rules, the
 * outcome of every combination, and every problem found. `saved` is that walk's outcome table as
 * kb:build saved it for the same inputs: the rules are still built and checked, the walk is not
 * repeated.
 */
export function compileRules(
  input: RulesInput,
  space: FactSpace,
  facts: readonly Fact[],
  articleIds: ReadonlySet<string>,
  file: string,
  lineOf: RuleLocator,
  saved?: { outcomes: OutcomeTable; statistics: RulesStatistics },
): { rules: SupportRule[]; limits: SupportLimit[]; outcomes: OutcomeTable; statistics?: RulesStatistics; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const dimensionsById = new Map(space.dimensions.map((d) => [d.id, d]));
  const factsById = new Map(facts.map((f) => [f.id, f]));
  const seenIds = new Map<string, string>();

  const ground = (table: 'rules' | 'limits', index: number, item: RuleInput | LimitInput, verdict: Verdict | undefined): Grounded & { when: Condition[] } => {
    const name = `${table}[${index}] (${item.id})`;
    const problem = (field: string, message: string, ...path: PropertyKey[]) => problems.push({ file, line: lineOf(table, index, ...path), field: `${name}.${field}`, message });
    const earlier = seenIds.get(item.id);
    if (earlier !== undefined) problem('id', `duplicate id, also used by ${earlier}`, 'id');
    seenIds.set(item.id, name);
    const alternatives: ConditionInput[] = Array.isArray(item.when) ? item.when : [item.when];
    const when = alternatives.map((alternative, a) => {
      const prefix = Array.isArray(item.when) ? ['when', a] : ['when'];
      const compiled = compileCondition(alternative, dimensionsById, ASKED);
      for (const p of compiled.problems) problem([...prefix, ...p.path].join('.'), p.message, ...prefix, ...p.path);
      return compiled.condition;
    });
    item.articles.forEach((id, i) => {
      if (!articleIds.has(id)) problem(`articles.${i}`, `cites article "${id}", which does not exist`, 'articles', i);
    });
    let restsOnRecalledFact = false;
    let restsOnThirdPartyFact = false;
    item.basis.forEach((id, i) => {
      const fact = factsById.get(id);
      if (!fact) problem(`basis.${i}`, `rests on fact "${id}", which is not in facts.yaml`, 'basis', i);
      else if (fact.status === 'recalled') restsOnRecalledFact = true;
      else if (fact.status === 'read-3p') restsOnThirdPartyFact = true;
    });
    if (restsOnRecalledFact) {
      if (verdict === 'supported') problem('verdict', 'rests on a recalled (unverified) fact, so it may not decide "supported"', 'verdict');
      if (!/\brecalled\b/i.test(item.reason)) problem('reason', 'rests on a recalled (unverified) fact, so its reason must say "recalled" and where to confirm it', 'reason');
    }
    if (restsOnThirdPartyFact && !/\bthird-party\b/i.test(item.reason)) {
      problem('reason', 'rests on a fact read only in third-party sources, so its reason must say "third-party"', 'reason');
    }
    return { id: item.id, when, reason: item.reason, recommendation: item.recommendation, articles: item.articles, basis: item.basis, restsOnRecalledFact, restsOnThirdPartyFact };
  };

  const rules: SupportRule[] = input.rules.map((rule, index) => {
    const problem = (field: string, message: string) => problems.push({ file, line: lineOf('rules', index, field), field: `rules[${index}] (${rule.id}).${field}`, message });
    if (rule.fallback && rule.verdict !== 'not-covered') problem('fallback', 'a fallback rule may only decide "not-covered"');
    const grounded = ground('rules', index, rule, rule.verdict);
    if (rule.verdict !== 'not-covered') {
      if (rule.sourcesRead || rule.unanswered)
        problem(rule.sourcesRead ? 'sourcesRead' : 'unanswered', 'only a "not-covered" rule names the sources read and the question they leave open');
      return { kind: 'rule', ...grounded, verdict: rule.verdict, fallback: rule.fallback };
    }
    // "Not covered" must always say why: which sources were read, and what none of them answers.
    if (!rule.sourcesRead) problem('sourcesRead', 'a "not-covered" rule must list the sources read for its setups (sourcesRead)');
    if (!rule.unanswered) problem('unanswered', 'a "not-covered" rule must name the question none of its sources answers (unanswered)');
    const reason =
      rule.sourcesRead && rule.unanswered ? `${grounded.reason} Sources read: ${rule.sourcesRead.join('; ')}. None of them answers: ${rule.unanswered}` : grounded.reason;
    return { kind: 'rule', ...grounded, reason, verdict: rule.verdict, fallback: rule.fallback, sourcesRead: rule.sourcesRead, unanswered: rule.unanswered };
  });
  const limits: SupportLimit[] = input.limits.map((limit, index) => {
    const grounded = ground('limits', index, limit, undefined);
    if (limit.verdict === 'not-covered' && !/\bsources?\b/i.test(limit.reason)) {
      problems.push({
        file,
        line: lineOf('limits', index, 'reason'),
        field: `limits[${index}] (${limit.id}).reason`,
        message: 'a "not-covered" limit must name the sources and what they leave open',
      });
    }
    const breaks = compileCondition(limit.breaks, dimensionsById, STATED);
    for (const p of breaks.problems) {
      problems.push({ file, line: lineOf('limits', index, 'breaks', ...p.path), field: `limits[${index}] (${limit.id}).breaks.${p.path.join('.')}`, message: p.message });
    }
    if (Object.keys(limit.breaks).length === 0) {
      problems.push({ file, line: lineOf('limits', index, 'breaks'), field: `limits[${index}] (${limit.id}).breaks`, message: 'must name at least one stated fact' });
    }
    return { kind: 'limit', ...grounded, breaks: breaks.condition, condition: limit.condition, verdict: limit.verdict, quiet: limit.quiet };
  });
  if (problems.length > 0) return { rules, limits, outcomes: new Map(), problems };
  // The walk below, saved by kb:build for exactly these tables and this code (outcome-table-cache.ts).
  if (saved) return { rules, limits, outcomes: saved.outcomes, statistics: saved.statistics, problems };
  const coverage = checkCoverage(rules, limits, space, input, file, lineOf);
  return { rules, limits, outcomes: coverage.outcomes, statistics: coverage.statistics, problems: coverage.problems };
}

/**
 * Gaps and conflicting overlaps, by walking every valid combination of asked facts (a few tens of
 * thousands): simpler and surer than reasoning about conditions symbolically. Also finds limits
 * that never apply. The outcome of each combination is kept, so the check never matches rules again.
 */
function checkCoverage(
  rules: readonly SupportRule[],
  limits: readonly SupportLimit[],
  space: FactSpace,
  input: RulesInput,
  file: string,
  lineOf: RuleLocator,
): { outcomes: OutcomeTable; statistics: RulesStatistics; problems: KnowledgeProblem[] } {
  const started = performance.now();
  const problems: KnowledgeProblem[] = [];
  const reported = new Set<string>();
  const outcomes = new Map<number, readonly number[]>();
  // Many combinations share one outcome: intern the index lists so the table stays small.
  const interned = new Map<string, readonly number[]>();
  const perVerdict: Record<Verdict, number> = { supported: 0, 'supported-with-conditions': 0, 'not-supported': 0, 'not-covered': 0 };
  const limitUsed = new Array<boolean>(limits.length).fill(false);
  let gaps = 0;
  // Most rules name the first asked fact (the Exchange version): index them by it, so each
  // combination is matched only against the rules that can apply to it.
  const first = space.asked[0]!;
  // Per value: the candidate rules, the candidate limits not yet found to apply, and the combinations' outcomes by the set of candidates that matched.
  const byFirst = new Map<string, { rules: number[]; unusedLimits: number[]; bySet: Map<number | string, readonly number[]> }>();
  const mayMatch = (when: readonly Condition[], value: string) =>
    when.some((alternative) => alternative.every((test) => test.dimension !== first.id || !test.accepts || test.accepts.has(value)));
  for (const value of first.values) {
    byFirst.set(value.id, {
      rules: rules.flatMap((rule, index) => (mayMatch(rule.when, value.id) ? [index] : [])),
      unusedLimits: limits.flatMap((limit, index) => (mayMatch(limit.when, value.id) ? [index] : [])),
      bySet: new Map(),
    });
  }
  // The deciding rules of a set of matching rules, interned; conflicts among them reported once per pair.
  const decided = (all: number[], facts: Facts): readonly number[] => {
    const matching = decidingRules(rules, all);
    for (const a of matching) {
      for (const b of matching) {
        if (a >= b || rules[a]!.verdict === rules[b]!.verdict) continue;
        const key = `${a}/${b}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({
          file,
          line: lineOf('rules', b),
          field: `rules[${b}] (${input.rules[b]!.id})`,
          message: `overlaps rules[${a}] (${rules[a]!.id}) with a different verdict (${rules[b]!.verdict} vs ${rules[a]!.verdict}), e.g. for ${describeFacts(facts, space.dimensions)}`,
        });
      }
    }
    if (matching.length === 0) return matching;
    const signature = matching.join(',');
    let shared = interned.get(signature);
    if (!shared) interned.set(signature, (shared = matching));
    return shared;
  };
  // Combinations matched by the same rules share everything worked out from them (deciding rules,
  // conflicts reported, the interned list): worked out once per set, found by a bit mask of the
  // candidates that matched (a version has a few dozen candidates at most).
  // The rules' and then the limits' `when`, matched a whole combination at a time (see WhenMatcher).
  const matcher = new WhenMatcher(
    [...rules, ...limits].map((item) => item.when),
    space,
  );
  space.forEachCompletion({}, (facts, key) => {
    const candidates = byFirst.get(facts[first.id]!)!;
    matcher.visit(facts);
    const count = candidates.rules.length;
    // Exact up to 53 candidates (a small integer up to 30); a table with more for one version uses the list of positions instead.
    let mask: number | string = 0;
    if (count <= 30) {
      for (let i = 0; i < count; i += 1) if (matcher.holds(candidates.rules[i]!, facts)) mask |= 1 << i;
    } else if (count <= 53) {
      for (let i = 0; i < count; i += 1) if (matcher.holds(candidates.rules[i]!, facts)) mask += 2 ** i;
    } else mask = candidates.rules.flatMap((index, i) => (matcher.holds(index, facts) ? [i] : [])).join(',');
    // A limit is looked for until one combination is found where it applies.
    const unused = candidates.unusedLimits;
    if (unused.length > 0) {
      let changed = false;
      for (const index of unused) {
        // Found where it applies here, or for another version.
        if (limitUsed[index] || matcher.holds(rules.length + index, facts)) changed = limitUsed[index] = true;
      }
      if (changed) candidates.unusedLimits = unused.filter((index) => !limitUsed[index]);
    }
    let matching = candidates.bySet.get(mask);
    if (!matching) {
      const set = mask;
      const holds = (i: number) => (typeof set === 'number' ? Math.floor(set / 2 ** i) % 2 === 1 : set.split(',').includes(String(i)));
      matching = decided(
        candidates.rules.filter((_, i) => holds(i)),
        facts,
      );
      candidates.bySet.set(mask, matching);
    }
    if (matching.length === 0) {
      gaps += 1;
      // A missing region usually spans many combinations: show a few, then count the rest.
      if (gaps <= 5) problems.push({ file, message: `gap: no rule decides ${describeFacts(facts, space.dimensions)}` });
      return;
    }
    outcomes.set(key, matching);
    perVerdict[rules[matching[0]!]!.verdict] += 1;
  });
  if (gaps > 5) problems.push({ file, message: `gap: ${gaps - 5} more combinations are decided by no rule` });
  limitUsed.forEach((used, index) => {
    if (!used)
      problems.push({
        file,
        line: lineOf('limits', index, 'when'),
        field: `limits[${index}] (${limits[index]!.id}).when`,
        message: 'applies to no combination of facts that can occur',
      });
  });
  rules.forEach((rule, index) => {
    if (![...interned.values()].some((list) => list.includes(index))) {
      problems.push({ file, line: lineOf('rules', index, 'when'), field: `rules[${index}] (${rule.id}).when`, message: 'decides no combination of facts that can occur' });
    }
  });
  const combinations = outcomes.size + gaps;
  return { outcomes, statistics: { combinations, perVerdict, milliseconds: Math.round(performance.now() - started) }, problems };
}

/**
 * Tells which of many `when`s (each a list of alternative conditions over asked facts) hold for each
 * combination of one walk, giving the same answers as {@link matchesAny} on each. The validation
 * walk visits tens of thousands of combinations, and matching each candidate rule's conditions test
 * by test was most of its time (issue 24: a cold load).
 *
 * Every alternative of every `when` is one bit. For each asked fact a choice test reads by value
 * alone, each of its values (and "not applying") has a bit set: the alternatives that do not test
 * that fact or whose test accepts the value. An alternative holds exactly when its bit is set in
 * the AND of its combination's sets. The walk changes its last facts most often, so the ANDs of the
 * leading facts are kept from one combination to the next, and only the facts after the first
 * changed one are ANDed again. A test that reads more than its own value (a bound naming another
 * fact) is left out of the bits, and its whole alternative is checked with {@link conditionHolds}
 * when its bit says the rest holds.
 */
export class WhenMatcher {
  private readonly words: number;
  /** The alternatives' bit positions, per `when`. */
  private readonly alternativesOf: number[][] = [];
  /** Per alternative with a test the bits leave out: the alternative, checked in full. */
  private readonly residual: (Condition | undefined)[] = [];
  /** The facts tested by value, in the walk's order, each with its values' bit sets. */
  private readonly facts: { id: string; byValue: Map<string, Uint32Array>; notApplying: Uint32Array }[] = [];
  /** ands[k]: the AND of the sets of facts[0..k) for the combination seen last. */
  private readonly ands: Uint32Array[];
  /** The values of the combination seen last, per fact of {@link facts} (null before the first). */
  private readonly seen: (string | undefined | null)[];

  constructor(whens: readonly (readonly Condition[])[], space: FactSpace) {
    const alternatives: Condition[] = [];
    for (const when of whens) {
      this.alternativesOf.push(when.map((alternative) => alternatives.push(alternative) - 1));
    }
    this.words = Math.max(1, Math.ceil(alternatives.length / 32));
    const byValue = (test: DimensionTest) => test.reads.length === 0 && test.accepts !== undefined && space.dimension(test.dimension)?.type === 'choice';
    for (const alternative of alternatives) this.residual.push(alternative.every(byValue) ? undefined : alternative);
    for (const dimension of space.asked) {
      if (dimension.type !== 'choice') continue;
      const tests = alternatives.map((alternative) => alternative.find((test) => test.dimension === dimension.id && byValue(test)));
      if (tests.every((test) => test === undefined)) continue;
      const set = (keeps: (test: DimensionTest) => boolean) => {
        const bits = new Uint32Array(this.words);
        tests.forEach((test, j) => {
          if (test === undefined || keeps(test)) bits[j >>> 5]! |= 1 << (j & 31);
        });
        return bits;
      };
      this.facts.push({
        id: dimension.id,
        byValue: new Map(dimension.values.map((value) => [value.id, set((test) => test.accepts!.has(value.id))])),
        notApplying: set(() => false),
      });
    }
    this.ands = Array.from({ length: this.facts.length + 1 }, () => new Uint32Array(this.words).fill(0xffffffff));
    this.seen = this.facts.map(() => null);
  }

  /** Takes the next combination of the walk; {@link holds} then answers for it. */
  visit(facts: Facts): void {
    let k = 0;
    while (k < this.facts.length && this.seen[k] === facts[this.facts[k]!.id]) k += 1;
    for (; k < this.facts.length; k += 1) {
      const fact = this.facts[k]!;
      const value = facts[fact.id];
      this.seen[k] = value;
      // A value the fact does not have is accepted by no test of it, as by conditionHolds.
      const bits = value === undefined ? fact.notApplying : (fact.byValue.get(value) ?? fact.notApplying);
      const from = this.ands[k]!;
      const to = this.ands[k + 1]!;
      for (let w = 0; w < this.words; w += 1) to[w] = from[w]! & bits[w]!;
    }
  }

  /** Whether the `when` at `index` holds for the combination last given to {@link visit} (`facts`). */
  holds(index: number, facts: Facts): boolean {
    const all = this.ands[this.facts.length]!;
    for (const j of this.alternativesOf[index]!) {
      if (((all[j >>> 5]! >>> (j & 31)) & 1) === 0) continue;
      const residual = this.residual[j];
      if (residual === undefined || conditionHolds(residual, facts)) return true;
    }
    return false;
  }
}

/**
 * The rules that decide a combination, from all that match it: any "not-supported" rule wins (one
 * broken requirement is enough), then the ordinary rules (which must agree), then fallbacks.
 */
export function decidingRules(rules: readonly SupportRule[], matching: readonly number[]): number[] {
  const blocking = matching.filter((i) => rules[i]!.verdict === 'not-supported' && !rules[i]!.fallback);
  if (blocking.length > 0) return blocking;
  const ordinary = matching.filter((i) => !rules[i]!.fallback);
  if (ordinary.length > 0) return ordinary;
  return [...matching];
}

/** "version=2003, role=front-end, ..." in dimension order, for messages. */
export function describeFacts(facts: Facts, dimensions: readonly Dimension[]): string {
  return dimensions
    .filter((d) => facts[d.id] !== undefined)
    .map((d) => `${d.id}=${facts[d.id]}`)
    .join(', ');
}
