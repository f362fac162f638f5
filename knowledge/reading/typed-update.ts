import type { BuildTable } from '../rules/exchange-builds';

/**
 * Whether the one update a message names in words ("Exchange 2019 CU10", "cu 22", "SP2") of `version`
 * still gets security updates: "current" or "behind", looked up in the build table as a pasted build of
 * that update would be (its current-update and service-pack policies). Undefined when the message names
 * no update, several, or one the table does not list for that version.
 */
export function namedUpdateCurrency(builds: BuildTable, version: string, text: string): string | undefined {
  // Cumulative updates only: a service pack whose support ended early (Exchange 2007 SP2) heads the verdict with
  // its own end date (lifecycle.yaml, A-20), and the design keeps its label while that service pack was supported.
  const named = [...new Set([...text.matchAll(/\b(rtm|sp\s?\d|cu\s?\d{1,2})\b/gi)].map((m) => m[1]!.toLowerCase().replace(/\s/, '')))];
  if (named.length === 1 && !named[0]!.startsWith('cu')) return undefined;
  if (named.length !== 1) return undefined;
  const update = builds.canonicalUpdate(version, named[0]!);
  const row = update ? builds.updatesOf(version).find((r) => r.update === update) : undefined;
  // Only "behind" is said: it is what the current-update rule judges, and "current" would read as "still
  // updated" for a retired version whose last update simply had no successor.
  return row && builds.currency(row)?.state === 'behind' ? 'behind' : undefined;
}
