import { conditionDimensions, conditionHolds } from '../rules/conditions';
import type { Facts } from '../reading/fact-recognizer';
import { ruleMatches, type SupportLimit } from '../rules/support-rules';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { allowed, articleFor, label, listOf, sourcesOf, type AnswerTables } from './table-access';

/** Counts probed for a limit's bound: far above any node or member limit Exchange has. */
const PROBE_MAX = 64;

/** The largest count of `dimension` a limit allows (the other stated facts fixed), or undefined when no count breaks it. */
export function largestAllowed(limit: SupportLimit, dimension: string, facts: Facts = {}, probeMax = PROBE_MAX): number | undefined {
  for (let n = 1; n <= probeMax; n += 1) if (conditionHolds(limit.breaks, { ...facts, [dimension]: String(n) })) return n - 1;
  return undefined;
}

/** A limit that bounds only a count (nodes, DAG members): `{ nodes: { min: 9 } }`. */
function countLimit(limit: SupportLimit, dimension: string): boolean {
  const read = conditionDimensions(limit.breaks);
  return read.length === 1 && read[0] === dimension;
}

/** A limit that bounds a count with other facts, each of them stated (`{ clusterMode: active-active, nodes: { min: 3 } }` of an active/active cluster). */
function statedCountLimit(limit: SupportLimit, dimension: string, stated: Facts): boolean {
  const read = conditionDimensions(limit.breaks);
  return read.length > 1 && read.includes(dimension) && read.every((d) => d === dimension || stated[d] !== undefined);
}

/** "Up to 8 nodes", with where it holds when it depends on Windows: read from the limits table through the check's outcomes. */
export function maxNodesAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const subject = { ...question.subject };
  delete (subject as Record<string, string>).nodes;
  if (subject.ha === undefined && subject.version !== undefined) return undefined;
  const setups = tables.setups(subject);
  const good = setups.filter(allowed);
  // Keyed by the count and by whether the setups are DAGs: "up to 8 nodes" of a cluster is never "8 Mailbox servers in one DAG".
  const groups = new Map<string, { max: number; dag: boolean; where: Set<string>; limits: Set<SupportLimit> }>();
  for (const setup of good) {
    // A limit on the count alone, or on the count with facts the setup states ("active/active only on two nodes" for an
    // active/active cluster asked about): the latter probed with the setup's own facts.
    const { nodes: _nodes, ...stated } = setup.facts;
    const limits = tables.limits.filter((l) => (countLimit(l, 'nodes') || statedCountLimit(l, 'nodes', stated)) && ruleMatches(l, setup.facts));
    if (limits.length === 0) continue;
    const max = Math.min(...limits.map((l) => largestAllowed(l, 'nodes', countLimit(l, 'nodes') ? {} : stated) ?? PROBE_MAX));
    const dagSetup = setup.facts.ha === 'dag';
    const key = `${max}/${dagSetup}`;
    const group = groups.get(key) ?? { max, dag: dagSetup, where: new Set<string>(), limits: new Set<SupportLimit>() };
    const w = setup.facts.windows
      ? `${label(tables, 'windows', setup.facts.windows)}${setup.facts.windowsEdition ? ` ${label(tables, 'windowsEdition', setup.facts.windowsEdition)}` : ''}`
      : '';
    if (w) group.where.add(w);
    limits.forEach((l) => group.limits.add(l));
    groups.set(key, group);
  }
  if (groups.size === 0) {
    // No allowed setup, or none with a node limit: say what the check says.
    const refused = setups.length > 0 && good.length === 0 ? setups[0]!.rules[0] : undefined;
    if (!refused) return undefined;
    return {
      question,
      answer: `None: ${refused.reason}`,
      details: [refused.recommendation],
      sources: sourcesOf(tables, refused.basis),
      articleId: refused.articles[0] ?? 'EXB-003',
      checkFacts: subject,
    };
  }
  const noun = (g: { max: number; dag: boolean }) => (g.dag ? `${g.max} Mailbox servers in one DAG` : `${g.max} nodes`);
  // Clusters first, by count, then the DAG.
  const sorted = [...groups.values()].sort((a, b) => Number(a.dag) - Number(b.dag) || a.max - b.max);
  // A limit of a stated fact ("active/active only on two nodes") first: it is the one that answers.
  const allLimits = [...new Set(sorted.flatMap((g) => [...g.limits]))].sort((a, b) => Number(countLimit(a, 'nodes')) - Number(countLimit(b, 'nodes')));
  const onWindows = (g: (typeof sorted)[number]) => (g.where.size > 0 ? ` on ${listOf(compactWhere([...g.where]), 'or')}` : '');
  let answer: string;
  if (sorted.length === 1) {
    const group = sorted[0]!;
    const where = subject.windowsEdition || subject.windows ? onWindows(group) : '';
    answer = `Up to ${noun(group)}${where}.`;
  } else if (sorted.every((g) => g.dag === sorted[0]!.dag)) {
    answer = `It depends on Windows: ${sorted.map((g) => `up to ${noun(g)}${onWindows(g)}`).join('; ')}.`;
  } else {
    // "max nodes in a cluster": the version's own clustering, a server cluster or a DAG.
    answer = `It depends on the version and Windows: ${sorted.map((g) => `up to ${noun(g)}${g.dag ? '' : onWindows(g)}`).join('; ')}.`;
  }
  return {
    question,
    answer,
    details: allLimits.map((l) => l.reason),
    sources: sourcesOf(
      tables,
      allLimits.flatMap((l) => l.basis),
    ),
    articleId: articleFor(tables, [], [allLimits[0]!.articles[0]!]) ?? 'EXB-003',
    otherArticles: allLimits[0]!.articles.slice(1),
    checkFacts: subject,
  };
}

/** Windows labels, at most six, so a long list stays readable. */
function compactWhere(where: string[]): string[] {
  return where.length > 6 ? [...where.slice(0, 6), 'others'] : where;
}

/** What one clustered Exchange instance is called in a version: an EVS in 2000/2003, a clustered mailbox server in 2007. */
function instanceNoun(version: string | undefined, count: number): string {
  const noun = version === '2007' ? 'clustered mailbox server' : 'Exchange Virtual Server';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Exchange Virtual Servers per node count (the n-1 rule), from the limits that bound `instances`,
 * worked out per Exchange version: the limits differ between versions (an Exchange 2000/2003 two-node
 * cluster may run two EVSs active/active, an Exchange 2007 single copy cluster one clustered mailbox
 * server), so a question that names no version gets each version's figure, never the smallest of all.
 */
export function maxInstancesAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const subject: Facts = { ...question.subject, ha: question.subject.ha ?? 'cluster' };
  const byVersion = new Map<string, SupportLimit[]>();
  for (const setup of tables.setups(withoutNumbers(subject)).filter(allowed)) {
    const version = setup.facts.version ?? '';
    const found = byVersion.get(version) ?? [];
    for (const l of tables.limits) if (conditionDimensions(l.breaks).includes('instances') && ruleMatches(l, setup.facts) && !found.includes(l)) found.push(l);
    byVersion.set(version, found);
  }
  for (const [version, found] of byVersion) if (found.length === 0) byVersion.delete(version);
  if (byVersion.size === 0) return undefined;
  const limits = [...new Set([...byVersion.values()].flat())];
  const nodes = subject.nodes ? Number(subject.nodes) : undefined;
  const maxFor = (found: readonly SupportLimit[], n: number) => Math.min(n, ...found.map((l) => largestAllowed(l, 'instances', { nodes: String(n) }) ?? n));
  // Versions with the same figures are named together ("Exchange 2000 or 2003").
  const groups = new Map<string, { versions: string[]; limits: SupportLimit[] }>();
  for (const [version, found] of byVersion) {
    const key = (nodes !== undefined ? [nodes] : [2, 3, 4, 8]).map((n) => maxFor(found, n)).join('/') + (version === '2007' ? ' cms' : '');
    const group = groups.get(key) ?? { versions: [], limits: found };
    group.versions.push(version);
    groups.set(key, group);
  }
  const versionsOf = (versions: string[]) =>
    `Exchange ${listOf(
      versions.map((v) => label(tables, 'version', v).replace(/^Exchange /, '')),
      'or',
    )}`;
  const named = subject.version !== undefined;
  const phrase = (g: { versions: string[]; limits: SupportLimit[] }) => {
    const version = g.versions[0];
    if (nodes !== undefined)
      return `up to ${instanceNoun(version, maxFor(g.limits, nodes))} on ${/^(8|11|18)$/.test(String(nodes)) ? 'an' : 'a'} ${nodes}-node ${named ? '' : `${versionsOf(g.versions)} `}cluster`;
    const rows = [2, 3, 4, 8].map((n) => `${n} nodes: ${maxFor(g.limits, n)}`);
    const condition = (g.limits.find((l) => l.condition.includes('n-1')) ?? g.limits[0]!).condition.replace(/\.$/, '');
    return `${named ? condition : `${versionsOf(g.versions)}: ${condition.charAt(0).toLowerCase()}${condition.slice(1)}`} (${rows.join('; ')})`;
  };
  const parts = [...groups.values()].map(phrase);
  const sentence = parts.join('; ');
  const answer = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  return {
    question,
    answer,
    details: limits.map((l) => l.reason),
    sources: sourcesOf(
      tables,
      limits.flatMap((l) => l.basis),
    ),
    articleId: limits[0]!.articles[0] ?? 'EXB-004',
    checkFacts: withoutNumbers(subject),
  };
}

function withoutNumbers(facts: Facts): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([d]) => d !== 'nodes' && d !== 'instances'));
}
