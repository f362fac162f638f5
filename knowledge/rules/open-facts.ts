import type { Facts } from '../reading/fact-recognizer';
import type { KnowledgeBase } from '../knowledge-base';
import type { Dimension, DimensionValue } from '../loading/schemas';
import { updateValueCurrency } from '../reading/typed-update';
import type { CheckStep } from './support-check';
import type { Decision, SupportLimit } from './support-rules';
import { VERDICT_LABELS, worstVerdict } from './triage-summary';
import { ASSUMED_CONDITION_PREFIX, assumptionsFor, fitsAssumptions } from './assumed-facts';

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
export function stepWithOpen(
  kb: Pick<KnowledgeBase, 'nextStep' | 'valuesFor' | 'dimensions' | 'knownFacts'> & Partial<Pick<KnowledgeBase, 'builds'>>,
  facts: Facts,
  open: readonly string[],
): CheckStep {
  const step = kb.nextStep(facts);
  if (step.kind === 'verdict' || !open.includes(step.dimension.id)) return step;
  const dimension = step.dimension;
  const outcomes: OpenOutcome[] = [];
  for (const value of kb.valuesFor(dimension.id, facts)) {
    const tried = withOpenValue(kb, facts, dimension, value);
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
  const decision = joinOpen(dimension, outcomes);
  // Lifecycle notes of known facts only: with the update open, the note of a value merely tried (Exchange 2007
  // SP1/SP2, retired in 2011) must not head the verdict as if it were the user's (issue 21, helper n21).
  return { kind: 'verdict', decision: { ...decision, lifecycle: decision.lifecycle.filter((note) => facts[note.dimension] !== undefined) } };
}

/**
 * The facts with an open fact's value tried. With the update left open, a value all of whose CUs are behind ("Exchange 2019 CU12 or CU13") is tried as the
 * servers would run it: on a CU that no longer gets security updates, which the current-update rule judges (the
 * build table's currency, as for a typed or pasted CU). Otherwise the open fact's condition would call those CUs
 * "Supported with conditions".
 */
export function withOpenValue(kb: Partial<Pick<KnowledgeBase, 'builds'>>, facts: Facts, dimension: Dimension, value: DimensionValue): Facts {
  const tried = { ...facts, [dimension.id]: value.id };
  if (dimension.id !== 'update' || !kb.builds || facts.version === undefined || facts.updateCurrency !== undefined) return tried;
  const currency = updateValueCurrency(kb.builds, facts.version, value.answers);
  return currency === undefined ? tried : { ...tried, updateCurrency: currency };
}

/** A condition of a verdict that rests on no rule of the table: a fact left open, or what a paste was read to show. */
export function statedCondition(id: string, condition: string, reason: string, recommendation: string): SupportLimit {
  return {
    kind: 'limit',
    id,
    when: [],
    breaks: [],
    condition,
    reason,
    recommendation,
    articles: [],
    basis: [],
    restsOnRecalledFact: false,
    restsOnThirdPartyFact: false,
    quiet: false,
  };
}

/** The verdict for a fact left open, from the verdict of each of its values. */
export function joinOpen(dimension: Dimension, outcomes: readonly OpenOutcome[]): Decision {
  const verdicts = outcomes.map((o) => o.decision.verdict);
  const same = verdicts.every((v) => v === verdicts[0]);
  // With high availability left open, the reason speaks of a single server, the setup a message that names no HA describes.
  const positive = outcomes
    .filter((o) => o.decision.verdict === 'supported' || o.decision.verdict === 'supported-with-conditions')
    .sort((a, b) => Number(b.value === 'none') - Number(a.value === 'none'));
  if (same && !sameReason(outcomes)) return eitherWay(dimension, outcomes);
  const base = (positive[0] ?? outcomes.find((o) => o.decision.verdict === worstVerdict(verdicts)) ?? outcomes[0])!.decision;
  if (same) {
    // The open fact changes nothing the verdict says: keep it, named as an assumption only if it carries conditions.
    return { ...base, conditions: [...withoutOpen(base.conditions), ...nestedOpen(dimension, outcomes)] };
  }
  const byVerdict = new Map<string, string[]>();
  for (const o of outcomes) byVerdict.set(VERDICT_LABELS[o.decision.verdict], [...(byVerdict.get(VERDICT_LABELS[o.decision.verdict]) ?? []), o.label]);
  // A long list of values that all fail alike reads better as "any other" ("Not supported with any other Windows release").
  const entries = [...byVerdict];
  const positiveLabels = new Set([VERDICT_LABELS.supported, VERDICT_LABELS['supported-with-conditions']]);
  const failing = entries.filter(([label]) => !positiveLabels.has(label));
  const parts = entries.map(([label, values]) =>
    failing.length === 1 && failing[0]![0] === label && values.length > 3 && positive.length > 0
      ? `${label} with any other ${dimension.label}`
      : `${label} with ${values.join(' or ')}`,
  );
  const open = statedCondition(
    `open-${dimension.id}`,
    `${dimension.label} is not known yet: ${parts.join('; ')}.`,
    `The ${lowerFirst(dimension.label)} was left open, and it decides the verdict.`,
    positive.length > 0 ? `Confirm the ${lowerFirst(dimension.label)} is ${positive.map((o) => o.label).join(' or ')}.` : (base.rules[0]?.recommendation ?? ''),
  );
  if (positive.length === 0) {
    // No value is supported. Where some value is only not covered (no source answers it) and the rest
    // are not supported, the setup is "not covered" on the values it could really have (Exchange 2007
    // CAS/HT behind a load balancer with the Windows release open: not covered on 2003/2008, not
    // supported on Windows 2000, where 2007 never ran); the condition names both.
    const verdict = verdicts.includes('not-covered') && verdicts.every((v) => v === 'not-covered' || v === 'not-supported') ? 'not-covered' : worstVerdict(verdicts);
    const chosen = outcomes.find((o) => o.decision.verdict === verdict)!.decision;
    return { ...chosen, verdict, conditions: [...chosen.conditions, open] };
  }
  return { ...base, verdict: 'supported-with-conditions', conditions: [...sharedOrSaidFor(dimension, base, positive), open, ...nestedOpen(dimension, positive)] };
}

/**
 * The conditions of the verdict the open fact's values share; a condition only some of them carry (an update to
 * make first, tried for "Exchange 2019 CU12 or CU13" alone) is said for those values ("With ...: ..."), never as
 * if it held whatever the answer is.
 */
function sharedOrSaidFor(dimension: Dimension, base: Decision, positive: readonly OpenOutcome[]): SupportLimit[] {
  return withoutOpen(base.conditions).flatMap((condition) => {
    const carriers = positive.filter((o) => o.decision.conditions.some((c) => c.id === condition.id));
    if (carriers.length === positive.length) return [condition];
    if (carriers.length === 0) return [];
    const labels = carriers.map((o) => o.label);
    return [{ ...condition, id: `${condition.id}-with-${dimension.id}-${labels.join('-')}`, condition: `With ${labels.join(' or ')}: ${condition.condition}` }];
  });
}

/** True when every value's verdict rests on the same first rule (its reason names none of the values). */
function sameReason(outcomes: readonly OpenOutcome[]): boolean {
  const first = outcomes[0]?.decision.rules[0]?.id;
  return outcomes.every((o) => o.decision.rules[0]?.id === first && o.decision.broken[0]?.id === outcomes[0]!.decision.broken[0]?.id);
}

/**
 * One verdict whatever the open fact is, for reasons that differ by value (a 2010 DAG with the Exchange
 * edition open: one rule for Standard, one for Enterprise). Taking the first value's reason as it is would
 * state a value nobody gave ("Exchange 2010 Standard Edition Mailbox servers can be DAG members..."). The
 * reason says the fact is open and that every value gives this verdict, then gives the reason of the value
 * with the fewest conditions, headed "If it is ...". Each condition only some values carry is kept, said for
 * those values ("With Standard Edition: ..."), so the verdict holds whichever value it is.
 */
function eitherWay(dimension: Dimension, outcomes: readonly OpenOutcome[]): Decision {
  const chosen = [...outcomes].sort(
    (a, b) =>
      a.decision.conditions.length + a.decision.broken.length - (b.decision.conditions.length + b.decision.broken.length) ||
      (a.decision.rules[0]?.reason.length ?? 0) - (b.decision.rules[0]?.reason.length ?? 0),
  )[0]!;
  const base = chosen.decision;
  const labels = outcomes.map((o) => o.label);
  const verdict = VERDICT_LABELS[base.verdict].toLowerCase();
  const said = `The ${lowerFirst(dimension.label)} is not known; with ${labels.join(' or ')} alike the setup is ${verdict}.`;
  const headed = (reason: string) => `${said} If it is ${chosen.label}: ${reason}`;
  // The reason shown first: a broken limit's when there is one, else the first rule's (triage-summary.ts).
  const broken = base.broken.length > 0 ? [{ ...base.broken[0]!, reason: headed(base.broken[0]!.reason) }, ...base.broken.slice(1)] : base.broken;
  const rules = base.broken.length === 0 && base.rules.length > 0 ? [{ ...base.rules[0]!, reason: headed(base.rules[0]!.reason) }, ...base.rules.slice(1)] : base.rules;
  const conditions: SupportLimit[] = [];
  const seen = new Set<string>();
  for (const outcome of outcomes)
    for (const condition of withoutOpen(outcome.decision.conditions)) {
      if (seen.has(condition.id)) continue;
      seen.add(condition.id);
      const holders = outcomes.filter((o) => o.decision.conditions.some((c) => c.id === condition.id)).map((o) => o.label);
      conditions.push(
        holders.length === outcomes.length
          ? condition
          : { ...condition, id: `${condition.id}-with-${dimension.id}-${holders.join('-')}`, condition: `With ${holders.join(' or ')}: ${condition.condition}` },
      );
    }
  return { ...base, rules, broken, conditions: [...conditions, ...nestedOpen(dimension, outcomes)] };
}

const isOpen = (condition: SupportLimit) => condition.id.startsWith('open-');
const withoutOpen = (conditions: readonly SupportLimit[]) => conditions.filter((c) => !isOpen(c));

/**
 * The conditions of facts left open under another open fact (the Windows edition under the Windows
 * release), each said for the values of the outer fact it holds with: "With Windows Server 2003:
 * Windows edition is not known yet: ..." A condition every outcome shares is said once, plainly.
 * Without this the verdict would name only the inner conditions of the one value its reason was
 * taken from (Windows 2000's editions when the release is open), saying nothing of the others.
 */
function nestedOpen(dimension: Dimension, outcomes: readonly OpenOutcome[]): SupportLimit[] {
  const byText = new Map<string, { condition: SupportLimit; labels: string[] }>();
  for (const outcome of outcomes)
    for (const condition of outcome.decision.conditions.filter(isOpen)) {
      const entry = byText.get(condition.condition) ?? { condition, labels: [] };
      entry.labels.push(outcome.label);
      byText.set(condition.condition, entry);
    }
  return [...byText.values()].map(({ condition, labels }) =>
    labels.length === outcomes.length
      ? condition
      : { ...condition, id: `${condition.id}-with-${dimension.id}-${labels.join('-')}`, condition: `With ${labels.join(' or ')}: ${condition.condition}` },
  );
}

function lowerFirst(text: string): string {
  // A product name keeps its capital ("the Exchange edition").
  return /^[A-Z][a-z]/.test(text) && !/^(?:Exchange|Windows)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** The verdict for facts of which some are simply not known, and the unknown facts that change it. */
export interface OpenVerdict {
  decision: Decision;
  /** Unknown facts whose values lead to different verdicts: worth asking, named as conditions. */
  matters: string[];
}

/**
 * The verdict for a setup whose unknown facts are all left open, read in one pass over every setup
 * the known facts could still be (the check's own `setups`), rather than value by value as
 * {@link stepWithOpen} does: a pasted listing leaves several facts unknown for many servers, and the
 * walk value by value costs one enumeration per node of the tree.
 *
 * The verdict is the one every setup gives; when they differ, "supported with conditions" if some
 * setup is supported (each unknown fact that matters named as a condition saying which of its values
 * are and are not), otherwise the worst. Conditions and reasons are those every such setup shares;
 * lifecycle notes only those of known facts. `versions` tries only those Exchange versions when the
 * version is not known (an unknown build of 15.2 is 2019 or SE). Undefined when no setup fits.
 */
export function joinSetups(
  kb: Pick<KnowledgeBase, 'setups' | 'nextStep' | 'dimensions'> & Partial<Pick<KnowledgeBase, 'assumedFacts'>>,
  facts: Facts,
  versions: readonly string[] = [],
): OpenVerdict | undefined {
  const every = facts.version === undefined && versions.length > 0 ? versions.flatMap((version) => kb.setups({ ...facts, version })) : kb.setups(facts);
  if (every.length === 0) return undefined;
  // Setups a fact with one sensible answer rules out (a running Exchange 2003 server on x64 Windows) are no
  // setup these servers can be, as in the check's own step (assumed-facts.yaml); the verdict names the assumption.
  const assumedFacts = kb.assumedFacts ?? [];
  const sensible = every.filter((s) => fitsAssumptions(assumedFacts, facts, s.facts));
  const setups = sensible.length > 0 ? sensible : every;
  // Named only when it holds for every setup left (not the back-end role of a cluster these servers may not be).
  const assumed = setups === every ? [] : assumedFacts.filter((a) => setups.every((s) => assumptionsFor(assumedFacts, facts, s.facts).includes(a)));
  const positive = (v: string) => v === 'supported' || v === 'supported-with-conditions';
  const verdicts = [...new Set(setups.map((s) => s.verdict))];
  const verdict: Decision['verdict'] = verdicts.length === 1 ? verdicts[0]! : verdicts.some(positive) ? 'supported-with-conditions' : worstVerdict(verdicts);
  if (verdicts.length === 1 && facts.version !== undefined) {
    // One verdict for every setup: the check's own decision, when its reasons agree too.
    const direct = kb.nextStep(facts);
    if (direct.kind === 'verdict') return { decision: provenByRunning(direct.decision), matters: [] };
  }
  const chosen = setups.filter((s) => (verdict === 'supported-with-conditions' && verdicts.length > 1 ? positive(s.verdict) : s.verdict === verdict));
  const step = kb.nextStep(chosen[0]!.facts);
  if (step.kind !== 'verdict') return undefined;
  const shared = <T extends { id: string }>(lists: readonly (readonly T[])[]): T[] => lists[0]!.filter((item) => lists.every((list) => list.some((other) => other.id === item.id)));
  // What each unknown fact's values lead to: a fact matters when its values lead to different verdicts.
  const matters: string[] = [];
  const open: SupportLimit[] = [];
  const unknown = kb.dimensions.filter((d) => facts[d.id] === undefined && setups.some((s) => s.facts[d.id] !== undefined));
  const order = kb.dimensions.map((d) => d.id);
  for (const dimension of unknown) {
    // It matters when two setups that differ in it alone get different verdicts.
    const byRest = new Map<string, string>();
    let differs = false;
    for (const s of setups) {
      const rest = order.map((d) => (d === dimension.id ? '' : (s.facts[d] ?? ''))).join('|');
      const seen = byRest.get(rest);
      if (seen !== undefined && seen !== s.verdict) {
        differs = true;
        break;
      }
      byRest.set(rest, s.verdict);
    }
    if (!differs) continue;
    matters.push(dimension.id);
    const label = (id: string) => dimension.values.find((v) => v.id === id)?.label ?? id;
    // The values with which some setup is supported: the verdict holds only if the fact is one of them.
    const fit = [...new Set(setups.filter((s) => positive(s.verdict) && s.facts[dimension.id] !== undefined).map((s) => s.facts[dimension.id]!))].map(label);
    open.push(
      statedCondition(
        `open-${dimension.id}`,
        fit.length > 0 ? `${dimension.label} is not known yet; the verdict holds only for ${fit.join(', ')}.` : `${dimension.label} is not known yet.`,
        `The ${lowerFirst(dimension.label)} is not known, and it decides the verdict.`,
        fit.length > 0 ? `Confirm the ${lowerFirst(dimension.label)} is ${fit.join(' or ')}.` : `Tell me the ${lowerFirst(dimension.label)}.`,
      ),
    );
  }
  const base = step.decision;
  const broken = shared(chosen.map((s) => s.broken));
  const conditions = verdict === 'not-supported' || verdict === 'not-covered' ? [] : shared(chosen.map((s) => s.open));
  const rules = shared(chosen.map((s) => s.rules));
  const decision: Decision = {
    ...base,
    verdict,
    rules: rules.length > 0 ? rules : base.rules,
    broken: broken.length > 0 || verdicts.length === 1 ? broken.map((l) => base.broken.find((b) => b.id === l.id) ?? l) : base.broken,
    conditions: [...conditions.map((l) => base.conditions.find((c) => c.id === l.id) ?? l), ...(verdict === 'not-supported' && broken.length > 0 ? [] : open)],
    decisiveFacts: Object.fromEntries(Object.entries(base.decisiveFacts).filter(([d]) => facts[d] !== undefined)),
    lifecycle: base.lifecycle.filter((note) => facts[note.dimension] !== undefined),
    ...(assumed.length > 0 ? { assumed: assumed.map((a) => ({ dimension: a.dimension, values: [...a.values], statement: a.statement, basis: a.basis })) } : {}),
  };
  return { decision, matters };
}

/**
 * A decision about servers that are running (a pasted listing): what the check assumes of a setup it
 * plans (Exchange 2003 on 32-bit Windows) the running servers prove, so an assumption is no condition
 * there (issue 21's policy is for setups described, not for servers seen running). The assumption stays
 * named; the verdict is the one it would have as a stated fact.
 */
function provenByRunning(decision: Decision): Decision {
  if (decision.verdictIfAssumed === undefined) return decision;
  const { verdictIfAssumed, ...rest } = decision;
  return {
    ...rest,
    verdict: verdictIfAssumed,
    conditions: decision.conditions.filter((c) => !c.id.startsWith(ASSUMED_CONDITION_PREFIX)),
    assumed: (decision.assumed ?? []).map(({ asCondition: _stated, ...a }) => a),
  };
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
  // The version is asked, never left open (session 14, lead): "we want to add exchange 2019 to our 2016 org" (two versions, so the
  // stated fact "mixed versions" and no version) was judged over every version at once, "alike ... Supported with conditions".
  return asked.filter((d) => d.id !== 'version' && facts[d.id] === undefined).map((d) => d.id);
}
