import type { Facts } from '../reading/fact-recognizer';
import type { SetAside } from './fact-space';
import type { Dimension, Verdict } from '../loading/schemas';
import type { Decision, LifecycleNote } from './support-rules';

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

/**
 * The part of a reason or recommendation a collapsed verdict card (and a listing's group line) shows: up to its first "; " (the reasons
 * of the rules table often go on to list every design the rule allows). What the cut part says
 * about its sources is kept ("partly recalled", "partly according to third-party sources"): the
 * card never sounds surer than the whole reason, which the details show.
 */
export function firstClause(text: string): string {
  const cut = text.indexOf('; ');
  if (cut < 40) return text;
  const rest = text.slice(cut);
  const head = text.slice(0, cut).replace(/[.:,]$/, '');
  const caveat = /\brecalled\b/i.test(rest)
    ? ' (partly recalled, not confirmed)'
    : /third-party|sources differ|not settled/i.test(rest) && !/third-party/i.test(head)
      ? ' (partly from third-party sources)'
      : '';
  return `${head}${caveat}.`;
}

/** Every reason of a decision, broken limits first, without repeats. */
export function reasons(decision: Decision): string[] {
  return [...new Set([...decision.broken.map((l) => l.reason), ...decision.rules.map((r) => r.reason)])];
}

/** Every recommendation of a decision, without repeats. */
export function recommendations(decision: Decision): string[] {
  return [...new Set([...decision.broken.map((l) => l.recommendation), ...decision.rules.map((r) => r.recommendation)])];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The one date format of every verdict, card and summary: "14 October 2025"; an unknown date says so. */
export function formatDate(iso: string | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return iso ? iso : 'a date that is not known';
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/**
 * The Exchange product's lifecycle note when it is past its end of support; a service pack whose
 * support ended earlier than its version's (Exchange 2010 SP2, fact A-20) speaks first, with its own date.
 */
export function retiredProduct(decision: Decision): LifecycleNote | undefined {
  return decision.lifecycle.find((note) => note.retired && note.dimension === 'update') ?? decision.lifecycle.find((note) => note.retired && note.dimension === 'version');
}

/**
 * "while Exchange 2016 was supported", or "while Exchange 2016 and Windows Server 2012 R2 were
 * supported" when the Windows release left support before the Exchange version did: the design was
 * supported only while both were, so the label never stretches to a time its Windows was retired.
 * Undefined when the product is in support.
 */
export function supportedWhile(decisions: readonly Decision[]): string | undefined {
  for (const decision of decisions) {
    const note = retiredProduct(decision);
    if (!note) continue;
    const windows = decision.lifecycle.find(
      (n) => n.dimension === 'windows' && n.retired && n.endOfSupport !== undefined && note.endOfSupport !== undefined && n.endOfSupport < note.endOfSupport,
    );
    return windows ? `while ${note.label} and ${windows.label} were supported` : `while ${note.label} was supported`;
  }
  return undefined;
}

/** The supported path from a retired Exchange version. */
export const SUPPORTED_PATH = 'Exchange Server Subscription Edition';

/**
 * The line that heads a verdict on an Exchange version past its end of support, before the
 * design's own label: what a helpdesk agent must read first. Undefined for a supported product.
 */
export function outOfSupportHeadline(decisions: readonly Decision[]): string | undefined {
  const note = decisions.map(retiredProduct).find((n) => n !== undefined);
  return note ? `Out of support since ${formatDate(note.endOfSupport)}: ${note.label}. Supported path: ${SUPPORTED_PATH}.` : undefined;
}

/** The verdict's label as a card shows it: "Supported with conditions (design, while Exchange 2019 was supported)". */
export function cardLabel(verdict: Verdict, decisions: readonly Decision[], design = false): string {
  const during = supportedWhile(decisions);
  const positive = verdict === 'supported' || verdict === 'supported-with-conditions';
  const notes = [...(design ? ['design'] : []), ...(during && positive ? [during] : [])];
  return notes.length > 0 ? `${VERDICT_LABELS[verdict]} (${notes.join(', ')})` : VERDICT_LABELS[verdict];
}

/**
 * The verdict's label as a line: "Supported with conditions", or on a retired product "Supported
 * with conditions while Exchange 2019 was supported" (the design was supported, the product is not).
 */
export function verdictLine(verdict: Verdict, decisions: readonly Decision[]): string {
  const during = supportedWhile(decisions);
  const positive = verdict === 'supported' || verdict === 'supported-with-conditions';
  return during && positive ? `${VERDICT_LABELS[verdict]} ${during}` : VERDICT_LABELS[verdict];
}

/**
 * The first lines of a ticket summary: the out-of-support line first when the product is retired,
 * then the verdict's label; the same words the verdict card starts with.
 */
export function summaryHeading(verdict: Verdict, decisions: readonly Decision[], design = false): string[] {
  const headline = outOfSupportHeadline(decisions);
  const label = `${verdictLine(verdict, decisions)}${design ? ' (the design as a whole)' : ''} - Exchange support check`;
  return headline ? [headline, label] : [label];
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
      const lead = positive && note.dimension === 'version' ? `This was a supported design ${supportedWhile([decision]) ?? `while ${note.label} was supported`}. ` : '';
      lines.push(
        `${lead}${note.label} has been out of support since ${formatDate(note.endOfSupport)}. ${note.note}${note.dimension === 'version' ? ` The supported path is ${SUPPORTED_PATH}.` : ''}`,
      );
    } else if (note.endOfSupport === undefined) {
      lines.push(`${note.label}: ${note.note}`);
    }
  }
  return lines;
}

/** How the summary shows a fact the user left open ("not sure", "skip"). */
export const OPEN_FACT = 'not known (left open; see the conditions)';
/** How the summary shows an asked fact that differs between the members ("Windows release: more than one (see ...)"). */
export const SEVERAL_VALUES = 'more than one';
/** The stated fact that says an asked one differs between the members (fact-dimensions.yaml), so that one has no single value. */
const MIXED_STATED: Readonly<Record<string, string>> = { windows: 'mixedWindows', version: 'mixedVersions' };

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
 * // "Out of support since 8 April 2014: Exchange 2003. ...\nNot supported - Exchange support check\nExchange version: Exchange 2003\n..."
 */
export function triageSummary(decision: Decision, facts: Facts, dimensions: readonly Dimension[], extras: SummaryExtras = {}): string {
  const lines = summaryHeading(decision.verdict, [decision]);
  for (const dimension of dimensions) {
    const value = facts[dimension.id];
    if (dimension.kind === 'stated') {
      if (value !== undefined) lines.push(`${dimension.label}: ${valueLabel(dimensions, dimension.id, value)}`);
      continue;
    }
    if (value === undefined && extras.applies && !extras.applies(dimension.id)) continue;
    const leftOpen = decision.conditions.some((c) => c.id === `open-${dimension.id}`);
    const assumed = decision.assumed?.find((a) => a.dimension === dimension.id);
    // "one node on 2019 and the other on 2022": the release is no single value, but it was said (session 14, lead).
    const mixed = MIXED_STATED[dimension.id];
    const several = mixed !== undefined && facts[mixed] === 'yes' ? `${SEVERAL_VALUES} (see ${dimensions.find((d) => d.id === mixed)?.label ?? mixed})` : undefined;
    const unsaid = several ?? (leftOpen ? OPEN_FACT : assumed ? `not asked (assumed ${assumed.statement})` : (dimension.unaskedNote ?? 'not asked (does not change the verdict)'));
    lines.push(`${dimension.label}: ${value !== undefined ? valueLabel(dimensions, dimension.id, value) : unsaid}`);
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

/** "Assumed: 32-bit (x86) Windows: Exchange 2003 installs only on 32-bit Windows (W3)." for each fact taken rather than asked. */
export function assumedLines(decision: Decision): string[] {
  // An assumption stated as a condition is said among the conditions, not twice.
  return (decision.assumed ?? []).filter((a) => !a.asCondition).map((a) => `Assumed (not asked): ${a.statement}`);
}

/** Article ids cited by the deciding rules and limits, without repeats, in order. */
export function citedArticles(decision: Decision): string[] {
  return [...new Set([...decision.broken.flatMap((l) => l.articles), ...decision.rules.flatMap((r) => r.articles)])];
}
