import type { Facts } from './fact-recognizer';
import type { Dimension, Verdict } from './schemas';
import type { Decision } from './support-rules';

/** The label a verdict is shown with: the first words of every verdict card and triage summary. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  supported: 'Supported',
  'supported-with-conditions': 'Supported with conditions',
  'not-supported': 'Not supported',
  'not-covered': 'Not covered',
};

/** The label of a fact's value ("Exchange 2003"), or the raw id when the value is unknown to the table. */
export function valueLabel(dimensions: readonly Dimension[], dimensionId: string, valueId: string): string {
  const dimension = dimensions.find((d) => d.id === dimensionId);
  return dimension?.values.find((v) => v.id === valueId)?.label ?? valueId;
}

/**
 * Plain text a helpdesk agent can paste into a ticket: every fact collected (and which ones were
 * not needed), the verdict, why, and the sources. No Markdown, so it pastes cleanly anywhere.
 *
 * @example
 * triageSummary(decision, { version: '2003', role: 'front-end', ha: 'cluster' }, dimensions);
 * // "Exchange support check: Not supported\nExchange version: Exchange 2003\n..."
 */
export function triageSummary(decision: Decision, facts: Facts, dimensions: readonly Dimension[]): string {
  const lines = [`Exchange support check: ${VERDICT_LABELS[decision.verdict]}`];
  for (const dimension of dimensions) {
    const value = facts[dimension.id];
    lines.push(`${dimension.label}: ${value === undefined ? 'not asked (does not change the verdict)' : valueLabel(dimensions, dimension.id, value)}`);
  }
  for (const rule of decision.rules) {
    lines.push(`Reason: ${rule.reason}`);
    lines.push(`Recommendation: ${rule.recommendation}`);
  }
  lines.push(`Rules: ${decision.rules.map((r) => r.id).join(', ')}`);
  lines.push(`Sources: ${citedArticles(decision).join(', ')}`);
  return lines.join('\n');
}

/** Article ids cited by the deciding rules, without repeats, in rule order. */
export function citedArticles(decision: Decision): string[] {
  return [...new Set(decision.rules.flatMap((r) => r.articles))];
}
