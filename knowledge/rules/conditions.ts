import type { Facts } from '../reading/fact-recognizer';
import type { ConditionInput, ConditionTest, Dimension } from '../loading/schemas';

/**
 * One dimension's test inside a condition. `check` answers true/false for a known value, and is
 * never called for an unknown one: whether an unknown fact matters is the caller's question.
 */
export interface DimensionTest {
  dimension: string;
  /** The value ids the test accepts, for choice facts (used to enumerate and to describe the test), and for `any` tests of set facts. */
  accepts?: ReadonlySet<string>;
  /** Other facts the test reads (a number bound naming another fact: `instances: { min: nodes }`). */
  reads: readonly string[];
  check(value: string, facts: Facts): boolean;
}

/** A compiled condition: every test must hold. */
export type Condition = readonly DimensionTest[];

/** How a condition stands against partly known facts. */
export type ConditionState = 'holds' | 'fails' | 'unknown';

/** Problems found while compiling, with the path of the offending field below the condition. */
export interface ConditionProblem {
  path: PropertyKey[];
  message: string;
}

/** Numbers are stored as decimal strings and sets as comma-joined value ids, so facts stay plain strings in dialog state. */
export function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  return Number(value);
}

export function setOf(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(',');
}

/** Compiles a condition as written in a table, checking every dimension and value it names. */
export function compileCondition(
  input: ConditionInput,
  dimensions: ReadonlyMap<string, Dimension>,
  allowedKinds: ReadonlySet<Dimension['kind']>,
): { condition: Condition; problems: ConditionProblem[] } {
  const problems: ConditionProblem[] = [];
  const condition: DimensionTest[] = [];
  for (const [dimensionId, raw] of Object.entries(input)) {
    const dimension = dimensions.get(dimensionId);
    if (!dimension) {
      problems.push({ path: [dimensionId], message: `unknown fact "${dimensionId}"; known: ${[...dimensions.keys()].join(', ')}` });
      continue;
    }
    if (!allowedKinds.has(dimension.kind)) {
      problems.push({ path: [dimensionId], message: `"${dimensionId}" is a ${dimension.kind} fact, which this condition may not test` });
      continue;
    }
    const test = compileTest(dimension, raw, dimensions, (message) => problems.push({ path: [dimensionId], message }));
    if (test) condition.push(test);
  }
  return { condition, problems };
}

function compileTest(dimension: Dimension, raw: ConditionTest, dimensions: ReadonlyMap<string, Dimension>, problem: (message: string) => void): DimensionTest | undefined {
  const known = new Set(dimension.values.map((v) => v.id));
  const checkValues = (values: readonly string[]) => {
    for (const value of values) if (!known.has(value)) problem(`unknown value "${value}" for ${dimension.id}; known: ${[...known].join(', ')}`);
  };
  const list = (v: string | readonly string[]) => (Array.isArray(v) ? v : [v as string]);
  const base = { dimension: dimension.id };
  if (typeof raw === 'string' || Array.isArray(raw)) {
    if (dimension.type === 'number') return (problem(`${dimension.id} is a number: use { min, max }`), undefined);
    const values = list(raw);
    checkValues(values);
    const accepts = new Set(values);
    if (dimension.type === 'set') return (problem(`${dimension.id} is a set: use { any: [...] }`), undefined);
    return { ...base, accepts, reads: [], check: (value) => accepts.has(value) };
  }
  if ('not' in raw) {
    if (dimension.type !== 'choice') return (problem(`{ not } applies to choice facts only`), undefined);
    const refused = new Set(list(raw.not));
    checkValues([...refused]);
    const accepts = new Set([...known].filter((v) => !refused.has(v)));
    return { ...base, accepts, reads: [], check: (value) => accepts.has(value) };
  }
  if ('any' in raw) {
    if (dimension.type !== 'set') return (problem(`{ any } applies to set facts only`), undefined);
    const wanted = new Set(list(raw.any));
    checkValues([...wanted]);
    // `accepts` lets a reason name the values that broke it ("NNTP and the Lotus Notes connector").
    return { ...base, accepts: wanted, reads: [], check: (value) => setOf(value).some((v) => wanted.has(v)) };
  }
  if (dimension.type !== 'number') return (problem(`{ min, max, even } applies to number facts only`), undefined);
  const reads: string[] = [];
  const bound = (b: number | string | undefined): ((facts: Facts) => number | undefined) | undefined => {
    if (b === undefined) return undefined;
    if (typeof b === 'number') return () => b;
    const other = dimensions.get(b);
    if (!other || other.type !== 'number') {
      problem(`bound "${b}" is neither a number nor a number fact`);
      return undefined;
    }
    reads.push(b);
    return (facts) => numberOf(facts[b]);
  };
  const min = bound(raw.min);
  const max = bound(raw.max);
  const parity = raw.even === undefined ? undefined : raw.even ? 0 : 1;
  return {
    ...base,
    reads,
    check: (value, facts) => {
      const n = numberOf(value);
      if (n === undefined) return false;
      const lo = min?.(facts);
      const hi = max?.(facts);
      // A bound naming an unknown fact cannot be broken yet: the caller treats reads separately.
      if ((min && lo === undefined) || (max && hi === undefined)) return false;
      return (lo === undefined || n >= lo) && (hi === undefined || n <= hi) && (parity === undefined || n % 2 === parity);
    },
  };
}

/** True when every test holds; false as soon as one fails or its fact is unknown. */
export function conditionHolds(condition: Condition, facts: Facts): boolean {
  return condition.every((test) => {
    const value = facts[test.dimension];
    return value !== undefined && test.reads.every((d) => facts[d] !== undefined) && test.check(value, facts);
  });
}

/** Whether a condition holds, fails, or cannot be told yet because a fact it reads is unknown. */
export function conditionState(condition: Condition, facts: Facts): ConditionState {
  let unknown = false;
  for (const test of condition) {
    const value = facts[test.dimension];
    if (value === undefined || test.reads.some((d) => facts[d] === undefined)) {
      unknown = true;
      continue;
    }
    if (!test.check(value, facts)) return 'fails';
  }
  return unknown ? 'unknown' : 'holds';
}

/** The dimensions a condition reads, for "why" and for what a stated fact can change. */
export function conditionDimensions(condition: Condition): string[] {
  return [...new Set(condition.flatMap((t) => [t.dimension, ...t.reads]))];
}
