import { z } from 'zod';
import type { FactSpace } from '../rules/fact-space';
import type { KnowledgeProblem } from '../loading/problems';

/**
 * One row of knowledge/data/glossary.yaml: a term, every way admins type it, its definition in our
 * own words, the Exchange versions it belongs to, and where its facts come from (fact ids of
 * facts.yaml, whose status the answer shows, or documents read with their status).
 */
export const glossaryEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase id such as "evs" or "file-share-witness"'),
  term: z.string().min(1),
  /** Names, acronyms and usual misspellings, matched whole (case-insensitive; small typos forgiven on long words). */
  names: z.array(z.string().min(1)).min(1),
  /** One or two sentences, our own, opening with the term. */
  definition: z.string().min(20).max(600),
  versions: z.array(z.string()).min(1),
  basis: z.array(z.string()).optional(),
  /** Documents read for a term the facts registry does not hold, and how sure they are. */
  sources: z.array(z.string().min(1)).optional(),
  status: z.enum(['verified', 'read-3p', 'derived', 'recalled']).optional(),
  /** The article whose passage is quoted beneath the definition. */
  article: z.string().optional(),
  /** The fact-dimensions.yaml value this term names ("ha/ccr"): the rules' term and this definition are one. */
  value: z
    .string()
    .regex(/^[a-zA-Z]+\/[a-z0-9+-]+$/, 'must be "dimension/value", such as "ha/ccr"')
    .optional(),
});
export const glossarySchema = z.array(glossaryEntrySchema).min(1);
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/**
 * Problems of the glossary: a name listed under two terms, unknown facts, versions, articles or
 * dimension values, a term with no source, or documents without their status.
 */
export function checkGlossary(
  entries: readonly GlossaryEntry[],
  file: string,
  space: FactSpace,
  factIds: ReadonlySet<string>,
  articleIds: ReadonlySet<string>,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const versions = new Set(space.dimension('version')?.values.map((v) => v.id) ?? []);
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    const field = (name: string) => `[${i}] (${entry.id}).${name}`;
    if (ids.has(entry.id)) problems.push({ file, field: field('id'), message: 'this id is listed twice' });
    ids.add(entry.id);
    for (const name of entry.names) {
      const key = glossaryKey(name);
      const other = owner.get(key);
      if (other !== undefined && other !== entry.id) problems.push({ file, field: field('names'), message: `"${name}" is also a name of "${other}"` });
      owner.set(key, entry.id);
    }
    for (const version of entry.versions) {
      if (!versions.has(version)) problems.push({ file, field: field('versions'), message: `unknown Exchange version "${version}"; known: ${[...versions].join(', ')}` });
    }
    for (const id of entry.basis ?? []) {
      if (!factIds.has(id)) problems.push({ file, field: field('basis'), message: `rests on fact "${id}", which is not in facts.yaml` });
    }
    if ((entry.basis ?? []).length === 0 && (entry.sources ?? []).length === 0 && entry.status !== 'recalled')
      problems.push({ file, field: field('basis'), message: 'a term needs its facts (basis) or the documents read (sources), or status: recalled' });
    if ((entry.sources ?? []).length > 0 && entry.status === undefined) problems.push({ file, field: field('status'), message: 'documents read (sources) need their status' });
    if (entry.article !== undefined && !articleIds.has(entry.article))
      problems.push({ file, field: field('article'), message: `cites article "${entry.article}", which does not exist` });
    if (entry.value !== undefined) {
      const [dimension, value] = entry.value.split('/') as [string, string];
      if (!space.dimension(dimension)?.values.some((v) => v.id === value))
        problems.push({ file, field: field('value'), message: `names ${entry.value}, which fact-dimensions.yaml does not have` });
    }
  });
  return problems;
}

/** A name as the glossary compares it: lowercase, words only ("MAPI/HTTP" → "mapi http"). */
export function glossaryKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
