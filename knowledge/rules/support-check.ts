import { BoundedCache } from '../bounded-cache';
import { ASSUMED_CONDITION_PREFIX, assumptionsFor, fitsAssumptions, type AssumedFact } from './assumed-facts';
import { statedCondition } from './open-facts';
import { conditionState, setOf } from './conditions';
import type { Facts } from '../reading/fact-recognizer';
import type { FactSpace, SetAside } from './fact-space';
import type { Dimension, LifecycleEntry, Verdict } from '../loading/schemas';
import { matchesAny, type Decision, type LifecycleNote, type OutcomeTable, type SupportLimit, type SupportRule } from './support-rules';

/** The check's outcome for one complete setup: its verdict, deciding rules, broken limits and the limits still open. */
export interface SetupOutcome {
  facts: Facts;
  verdict: Verdict;
  rules: readonly SupportRule[];
  broken: readonly SupportLimit[];
  open: readonly SupportLimit[];
}

/**
 * What a combination of asked facts alone settles for {@link SupportCheck.outcome}: the deciding rules (from the
 * outcome table) and the limits whose `when` holds (a `when` tests asked facts only), in table order. `plain` is
 * the outcome with no stated fact, which depends on nothing else. Combinations with the same rules and limits
 * share one (interned).
 */
interface AskedPart {
  rules: readonly SupportRule[];
  limits: readonly SupportLimit[];
  plain?: Outcome;
}

/** One complete combination with its {@link FactSpace.key}. */
interface Keyed {
  facts: Facts;
  key: number;
}

/** Either the check can give its verdict, or it needs the answer to one more question. */
export type CheckStep = { kind: 'verdict'; decision: Decision } | { kind: 'question'; dimension: Dimension };

/** Options of a {@link SupportCheck}. */
export interface SupportCheckOptions {
  /**
   * How many partial fact sets keep their worked-out step. Each entry is small (a step and a key
   * of a few dozen characters); users can send any combination, so the memo must have a bound.
   * Default 2,000.
   */
  memoEntries?: number;
  /** Today, for lifecycle notes. Default: the system clock. */
  now?: () => Date;
  /** Facts with one sensible answer (assumed-facts.yaml): taken instead of asked while the user has not given them. */
  assumed?: readonly AssumedFact[];
}

/** The outcome of one complete combination: what decides it, and the limits it leaves open. */
interface Outcome {
  verdict: Verdict;
  rules: readonly SupportRule[];
  broken: readonly SupportLimit[];
  open: readonly SupportLimit[];
  /** The conditions of `open` that a stated fact raised (leading it), not left open by an unsaid one. */
  stated: readonly SupportLimit[];
  /** Verdict and deciding rule/limit ids: two combinations with the same key need no question between them. */
  key: string;
}

/**
 * Decides whether a planned setup is supported from the rules table, and works out which question
 * (if any) still matters. A question is asked only when its answer could change the verdict: an
 * Exchange 2003 front-end on a cluster is unsupported whatever the edition, so the edition is never
 * asked there.
 *
 * The verdict of a complete setup is its rule's verdict, made "Not supported" by any limit a stated
 * fact breaks (a domain-controller node), and "Supported with conditions" by limits the user has not
 * spoken to. A partial setup is decided once every setup it could still be gives the same verdict.
 *
 * @example
 * const check = new SupportCheck(space, rules, limits, outcomes, lifecycle);
 * check.next({ version: '2003', role: 'front-end', ha: 'cluster' });
 * // { kind: 'verdict', decision: { verdict: 'not-supported', rules: [front-end-on-cluster], ... } }
 * check.next({ version: '2003' }); // { kind: 'question', dimension: role }
 */
export class SupportCheck {
  private readonly memo: BoundedCache<string, CheckStep>;
  /**
   * The last setups lists asked for: a direct answer reads the same version's setups for each fact it weighs
   * ("does 2019 support server core" reads all of 2019's, then those with Server Core). Up to 8 lists and 24 MB,
   * weighed at 400 bytes a setup (measured: about 310, its facts object and references to shared rules); a list
   * bigger than half of that (every setup of every version) is not kept. Small, so that it is full within a few
   * questions and the heap stays level afterwards (test/load/vocabulary-soak).
   */
  private readonly setupsMemo = new BoundedCache<string, readonly SetupOutcome[]>({ maxEntries: 8, maxBytes: 24 * 1024 * 1024, sizeOf: (list) => 256 + list.length * 400 });
  private readonly now: () => Date;
  private readonly assumed: readonly AssumedFact[];
  /**
   * The limits that can apply to each Exchange version, in table order: an outcome tests only those
   * (most limits name one or a few versions). The sweeps over every setup (direct answers, the one-truth
   * tests) spent most of their time testing the other versions' limits.
   */
  private readonly limitsByVersion: ReadonlyMap<string, readonly SupportLimit[]>;
  /** See {@link FactSpace.askedIndependentOfStated}. */
  private readonly askedAlone: boolean;
  private readonly statedIds: ReadonlySet<string>;
  /**
   * The asked part of each combination's outcome, by its key, filled as combinations are met. Bounded by the
   * outcome table (one entry per valid combination, tens of thousands of small-integer keys pointing at a few
   * hundred interned parts): the sweeps and the questions on few facts read every combination of a version
   * again and again, and matched every limit's `when` each time.
   */
  private readonly askedParts = new Map<number, AskedPart>();
  private readonly internedParts = new Map<string, AskedPart>();
  private readonly limitIndex: ReadonlyMap<SupportLimit, number>;

  constructor(
    private readonly space: FactSpace,
    private readonly rules: readonly SupportRule[],
    private readonly limits: readonly SupportLimit[],
    private readonly outcomes: OutcomeTable,
    private readonly lifecycle: readonly LifecycleEntry[],
    options: SupportCheckOptions = {},
  ) {
    // A step holds a few rule references and at most a few dozen limits: a couple of KB at most.
    this.memo = new BoundedCache({ maxEntries: options.memoEntries ?? 2_000, maxBytes: 16 * 1024 * 1024, sizeOf: () => 2_048 });
    this.now = options.now ?? (() => new Date());
    this.assumed = options.assumed ?? [];
    this.limitsByVersion = limitsPerVersion(space, limits);
    this.askedAlone = space.askedIndependentOfStated;
    this.statedIds = new Set(space.stated.map((d) => d.id));
    this.limitIndex = new Map(limits.map((limit, index) => [limit, index]));
  }

  get dimensions(): readonly Dimension[] {
    return this.space.dimensions;
  }

  /**
   * The verdict for what is known, or undefined while the unknown facts could still change it.
   * With every asked fact known this always returns a decision (the rules are checked for gaps at load).
   */
  decide(facts: Facts): Decision | undefined {
    const step = this.next(facts);
    return step.kind === 'verdict' ? step.decision : undefined;
  }

  /** The next step of the check: its verdict, or the first question in table order whose answer matters. */
  next(facts: Facts): CheckStep {
    const known = this.knownFacts(facts);
    const key = JSON.stringify(Object.entries(known).sort(([a], [b]) => a.localeCompare(b)));
    let step = this.memo.get(key);
    if (!step) {
      step = this.computeStep(known);
      this.memo.set(key, step);
    }
    if (step.kind !== 'verdict') return step;
    // Lifecycle depends on today, so it is added fresh rather than memoised.
    return { kind: 'verdict', decision: { ...step.decision, lifecycle: this.lifecycleNotes(known) } };
  }

  /**
   * What the check says for every setup the known facts could still be (each valid completion of
   * the asked facts, stated facts carried along): read from the same outcome table and limits as
   * {@link next}, so an answer built on it cannot disagree with a verdict.
   */
  setups(facts: Facts): readonly SetupOutcome[] {
    const known = this.knownFacts(facts);
    const key = JSON.stringify(Object.entries(known).sort(([a], [b]) => a.localeCompare(b)));
    const cached = this.setupsMemo.get(key);
    if (cached) return cached;
    const shared = new Map<AskedPart, Map<string | undefined, Outcome | null>>();
    const setups = this.completionsOf(known).map(({ facts: completion, key: combination }) => {
      const { verdict, rules, broken, open } = this.outcome(completion, combination, shared);
      return Object.freeze({ facts: Object.freeze(completion), verdict, rules, broken, open });
    });
    this.setupsMemo.set(key, Object.freeze(setups));
    return setups;
  }

  /** Keeps facts the table knows, translated to the values that exist for the rest (see {@link FactSpace.normalise}). */
  knownFacts(facts: Facts): Facts {
    return this.space.normalise(facts).facts;
  }

  /** Facts the user gave that cannot apply to the rest of the setup, to be named back. */
  setAside(facts: Facts): SetAside[] {
    return this.space.normalise(facts).setAside;
  }

  private computeStep(known: Facts): CheckStep {
    const shared = new Map<AskedPart, Map<string | undefined, Outcome | null>>();
    const every = this.space.keyedCompletions(known).map(({ facts, key }) => ({ facts, key, outcome: this.outcome(facts, key, shared) }));
    if (every.length === 0) {
      // The known facts contradict each other in every setup (normalise keeps them consistent, so
      // this means a table error); fail loudly rather than guess a verdict.
      throw new Error(`Support check has no setup matching ${JSON.stringify(known)}`);
    }
    // Setups a fact with one sensible answer rules out (Exchange 2003 on x64 Windows) are no setup the
    // user can have: they neither decide nor make a question matter. The verdict names what it assumed.
    const sensible = every.filter((c) => fitsAssumptions(this.assumed, known, c.facts));
    const completions = sensible.length > 0 ? sensible : every;
    const whatever = this.decisionOf(
      every.map((c) => c.outcome),
      known,
    );
    // Decided whatever the unsaid facts are: nothing needs assuming.
    if (whatever) return { kind: 'verdict', decision: this.reasonForOpen(whatever, every, known) };
    const decision =
      completions === every
        ? undefined
        : this.decisionOf(
            completions.map((c) => c.outcome),
            known,
          );
    if (decision) {
      const assumed = [...new Set(completions.flatMap((c) => assumptionsFor(this.assumed, known, c.facts)))];
      return { kind: 'verdict', decision: this.withAssumptions(this.reasonForOpen(decision, completions, known), assumed, every, known) };
    }
    // Only a question whose answers lead to different verdicts is asked (the verdicts differ here, or
    // the check would have decided); the outcome keys below are the last resort.
    for (const dimension of this.space.asked) {
      if (known[dimension.id] === undefined && this.changesVerdict(dimension.id, completions)) return { kind: 'question', dimension };
    }
    for (const dimension of this.space.asked) {
      if (known[dimension.id] !== undefined) continue;
      // The question matters if, the other facts fixed, two of its answers lead to different outcomes.
      const seen = new Map<number, string>();
      for (const { facts, key, outcome } of completions) {
        const rest = this.space.keyWithout(key, facts, dimension.id);
        const earlier = seen.get(rest);
        if (earlier !== undefined && earlier !== outcome.key) return { kind: 'question', dimension };
        seen.set(rest, outcome.key);
      }
    }
    // Facts that depend on each other (the update levels that exist depend on the version) leave no
    // two setups that differ in one fact alone; then a question matters if its answers lead to
    // different sets of outcomes.
    for (const dimension of this.space.asked) {
      if (known[dimension.id] !== undefined) continue;
      const byValue = new Map<string, Set<string>>();
      for (const { facts, outcome } of completions) {
        const value = facts[dimension.id] ?? '';
        const set = byValue.get(value) ?? new Set<string>();
        set.add(outcome.key);
        byValue.set(value, set);
      }
      const sets = [...byValue.values()].map((set) => [...set].sort().join('|'));
      if (new Set(sets).size > 1) return { kind: 'question', dimension };
    }
    // Unreachable with a gap-free, conflict-free table; fail loudly rather than guess a verdict.
    throw new Error(`Support check cannot progress from ${JSON.stringify(known)}`);
  }

  /**
   * One verdict for reasons that differ with a fact nobody gave (a 2010 DAG with the Exchange edition
   * unsaid: one rule for Standard, one for Enterprise). The first reason is the one shown, and as it was
   * it spoke of one value as if the user had said it ("Exchange 2010 Standard Edition Mailbox servers can
   * be DAG members..."). When one unsaid fact alone picks the first rule, the reason says that fact is
   * not known and the verdict is the same for each of its values, then gives the reason of the value
   * with the fewest conditions, headed "If it is ...". Unchanged otherwise.
   */
  private reasonForOpen(decision: Decision, completions: readonly { facts: Facts; outcome: Outcome }[], known: Facts): Decision {
    if (decision.rules.length < 2 || decision.broken.length > 0) return decision;
    if (new Set(completions.map((c) => c.outcome.rules[0]?.id)).size < 2) return decision;
    for (const dimension of this.space.asked) {
      if (known[dimension.id] !== undefined) continue;
      const byValue = new Map<string, { rule: SupportRule; open: number }>();
      let decides = true;
      for (const { facts, outcome } of completions) {
        const value = facts[dimension.id];
        const rule = outcome.rules[0];
        if (value === undefined || !rule) continue;
        const seen = byValue.get(value);
        if (seen && seen.rule.id !== rule.id) {
          decides = false;
          break;
        }
        byValue.set(value, { rule, open: Math.max(seen?.open ?? 0, outcome.open.length) });
      }
      if (!decides || byValue.size < 2 || new Set([...byValue.values()].map((v) => v.rule.id)).size < 2) continue;
      const values = dimension.values.filter((v) => byValue.has(v.id));
      // The plainest case: fewest conditions, then a reason that rests on no third-party or recalled fact, then the shortest.
      const weight = (id: string) => {
        const { rule, open } = byValue.get(id)!;
        return [open, Number(rule.restsOnThirdPartyFact) + Number(rule.restsOnRecalledFact), rule.reason.length];
      };
      const chosen = [...values].sort((a, b) => {
        const [x, y] = [weight(a.id), weight(b.id)];
        return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
      })[0]!;
      const rule = byValue.get(chosen.id)!.rule;
      // "Exchange edition" keeps its capital; "High availability" does not.
      const label = /^(?:Exchange|Windows)\b/.test(dimension.label) ? dimension.label : dimension.label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
      const reason = `The ${label} is not known; with ${values.map((v) => v.label).join(' or ')} alike the verdict is the same. ` + `If it is ${chosen.label}: ${rule.reason}`;
      // The other values' reasons (shown under Details) are headed by their value too.
      const valueOf = new Map([...byValue].map(([value, { rule: r }]) => [r.id, dimension.values.find((v) => v.id === value)?.label]));
      const others = decision.rules
        .filter((r) => r.id !== rule.id)
        .map((r) => (valueOf.get(r.id) === undefined ? r : { ...r, reason: `If it is ${valueOf.get(r.id)}: ${r.reason}` }));
      return { ...decision, rules: [{ ...rule, reason }, ...others] };
    }
    return decision;
  }

  /**
   * The decision with what it assumed (issue 21 policy, session 5: an assumed fact is stated as a
   * condition). An assumption another value of which would change the verdict (Exchange 2003 on x64
   * Windows is not supported) is named as a condition, and a positive verdict resting on it is
   * "Supported with conditions", never plain "Supported": nobody confirmed the fact. An assumption whose
   * other values change nothing, or one the table only notes (no `condition`: the other values are no
   * Exchange host at all), is named as before and leaves the label alone.
   */
  private withAssumptions(decision: Decision, assumed: readonly AssumedFact[], every: readonly { facts: Facts; outcome: Outcome }[], known: Facts): Decision {
    const positive = decision.verdict === 'supported' || decision.verdict === 'supported-with-conditions';
    // It matters when a setup that fits every other assumption but takes another value of this fact gets another verdict.
    const matters = (a: AssumedFact) =>
      every.some(
        (c) =>
          c.outcome.verdict !== decision.verdict &&
          !a.values.has(c.facts[a.dimension] ?? '') &&
          fitsAssumptions(
            this.assumed.filter((other) => other !== a),
            known,
            c.facts,
          ),
      );
    const stated = positive ? assumed.filter((a) => a.condition !== undefined && matters(a)) : [];
    const dimensionLabel = (id: string) => this.space.dimension(id)?.label ?? id;
    const conditions = stated.map((a) =>
      statedCondition(
        `${ASSUMED_CONDITION_PREFIX}${a.dimension}`,
        a.condition!,
        `The ${dimensionLabel(a.dimension).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())} was not asked, and another value would change the verdict: ${a.statement}`,
        `Tell me if the ${dimensionLabel(a.dimension).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())} is not as assumed: the verdict changes.`,
      ),
    );
    return {
      ...decision,
      verdict: conditions.length > 0 ? 'supported-with-conditions' : decision.verdict,
      ...(conditions.length > 0 ? { verdictIfAssumed: decision.verdict } : {}),
      conditions: [...conditions, ...decision.conditions],
      assumed: assumed.map((a) => ({ dimension: a.dimension, values: [...a.values], statement: a.statement, basis: a.basis, asCondition: stated.includes(a) })),
    };
  }

  /** True when, the other facts fixed, two answers to this question lead to different verdicts. */
  private changesVerdict(dimensionId: string, completions: readonly { facts: Facts; key: number; outcome: Outcome }[]): boolean {
    const seen = new Map<number, Verdict>();
    for (const { facts, key, outcome } of completions) {
      const rest = this.space.keyWithout(key, facts, dimensionId);
      const earlier = seen.get(rest);
      if (earlier !== undefined && earlier !== outcome.verdict) return true;
      seen.set(rest, outcome.verdict);
    }
    return false;
  }

  /**
   * The outcome of one complete combination, `key` its {@link FactSpace.key}. `shared` holds the outcomes worked
   * out for combinations that carry the same stated facts (the completions of one set of known facts): with them,
   * an outcome depends only on the asked part and the version (a limit's `breaks` reads stated facts only, and its
   * reason names the version), so it is worked out once per part and version rather than per combination.
   */
  private outcome(facts: Facts, key: number, shared?: Map<AskedPart, Map<string | undefined, Outcome | null>>): Outcome {
    const part = this.askedPart(facts, key);
    // Without a stated fact no limit can break or be stated: the outcome is the asked part's alone.
    for (const id in facts) {
      if (!this.statedIds.has(id)) continue;
      if (!shared) return this.outcomeOf(part, facts);
      let byVersion = shared.get(part);
      if (!byVersion) shared.set(part, (byVersion = new Map()));
      const known = byVersion.get(facts['version']);
      if (known) return known;
      if (known === null) return this.outcomeOf(part, facts);
      const outcome = this.outcomeOf(part, facts);
      // A limit whose reason names the facts (see named) is a new object for each combination, and readers tell
      // limits apart by identity (a reason shared by every setup): such outcomes stay one per combination, as before.
      const copied = [...outcome.broken, ...outcome.stated].some((limit) => !part.limits.includes(limit));
      byVersion.set(facts['version'], copied ? null : frozen(outcome));
      return copied ? outcome : byVersion.get(facts['version'])!;
    }
    // Shared by every combination of the part: frozen, so no reader can change another's.
    return (part.plain ??= frozen(this.outcomeOf(part, facts)));
  }

  /** See {@link AskedPart}: worked out once per combination. */
  private askedPart(facts: Facts, key: number): AskedPart {
    const known = this.askedParts.get(key);
    if (known) return known;
    const indices = this.outcomes.get(key);
    if (!indices) throw new Error(`No outcome for ${key}`);
    const limits: SupportLimit[] = [];
    for (const limit of (facts['version'] !== undefined ? this.limitsByVersion.get(facts['version']) : undefined) ?? this.limits) {
      if (matchesAny(limit.when, facts)) limits.push(limit);
    }
    const signature = `${indices.join(',')}/${limits.map((l) => this.limitIndex.get(l)).join(',')}`;
    let part = this.internedParts.get(signature);
    if (!part) {
      part = { rules: Object.freeze(indices.map((i) => this.rules[i]!)), limits: Object.freeze(limits) };
      this.internedParts.set(signature, part);
    }
    this.askedParts.set(key, part);
    return part;
  }

  private outcomeOf(part: AskedPart, facts: Facts): Outcome {
    const rules = part.rules;
    const base = rules[0]!.verdict;
    let broken: SupportLimit[] = [];
    // Conditions a stated fact raises (a server that is a DC, an update level behind) come first: they are
    // what the user has to act on, the rest only to confirm.
    const stated: SupportLimit[] = [];
    const unsaid: SupportLimit[] = [];
    for (const limit of part.limits) {
      const state = conditionState(limit.breaks, facts);
      // What Microsoft advises against without refusing it is a condition once stated, never a break.
      if (limit.verdict === 'supported-with-conditions') {
        if (state === 'holds') stated.push(this.named(limit, facts));
      } else if (state === 'holds') broken.push(limit);
      else if (state === 'unknown' && !limit.quiet) unsaid.push(limit);
    }
    const open = [...stated, ...unsaid];
    const severity = (l: SupportLimit) => l.verdict ?? 'not-supported';
    // The worst broken limit speaks: one the sources leave open, or one that only advises against what
    // was stated, says nothing more once the setup is not supported (or not covered) anyway.
    if (base === 'not-supported' || broken.some((l) => severity(l) === 'not-supported')) broken = broken.filter((l) => severity(l) === 'not-supported');
    else if (broken.some((l) => severity(l) === 'not-covered')) broken = broken.filter((l) => severity(l) === 'not-covered');
    else if (base === 'not-covered') broken = [];
    broken = broken.map((limit) => this.named(limit, facts));
    let verdict: Verdict = base;
    const cautions = broken.length > 0 && broken.every((l) => severity(l) === 'supported-with-conditions');
    // A broken limit makes the setup not supported; one the sources leave open ("not-covered") makes a positive verdict not covered;
    // one that advises against a stated fact makes it supported with conditions, naming it.
    if (broken.some((l) => severity(l) === 'not-supported')) verdict = 'not-supported';
    else if (broken.length > 0 && !cautions && base !== 'not-supported') verdict = 'not-covered';
    else if (cautions && base !== 'not-covered') verdict = 'supported-with-conditions';
    else if (base === 'supported' && open.length > 0) verdict = 'supported-with-conditions';
    const deciding = broken.length > 0 && base !== 'not-supported' && !cautions ? broken.map((l) => l.id) : [...rules.map((r) => r.id), ...broken.map((l) => l.id)];
    // Conditions belong to a supported verdict: a setup that is not supported anyway has none to meet.
    const positive = verdict !== 'not-supported' && verdict !== 'not-covered';
    return { verdict, rules, broken, open: positive ? open : [], stated: positive ? stated : [], key: `${verdict}:${deciding.join(',')}` };
  }

  /**
   * The completions of `known`: those of its asked facts alone (memoised with the setups) with its stated
   * facts added, where the fact space allows it. "does 2019 support X" weighs every stated fact X against
   * the same asked combinations, which the walk enumerated again for each X.
   */
  private completionsOf(known: Facts): Keyed[] {
    if (!this.askedAlone) return this.space.keyedCompletions(known);
    const asked: Record<string, string> = {};
    const stated: Record<string, string> = {};
    for (const [d, v] of Object.entries(known)) (this.statedIds.has(d) ? stated : asked)[d] = v;
    if (Object.keys(stated).length === 0) return this.space.keyedCompletions(known);
    // The stated facts first, in the table's order, as the walk lists them.
    const ordered = Object.fromEntries(this.space.stated.filter((d) => stated[d.id] !== undefined).map((d) => [d.id, stated[d.id]!]));
    return this.setups(asked).map((s) => ({ facts: { ...ordered, ...s.facts }, key: this.space.key(s.facts) }));
  }

  /** A decision when every possible setup gives one verdict for a shared reason; otherwise undefined. */
  private decisionOf(outcomes: readonly Outcome[], known: Facts): Decision | undefined {
    const verdict = outcomes[0]!.verdict;
    if (outcomes.some((o) => o.verdict !== verdict)) return undefined;
    const brokenOnly = verdict === 'not-supported' && outcomes.every((o) => o.broken.length > 0);
    let rules = outcomes[0]!.rules.filter((r) => !brokenOnly || r.verdict === 'not-supported');
    let broken = outcomes[0]!.broken;
    for (const o of outcomes) {
      rules = rules.filter((r) => o.rules.includes(r));
      // By id: a limit's reason is filled in per setup (see named), so the objects differ.
      broken = broken.filter((l) => o.broken.some((b) => b.id === l.id));
    }
    if (rules.length === 0 && broken.length === 0) {
      // One verdict for different reasons (one Edge server or several: supported either way): no
      // question can change the verdict, so none is asked; every reason that applies is given.
      // The reason built on most of what was said first: "exchange 2003 standard edition on a 2 node cluster" (role unknown) is
      // refused for its Standard Edition before the front-end rule, which needs a role nobody named (session 14, lead).
      const saidIn = (r: SupportRule) => Math.max(0, ...r.when.map((alternative) => alternative.filter((test) => known[test.dimension] !== undefined).length));
      rules = [...new Set(outcomes.flatMap((o) => o.rules.filter((r) => !brokenOnly || r.verdict === 'not-supported')))].sort((a, b) => saidIn(b) - saidIn(a));
      broken = [...new Map(outcomes.flatMap((o) => o.broken).map((l) => [l.id, l] as const)).values()];
    }
    // Conditions: every limit still open in any setup it could be, so none is left unsaid; a condition a stated
    // fact raises only where every setup raises it (an update named behind, not one of the updates left open).
    // By id: a stated limit's condition is filled in per setup (see named), so the objects differ.
    const stated = outcomes[0]!.stated.filter((l) => outcomes.every((o) => o.stated.some((s) => s.id === l.id)));
    const unsaid = outcomes.flatMap((o) => o.open.filter((l) => !o.stated.includes(l)));
    const conditions = [...new Map([...stated, ...unsaid].map((l) => [l.id, l] as const)).values()];
    return { verdict, rules, broken, conditions, decisiveFacts: this.decisiveFacts(rules, broken, known), lifecycle: [] };
  }

  /**
   * The limit with its reason filled in from the facts that broke it: `{named}` the stated values its
   * `any` tests caught ("NNTP and the Lotus Notes connector"), `{is}` "is" or "are" to match, `{version}`
   * the Exchange version's label. Unchanged when the reason has no placeholder.
   */
  private named(limit: SupportLimit, facts: Facts): SupportLimit {
    if (!/\{(named|is|version)\}/.test(limit.reason + limit.condition)) return limit;
    const names: string[] = [];
    for (const test of limit.breaks) {
      const dimension = this.space.dimension(test.dimension);
      if (!dimension || dimension.type !== 'set' || !test.accepts) continue;
      for (const value of dimension.values) {
        if (!test.accepts.has(value.id) || !setOf(facts[test.dimension]).includes(value.id)) continue;
        // "the Lotus Notes connector", "the Key Management Service"; an acronym or a feature name stands alone.
        names.push(/(connector|service|server)$/i.test(value.label) ? `the ${value.label}` : value.label);
      }
    }
    const list = names.length <= 1 ? (names[0] ?? 'That component') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const version = this.space.dimension('version')?.values.find((v) => v.id === facts['version'])?.label ?? 'Exchange';
    const fill = (text: string) =>
      text
        .replace(/\{named\}/g, list)
        .replace(/\{is\}/g, names.length > 1 ? 'are' : 'is')
        .replace(/\{version\}/g, version);
    return { ...limit, reason: fill(limit.reason), condition: fill(limit.condition) };
  }

  private decisiveFacts(rules: readonly SupportRule[], broken: readonly SupportLimit[], known: Facts): Facts {
    const used = new Set<string>();
    for (const item of [...rules, ...broken]) {
      for (const alternative of item.when) {
        if (alternative.every((test) => known[test.dimension] !== undefined)) for (const test of alternative) used.add(test.dimension);
      }
      if (item.kind === 'limit') for (const test of item.breaks) used.add(test.dimension);
    }
    return Object.fromEntries(this.space.dimensions.filter((d) => used.has(d.id) && known[d.id] !== undefined).map((d) => [d.id, known[d.id]!]));
  }

  private lifecycleNotes(known: Facts): LifecycleNote[] {
    const today = this.now().toISOString().slice(0, 10);
    // "CAS on the two CCR nodes" names no version, but only Exchange 2007 has CCR: its lifecycle is the setup's (o21).
    const version = known.version ?? this.impliedVersion(known);
    const facts = version === undefined ? known : { ...known, version };
    return this.lifecycle
      .filter((entry) => facts[entry.dimension] === entry.value)
      .map((entry) => ({
        dimension: entry.dimension,
        value: entry.value,
        label: this.space.dimension(entry.dimension)?.values.find((v) => v.id === entry.value)?.label ?? entry.value,
        endOfSupport: entry.endOfSupport,
        retired: entry.endOfSupport !== undefined && entry.endOfSupport < today,
        note: entry.note,
        basis: entry.basis,
      }));
  }

  /** The one Exchange version the known facts leave (a technology only one version has), or undefined. */
  private impliedVersion(known: Facts): string | undefined {
    if (Object.keys(known).length === 0) return undefined;
    const fits = this.space.valuesFor('version', known).filter((value) => {
      const { facts, setAside } = this.space.normalise({ ...known, version: value.id });
      return setAside.length === 0 && Object.entries(known).every(([d, v]) => facts[d] === v);
    });
    return fits.length === 1 ? fits[0]!.id : undefined;
  }
}

/** An outcome shared by several combinations, frozen with its lists so no reader can change another's. */
function frozen(outcome: Outcome): Outcome {
  return Object.freeze({ ...outcome, broken: Object.freeze(outcome.broken), open: Object.freeze(outcome.open), stated: Object.freeze(outcome.stated) });
}

/** For each value of `version`, the limits one of whose `when` alternatives can hold for it (no version test, or one it passes). */
function limitsPerVersion(space: FactSpace, limits: readonly SupportLimit[]): ReadonlyMap<string, readonly SupportLimit[]> {
  const versions = space.dimension('version')?.values ?? [];
  const canHold = (limit: SupportLimit, version: string) =>
    limit.when.some((alternative) => alternative.every((test) => test.dimension !== 'version' || test.reads.length > 0 || test.check(version, { version })));
  return new Map(versions.map((v) => [v.id, limits.filter((limit) => canHold(limit, v.id))]));
}
