import { conditionDimensions } from '../rules/conditions';
import { ruleMatches, type SupportLimit } from '../rules/support-rules';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { hedge } from './lifecycle-answers';
import { largestAllowed } from './limit-answers';
import { allowed, label, listOf, sourcesOf, type AnswerTables } from './table-access';

/** What one group of the answer says: a version's edition and its largest mounted-database count. */
interface EditionFigure {
  version: string;
  edition: string;
  /** The largest count no limit refuses outright. */
  max: number;
  /** A limit below it that a count above its bound must meet as a condition (Exchange 2013 RTM/CU1: 50). */
  conditional?: SupportLimit;
  limits: SupportLimit[];
}

/** Counts probed for a database limit's bound: above Enterprise Edition's 100. */
const PROBE_DATABASES = 256;

/** A limit that bounds only the mounted databases. */
function databaseLimit(limit: SupportLimit): boolean {
  const read = conditionDimensions(limit.breaks);
  return read.length === 1 && read[0] === 'databases';
}

/**
 * "How many databases can Exchange 2019 Standard mount?": the largest mounted-database count per
 * server of each version and edition asked, read from the limits the check judges a stated count by
 * (support-rules.yaml, `databases`), through the same outcomes. Undefined when no limit bounds it
 * (Exchange 2000 to 2007 have none in the tables): the search answers then.
 */
export function maxDatabasesAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const subject = Object.fromEntries(Object.entries(question.subject).filter(([d]) => ['version', 'edition', 'update'].includes(d)));
  const figures = new Map<string, EditionFigure>();
  for (const setup of tables.setups(subject).filter(allowed)) {
    const { version, edition } = setup.facts;
    if (version === undefined || edition === undefined) continue;
    const limits = tables.limits.filter((l) => databaseLimit(l) && ruleMatches(l, setup.facts));
    const strict = limits.filter((l) => l.verdict === undefined || l.verdict === 'not-supported');
    if (strict.length === 0) continue;
    const max = Math.min(...strict.map((l) => largestAllowed(l, 'databases', {}, PROBE_DATABASES) ?? Infinity));
    const key = `${version}/${edition}`;
    const figure = figures.get(key) ?? { version, edition, max, limits: [] };
    figure.max = Math.min(figure.max, max);
    for (const l of limits) {
      if (!figure.limits.includes(l)) figure.limits.push(l);
      if (l.verdict === 'supported-with-conditions') figure.conditional = l;
    }
    figures.set(key, figure);
  }
  if (figures.size === 0) return undefined;
  const all = [...figures.values()];
  const limits = [...new Set(all.flatMap((f) => f.limits))];
  const versionName = (v: string) => (v === 'se' ? 'SE' : label(tables, 'version', v).replace(/^Exchange (Server )?/, ''));
  const hedgeOf = (fs: readonly EditionFigure[]) =>
    hedge(
      tables,
      fs.flatMap((f) => f.limits.flatMap((l) => l.basis)),
    );
  // Editions with the same figure across versions are named once ("Standard Edition: 5 (Exchange 2013, 2016, 2019 and SE)").
  const byEdition = new Map<string, Map<number, EditionFigure[]>>();
  for (const f of all) {
    const counts = byEdition.get(f.edition) ?? new Map<number, EditionFigure[]>();
    counts.set(f.max, [...(counts.get(f.max) ?? []), f]);
    byEdition.set(f.edition, counts);
  }
  const oneVersion = new Set(all.map((f) => f.version)).size === 1;
  const parts: string[] = [];
  const conditions: string[] = [];
  for (const [edition, counts] of byEdition) {
    for (const [max, group] of counts) {
      // Each version with how sure its figure is: "Exchange 2013, 2016, 2019, SE and 2010 (according to third-party sources)".
      const sure = group.filter((f) => hedgeOf([f]) === '');
      const unsure = group.filter((f) => !sure.includes(f)).map((f) => `${versionName(f.version)}${hedgeOf([f]).replace(/^ \((.*)\)$/, ' $1')}`);
      const versions = oneVersion ? '' : ` (Exchange ${listOf([...sure.map((f) => versionName(f.version)), ...unsure])})`;
      const unit = parts.length === 0 ? ' mounted databases per server' : '';
      parts.push(`${max}${unit} on ${label(tables, 'edition', edition)}${versions}`);
      const conditional = group.find((f) => f.conditional)?.conditional;
      const condition = conditional?.condition.replace(/^The /, 'the ');
      if (conditional) conditions.push(`Above ${largestAllowed(conditional, 'databases', {}, PROBE_DATABASES)} on ${label(tables, 'edition', edition)}, ${condition}`);
    }
  }
  const lead = oneVersion ? `Exchange ${versionName(all[0]!.version)}: up to ` : 'Up to ';
  const answer = [`${lead}${listOf(parts)}${oneVersion ? hedgeOf(all) : ''}.`, ...conditions].join(' ');
  return {
    question,
    answer,
    details: [
      'A mounted database is an active one, or a passive copy mounted for replication; more may be created than mounted, and the recovery database does not count.',
      ...limits.map((l) => l.reason),
    ],
    sources: sourcesOf(
      tables,
      limits.flatMap((l) => l.basis),
    ),
    articleId: limits[0]!.articles[0] ?? 'EXB-009',
    otherArticles: limits[0]!.articles.slice(1),
    checkFacts: subject,
  };
}
