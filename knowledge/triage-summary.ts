import type { Facts } from './fact-recognizer';
import type { SetAside } from './fact-space';
import type { Dimension, Verdict } from './schemas';
import type { Decision } from './support-rules';

/** The label a verdict is shown with: the first words of every verdict card and triage summary. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  supported: 'Supported',
  'supported-with-conditions': 'Supported with conditions',
  'not-supported': 'Not supported',
  'not-covered': 'Not covered',
};

/** Worst first: the verdict of a design is the worst verdict of its server groups. */
const SEVERITY: Readonly<Record<Verdict, number>> = { 'not-supported': 0, 'not-covered': 1, 'supported-with-conditions': 2, supported: 3 };

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce((worst, v) => (SEVERITY[v] < SEVERITY[worst] ? v : worst), 'supported' as Verdict);
}

/** The label of a fact's value ("Exchange 2003"; "3" for a number; "NNTP, KMS" for a set), or the raw id when the table lacks it. */
export function valueLabel(dimensions: readonly Dimension[], dimensionId: string, valueId: string): string {
  const dimension = dimensions.find((d) => d.id === dimensionId);
  if (!dimension) return valueId;
  if (dimension.type === 'number') return valueId;
  const label = (id: string) => dimension.values.find((v) => v.id === id)?.label ?? id;
  return dimension.type === 'set' ? valueId.split(',').map(label).join(', ') : label(valueId);
}

/** The one-line reason of a decision: the first broken limit, else the first deciding rule. */
export function leadReason(decision: Decision): string {
  return decision.broken[0]?.reason ?? decision.rules[0]?.reason ?? '';
}

/** Every reason of a decision, broken limits first, without repeats. */
export function reasons(decision: Decision): string[] {
  return [...new Set([...decision.broken.map((l) => l.reason), ...decision.rules.map((r) => r.reason)])];
}

/** Every recommendation of a decision, without repeats. */
export function recommendations(decision: Decision): string[] {
  return [...new Set([...decision.broken.map((l) => l.recommendation), ...decision.rules.map((r) => r.recommendation)])];
}

/**
 * The lifecycle sentence of a verdict on a retired product (LC9): the label stays, but a supported
 * design only "was supported while the product was", and the supported path is named.
 */
export function lifecycleLines(decision: Decision): string[] {
  const lines: string[] = [];
  for (const note of decision.lifecycle) {
    if (note.retired) {
      const positive = decision.verdict === 'supported' || decision.verdict === 'supported-with-conditions';
      const lead = positive && note.dimension === 'version' ? `This was a supported design while ${note.label} was supported. ` : '';
      lines.push(
        `${lead}${note.label} has been out of support since ${note.endOfSupport}. ${note.note}${note.dimension === 'version' ? ' The supported path is Exchange Server Subscription Edition.' : ''}`,
      );
    } else if (note.endOfSupport === undefined) {
      lines.push(`${note.label}: ${note.note}`);
    }
  }
  return lines;
}

/** What the triage summary needs besides the decision. */
export interface SummaryExtras {
  /** Facts the user gave that the check set aside as not applying. */
  setAside?: readonly SetAside[];
  /** Whether an asked fact exists for this setup at all (no update level for Exchange 2003); all do when left out. */
  applies?: (dimensionId: string) => boolean;
}

/**
 * Plain text a helpdesk agent can paste into a ticket: every fact collected (and which ones were
 * not needed), the verdict, why, conditions, lifecycle and the sources, with the rule ids for the
 * team. No Markdown, so it pastes cleanly anywhere.
 *
 * @example
 * triageSummary(decision, { version: '2003', role: 'front-end', ha: 'cluster' }, dimensions);
 * // "Exchange support check: Not supported\nExchange version: Exchange 2003\n..."
 */
export function triageSummary(decision: Decision, facts: Facts, dimensions: readonly Dimension[], extras: SummaryExtras = {}): string {
  const lines = [`Exchange support check: ${VERDICT_LABELS[decision.verdict]}`];
  for (const dimension of dimensions) {
    const value = facts[dimension.id];
    if (dimension.kind === 'stated') {
      if (value !== undefined) lines.push(`${dimension.label}: ${valueLabel(dimensions, dimension.id, value)}`);
      continue;
    }
    if (value === undefined && extras.applies && !extras.applies(dimension.id)) continue;
    lines.push(`${dimension.label}: ${value === undefined ? 'not asked (does not change the verdict)' : valueLabel(dimensions, dimension.id, value)}`);
  }
  for (const aside of extras.setAside ?? []) {
    lines.push(`Not evaluated: ${valueLabel(dimensions, aside.dimension, aside.value)} (does not apply to this setup)`);
  }
  for (const reason of reasons(decision)) lines.push(`Reason: ${reason}`);
  for (const recommendation of recommendations(decision)) lines.push(`Recommendation: ${recommendation}`);
  for (const limit of decision.conditions) lines.push(`Condition: ${limit.condition}`);
  for (const line of lifecycleLines(decision)) lines.push(`Lifecycle: ${line}`);
  lines.push(`Rules: ${[...decision.rules.map((r) => r.id), ...decision.broken.map((l) => l.id)].join(', ')}`);
  lines.push(`Sources: ${citedArticles(decision).join(', ')}`);
  return lines.join('\n');
}

/** Article ids cited by the deciding rules and limits, without repeats, in order. */
export function citedArticles(decision: Decision): string[] {
  return [...new Set([...decision.broken.flatMap((l) => l.articles), ...decision.rules.flatMap((r) => r.articles)])];
}
