import type { Facts } from '../reading/fact-recognizer';
import type { KnowledgeBase } from '../knowledge-base';
import type { Dimension } from '../loading/schemas';
import type { CheckStep } from './support-check';
import type { Decision, SupportLimit } from './support-rules';
import { VERDICT_LABELS, worstVerdict } from './triage-summary';

/** One value of a fact left open, and the verdict it would give. */
export interface OpenOutcome {
  value: string;
  label: string;
  decision: Decision;
}

/**
 * The next step of the check when some facts are left open ("not sure", "skip", or an answer not
 * understood twice): a question about a fact not left open that still matters, or a verdict that
 * holds whatever the open facts are, with each open fact that matters named as a condition.
 *
 * An open fact is never asked. Each of its possible values is tried in turn: a question any of them
 * still needs is asked; once every value leads to a verdict, the verdicts are joined. When they all
 * agree the verdict stands as it is. When they differ, the setup is "supported with conditions" if
 * some value is supported (the condition says which values are and which are not), and otherwise
 * the worst of them: never "Supported" for a fact nobody confirmed.
 */
export function stepWithOpen(kb: Pick<KnowledgeBase, 'nextStep' | 'valuesFor' | 'dimensions' | 'knownFacts'>, facts: Facts, open: readonly string[]): CheckStep {
  const step = kb.nextStep(facts);
  if (step.kind === 'verdict' || !open.includes(step.dimension.id)) return step;
  const dimension = step.dimension;
  const outcomes: OpenOutcome[] = [];
  for (const value of kb.valuesFor(dimension.id, facts)) {
    const tried = { ...facts, [dimension.id]: value.id };
    // A value that would set aside a fact the user gave (Exchange 2000 with Windows Server 2025) is no setup they could have.
    const kept = kb.knownFacts(tried);
    if (Object.keys(facts).some((d) => kept[d] === undefined)) continue;
    const next = stepWithOpen(kb, tried, open);
    // A question one of the values still needs: ask it (its answer may settle the rest).
    if (next.kind === 'question') return next;
    outcomes.push({ value: value.id, label: value.label, decision: next.decision });
  }
  // Every value sets a given fact aside: the open fact cannot be settled by trying, so the check asks it after all.
  if (outcomes.length === 0) return step;
  return { kind: 'verdict', decision: joinOpen(dimension, outcomes) };
}

/** The verdict for a fact left open, from the verdict of each of its values. */
export function joinOpen(dimension: Dimension, outcomes: readonly OpenOutcome[]): Decision {
  const verdicts = outcomes.map((o) => o.decision.verdict);
  const same = verdicts.every((v) => v === verdicts[0]);
  const positive = outcomes.filter((o) => o.decision.verdict === 'supported' || o.decision.verdict === 'supported-with-conditions');
  const base = (positive[0] ?? outcomes.find((o) => o.decision.verdict === worstVerdict(verdicts)) ?? outcomes[0])!.decision;
  if (same) {
    // The open fact changes nothing the verdict says: keep it, named as an assumption only if it carries conditions.
    return base;
  }
  const byVerdict = new Map<string, string[]>();
  for (const o of outcomes) byVerdict.set(VERDICT_LABELS[o.decision.verdict], [...(byVerdict.get(VERDICT_LABELS[o.decision.verdict]) ?? []), o.label]);
  const parts = [...byVerdict].map(([label, values]) => `${label} with ${values.join(' or ')}`);
  const open: SupportLimit = {
    kind: 'limit',
    id: `open-${dimension.id}`,
    when: [],
    breaks: [],
    condition: `${dimension.label} is not known yet: ${parts.join('; ')}.`,
    reason: `The ${lowerFirst(dimension.label)} was left open, and it decides the verdict.`,
    recommendation: positive.length > 0 ? `Confirm the ${lowerFirst(dimension.label)} is ${positive.map((o) => o.label).join(' or ')}.` : (base.rules[0]?.recommendation ?? ''),
    articles: [],
    basis: [],
    restsOnRecalledFact: false,
    restsOnThirdPartyFact: false,
    quiet: false,
  };
  if (positive.length === 0) return { ...base, verdict: worstVerdict(verdicts), conditions: [...base.conditions, open] };
  return { ...base, verdict: 'supported-with-conditions', conditions: [...base.conditions, open] };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * A question about one stated fact ("can I install Exchange 2019 on a domain controller?"): the
 * asked facts it leaves unsaid, to be left open so that the verdict speaks about that fact at once
 * (naming how the rest would change it) instead of asking five questions about other things.
 * Undefined for any other set of facts: a message naming more than the version and one stated fact
 * describes a setup, whose missing facts are asked as usual.
 */
export function openForStatedQuestion(dimensions: readonly Dimension[], facts: Facts): string[] | undefined {
  const asked = dimensions.filter((d) => d.kind === 'asked');
  const stated = dimensions.filter((d) => d.kind === 'stated' && d.evaluated !== false && facts[d.id] !== undefined);
  if (stated.length !== 1 || asked.some((d) => d.id !== 'version' && facts[d.id] !== undefined)) return undefined;
  return asked.filter((d) => facts[d.id] === undefined).map((d) => d.id);
}
