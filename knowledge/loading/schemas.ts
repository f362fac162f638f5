import { z } from 'zod';

/**
 * The shapes of the knowledge files. Objects are strict: an unknown field is an error, because a
 * misspelt field (`recomendation:`) would otherwise be silently ignored.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const articleId = z.string().regex(/^(KB\d{6}|EXB-\d{3})$/, 'must look like KB837852 or EXB-001');
// The ids of the two facts sheets: F1, C8b, L3 (exchange-facts.md); LC1, W10, E7-11, D-8, M-15 (exchange-facts-modern.md).
// A-* are facts read for the knowledge audit of issue 20 (not in the two sheets): Microsoft pages and KB articles it names.
const factId = z.string().regex(/^(?:[FCL]\d+b?|LC\d+|W\d+|E7-\d+|[DMA]-\d+)$/, 'must be a fact id such as C1, C8b, LC1, W10, E7-11, D-8, M-15 or A-3');
const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  // Date.parse accepts 2026-02-30 (it rolls over to March), so compare the round trip.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
  }
  return text;
});

export const articleSourceSchema = z.strictObject({
  ref: nonEmpty,
  title: nonEmpty,
  facts: z.array(factId).default([]),
});

export const articleFrontMatterSchema = z.strictObject({
  id: articleId,
  title: nonEmpty.max(120, 'must be at most 120 characters'),
  products: z.array(nonEmpty).min(1, 'must list at least one product'),
  keywords: z.array(z.coerce.string().pipe(nonEmpty)).min(1, 'must list at least one keyword'),
  sources: z.array(articleSourceSchema).min(1, 'must cite at least one source'),
  reviewed: isoDate,
  related: z.array(articleId).default([]),
  summary: nonEmpty,
});
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export const factSchema = z.strictObject({
  id: factId,
  // Strongest first: a Microsoft text was read; only a third-party text was read; follows from read facts; remembered only.
  status: z.enum(['verified', 'read-3p', 'derived', 'recalled']),
  about: nonEmpty,
  sources: z.array(nonEmpty),
});
export const factsSchema = z
  .array(factSchema)
  .min(1)
  .superRefine((facts, ctx) => {
    // Articles and rules cite facts by id, so an id given twice would make a citation ambiguous.
    const first = new Map<string, number>();
    facts.forEach((fact, i) => {
      const earlier = first.get(fact.id);
      if (earlier === undefined) first.set(fact.id, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `repeats fact "${fact.id}" (already entry ${earlier + 1})` });
    });
    // A derived fact is only as good as the facts it follows from, so it must name them (two or more).
    facts.forEach((fact, i) => {
      if (fact.status !== 'derived') return;
      const named = fact.sources.filter((source) => source !== fact.id && first.has(source));
      if (named.length < 2)
        ctx.addIssue({ code: 'custom', path: [i, 'sources'], message: 'is "derived", so it must name the two or more facts it follows from (their ids) among its sources' });
    });
  });
export type Fact = z.infer<typeof factSchema>;

const phraseList = z.array(z.coerce.string().pipe(nonEmpty)).default([]);

/**
 * A condition on facts, as written in the tables: dimension id → what it must be. A value or a list
 * of values (one of them), `{ not: [...] }` (none of them), `{ min, max }` for a number (a bound may
 * name another number fact: `{ min: nodes }`), `{ any: [...] }` for a set fact (holds one of them).
 */
// Unquoted YAML numbers (2003) are value ids too; objects must not be coerced into "[object Object]".
const valueId = z.union([z.string(), z.number().transform(String)]);
const valueList = z.union([z.array(valueId).min(1), valueId]);
const numberBound = z.union([z.number().int(), z.string().regex(/^[a-z][a-zA-Z]*$/, 'must be a number or a number fact id')]);
export const conditionTestSchema = z.union([
  valueList,
  z.strictObject({ not: valueList }),
  // `even: true` holds for even numbers only, `even: false` for odd ones (a DAG needs a witness only with an even member count).
  z
    .strictObject({ min: numberBound.optional(), max: numberBound.optional(), even: z.boolean().optional() })
    .refine((t) => t.min !== undefined || t.max !== undefined || t.even !== undefined, 'needs min, max or even'),
  z.strictObject({ any: valueList }),
]);
export type ConditionTest = z.infer<typeof conditionTestSchema>;
export const conditionSchema = z.record(z.string(), conditionTestSchema);
export type ConditionInput = z.infer<typeof conditionSchema>;

export const dimensionValueSchema = z.strictObject({
  id: z.coerce.string().pipe(nonEmpty),
  label: nonEmpty,
  names: phraseList,
  acronyms: phraseList,
  answers: phraseList,
  /** The value exists only where this holds (a role a version does not have is no combination). */
  appliesWhen: conditionSchema.optional(),
  /** Where this value does not apply, the same words mean the first of these that does ("mailbox server" of Exchange 2003 is its back-end). */
  elsewhere: z.array(z.coerce.string()).default([]),
  /** Facts that naming this value settles when they are still unknown (CCR is always a Mailbox server). */
  implies: z.record(z.string(), z.coerce.string()).default({}),
  /** Phrases that name this value and state other facts besides ("single mailbox server": no high availability, the Mailbox role). */
  namesStating: z.record(z.string(), z.record(z.string(), z.coerce.string())).default({}),
  /** Words only: never a combination itself, always read as the first of `elsewhere` that applies ("cluster" of Exchange 2016 is its DAG). */
  alias: z.boolean().default(false),
  /**
   * For a value that stands for several values of its dimension at once (a server holding the Client
   * Access and Mailbox roles): those values. Read together in one clause ("CAS+MBX", "CAS and Mailbox
   * on the same servers") they name this value; tables listing roles as a set map to it.
   */
  combines: z.array(z.coerce.string()).optional(),
});
export type DimensionValue = z.infer<typeof dimensionValueSchema>;

export const dimensionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z]*$/, 'must be a camelCase identifier'),
  /**
   * asked: the check may ask it, and the rules are validated over every combination of asked facts.
   * stated: never asked; used when the user states it (a domain-controller node, a node count), each
   * rule about it is a condition the verdict names until the user says whether it holds.
   */
  kind: z.enum(['asked', 'stated']).default('asked'),
  /** choice: one of the values; number: a whole number; set: any of the values at once. */
  type: z.enum(['choice', 'number', 'set']).default('choice'),
  question: nonEmpty,
  label: nonEmpty,
  /** The dimension applies only where this holds (the CPU architecture matters only for some Windows releases). */
  appliesWhen: conditionSchema.optional(),
  partials: phraseList,
  /** For number facts: word patterns with `{n}` for the number ("{n} node", "dag of {n}"). */
  patterns: phraseList,
  /** A stated fact that naming two values of this dimension at once means ("2016 and 2019 in one DAG"). */
  whenSeveral: z
    .strictObject({
      fact: nonEmpty,
      value: nonEmpty,
      /** Two values that name one upgrade path ("2019 CU15 and SE in one DAG"): the value judged, and the fact's value stated instead. */
      pairs: z.array(z.strictObject({ values: z.array(z.coerce.string()).length(2), keep: z.coerce.string(), value: nonEmpty })).default([]),
    })
    .optional(),
  /** Two values named together that describe one design: which to keep, and what the pair states besides. */
  together: z
    .array(z.strictObject({ values: z.array(z.coerce.string()).length(2), keep: z.coerce.string(), states: z.record(z.string(), z.coerce.string()).default({}) }))
    .default([]),
  /** A phrase of this dimension followed by one of that dimension names both facts ("Windows 2003 Enterprise"). */
  composeWith: z.string().optional(),
  /** Whether a bare short answer ("2016") may start such a phrase in a sentence ("2016 Std" is Windows, not Exchange). */
  composeAnswers: z.boolean().default(false),
  /**
   * In a design of several server groups ("2 FEs with NLB + a 2-node BE cluster"): `splits` marks
   * the fact whose values tell the groups apart (the role); `shared` facts hold for the whole design
   * wherever they are named (the Exchange version and edition).
   */
  design: z.enum(['splits', 'shared', 'group']).default('group'),
  /**
   * A fact of the product and platform rather than of the design (Exchange edition and update level,
   * Windows release, edition and architecture). A whole design described in one message gets its
   * verdict per group at once, with these facts left open and named as conditions ("holds only for
   * Windows Server 2003 Enterprise or Datacenter"), instead of questions before any verdict; the
   * version, roles and high availability are still asked. Default false.
   */
  openInDesigns: z.boolean().default(false),
  /**
   * A stated dimension holding this one's value where this one does not apply: "32-bit" said of Windows Server 2016,
   * which has no 32-bit release, is no architecture to ask about but a stated fact the limits judge (never dropped).
   */
  elsewhereStated: z.string().optional(),
  /** A mention right after a mention of one of these dimensions belongs to it ("Windows Server 2008 R2 SP1" is Windows's service pack). */
  notRightAfter: z.array(z.string()).default([]),
  /** False for stated facts the check recognises only to name back ("you also mentioned VMware; this check does not evaluate it"). */
  evaluated: z.boolean().default(true),
  /** How a person finds this fact out, for "not sure" answers. */
  howToFind: nonEmpty.optional(),
  /**
   * What the triage summary says of this fact when the check did not ask it, instead of "not asked (does
   * not change the verdict)": for the update level, which no design rule reads but whose currency a stated
   * build or CU is judged by, "does not change the verdict" would be untrue. Default: that generic line.
   */
  unaskedNote: nonEmpty.optional(),
  values: z.array(dimensionValueSchema).default([]),
});
export const dimensionsSchema = z.array(dimensionSchema).min(1);
export type Dimension = z.infer<typeof dimensionSchema>;

export const verdictSchema = z.enum(['supported', 'supported-with-conditions', 'not-supported', 'not-covered']);
export type Verdict = z.infer<typeof verdictSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  when: z.union([conditionSchema, z.array(conditionSchema).min(1)]),
  verdict: verdictSchema,
  reason: nonEmpty,
  recommendation: nonEmpty,
  articles: z.array(articleId).min(1, 'must cite at least one article'),
  basis: z.array(factId).min(1, 'must name the facts it rests on'),
  /** Decides only what no other rule decides (a version's "not covered" for the rest). */
  fallback: z.boolean().default(false),
  /**
   * For a "not-covered" rule (required there): the sources read for the setups it decides, and the
   * question none of them answers, so "Not covered" always says why.
   */
  sourcesRead: z.array(nonEmpty).min(1).optional(),
  unanswered: nonEmpty.optional(),
});
export type RuleInput = z.infer<typeof ruleSchema>;

/**
 * A condition of a supported design that rests on a stated fact: while the user has not said, the
 * verdict names `condition`; once a stated fact breaks it (`breaks` holds) the verdict is "Not
 * supported" with `reason`.
 */
export const limitSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  when: z.union([conditionSchema, z.array(conditionSchema).min(1)]),
  breaks: conditionSchema,
  /**
   * The verdict once `breaks` holds: "not-supported" (default), "not-covered" where the sources
   * are silent or conflict about the stated fact (the reason names them and what is missing), or
   * "supported-with-conditions" for what Microsoft advises against without refusing it (Exchange on a
   * domain controller): a supported verdict then names `condition`; such a limit is never named while unsaid.
   */
  verdict: z.enum(['not-supported', 'not-covered', 'supported-with-conditions']).default('not-supported'),
  /** Named only once a stated fact says whether it holds: never a condition while the fact is unknown. */
  quiet: z.boolean().default(false),
  condition: nonEmpty,
  reason: nonEmpty,
  recommendation: nonEmpty,
  articles: z.array(articleId).min(1, 'must cite at least one article'),
  basis: z.array(factId).min(1, 'must name the facts it rests on'),
});
export type LimitInput = z.infer<typeof limitSchema>;

export const rulesSchema = z.strictObject({
  rules: z.array(ruleSchema).min(1),
  limits: z.array(limitSchema).default([]),
});
export type RulesInput = z.infer<typeof rulesSchema>;

/** When each Exchange version (and some Windows releases) left support: the lifecycle table. */
export const lifecycleEntrySchema = z.strictObject({
  /** `update`: a service pack of Exchange 2007/2010 whose support ended before its version's (fact A-20). */
  dimension: z.enum(['version', 'windows', 'update']),
  value: z.coerce.string().pipe(nonEmpty),
  /** The last day of extended support; none for a product on the Modern Lifecycle Policy. */
  endOfSupport: isoDate.optional(),
  note: nonEmpty,
  basis: z.array(factId).min(1),
  /** The last day of mainstream support, with the facts it rests on. */
  mainstream: z.strictObject({ end: isoDate, basis: z.array(factId).min(1) }).optional(),
  /** The last day of paid Extended Security Updates (security fixes only, not support), with the facts it rests on. */
  esu: z.strictObject({ end: isoDate, note: nonEmpty, basis: z.array(factId).min(1) }).optional(),
});
export const lifecycleSchema = z.array(lifecycleEntrySchema).min(1);
export type LifecycleEntry = z.infer<typeof lifecycleEntrySchema>;

/**
 * A fact with one sensible answer where `when` holds (Exchange 2003 runs only on 32-bit Windows): the
 * check does not ask it, takes `values` for it, and the verdict states the assumption.
 */
export const assumedFactSchema = z.strictObject({
  dimension: z.string().pipe(nonEmpty),
  when: conditionSchema,
  /** The values taken; with several, the check still asks when they lead to different verdicts. */
  values: z.array(z.coerce.string().pipe(nonEmpty)).min(1),
  /** What the verdict says it assumed, in our words ("on 32-bit Windows: Exchange 2003 runs only there"). */
  statement: nonEmpty,
  /**
   * Issue 21 policy: the words a verdict uses to state the assumption as a condition when another value of
   * the fact would change the verdict ("On 32-bit (x86) Windows ..."). Left out where the other values are
   * no Exchange host at all (Windows Web Edition, Essentials): the statement then only notes the assumption.
   */
  condition: nonEmpty.optional(),
  basis: z.array(factId).min(1, 'must name the facts it rests on'),
});
export const assumedFactsSchema = z.array(assumedFactSchema);
export type AssumedFactInput = z.infer<typeof assumedFactSchema>;

export const synonymGroupSchema = z.strictObject({
  concept: z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word (it becomes an index token)'),
  phrases: z.array(z.coerce.string().pipe(nonEmpty)).min(1),
});
export const synonymsSchema = z.array(synonymGroupSchema);
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;

/** "15.2.1544.4", "6.5.7638": a build number in its short form (three parts for Exchange 2000/2003). */
const shortBuild = z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,4}(\.\d{1,3})?$/, 'must be a build number such as 15.2.1544.4 or 6.5.7638');
/** A release date, or its month alone where the source gives no day (an SU's name, "Nov24SU"). */
const releaseDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const full = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : /^\d{4}-\d{2}$/.test(text) ? `${text}-01` : undefined;
  if (full === undefined || Number.isNaN(Date.parse(full)) || new Date(`${full}T00:00:00Z`).toISOString().slice(0, 10) !== full) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known' });
  }
  return text;
});
const updateId = z.string().regex(/^(rtm|preview|sp\d|cu\d{1,2})$/, 'must be rtm, preview, sp1..sp9 or cu1..cu99');

export const exchangeBuildSchema = z.strictObject({
  version: valueId,
  update: updateId,
  /** The security update, update rollup or hotfix update on top of the update ("Nov24SU", "RU32"). */
  su: z.coerce.string().pipe(nonEmpty).optional(),
  released: releaseDate,
  build: shortBuild,
  /** The long form Exchange 2007 and later print ("15.02.1544.004"). */
  long: z
    .string()
    .regex(/^\d{1,2}\.\d{2}\.\d{4}\.\d{3}$/, 'must be a long build number such as 15.02.1544.004')
    .optional(),
  source: nonEmpty,
  note: nonEmpty.optional(),
});
export type ExchangeBuild = z.infer<typeof exchangeBuildSchema>;

export const buildsFileSchema = z.strictObject({
  sources: z.array(z.strictObject({ id: nonEmpty, status: z.enum(['verified', 'read-3p', 'derived', 'recalled']), title: nonEmpty })).min(1),
  /** Another name of an update ("Exchange 2013 SP1 is CU4"). */
  updateAliases: z.array(z.strictObject({ version: valueId, update: updateId, alias: updateId })).default([]),
  /** The updates of a version that still get security updates (the current-update policy, fact A-9). */
  currentUpdates: z.array(z.strictObject({ version: valueId, updates: z.array(updateId).min(1), source: nonEmpty, note: nonEmpty })).default([]),
  /** Service packs (and RTMs) whose support Microsoft ended before their version's own end, and when (fact A-20). */
  servicePackSupport: z.array(z.strictObject({ version: valueId, update: updateId, ended: isoDate, source: nonEmpty })).default([]),
  /** Windows builds ("10.0.17763", what systeminfo's OS Version and Get-ComputerInfo's OsVersion print) and the Windows Server release each is (fact A-45). */
  windowsBuilds: z
    .array(z.strictObject({ build: z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{4,5}$/, 'must be a Windows build such as 10.0.17763'), windows: valueId, source: nonEmpty }))
    .default([]),
  builds: z.array(exchangeBuildSchema).min(1),
});
export type BuildsFile = z.infer<typeof buildsFileSchema>;
