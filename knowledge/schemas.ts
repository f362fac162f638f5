import { z } from 'zod';

/**
 * The shapes of the knowledge files. Objects are strict: an unknown field is an error, because a
 * misspelt field (`recomendation:`) would otherwise be silently ignored.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const articleId = z.string().regex(/^(KB\d{6}|EXB-\d{3})$/, 'must look like KB837852 or EXB-001');
const factId = z.string().regex(/^[FCL]\d+b?$/, 'must be a fact id such as C1 or C8b');
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
  status: z.enum(['verified', 'recalled']),
  about: nonEmpty,
  sources: z.array(nonEmpty),
});
export const factsSchema = z.array(factSchema).min(1);
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
