import type { CoexistenceEntry } from './coexistence-table';
import type { AnswerSource } from './direct-answer';
import type { HowToEntry } from './how-to-table';
import { label, statusWords, type AnswerTables } from './table-access';

/*
 * The way from an Exchange version to Exchange SE, read from one table for every asker (issue 21, helper d21): the
 * direct answer to "how do I migrate Exchange 2007 to SE?" (how-to.yaml rows with `pathFromCoexistence`) and the
 * line after a verdict on a retired version ("what's our upgrade path?", dialogs/migration-path.ts). An in-place
 * upgrade where the how-to table holds one for that version (Exchange 2019 CU14/CU15, M-11); otherwise the hops the
 * coexistence table allows, each newer version joining an organization of the older one before the older one is
 * removed (Exchange 2016 and 2019 cannot join an organization with Exchange 2007, so 2007 goes through 2013).
 */

type PathTables = Pick<AnswerTables, 'coexistence' | 'howTo' | 'dimensions'>;

/** At most this many hops are looked for (2000 to SE takes four). */
const MAX_HOPS = 5;

export interface UpgradePath {
  /** "Upgrade path: ..." in our own words, each hop with its update level and how sure the table is of it. */
  line: string;
  /** Where the line comes from, one entry per status (strongest first). */
  sources: AnswerSource[];
}

/** The how-to row of an in-place upgrade of `version` to SE (one a source was read for), if any. */
function inPlaceRow(tables: PathTables, version: string): HowToEntry | undefined {
  return tables.howTo.find(
    (e) => e.asks.target === 'se' && e.asks.versions?.includes(version) && !e.pathFromCoexistence && /\bin place\b/i.test(e.answer) && e.status !== 'recalled',
  );
}

function hopStatus(status: CoexistenceEntry['status']): string {
  return status === 'verified' ? '' : status === 'read-3p' ? ' (according to third-party sources)' : ' (recalled, not confirmed)';
}

/** Whether the how-to table upgrades `version`'s servers in place to Exchange SE (Exchange 2019 CU14/CU15, M-11). */
export function upgradesInPlaceToSe(tables: PathTables, version: string): boolean {
  return version !== 'se' && inPlaceRow(tables, version) !== undefined;
}

/** How Exchange `version` gets to Exchange SE, or undefined when the tables hold no way (or `version` is SE). */
export function upgradePath(tables: PathTables, version: string): UpgradePath | undefined {
  if (version === 'se') return undefined;
  // "Exchange SE" rather than the label's "Exchange Server Subscription Edition (SE)", said up to four times here.
  const name = (v: string) => (v === 'se' ? 'Exchange SE' : label(tables, 'version', v));
  const inPlace = inPlaceRow(tables, version);
  if (inPlace)
    return { line: `Upgrade path: ${inPlace.answer}`, sources: [{ status: statusWords(inPlace.status ?? 'verified'), label: (inPlace.sources ?? []).join(', ') || 'EXB-011' }] };
  const hops = shortestPath(tables, version);
  if (!hops) return undefined;
  const steps = hops.map((hop, i) => {
    const joins = `${name(hop.version)} can join an organization with ${name(hop.with)}${hop.minimum ? ` (${hop.minimum})` : ''}${hopStatus(hop.status)}`;
    // The last hop from a version that also upgrades in place (Exchange 2019): that is said too.
    const alsoInPlace = i === hops.length - 1 && i > 0 && inPlaceRow(tables, hop.with) ? `, or the ${name(hop.with)} servers are upgraded in place` : '';
    return `${joins}${alsoInPlace}`;
  });
  const line =
    hops.length === 1
      ? `Upgrade path: ${name(version)} has no in-place upgrade to ${name('se')}; new ${name('se')} servers join the organization and the mailboxes move to them: ${steps[0]}.`
      : `Upgrade path: no direct path from ${name(version)} to ${name('se')}; one version at a time, each joining the organization before the older one is removed:\n${steps.map((step, i) => `${i + 1}. ${step}.`).join('\n')}`;
  return { line, sources: sourcesOf(hops) };
}

/** The coexistence rows' sources, one entry per status. */
function sourcesOf(rows: readonly CoexistenceEntry[]): AnswerSource[] {
  return [...new Set(rows.map((row) => row.status))].map((status) => ({
    status: statusWords(status),
    label: [...new Set(rows.filter((row) => row.status === status).map((row) => row.source))].join('; '),
  }));
}

/** The fewest coexistence hops from `version` to SE, the newest version first at each hop (breadth-first, bounded). */
function shortestPath(tables: PathTables, version: string): CoexistenceEntry[] | undefined {
  const order = tables.dimensions.find((d) => d.id === 'version')?.values.map((v) => v.id) ?? [];
  const newestFirst = (a: string, b: string) => order.indexOf(b) - order.indexOf(a);
  let frontier: { at: string; path: CoexistenceEntry[] }[] = [{ at: version, path: [] }];
  const seen = new Set([version]);
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop += 1) {
    const next: typeof frontier = [];
    for (const { at, path } of frontier) {
      const rows = tables.coexistence.filter((row) => row.with === at && row.supported && !seen.has(row.version)).sort((a, b) => newestFirst(a.version, b.version));
      for (const row of rows) {
        if (row.version === 'se') return [...path, row];
        seen.add(row.version);
        next.push({ at: row.version, path: [...path, row] });
      }
    }
    frontier = next;
  }
  return undefined;
}
