import type { FactSpace } from '../rules/fact-space';
import type { KnowledgeProblem } from '../loading/problems';

/** What every row of an answer table names: its id, the Exchange versions, the facts it rests on, its article. */
export interface RowReferences {
  id: string;
  versions: readonly string[];
  /** The field the versions are in ("asks.versions"). */
  versionsField: string;
  basis: readonly string[];
  article: string;
}

/**
 * The problems the answer tables share (how-to.yaml, general-rules.yaml): an id listed twice, an unknown
 * Exchange version, a fact that is not in facts.yaml, an article that does not exist. `more` adds a
 * table's own checks of each row, with the same field naming ("[3] (azure-vms).basis").
 */
export function checkRows<T>(
  entries: readonly T[],
  file: string,
  space: FactSpace,
  known: { factIds: ReadonlySet<string>; articleIds: ReadonlySet<string> },
  references: (entry: T) => RowReferences,
  more: (entry: T, field: (name: string) => string, problems: KnowledgeProblem[]) => void = () => {},
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const versions = new Set(space.dimension('version')?.values.map((v) => v.id) ?? []);
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    const row = references(entry);
    const field = (name: string) => `[${i}] (${row.id}).${name}`;
    if (ids.has(row.id)) problems.push({ file, field: field('id'), message: 'this id is listed twice' });
    ids.add(row.id);
    for (const version of row.versions) {
      if (!versions.has(version)) problems.push({ file, field: field(row.versionsField), message: `unknown Exchange version "${version}"` });
    }
    for (const id of row.basis) {
      if (!known.factIds.has(id)) problems.push({ file, field: field('basis'), message: `rests on fact "${id}", which is not in facts.yaml` });
    }
    if (!known.articleIds.has(row.article)) problems.push({ file, field: field('article'), message: `cites article "${row.article}", which does not exist` });
    more(entry, field, problems);
  });
  return problems;
}
