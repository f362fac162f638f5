import type { Article } from '../loading/articles';
import type { Facts } from '../reading/fact-recognizer';
import type { Dimension, DimensionValue, Fact, LifecycleEntry } from '../loading/schemas';
import type { SetupOutcome } from '../rules/support-check';
import type { SupportLimit } from '../rules/support-rules';
import type { BuildTable } from '../rules/exchange-builds';
import type { CoexistenceEntry } from './coexistence-table';
import type { GlossaryEntry } from './glossary-table';
import type { GeneralRuleEntry } from './general-rule-table';
import type { HowToEntry } from './how-to-table';
import type { AnswerSource, FactStatus } from './direct-answer';

/**
 * What the direct answers read, and nothing more: the tables the verdicts use (lifecycle, the
 * outcome of every setup, the limits, the facts registry), the coexistence table, the glossary and the articles. A KnowledgeBase provides it.
 */
export interface AnswerTables {
  dimensions: readonly Dimension[];
  facts: readonly Fact[];
  limits: readonly SupportLimit[];
  lifecycle: readonly LifecycleEntry[];
  coexistence: readonly CoexistenceEntry[];
  /** The glossary (glossary.yaml): the definitions of the terms the rules and articles use. */
  glossary: readonly GlossaryEntry[];
  /** The how-to table (how-to.yaml): what the knowledge holds about a task, and where its steps are. */
  howTo: readonly HowToEntry[];
  /** Yes/no rules the check cannot judge (general-rules.yaml): Exchange on Azure VMs, a witness on a DC. */
  generalRules: readonly GeneralRuleEntry[];
  articles: readonly Article[];
  /** The build table (exchange-builds.yaml): each version's updates, their builds and release months. */
  builds: Pick<BuildTable, 'latestUpdates' | 'updatesOf' | 'source' | 'canonicalUpdate' | 'rows' | 'servicePackEnded'>;
  setups(facts: Facts): readonly SetupOutcome[];
  valuesFor(dimensionId: string, facts: Facts): DimensionValue[];
  knownFacts(facts: Facts): Facts;
}

const STATUS_WORDS: Record<Fact['status'], FactStatus> = {
  verified: 'Microsoft doc',
  'read-3p': 'third-party',
  derived: 'derived from Microsoft docs',
  recalled: 'recalled, not confirmed',
};
const STATUS_ORDER: readonly FactStatus[] = ['Microsoft doc', 'derived from Microsoft docs', 'third-party', 'recalled, not confirmed'];

export function statusWords(status: Fact['status']): FactStatus {
  return STATUS_WORDS[status];
}

/**
 * A source named by its web host ("rmilne.ca", "jaapwesselius.com") other than Microsoft's: a third-party page. A fact
 * Microsoft's docs verify may list such pages beside them (for another version, or as a copy), and a source line that
 * put them under "(Microsoft doc)" would claim more certainty than they carry.
 */
const THIRD_PARTY_HOST = /^(?![\w.-]*microsoft\.com$)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ca|ru|cz|io|de|uk|info|date|nl|be)$/i;

/** The sources of the facts a rule, limit or lifecycle row rests on, one per status (strongest first). */
export function sourcesOf(tables: Pick<AnswerTables, 'facts'>, basis: readonly string[]): AnswerSource[] {
  const byStatus = new Map<FactStatus, Set<string>>();
  for (const id of new Set(basis)) {
    const fact = tables.facts.find((f) => f.id === id);
    if (!fact) continue;
    for (const source of fact.sources.map(String)) {
      const status = THIRD_PARTY_HOST.test(source) && fact.status !== 'recalled' ? 'third-party' : STATUS_WORDS[fact.status];
      const labels = byStatus.get(status) ?? new Set<string>();
      labels.add(source);
      byStatus.set(status, labels);
    }
    // A fact with no source (recalled) still counts under its status.
    if (fact.sources.length === 0 && !byStatus.has(STATUS_WORDS[fact.status])) byStatus.set(STATUS_WORDS[fact.status], new Set());
  }
  // A recalled fact names no source: say so rather than leave the label empty.
  return STATUS_ORDER.filter((s) => byStatus.has(s)).map((status) => ({ status, label: [...byStatus.get(status)!].slice(0, 4).join(', ') || 'no source read' }));
}

/** The article whose sources name most of these facts (the one a passage is quoted from), preferring `preferred`. */
export function articleFor(tables: Pick<AnswerTables, 'articles'>, basis: readonly string[], preferred: readonly string[] = []): string | undefined {
  for (const id of preferred) if (tables.articles.some((a) => a.id === id)) return id;
  let best: { id: string; count: number } | undefined;
  for (const article of tables.articles) {
    const named = new Set(article.sources.flatMap((s) => s.facts));
    const count = basis.filter((id) => named.has(id)).length;
    if (count > 0 && (!best || count > best.count)) best = { id: article.id, count };
  }
  return best?.id;
}

export function label(tables: Pick<AnswerTables, 'dimensions'>, dimensionId: string, valueId: string): string {
  return tables.dimensions.find((d) => d.id === dimensionId)?.values.find((v) => v.id === valueId)?.label ?? valueId;
}

/** "a, b and c". */
export function listOf(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2025-10-14 → "14 October 2025". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** True for a verdict under which the setup may run. */
export function allowed(outcome: SetupOutcome): boolean {
  return outcome.verdict === 'supported' || outcome.verdict === 'supported-with-conditions';
}
