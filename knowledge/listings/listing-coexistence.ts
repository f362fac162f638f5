import type { CoexistenceEntry } from '../direct-answers/coexistence-table';
import type { Dimension } from '../loading/schemas';
import { statedCondition } from '../rules/open-facts';
import { worstVerdict } from '../rules/triage-summary';
import type { ListingGroup } from './listing-design';

/**
 * A pasted estate is one Exchange organization: the versions in it must be allowed to run side by side
 * (coexistence.yaml, the table direct answers read). A group of the newer version of a pair the table
 * says cannot coexist (Exchange 2019 beside 2010, SE beside 2013), or whose older servers run an update
 * below the one the table requires (2019 needs 2013 CU21 or later), is not supported: its installation
 * needs what the organization lacks. The older servers keep their own verdict, and the reason names them.
 */
export function applyCoexistence(groups: ListingGroup[], table: readonly CoexistenceEntry[], dimensions: readonly Dimension[]): void {
  const order = (dimensions.find((d) => d.id === 'version')?.values ?? []).map((v) => v.id);
  const present = [...new Set(groups.map((g) => g.facts.version).filter((v): v is string => v !== undefined && order.includes(v)))];
  if (present.length < 2) return;
  for (const group of groups) {
    const version = group.facts.version;
    if (version === undefined) continue;
    const problems: string[] = [];
    for (const older of present) {
      if (order.indexOf(older) >= order.indexOf(version)) continue;
      const entry = table.find((e) => e.version === version && e.with === older);
      if (!entry) continue;
      const said = entry.status === 'verified' ? '' : entry.status === 'read-3p' ? ' (according to third-party sources)' : ' (as recalled, not confirmed from Microsoft)';
      if (!entry.supported) {
        problems.push(`Exchange ${name(version)} cannot run in the same organization as Exchange ${name(older)}, which this paste also lists${said}.`);
        continue;
      }
      const behind = belowMinimum(groups, older, entry.minimum);
      if (behind.length > 0)
        problems.push(
          `Exchange ${name(version)} beside Exchange ${name(older)} needs ${entry.minimum}${said}; ${behind.slice(0, 5).join(', ')}${behind.length > 5 ? ` and ${behind.length - 5} more` : ''} run an older update.`,
        );
    }
    if (problems.length === 0) continue;
    const limits = problems.map((reason, k) =>
      statedCondition(
        `coexistence-${k + 1}`,
        'Every Exchange version in the organization may coexist with this one.',
        reason,
        'Update or remove the older servers before this version runs beside them.',
      ),
    );
    group.decisions = group.decisions.map((d) => (d ? { ...d, verdict: 'not-supported', broken: [...limits, ...d.broken] } : d));
    group.verdict = group.decisions.every((d) => d !== undefined) ? worstVerdict(group.decisions.map((d) => d!.verdict)) : 'not-supported';
  }
}

function name(version: string): string {
  return version === 'se' ? 'SE' : version;
}

/** The servers of `older` whose CU is below the one a minimum names ("Exchange 2013 CU21 or later"); only a CU read from a build counts. */
function belowMinimum(groups: readonly ListingGroup[], older: string, minimum: string | undefined): string[] {
  const needed = new RegExp(`Exchange ${older} CU(\\d+) or later`, 'i').exec(minimum ?? '');
  if (!needed) return [];
  const cu = Number(needed[1]);
  return groups
    .filter((g) => g.facts.version === older)
    .flatMap((g) => g.servers)
    .filter((s) => {
      const lookup = s.build?.lookup;
      const row = lookup?.kind === 'known' ? lookup.row : lookup?.kind === 'same-update' ? lookup.update : undefined;
      const n = row ? /^cu(\d+)$/.exec(row.update)?.[1] : undefined;
      return n !== undefined && Number(n) < cu;
    })
    .map((s) => s.name);
}
