import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Dimension, Facts, KnowledgeBase, Verdict } from '../../knowledge';

/**
 * The truth table of issue 20 (test/knowledge/truth-table.yaml): setups labelled from Microsoft's
 * documentation, read the way the check keeps facts. Shared by its test and by `npm run bench`.
 */
export interface TruthRow {
  facts: Record<string, string | number | (string | number)[]>;
  verdict: Verdict;
  basis?: string[];
  note?: string;
  source?: string;
}

export const TRUTH_TABLE_FILE = join(__dirname, '..', '..', '..', 'test', 'knowledge', 'truth-table.yaml');

export function readTruthTable(): TruthRow[] {
  return parse(readFileSync(TRUTH_TABLE_FILE, 'utf8')) as TruthRow[];
}

/**
 * A row's facts as the check keeps them. The table's shorthands: a role list is one server holding
 * those roles (the role value that `combines` them; undefined when no value does, such as Edge
 * beside another role, which no Setup installs); `clusterWorkloads` as a list (any workload is
 * "yes", none "no"); `edgeDomainJoined: perimeter` is outside the internal forest ("no"); `ha: scc`
 * is the 2007 single copy cluster, the `cluster` value.
 */
export function truthFacts(row: TruthRow, dimensions: readonly Dimension[]): Facts | undefined {
  const facts: Record<string, string> = {};
  for (const [dimension, raw] of Object.entries(row.facts)) {
    if (dimension === 'role' && Array.isArray(raw)) {
      const wanted = new Set(raw.map(String));
      const role = dimensions
        .find((d) => d.id === 'role')
        ?.values.find((v) => v.combines !== undefined && v.combines.length === wanted.size && v.combines.every((c) => wanted.has(c)));
      if (!role) return undefined;
      facts[dimension] = role.id;
    } else if (dimension === 'clusterWorkloads' && Array.isArray(raw)) facts[dimension] = raw.length > 0 ? 'yes' : 'no';
    else if (dimension === 'edgeDomainJoined' && raw === 'perimeter') facts[dimension] = 'no';
    else facts[dimension] = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
  }
  return facts;
}

/** The verdict the check gives a row: what it decides, or "not-supported" for a server no Setup installs. */
export function truthVerdict(kb: KnowledgeBase, row: TruthRow): { verdict: string; why: string } {
  const facts = truthFacts(row, kb.dimensions);
  if (!facts) return { verdict: 'not-supported', why: 'no role value holds these roles together (Setup installs none such)' };
  const step = kb.nextStep(facts);
  if (step.kind !== 'verdict') return { verdict: `asks ${step.dimension.id}`, why: 'every asked fact should be given' };
  const d = step.decision;
  return { verdict: d.verdict, why: [...d.rules.map((r) => r.id), ...d.broken.map((l) => l.id)].join(', ') };
}
