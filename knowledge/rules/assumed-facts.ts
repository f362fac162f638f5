import { compileCondition, conditionHolds, type Condition } from './conditions';
import type { Facts } from '../reading/fact-recognizer';
import type { FactSpace } from './fact-space';
import type { KnowledgeProblem } from '../loading/problems';
import type { AssumedFactInput, Dimension } from '../loading/schemas';

/** The id of a condition that states an assumed fact ("assumed-architecture"), beside the "open-" conditions of facts left open. */
export const ASSUMED_CONDITION_PREFIX = 'assumed-';

/**
 * A fact with one sensible answer where its condition holds (assumed-facts.yaml): Exchange 2003 runs
 * only on 32-bit Windows, so the check takes x86 instead of asking, and the verdict says so.
 */
export interface AssumedFact {
  dimension: string;
  when: Condition;
  values: ReadonlySet<string>;
  statement: string;
  /** The condition a verdict states when another value of the fact would change it (issue 21); none for a note only. */
  condition?: string;
  basis: readonly string[];
}

// A stated fact may narrow an assumption too: a domain controller is never an Edge server.
const KINDS: ReadonlySet<Dimension['kind']> = new Set(['asked', 'stated']);

/** Compiles the table, naming the file, line and field of every problem. */
export function compileAssumedFacts(
  input: readonly AssumedFactInput[],
  space: FactSpace,
  factIds: ReadonlySet<string>,
  file: string,
  lineOf: (path: PropertyKey[]) => number | undefined,
): { assumed: AssumedFact[]; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const byId = new Map(space.dimensions.map((d) => [d.id, d]));
  const assumed: AssumedFact[] = [];
  input.forEach((entry, index) => {
    const problem = (field: string, message: string, ...path: PropertyKey[]) => problems.push({ file, line: lineOf([index, ...path]), field: `[${index}].${field}`, message });
    const dimension = byId.get(entry.dimension);
    if (!dimension || dimension.kind !== 'asked') {
      problem('dimension', `"${entry.dimension}" is not an asked fact of fact-dimensions.yaml`, 'dimension');
      return;
    }
    const { condition, problems: conditionProblems } = compileCondition(entry.when, byId, KINDS);
    for (const p of conditionProblems) problem(['when', ...p.path].join('.'), p.message, 'when', ...p.path);
    if (condition.some((test) => test.dimension === entry.dimension)) problem('when', `tests ${entry.dimension}, the fact it assumes`, 'when');
    entry.values.forEach((value, i) => {
      if (!dimension.values.some((v) => v.id === value)) problem(`values.${i}`, `unknown value "${value}" for ${entry.dimension}`, 'values', i);
    });
    entry.basis.forEach((id, i) => {
      if (!factIds.has(id)) problem(`basis.${i}`, `rests on fact "${id}", which is not in facts.yaml`, 'basis', i);
    });
    assumed.push({
      dimension: entry.dimension,
      when: condition,
      values: new Set(entry.values),
      statement: entry.statement,
      ...(entry.condition ? { condition: entry.condition } : {}),
      basis: entry.basis,
    });
  });
  return { assumed, problems };
}

/**
 * The assumptions that hold for one complete setup, given what the user said (`known`): only facts
 * the user left unsaid are assumed, and only where the setup has that fact at all.
 */
export function assumptionsFor(assumed: readonly AssumedFact[], known: Facts, setup: Facts): AssumedFact[] {
  return assumed.filter((a) => known[a.dimension] === undefined && setup[a.dimension] !== undefined && conditionHolds(a.when, setup));
}

/** True when the setup takes the assumed value of every assumption that holds for it. */
export function fitsAssumptions(assumed: readonly AssumedFact[], known: Facts, setup: Facts): boolean {
  return assumptionsFor(assumed, known, setup).every((a) => a.values.has(setup[a.dimension]!));
}

/**
 * The facts a question mid-check can take as given (issue 21, d21): each assumption with one value whose condition holds
 * on what the user said ("Exchange 2000": Windows 2000), so the question that follows offers and reads the values of
 * that setup (Windows 2000's editions, never Windows Server 2003's Enterprise), while the verdict still names it assumed.
 */
export function settledAssumptions(assumed: readonly AssumedFact[], known: Facts): Facts {
  const settled: Record<string, string> = {};
  for (const a of assumed) {
    if (known[a.dimension] !== undefined || a.values.size !== 1 || !conditionHolds(a.when, known)) continue;
    settled[a.dimension] = [...a.values][0]!;
  }
  return settled;
}
