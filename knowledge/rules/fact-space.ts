import { compileCondition, conditionDimensions, conditionState, type Condition, type ConditionProblem } from './conditions';
import type { Facts } from '../reading/fact-recognizer';
import type { Dimension, DimensionValue } from '../loading/schemas';
import { BoundedCache } from '../bounded-cache';

/** A fact the user gave that the check set aside, and why (named back in the verdict, never dropped silently). */
export interface SetAside {
  dimension: string;
  value: string;
  why: 'does-not-apply';
}

interface CompiledValue {
  value: DimensionValue;
  appliesWhen?: Condition;
}

interface CompiledDimension {
  dimension: Dimension;
  appliesWhen?: Condition;
  values: Map<string, CompiledValue>;
  /**
   * For an asked dimension: true when its `appliesWhen` and its values' read only asked dimensions
   * before it, so the walk knows at its level what {@link FactSpace.complete} would find of it.
   */
  settledAtItsLevel?: boolean;
}

/** Problems of the dimensions table, located by the path inside it. */
export interface FactSpaceProblem {
  path: PropertyKey[];
  message: string;
}

// Normalising settles within a few rounds (an implied fact may make another value apply); the cap
// only guards against a table whose translations chase each other.
const MAX_NORMALISE_ROUNDS = 5;

/**
 * The space of setups the check reasons about: the fact dimensions, which values exist where (a
 * role a version does not have is no combination), how the same words translate between versions
 * ("mailbox server" is an Exchange 2003 back-end), and every valid combination of the asked facts.
 *
 * @example
 * const space = new FactSpace(dimensions);
 * space.normalise({ version: '2003', role: 'mailbox' }).facts; // { version: '2003', role: 'back-end' }
 * [...space.completions({ version: '2016' })].length; // every Exchange 2016 setup the rules must decide
 */
export class FactSpace {
  readonly dimensions: readonly Dimension[];
  readonly asked: readonly Dimension[];
  readonly stated: readonly Dimension[];
  readonly problems: FactSpaceProblem[] = [];
  private readonly compiled = new Map<string, CompiledDimension>();
  /** Per asked dimension: its weight in {@link key} and each value's digit (1-based). */
  private readonly digits: { id: string; weight: number; positions: Map<string, number> }[] = [];
  /** The same digits by dimension id. */
  /** Every dimension id in the order the walk adds them to a combination: the stated ones, then the asked ones. */
  private readonly walkOrder: readonly string[];
  private readonly digitOf = new Map<string, { id: string; weight: number; positions: Map<string, number> }>();
  /** The asked dimensions whose conditions read a later one: only these are left for {@link complete} to check. */
  private readonly lateAsked: readonly Dimension[];
  /**
   * Normalised fact sets by their JSON: a check step asks for the same facts several times (its known
   * facts, what it sets aside, each group's step; issue 24). The table never changes after
   * construction; users send any combination, hence the bound.
   */
  private readonly normalised = new BoundedCache<string, { facts: Facts; setAside: SetAside[] }>({ maxEntries: 2_000, maxBytes: 4 * 1024 * 1024, sizeOf: () => 1_024 });

  constructor(dimensions: readonly Dimension[]) {
    this.dimensions = dimensions;
    this.asked = dimensions.filter((d) => d.kind === 'asked');
    this.stated = dimensions.filter((d) => d.kind === 'stated');
    this.walkOrder = [...this.stated, ...this.asked].map((d) => d.id);
    const byId = new Map(dimensions.map((d) => [d.id, d]));
    const askedOnly = new Set<Dimension['kind']>(['asked']);
    dimensions.forEach((dimension, index) => {
      const report = (prefix: PropertyKey[]) => (p: ConditionProblem) => this.problems.push({ path: [index, ...prefix, ...p.path], message: p.message });
      const compileApplies = (input: Dimension['appliesWhen'], prefix: PropertyKey[]) => {
        if (!input) return undefined;
        const { condition, problems } = compileCondition(input, byId, askedOnly);
        problems.forEach(report(prefix));
        return condition;
      };
      const values = new Map<string, CompiledValue>();
      dimension.values.forEach((value, v) => {
        if (values.has(value.id)) this.problems.push({ path: [index, 'values', v, 'id'], message: `duplicate value id "${value.id}"` });
        values.set(value.id, { value, appliesWhen: compileApplies(value.appliesWhen, ['values', v, 'appliesWhen']) });
        value.elsewhere.forEach((other, e) => {
          if (!dimension.values.some((x) => x.id === other))
            this.problems.push({ path: [index, 'values', v, 'elsewhere', e], message: `unknown value "${other}" for ${dimension.id}` });
        });
        for (const [implied, impliedValue] of Object.entries(value.implies)) {
          const target = byId.get(implied);
          if (!target || !target.values.some((x) => x.id === impliedValue)) {
            this.problems.push({ path: [index, 'values', v, 'implies', implied], message: `implies unknown fact ${implied}=${impliedValue}` });
          }
        }
        for (const [phrase, states] of Object.entries(value.namesStating)) {
          for (const [stated, statedValue] of Object.entries(states)) {
            const target = byId.get(stated);
            if (!target || !target.values.some((x) => x.id === statedValue)) {
              this.problems.push({ path: [index, 'values', v, 'namesStating', phrase, stated], message: `states unknown fact ${stated}=${statedValue}` });
            }
          }
        }
      });
      if (dimension.elsewhereStated !== undefined) {
        const target = byId.get(dimension.elsewhereStated);
        const missing = dimension.values.filter((value) => !target?.values.some((x) => x.id === value.id));
        if (!target || target.kind !== 'stated' || missing.length > 0)
          this.problems.push({ path: [index, 'elsewhereStated'], message: `must name a stated fact with the values ${dimension.values.map((v) => v.id).join(', ')}` });
      }
      if (dimension.type !== 'number' && dimension.values.length < 2) this.problems.push({ path: [index, 'values'], message: 'must offer at least two values' });
      if (dimension.kind === 'asked' && dimension.type !== 'choice') this.problems.push({ path: [index, 'type'], message: 'an asked fact must be a choice' });
      this.compiled.set(dimension.id, { dimension, appliesWhen: compileApplies(dimension.appliesWhen, ['appliesWhen']), values });
    });
    let weight = 1;
    for (const dimension of this.asked) {
      const digit = { id: dimension.id, weight, positions: new Map(dimension.values.map((v, i) => [v.id, i + 1])) };
      this.digits.push(digit);
      this.digitOf.set(dimension.id, digit);
      weight *= dimension.values.length + 1;
    }
    if (weight > Number.MAX_SAFE_INTEGER) this.problems.push({ path: [], message: `the asked facts make ${weight} combinations, too many to key exactly` });
    const before = new Set<string>();
    for (const dimension of this.asked) {
      const entry = this.compiled.get(dimension.id)!;
      const conditions = [entry.appliesWhen, ...[...entry.values.values()].map((v) => v.appliesWhen)];
      entry.settledAtItsLevel = conditions.every((condition) => !condition || conditionDimensions(condition).every((id) => before.has(id)));
      before.add(dimension.id);
    }
    this.lateAsked = this.asked.filter((dimension) => !this.compiled.get(dimension.id)!.settledAtItsLevel);
  }

  dimension(id: string): Dimension | undefined {
    return this.compiled.get(id)?.dimension;
  }

  /** False only when the known facts rule the dimension out (an unknown fact it depends on could still make it apply). */
  dimensionApplies(dimensionId: string, facts: Facts): boolean {
    const compiled = this.compiled.get(dimensionId);
    return !!compiled && (!compiled.appliesWhen || conditionState(compiled.appliesWhen, facts) !== 'fails');
  }

  /** False only when the known facts rule the value out. Alias values (`alias: true` style, with no combination of their own) never apply. */
  valueApplies(dimensionId: string, valueId: string, facts: Facts): boolean {
    const value = this.compiled.get(dimensionId)?.values.get(valueId);
    return !!value && !value.value.alias && (!value.appliesWhen || conditionState(value.appliesWhen, facts) !== 'fails');
  }

  /** True when the known facts settle that the value exists. */
  private valueHolds(dimensionId: string, valueId: string, facts: Facts): boolean {
    const value = this.compiled.get(dimensionId)?.values.get(valueId);
    return !!value && !value.value.alias && (!value.appliesWhen || conditionState(value.appliesWhen, facts) === 'holds');
  }

  /** The values of a dimension that exist for what is known: what a question offers. */
  valuesFor(dimensionId: string, facts: Facts): DimensionValue[] {
    const compiled = this.compiled.get(dimensionId);
    if (!compiled || !this.dimensionApplies(dimensionId, facts)) return [];
    return [...compiled.values.values()].filter((v) => !v.value.alias && (!v.appliesWhen || conditionState(v.appliesWhen, facts) !== 'fails')).map((v) => v.value);
  }

  /**
   * Keeps what is consistent and known to the table: translates a value to the one the same words
   * mean where it does not apply (`elsewhere`), adds what a value settles (`implies`), and sets aside
   * facts that cannot apply (named back to the user). Unknown dimensions and values (stale state,
   * forged card values) are dropped.
   */
  normalise(facts: Facts): { facts: Facts; setAside: SetAside[] } {
    // The key keeps the facts' order, as the result does (its facts come in that order).
    const key = JSON.stringify(facts);
    let found = this.normalised.get(key);
    if (found === undefined) {
      found = this.normaliseUncached(facts);
      this.normalised.set(key, found);
    }
    // A copy: callers may change what they get.
    return { facts: { ...found.facts }, setAside: found.setAside.map((s) => ({ ...s })) };
  }

  private normaliseUncached(facts: Facts): { facts: Facts; setAside: SetAside[] } {
    let current: Record<string, string> = {};
    for (const [dimensionId, value] of Object.entries(facts)) {
      const compiled = this.compiled.get(dimensionId);
      if (!compiled) continue;
      if (compiled.dimension.type === 'choice' && !compiled.values.has(value)) continue;
      if (compiled.dimension.type === 'number' && !/^\d{1,6}$/.test(value)) continue;
      if (compiled.dimension.type === 'set' && !value.split(',').every((v) => compiled.values.has(v))) continue;
      current[dimensionId] = value;
    }
    const setAside: SetAside[] = [];
    for (let round = 0; round < MAX_NORMALISE_ROUNDS; round += 1) {
      let changed = false;
      for (const dimension of this.dimensions) {
        const value = current[dimension.id];
        if (value === undefined) {
          continue;
        }
        if (!this.dimensionApplies(dimension.id, current)) {
          delete current[dimension.id];
          // "32-bit" of a Windows release that has only 64-bit editions: a stated fact, judged by the limits (elsewhereStated).
          const stated = dimension.elsewhereStated;
          if (stated !== undefined && current[stated] === undefined) current[stated] = value;
          changed = true;
          continue;
        }
        if (dimension.type !== 'choice' || this.valueApplies(dimension.id, value, current)) continue;
        const compiledValue = this.compiled.get(dimension.id)!.values.get(value)!;
        if (compiledValue.value.alias && compiledValue.appliesWhen && conditionState(compiledValue.appliesWhen, current) === 'fails') {
          // Words that name a value only in some setups: elsewhere they name the dimension without a value.
          delete current[dimension.id];
          changed = true;
          continue;
        }
        if (compiledValue.value.alias) {
          // Words only ("cluster"): resolved once the facts say which reading exists; kept until then.
          const settled = compiledValue.value.elsewhere.filter((other) => this.valueHolds(dimension.id, other, current));
          const open = compiledValue.value.elsewhere.filter((other) => this.valueApplies(dimension.id, other, current));
          if (settled.length > 0 && settled[0] === open[0]) {
            current[dimension.id] = settled[0]!;
            changed = true;
            continue;
          }
          if (open.length > 0) continue;
        }
        const translation = compiledValue.value.alias ? undefined : compiledValue.value.elsewhere.find((other) => this.valueApplies(dimension.id, other, current));
        if (translation !== undefined) current[dimension.id] = translation;
        else {
          delete current[dimension.id];
          setAside.push({ dimension: dimension.id, value, why: 'does-not-apply' });
        }
        changed = true;
      }
      for (const dimension of this.dimensions) {
        const value = current[dimension.id];
        if (value === undefined || dimension.type !== 'choice') continue;
        for (const [implied, impliedValue] of Object.entries(this.compiled.get(dimension.id)!.values.get(value)!.value.implies)) {
          const target = this.compiled.get(implied)?.values.get(impliedValue);
          if (current[implied] === undefined && (this.valueApplies(implied, impliedValue, current) || target?.value.alias)) {
            current = { ...current, [implied]: impliedValue };
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    return { facts: current, setAside };
  }

  /**
   * Every valid combination of the asked facts that agrees with `known`, the stated facts of
   * `known` carried along. A known value that does not exist in a combination is translated the
   * way {@link normalise} does, or rules that combination out; a dimension that does not apply to a
   * combination is left out of it.
   */
  /**
   * True when which combinations of asked facts exist never depends on a stated fact (no `appliesWhen` of
   * an asked dimension or value reads one): the completions of known facts are then those of the asked
   * facts alone, each with the stated facts added (see SupportCheck.setups).
   */
  get askedIndependentOfStated(): boolean {
    const stated = new Set(this.stated.map((d) => d.id));
    const reads = (condition: Condition | undefined) => (condition ? conditionDimensions(condition).some((d) => stated.has(d)) : false);
    return [...this.compiled.values()].every((entry) => !reads(entry.appliesWhen) && [...entry.values.values()].every((v) => !reads(v.appliesWhen)));
  }

  completions(known: Facts): Facts[] {
    const all: Facts[] = [];
    this.forEachCompletion(known, (facts) => all.push(this.copyOf(facts)));
    return all;
  }

  /** {@link completions} with each combination's {@link key}. */
  keyedCompletions(known: Facts): { facts: Facts; key: number }[] {
    const all: { facts: Facts; key: number }[] = [];
    this.forEachCompletion(known, (facts, key) => all.push({ facts: this.copyOf(facts), key }));
    return all;
  }

  /**
   * A copy of a combination the walk visits, its facts in the walk's order (stated facts, then asked ones, each
   * in table order), as `{ ...facts }` gives it: read dimension by dimension, which is about twice as fast as
   * spreading the walk's object (added to and deleted from at every step) for the tens of thousands of copies
   * a check step on few facts makes.
   */
  private copyOf(facts: Readonly<Record<string, string>>): Facts {
    const copy: Record<string, string> = {};
    for (const id of this.walkOrder) {
      const value = facts[id];
      if (value !== undefined) copy[id] = value;
    }
    return copy;
  }

  /**
   * Calls `visit` with each combination {@link completions} lists, without copying: the object is
   * reused for the next combination, so `visit` must copy what it keeps. A plain recursive walk,
   * because the rules table's validation visits every one of the tens of thousands of combinations
   * at each start, and nested generators (one per dimension) made that walk several times slower.
   * `key` is the combination's {@link key}, built along the walk.
   */
  forEachCompletion(known: Facts, visit: (facts: Readonly<Record<string, string>>, key: number) => void): void {
    const facts: Record<string, string> = {};
    for (const d of this.stated) if (known[d.id] !== undefined) facts[d.id] = known[d.id]!;
    const asked = this.asked.map((dimension) => this.compiled.get(dimension.id)!);
    const digits = this.digits;
    const late = this.lateAsked.length;
    const walk = (index: number, key: number): void => {
      if (index === asked.length) {
        if (late === 0 || this.complete(facts)) visit(facts, key);
        return;
      }
      const entry = asked[index]!;
      const id = entry.dimension.id;
      const digit = digits[index]!;
      const applies = entry.appliesWhen ? conditionState(entry.appliesWhen, facts) : 'holds';
      if (applies === 'fails') {
        walk(index + 1, key);
        return;
      }
      // A dimension whose conditions read only earlier ones is settled here as complete() would settle it at the
      // end: one that may or may not apply (an earlier fact it reads does not apply) has no complete combination.
      const settled = entry.settledAtItsLevel === true;
      if (settled && applies === 'unknown') return;
      let given = known[id];
      const givenValue = given === undefined ? undefined : entry.values.get(given)!;
      // An alias that cannot be resolved in this combination ("load balancing" beyond Exchange 2003) names no value: enumerate.
      if (givenValue && givenValue.value.alias && givenValue.appliesWhen && conditionState(givenValue.appliesWhen, facts) === 'fails') given = undefined;
      const candidates = given === undefined ? entry.values.keys() : [given, ...givenValue!.value.elsewhere];
      for (const value of candidates) {
        const v = entry.values.get(value)!;
        if (v.value.alias) continue;
        const state = v.appliesWhen ? conditionState(v.appliesWhen, facts) : 'holds';
        if (state === 'fails') continue;
        if (settled && state === 'unknown') {
          // No complete combination has this value; a given value's walk still ends with it, as it would have.
          if (given !== undefined) break;
          continue;
        }
        facts[id] = value;
        walk(index + 1, key + digit.positions.get(value)! * digit.weight);
        delete facts[id];
        // A translation is only for a given value that does not apply; the first that applies is it.
        if (given !== undefined) break;
      }
    };
    walk(0, 0);
  }

  /** True when every asked value of a full combination exists there (conditions naming later dimensions are checked here). */
  private complete(facts: Facts): boolean {
    // The others were settled along the walk (see settledAtItsLevel).
    for (const dimension of this.lateAsked) {
      const entry = this.compiled.get(dimension.id)!;
      const value = facts[dimension.id];
      const applies = !entry.appliesWhen || conditionState(entry.appliesWhen, facts) === 'holds';
      if (value === undefined) {
        if (applies) return false;
        continue;
      }
      if (!applies) return false;
      const v = entry.values.get(value)!;
      if (v.value.alias || (v.appliesWhen && conditionState(v.appliesWhen, facts) !== 'holds')) return false;
    }
    return true;
  }

  /**
   * A number that tells combinations of asked facts apart: each asked dimension is one digit of a
   * mixed-radix number (0 for unknown or not applying, then its values in table order). A number
   * rather than a joined string because the outcome table holds tens of thousands of keys that
   * validation builds at each start.
   */
  key(facts: Facts): number {
    let key = 0;
    for (const digit of this.digits) {
      const value = facts[digit.id];
      if (value !== undefined) key += (digit.positions.get(value) ?? 0) * digit.weight;
    }
    return key;
  }

  /**
   * The {@link key} of `facts` with one asked dimension unknown, from the key of `facts` itself:
   * `key({ ...facts, [dimensionId]: '' })` without copying the facts (the check asks it of every
   * combination for every question it weighs).
   */
  keyWithout(key: number, facts: Facts, dimensionId: string): number {
    const digit = this.digitOf.get(dimensionId);
    const value = facts[dimensionId];
    if (digit === undefined || value === undefined) return key;
    return key - (digit.positions.get(value) ?? 0) * digit.weight;
  }
}
