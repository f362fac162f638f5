import { z } from 'zod';
import type { FactSpace } from '../rules/fact-space';
import type { KnowledgeProblem } from '../loading/problems';

/** One row of knowledge/data/coexistence.yaml: may `with` run in the same organization as `version`? */
export const coexistenceEntrySchema = z.strictObject({
  version: z.string(),
  with: z.string(),
  supported: z.boolean(),
  /** The update level the servers must run, in our own words; only for a supported pair. */
  minimum: z.string().optional(),
  status: z.enum(['verified', 'read-3p', 'recalled']),
  source: z.string().min(1),
  articles: z.array(z.string()).min(1),
  /**
   * The newer version's last cumulative update whose Setup still accepts the older version in the organization, when a
   * later one refuses it (Exchange 2019 CU15 and Exchange 2013): with its own status and source. Default: none (every
   * update of the newer version coexists).
   */
  newerLastUpdate: z.strictObject({ cu: z.number().int().min(1), status: z.enum(['verified', 'read-3p', 'recalled']), source: z.string().min(1) }).optional(),
});
export const coexistenceSchema = z.array(coexistenceEntrySchema).min(1);

/** How sure a row (or its newerLastUpdate) is, in words after its claim: "" for a Microsoft page read. */
export function howSure(status: CoexistenceEntry['status']): string {
  return status === 'verified' ? '' : status === 'read-3p' ? ' (according to third-party sources)' : ' (as recalled, not confirmed from Microsoft)';
}
export type CoexistenceEntry = z.infer<typeof coexistenceEntrySchema>;

/** Problems of the coexistence table: unknown versions, a pair listed twice, unknown articles, a supported pair without its minimum. */
export function checkCoexistence(
  entries: readonly CoexistenceEntry[],
  file: string,
  space: FactSpace,
  _factIds: ReadonlySet<string>,
  articleIds: ReadonlySet<string>,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const versions = new Set(space.dimension('version')?.values.map((v) => v.id) ?? []);
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const field = (name: string) => `[${i}] (${entry.version} with ${entry.with}).${name}`;
    for (const key of ['version', 'with'] as const) {
      if (!versions.has(entry[key])) problems.push({ file, field: field(key), message: `unknown Exchange version "${entry[key]}"; known: ${[...versions].join(', ')}` });
    }
    const pair = [entry.version, entry.with].sort().join('/');
    if (seen.has(pair)) problems.push({ file, field: field('with'), message: 'this pair of versions is listed twice' });
    seen.add(pair);
    if (entry.supported && !entry.minimum) problems.push({ file, field: field('minimum'), message: 'a supported pair must say the update level it needs' });
    if (!entry.supported && entry.newerLastUpdate) problems.push({ file, field: field('newerLastUpdate'), message: 'only a supported pair has a last update that still coexists' });
    entry.articles.forEach((id, a) => {
      if (!articleIds.has(id)) problems.push({ file, field: field(`articles.${a}`), message: `cites article "${id}", which does not exist` });
    });
  });
  return problems;
}
