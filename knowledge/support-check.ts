import type { Facts } from './fact-recognizer';
import type { Dimension } from './schemas';
import { completions, ruleMatches, type Decision, type SupportRule } from './support-rules';

/** Either the check can give its verdict, or it needs the answer to one more question. */
export type CheckStep = { kind: 'verdict'; decision: Decision } | { kind: 'question'; dimension: Dimension };

/**
 * Decides whether a planned setup is supported from the rules table, and works out which question
 * (if any) still matters. A question is asked only when its answer could change the verdict: an
 * Exchange 2003 front-end on a cluster is unsupported whatever the edition, so the edition is never
 * asked there.
 *
 * @example
 * const check = new SupportCheck(rules, dimensions);
 * check.next({ version: '2003', role: 'front-end', ha: 'cluster' });
 * // { kind: 'verdict', decision: { verdict: 'not-supported', rules: [front-end-on-cluster], ... } }
 * check.next({ version: '2003' }); // { kind: 'question', dimension: role }
 */
export class SupportCheck {
  // Both answers are pure functions of the known facts, and there are only a few thousand possible
  // partial fact sets (each dimension known or not), so the caches are bounded by the table itself.
  private readonly decisions = new Map<string, Decision | undefined>();
  private readonly steps = new Map<string, CheckStep>();

  constructor(
    private readonly rules: readonly SupportRule[],
    readonly dimensions: readonly Dimension[],
  ) {}

  /**
   * The verdict for what is known, or undefined while the unknown facts could still change it.
   * With every fact known this always returns a decision (the rules are checked for gaps at load).
   */
  decide(facts: Facts): Decision | undefined {
    const known = this.knownFacts(facts);
    const key = this.key(known);
    if (!this.decisions.has(key)) this.decisions.set(key, this.computeDecision(known));
    return this.decisions.get(key);
  }

  private computeDecision(known: Facts): Decision | undefined {
    let verdict: Decision['verdict'] | undefined;
    let common: SupportRule[] | undefined;
    for (const completion of completions(this.dimensions, known)) {
      const matching = this.rules.filter((rule) => ruleMatches(rule, completion));
      const first = matching[0];
      if (!first) return undefined;
      if (verdict !== undefined && first.verdict !== verdict) return undefined;
      verdict = first.verdict;
      common = common ? common.filter((rule) => matching.includes(rule)) : matching;
      if (common.length === 0) return undefined;
    }
    if (verdict === undefined || !common) return undefined;
    return { verdict, rules: common, decisiveFacts: this.decisiveFacts(common, known) };
  }

  /** The next step of the check: its verdict, or the first question in table order whose answer matters. */
  next(facts: Facts): CheckStep {
    const known = this.knownFacts(facts);
    const key = this.key(known);
    let step = this.steps.get(key);
    if (!step) {
      step = this.computeStep(known);
      this.steps.set(key, step);
    }
    return step;
  }

  private computeStep(known: Facts): CheckStep {
    const decision = this.decide(known);
    if (decision) return { kind: 'verdict', decision };
    const outcomes = new Map<string, string>();
    for (const completion of completions(this.dimensions, known)) {
      outcomes.set(this.key(completion), this.outcome(completion));
    }
    const open = this.dimensions.filter((d) => known[d.id] === undefined);
    for (const dimension of open) {
      // The question matters if, the other facts fixed, two of its answers lead to different outcomes.
      const seen = new Map<string, string>();
      for (const completion of completions(this.dimensions, known)) {
        const rest = this.key({ ...completion, [dimension.id]: '' });
        const outcome = outcomes.get(this.key(completion))!;
        const earlier = seen.get(rest);
        if (earlier !== undefined && earlier !== outcome) return { kind: 'question', dimension };
        seen.set(rest, outcome);
      }
    }
    // Unreachable with a gap-free, conflict-free table; fail loudly rather than guess a verdict.
    throw new Error(`Support check cannot progress from ${JSON.stringify(known)}`);
  }

  /** Drops facts the rules do not know about (stale state, forged card values). */
  knownFacts(facts: Facts): Facts {
    const known: Record<string, string> = {};
    for (const dimension of this.dimensions) {
      const value = facts[dimension.id];
      if (value !== undefined && dimension.values.some((v) => v.id === value)) known[dimension.id] = value;
    }
    return known;
  }

  private outcome(facts: Facts): string {
    const matching = this.rules.filter((rule) => ruleMatches(rule, facts));
    return `${matching[0]?.verdict}:${matching.map((r) => r.id).join(',')}`;
  }

  private key(facts: Facts): string {
    return this.dimensions.map((d) => facts[d.id] ?? '').join('|');
  }

  private decisiveFacts(rules: readonly SupportRule[], known: Facts): Facts {
    const used = new Set<string>();
    for (const rule of rules) {
      for (const alternative of rule.when) {
        if ([...alternative].every(([d, values]) => known[d] !== undefined && values.has(known[d]!))) {
          for (const d of alternative.keys()) used.add(d);
        }
      }
    }
    return Object.fromEntries(this.dimensions.filter((d) => used.has(d.id)).map((d) => [d.id, known[d.id]!]));
  }
}
