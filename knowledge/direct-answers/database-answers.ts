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

/** Sizes probed for a database size limit's bound (GB): above the 16 TB Microsoft supports. */
const PROBE_SIZE_GB = 20_000;

/** A limit that bounds only a mailbox database's size. */
function sizeLimit(limit: SupportLimit): boolean {
  const read = conditionDimensions(limit.breaks);
  return read.length === 1 && read[0] === 'databaseSizeGb';
}

/** "16 TB", "200 GB": a size in GB as people say it. */
function sizeWords(gb: number): string {
  return gb >= 1024 && gb % 1024 === 0 ? `${gb / 1024} TB` : `${gb} GB`;
}

/**
 * "How big can a mailbox database be?", "largest supported db size in exchange 2019" (session 13, q23): the largest size
 * the limits the check judges a stated size by allow (support-rules.yaml, `databaseSizeGb`), and the sizes Microsoft
 * recommends on a stand-alone server and in a DAG (the limits that only advise against a larger one). Undefined when no
 * limit bounds the version asked (Exchange 2010 and older have none in the tables): the search answers then.
 */
export function maxDatabaseSizeAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const asked = question.subject.version;
  const versions = (tables.dimensions.find((d) => d.id === 'version')?.values ?? []).map((v) => v.id).filter((v) => asked === undefined || v === asked);
  const limits = tables.limits.filter(sizeLimit);
  const strictOf = (version: string) => limits.filter((l) => (l.verdict === undefined || l.verdict === 'not-supported') && ruleMatches(l, { version }));
  const covered = versions.filter((v) => strictOf(v).length > 0);
  if (covered.length === 0) return undefined;
  const strict = [...new Set(covered.flatMap(strictOf))];
  const max = Math.min(...strict.map((l) => largestAllowed(l, 'databaseSizeGb', {}, PROBE_SIZE_GB) ?? Infinity));
  if (!Number.isFinite(max)) return undefined;
  // The recommended sizes: limits that advise against a larger database, per the high availability they hold for.
  const advised = limits.filter((l) => l.verdict === 'supported-with-conditions' && covered.some((version) => ['none', 'dag'].some((ha) => ruleMatches(l, { version, ha }))));
  const advice = (['dag', 'none'] as const).flatMap((ha) => {
    const limit = advised.find((l) => covered.some((version) => ruleMatches(l, { version, ha })));
    const bound = limit ? largestAllowed(limit, 'databaseSizeGb', {}, PROBE_SIZE_GB) : undefined;
    return limit && bound !== undefined ? [{ limit, words: `${sizeWords(bound)} or less ${ha === 'dag' ? 'in a DAG' : 'on a stand-alone server'}` }] : [];
  });
  const versionName = (v: string) => (v === 'se' ? 'SE' : label(tables, 'version', v).replace(/^Exchange (Server )?/, ''));
  const all = [...strict, ...advice.map((a) => a.limit)];
  const answer =
    `Up to about ${sizeWords(max)} per mailbox database (Exchange ${listOf(covered.map(versionName))}), the largest size Microsoft supports.` +
    (advice.length > 0 ? ` Microsoft recommends ${listOf(advice.map((a) => a.words))}.` : '');
  return {
    question,
    answer,
    details: all.map((l) => l.reason),
    sources: sourcesOf(
      tables,
      all.flatMap((l) => l.basis),
    ),
    articleId: strict[0]!.articles[0] ?? 'EXB-009',
    otherArticles: strict[0]!.articles.slice(1),
    checkFacts: asked !== undefined ? { version: asked } : {},
  };
}
