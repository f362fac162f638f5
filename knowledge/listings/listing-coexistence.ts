import { olderPairs, refusedBy } from '../rules/design-coexistence';
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
  /** Older servers whose rollup the paste hides, and the newer version's minimum they must meet (said on their own groups too). */
  const hiddenRollups = new Map<string, string>();
  for (const group of groups) {
    const version = group.facts.version;
    if (version === undefined) continue;
    const problems: string[] = [];
    const unsure: string[] = [];
    /** Pairs the table allows only as recalled or from third-party sources. */
    const recalled: string[] = [];
    for (const { older, entry, said } of olderPairs(version, present, order, table)) {
      if (!entry.supported) {
        problems.push(`Exchange ${name(version)} cannot run in the same organization as Exchange ${name(older)}, which this paste also lists${said}.`);
        continue;
      }
      // "15.2.1748.10 beside 15.0.1497.2": the newer servers past the last update that accepts the older (session 15, lead).
      const last = entry.newerLastUpdate;
      const pastLast = last ? group.servers.filter((server) => Number(/^cu(\d+)$/.exec(updateOf(server) ?? '')?.[1] ?? 0) > last.cu).map((server) => server.name) : [];
      if (pastLast.length > 0) {
        problems.push(`${refusedBy(entry, version, older)}, which this paste also lists; ${someServers(pastLast)} run a later update.`);
        continue;
      }
      const { behind, unshown } = belowMinimum(groups, older, entry.minimum);
      if (behind.length > 0) problems.push(`Exchange ${name(version)} beside Exchange ${name(older)} needs ${entry.minimum}${said}; ${someServers(behind)} run an older update.`);
      else if (unshown.length > 0) {
        for (const server of unshown)
          if (!hiddenRollups.has(server)) hiddenRollups.set(server, `Exchange ${name(older)} beside Exchange ${name(version)} needs ${entry.minimum}${said}.`);
        unsure.push(
          `Exchange ${name(version)} beside Exchange ${name(older)} needs ${entry.minimum}${said}; the paste does not show the update rollup of ${someServers(unshown)} ("Version X.Y (Build N.N)" shows the service pack's build whatever rollup runs).`,
        );
      }
      // A pair allowed only as recalled or by third parties: the verdict says what it rests on, never a plain "Supported".
      else if (said !== '') recalled.push(`Exchange ${name(version)} may run beside Exchange ${name(older)}${entry.minimum ? ` (with ${entry.minimum})` : ''}${said}.`);
    }
    if (problems.length === 0 && unsure.length + recalled.length > 0) {
      // The service pack is right and only the rollup is not shown, or the pair is allowed only as recalled: a condition to confirm, never a plain "Supported".
      const limits = [
        ...unsure.map((reason, k) =>
          statedCondition(
            `coexistence-rollup-${k + 1}`,
            reason,
            'The older servers must run the update rollup the newer version requires.',
            "Run ExSetup.exe's file version on the older servers, or install the required rollup.",
          ),
        ),
        ...recalled.map((reason, k) =>
          statedCondition(
            `coexistence-recalled-${k + 1}`,
            reason,
            'Whether these versions may share an organization is recalled here, not read from Microsoft.',
            "Confirm it in the newer version's system requirements before relying on it.",
          ),
        ),
      ];
      group.decisions = group.decisions.map((d) =>
        d ? { ...d, verdict: d.verdict === 'supported' ? 'supported-with-conditions' : d.verdict, conditions: [...d.conditions, ...limits] } : d,
      );
      group.verdict = group.decisions.every((d) => d !== undefined) ? worstVerdict(group.decisions.map((d) => d!.verdict)) : group.verdict;
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
  // The older servers whose rollup the paste hides carry the same minimum: their organization holds the newer version,
  // so their own verdict is never a plain "Supported" on a rollup nobody showed (set P, p24).
  for (const group of groups) {
    const said = [...new Set(group.servers.flatMap((s) => (hiddenRollups.has(s.name) ? [hiddenRollups.get(s.name)!] : [])))];
    if (said.length === 0) continue;
    const limits = said.map((reason, k) =>
      statedCondition(
        `coexistence-rollup-older-${k + 1}`,
        `${reason} The paste does not show these servers' update rollup ("Version X.Y (Build N.N)" shows the service pack's build whatever rollup runs).`,
        'The organization holds a newer version that needs this update rollup on these servers.',
        "Run ExSetup.exe's file version on these servers, or install the required rollup.",
      ),
    );
    group.decisions = group.decisions.map((d) =>
      d ? { ...d, verdict: d.verdict === 'supported' ? 'supported-with-conditions' : d.verdict, conditions: [...d.conditions, ...limits] } : d,
    );
    group.verdict = group.decisions.every((d) => d !== undefined) ? worstVerdict(group.decisions.map((d) => d!.verdict)) : group.verdict;
  }
}

function name(version: string): string {
  return version === 'se' ? 'SE' : version;
}

function someServers(names: readonly string[]): string {
  return `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
}

/** "sp3" → 3, "rtm" → 0; "RU11" / "RU7v2" → 11 / 7. */
const spNumber = (update: string) => (update === 'rtm' ? 0 : Number(/^sp(\d)$/.exec(update)?.[1] ?? NaN));
const ruNumber = (su: string | undefined) => Number(/^RU(\d+)/i.exec(su ?? '')?.[1] ?? NaN);

/** The update of a listed server's build ("cu15", "sp3"), when the build table knows it. */
function updateOf(server: ListingGroup['servers'][number]): string | undefined {
  const lookup = server.build?.lookup;
  const row = lookup?.kind === 'known' ? lookup.row : lookup?.kind === 'same-update' ? lookup.update : undefined;
  return row?.update;
}

/**
 * The servers of `older` below the update a minimum names: "Exchange 2013 CU21 or later", "Exchange 2010
 * SP3 with Update Rollup 11 or later", "Exchange 2003 SP2". Only an update read from a build counts; a
 * server whose service pack is right but whose rollup the paste hides ("Version 14.3 (Build 123.4)") is
 * `unshown`, not behind.
 */
function belowMinimum(groups: readonly ListingGroup[], older: string, minimum: string | undefined): { behind: string[]; unshown: string[] } {
  const cuNeeded = new RegExp(`Exchange ${older} CU(\\d+) or later`, 'i').exec(minimum ?? '');
  const spNeeded = new RegExp(`Exchange ${older} SP(\\d)(?: with Update Rollup (\\d+))?`, 'i').exec(minimum ?? '');
  const behind: string[] = [];
  const unshown: string[] = [];
  if (!cuNeeded && !spNeeded) return { behind, unshown };
  for (const s of groups.filter((g) => g.facts.version === older).flatMap((g) => g.servers)) {
    const lookup = s.build?.lookup;
    const row = lookup?.kind === 'known' ? lookup.row : lookup?.kind === 'same-update' ? lookup.update : undefined;
    if (!row) continue;
    if (cuNeeded) {
      const n = /^cu(\d+)$/.exec(row.update)?.[1];
      if (n !== undefined && Number(n) < Number(cuNeeded[1])) behind.push(s.name);
      continue;
    }
    const sp = spNumber(row.update);
    if (Number.isNaN(sp)) continue;
    if (sp < Number(spNeeded![1])) behind.push(s.name);
    else if (sp === Number(spNeeded![1]) && spNeeded![2] !== undefined) {
      const ru = lookup?.kind === 'known' ? ruNumber(lookup.row.su) : NaN;
      if (lookup?.kind === 'known' && lookup.row.su === undefined && !s.rollupHidden) behind.push(s.name);
      else if (Number.isNaN(ru)) unshown.push(s.name);
      else if (ru < Number(spNeeded![2])) behind.push(s.name);
    }
  }
  return { behind, unshown };
}
