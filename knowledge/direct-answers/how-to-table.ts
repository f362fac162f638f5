import { z } from 'zod';
import type { FactSpace } from '../rules/fact-space';
import type { KnowledgeProblem } from '../loading/problems';
import { checkRows } from './table-rows-check';

/**
 * One row of knowledge/data/how-to.yaml: a task admins ask how to do, and what the knowledge holds
 * about it (the requirement, the limit, the supported path), with where the steps themselves are.
 */
export const howToEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase id such as "dag-add-member"'),
  task: z.string().min(1),
  /** What a how-to must name for this row to answer it; every given part must hold. */
  asks: z.strictObject({
    /** Groups of words (matched at a word start, so "migrat" covers "migrate" and "migration"): one word of every group must appear. */
    words: z.array(z.array(z.string().min(2)).min(1)).optional(),
    /** Facts the question names (any of the listed values per dimension), as the check reads them. */
    facts: z.record(z.string(), z.array(z.string()).min(1)).optional(),
    /** The Exchange versions the question may name; a question naming none matches only with `anyVersion`. */
    versions: z.array(z.string()).optional(),
    /** Also match a question that names no Exchange version. */
    anyVersion: z.boolean().optional(),
    /** What the question moves to, named after "to", "onto" or "into": Exchange SE or a Windows release. */
    target: z.enum(['se', 'windows']).optional(),
  }),
  /**
   * The answer is the way to Exchange SE the coexistence table gives for the version asked (upgrade-path.ts), so each
   * older version gets its own hops; `answer` is said only when that version holds no way there.
   */
  pathFromCoexistence: z.boolean().optional(),
  /** The first sentence: what the knowledge holds (our own words). */
  answer: z.string().min(20).max(600),
  details: z.array(z.string().min(1)).optional(),
  /** Said plainly: where the steps are in full (and that they are not here, when `procedure` is absent). */
  steps: z.string().min(20),
  /** The steps themselves, short and in our own words, when a Microsoft doc we read (in `sources`) gives them: shown first to "steps to ...". */
  procedure: z.string().min(20).max(400).optional(),
  basis: z.array(z.string()).optional(),
  sources: z.array(z.string().min(1)).optional(),
  status: z.enum(['verified', 'read-3p', 'derived', 'recalled']).optional(),
  article: z.string(),
});
export const howToSchema = z.array(howToEntrySchema).min(1);
export type HowToEntry = z.infer<typeof howToEntrySchema>;

/** Problems of the how-to table: unknown versions, facts, dimension values and articles, a row with no source. */
export function checkHowTo(entries: readonly HowToEntry[], file: string, space: FactSpace, factIds: ReadonlySet<string>, articleIds: ReadonlySet<string>): KnowledgeProblem[] {
  const references = (entry: HowToEntry) => ({
    id: entry.id,
    versions: entry.asks.versions ?? [],
    versionsField: 'asks.versions',
    basis: entry.basis ?? [],
    article: entry.article,
  });
  return checkRows(entries, file, space, { factIds, articleIds }, references, (entry, field, problems) => {
    for (const [dimension, values] of Object.entries(entry.asks.facts ?? {})) {
      const known = space.dimension(dimension);
      if (!known) problems.push({ file, field: field(`asks.facts.${dimension}`), message: `unknown dimension "${dimension}"` });
      for (const value of values) {
        if (known && !known.values.some((v) => v.id === value)) problems.push({ file, field: field(`asks.facts.${dimension}`), message: `unknown ${dimension} value "${value}"` });
      }
    }
    if (!entry.asks.words && !entry.asks.facts && !entry.asks.target) problems.push({ file, field: field('asks'), message: 'a row must ask for words, facts or a target' });
    if ((entry.basis ?? []).length === 0 && entry.status === undefined) problems.push({ file, field: field('status'), message: 'a row without facts (basis) needs its status' });
    if ((entry.sources ?? []).length > 0 && entry.status === undefined) problems.push({ file, field: field('status'), message: 'documents read (sources) need their status' });
  });
}
