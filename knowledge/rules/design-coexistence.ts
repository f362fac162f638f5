import { compareLevels, minimumLevel, type Level } from '../direct-answers/coexistence-answers';
import { howSure, type CoexistenceEntry } from '../direct-answers/coexistence-table';
import type { Dimension } from '../loading/schemas';
import type { Facts } from '../reading/fact-recognizer';
import { statedCondition } from './open-facts';
import type { Decision } from './support-rules';

/** A group of a typed design, with the update its version was typed with ("2013 cu20": `{ version: '2013', level: { cu: 20 } }`). */
export interface CoexistingGroup {
  facts: Facts;
  typedUpdate?: { version: string; level: Level };
}

/** What the update fact of a group says of its level: a bounded range of CUs or service packs (RU unknown). */
interface LevelRange {
  kind: 'cu' | 'sp';
  min: number;
  max: number;
  ru?: number;
}

/**
 * A typed design is one Exchange organization, like a pasted estate (listings/listing-coexistence.ts):
 * its versions must be a pair coexistence.yaml allows, with the older servers on the update the table
 * names. The group of the newer version of a pair the table refuses ("SE beside 2013"), or whose older
 * servers are typed below the minimum ("2019 beside 2013 CU20"), is not supported; when the older
 * servers' update is not said, or the pair rests on a recalled or third-party row, the minimum is a
 * condition, never a plain "Supported". Returns the decisions with that applied (the same array when
 * the design has one version).
 */
export function withCoexistence(
  groups: readonly CoexistingGroup[],
  decisions: readonly Decision[],
  table: readonly CoexistenceEntry[],
  dimensions: readonly Dimension[],
): Decision[] {
  const order = (dimensions.find((d) => d.id === 'version')?.values ?? []).map((v) => v.id);
  const present = [...new Set(groups.map((g) => g.facts.version).filter((v): v is string => v !== undefined && order.includes(v)))];
  if (present.length < 2) return [...decisions];
  return decisions.map((decision, i) => {
    const version = groups[i]?.facts.version;
    if (version === undefined || !order.includes(version)) return decision;
    const problems: string[] = [];
    const conditions: string[] = [];
    for (const { older, entry, said } of olderPairs(version, present, order, table)) {
      if (!entry.supported) {
        problems.push(`Exchange ${name(version)} cannot run in the same organization as Exchange ${name(older)}, which this design also has${said}.`);
        continue;
      }
      // "2019 cu15 beside 2013": an update of the newer version past the last one that accepts the older (session 15, lead).
      const last = entry.newerLastUpdate;
      if (last) {
        const own = groups[i] ? levelOf(groups[i]!, version) : undefined;
        if (own?.kind === 'cu' && own.min > last.cu) {
          problems.push(`${refusedBy(entry, version, older)}, which this design also has.`);
          continue;
        }
        if (own?.kind !== 'cu' || own.max > last.cu)
          conditions.push(`${refusedBy(entry, version, older)}: keep the Exchange ${name(version)} servers at CU${last.cu} or earlier while Exchange ${name(older)} remains.`);
      }
      const needed = entry.minimum !== undefined ? minimumLevel(entry.minimum, older) : undefined;
      const levels = groups.filter((g) => g.facts.version === older).map((g) => levelOf(g, older));
      const compared = needed ? levels.map((level) => (level ? below(level, needed) : undefined)) : [undefined];
      if (compared.some((b) => b === true))
        problems.push(
          `Exchange ${name(version)} beside Exchange ${name(older)} needs ${entry.minimum}${said}; the Exchange ${name(older)} servers of this design run an older update.`,
        );
      else if (compared.some((b) => b === undefined))
        conditions.push(`Exchange ${name(version)} beside Exchange ${name(older)} needs ${entry.minimum}${said}: confirm the update every Exchange ${name(older)} server runs.`);
      else if (said !== '') conditions.push(`Exchange ${name(version)} may run beside Exchange ${name(older)}, with ${entry.minimum}${said}.`);
    }
    if (problems.length > 0) {
      const broken = problems.map((reason, k) =>
        statedCondition(
          `coexistence-${k + 1}`,
          'Every Exchange version in the organization may run beside this one.',
          reason,
          'Update or remove the older servers before this version runs beside them.',
        ),
      );
      return { ...decision, verdict: 'not-supported', broken: [...broken, ...decision.broken], conditions: [] };
    }
    if (conditions.length === 0 || decision.verdict === 'not-supported' || decision.verdict === 'not-covered') return decision;
    const limits = conditions.map((reason, k) =>
      statedCondition(`coexistence-minimum-${k + 1}`, reason, reason, "Check the older servers' update (Get-ExchangeServer shows each server's build) before adding this version."),
    );
    return { ...decision, verdict: 'supported-with-conditions', conditions: [...decision.conditions, ...limits] };
  });
}

/**
 * The rows of coexistence.yaml for `version` beside each older version present, with how sure the row is in
 * words ("" for a Microsoft page read, "(according to third-party sources)", "(as recalled, ...)").
 */
export function olderPairs(
  version: string,
  present: readonly string[],
  order: readonly string[],
  table: readonly CoexistenceEntry[],
): { older: string; entry: CoexistenceEntry; said: string }[] {
  return present.flatMap((older) => {
    const entry = order.indexOf(older) < order.indexOf(version) ? table.find((e) => e.version === version && e.with === older) : undefined;
    if (!entry) return [];
    return [{ older, entry, said: howSure(entry.status) }];
  });
}

/**
 * "Exchange 2019 CU15 and later refuse an organization that still holds Exchange 2013 (according to third-party sources)":
 * the row's newer version past its last coexisting update (coexistence.yaml newerLastUpdate), with how sure that is.
 */
export function refusedBy(entry: CoexistenceEntry, version: string, older: string): string {
  const last = entry.newerLastUpdate!;
  return `Exchange ${name(version)} CU${last.cu + 1} and later refuse an organization that still holds Exchange ${name(older)}${howSure(last.status)}`;
}

function name(version: string): string {
  return version === 'se' ? 'SE' : version;
}

/** The group's update level: as typed for its version, else what its update fact bounds ("e2019-cu14", "e2010-before-sp3", "e2016-cu3-or-later"). */
function levelOf(group: CoexistingGroup, version: string): LevelRange | undefined {
  const typed = group.typedUpdate?.version === version ? group.typedUpdate.level : undefined;
  if (typed?.cu !== undefined) return { kind: 'cu', min: typed.cu, max: typed.cu };
  if (typed?.sp !== undefined) return { kind: 'sp', min: typed.sp, max: typed.sp, ...(typed.ru !== undefined ? { ru: typed.ru } : {}) };
  const value = group.facts.update;
  if (value === undefined) return undefined;
  const modern = Number(version) >= 2013 || version === 'se';
  const m = /^e\w+?-(?:(rtm)|(before)-(cu|sp)(\d+)|(cu|sp)(\d+)(?:-(?:cu|sp)(\d+))?(-or-later)?)$/.exec(value);
  if (!m) return undefined;
  if (m[1]) return { kind: modern ? 'cu' : 'sp', min: 0, max: 0 };
  if (m[2]) return { kind: m[3] as 'cu' | 'sp', min: 0, max: Number(m[4]) - 1 };
  const low = Number(m[6]);
  return { kind: m[5] as 'cu' | 'sp', min: low, max: m[8] ? Infinity : m[7] !== undefined ? Number(m[7]) : low };
}

/** True when every server of the range is below the minimum, false when all meet it, undefined when it cannot be told. */
function below(level: LevelRange, minimum: Level): boolean | undefined {
  if (level.kind === 'cu' && minimum.cu !== undefined) return level.max < minimum.cu ? true : level.min >= minimum.cu ? false : undefined;
  if (level.kind !== 'sp' || minimum.sp === undefined) return undefined;
  if (level.max < minimum.sp) return true;
  if (level.min > minimum.sp) return false;
  if (level.min < minimum.sp) return undefined;
  if (minimum.ru === undefined) return false;
  if (level.min !== level.max || level.ru === undefined) return undefined;
  return compareLevels({ sp: level.min, ru: level.ru }, minimum);
}
