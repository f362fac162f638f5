import { z } from 'zod';

/**
 * The shapes of the knowledge files. Objects are strict: an unknown field is an error, because a
 * misspelt field (`recomendation:`) would otherwise be silently ignored.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const articleId = z.string().regex(/^(KB\d{6}|EXB-\d{3})$/, 'must look like KB837852 or EXB-001');
// The ids of the two facts sheets: F1, C8b, L3 (exchange-facts.md); LC1, W10, E7-11, D-8, M-15 (exchange-facts-modern.md).
const factId = z.string().regex(/^(?:[FCL]\d+b?|LC\d+|W\d+|E7-\d+|[DM]-\d+)$/, 'must be a fact id such as C1, C8b, LC1, W10, E7-11, D-8 or M-15');
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
      if (named.length < 2) ctx.addIssue({ code: 'custom', path: [i, 'sources'], message: 'is "derived", so it must name the two or more facts it follows from (their ids) among its sources' });
    });
  });
export type Fact = z.infer<typeof factSchema>;

const phraseList = z.array(z.coerce.string().pipe(nonEmpty)).default([]);

export const dimensionValueSchema = z.strictObject({
  id: z.coerce.string().pipe(nonEmpty),
  label: nonEmpty,
  names: phraseList,
  acronyms: phraseList,
  answers: phraseList,
});

export const dimensionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z]*$/, 'must be a camelCase identifier'),
  question: nonEmpty,
  label: nonEmpty,
  partials: phraseList,
  values: z.array(dimensionValueSchema).min(2, 'must offer at least two values'),
});
export const dimensionsSchema = z.array(dimensionSchema).min(1);
export type Dimension = z.infer<typeof dimensionSchema>;

export const verdictSchema = z.enum(['supported', 'supported-with-conditions', 'not-supported', 'not-covered']);
export type Verdict = z.infer<typeof verdictSchema>;

/** One alternative of a rule's `when`: dimension id → accepted value(s). Checked against the dimensions after parsing. */
const conditionSchema = z.record(z.string(), z.union([z.array(z.coerce.string()).min(1), z.coerce.string()]));

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  when: z.union([conditionSchema, z.array(conditionSchema).min(1)]),
  verdict: verdictSchema,
  reason: nonEmpty,
  recommendation: nonEmpty,
  articles: z.array(articleId).min(1, 'must cite at least one article'),
  basis: z.array(factId).min(1, 'must name the facts it rests on'),
});
export const rulesSchema = z.array(ruleSchema).min(1);
export type RuleInput = z.infer<typeof ruleSchema>;

export const synonymGroupSchema = z.strictObject({
  concept: z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word (it becomes an index token)'),
  phrases: z.array(z.coerce.string().pipe(nonEmpty)).min(1),
});
export const synonymsSchema = z.array(synonymGroupSchema);
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;
