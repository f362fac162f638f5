import type { KnowledgeProblem } from '../loading/problems';
import type { BuildsFile, Dimension, ExchangeBuild } from '../loading/schemas';
import { formatDate } from './triage-summary';

/** A row of the build table with its build number read into numbers. */
export interface BuildRow extends ExchangeBuild {
  readonly parts: readonly number[];
  /** Its position in the file's `builds`, for problems. */
  readonly index: number;
}

/**
 * What the table says of a build number: the row itself; or, for a build it does not list whose
 * first three parts are those of one update's builds (15.2.1544.99), that update, with the nearest
 * listed build (Microsoft numbers every security update of a CU with the CU's own build and a higher
 * revision); or nothing but the nearest listed build. Never a guess.
 */
export type BuildLookup =
  | { kind: 'known'; build: string; row: BuildRow }
  | { kind: 'same-update'; build: string; update: BuildRow; nearest: BuildRow }
  | { kind: 'unknown'; build: string; nearest?: BuildRow; below?: BuildRow; above?: BuildRow };

/** The latest update of a version and the updates that still get security updates, for direct answers. */
export interface LatestUpdates {
  version: string;
  /** The version's most recent CU or service pack (its own row, without security update). */
  latest: BuildRow;
  /** The most recent security update of that update, if any. */
  latestSecurityUpdate?: BuildRow;
  /** The updates that still get security updates (the current-update policy), newest first; empty where the table has no policy for the version. */
  stillUpdated: readonly BuildRow[];
}

/**
 * Whether a build's update is still supported: `behind` when it is older than every CU that still gets
 * security updates, or when it is a service pack whose support Microsoft ended (`ended`, fact A-20).
 */
export interface UpdateCurrency {
  state: 'current' | 'behind';
  /** The updates that still get security updates (or, for a service-pack version, the service packs never ended early), newest first. */
  stillUpdated: readonly BuildRow[];
  /** For a service pack (or RTM) of Exchange 2003 to 2010: the day Microsoft ended its support. */
  ended?: string;
}

/** "15.2.1544.4" → [15, 2, 1544, 4]; undefined when it is not a build number. */
export function parseBuild(text: string): number[] | undefined {
  if (!/^\d{1,2}\.\d{1,2}\.\d{1,4}(\.\d{1,3})?$/.test(text)) return undefined;
  return text.split('.').map(Number);
}

/** Orders builds part by part; a missing revision (6.5.7638) comes before any revision of the same build. */
export function compareBuilds(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The long form Exchange 2007 and later print: 15.02.1544.004. */
export function longBuild(parts: readonly number[]): string {
  const pad = (n: number | undefined, width: number) => String(n ?? 0).padStart(width, '0');
  return `${parts[0]}.${pad(parts[1], 2)}.${pad(parts[2], 4)}.${pad(parts[3], 3)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "February 2024" from 2024-02-13 or 2024-02. */
export function releaseMonth(released: string): string {
  return `${MONTHS[Number(released.slice(5, 7)) - 1]} ${released.slice(0, 4)}`;
}

/** "Exchange 2019", "Exchange Server SE". */
export function versionName(version: string): string {
  return version === 'se' ? 'Exchange Server SE' : `Exchange ${version}`;
}

/** "CU14", "SP3", "RTM", "Preview". */
export function updateName(update: string): string {
  return update === 'preview' ? 'Preview' : update.toUpperCase();
}

/** "Exchange 2019 CU14", "Exchange 2019 CU14 Nov24SU", "Exchange 2010 SP3 RU32". */
export function buildName(row: ExchangeBuild): string {
  return [versionName(row.version), updateName(row.update), row.su].filter(Boolean).join(' ');
}

/** "Exchange 2019 CU14, released February 2024". */
export function describeBuildRow(row: ExchangeBuild): string {
  return `${buildName(row)}, released ${releaseMonth(row.released)}`;
}

/** One sentence saying what a looked-up build is: "15.2.1544.4 is Exchange 2019 CU14, released February 2024." */
export function describeLookup(lookup: BuildLookup): string {
  switch (lookup.kind) {
    case 'known':
      return `${lookup.build} is ${describeBuildRow(lookup.row)}.`;
    case 'same-update':
      return `${lookup.build} is not in the build table, but its first three parts are those of ${describeBuildRow(lookup.update)} (with a security update the table does not list; the nearest listed build is ${lookup.nearest.build}, ${buildName(lookup.nearest)}).`;
    case 'unknown':
      if (lookup.below && lookup.above)
        return `${lookup.build} is not a build the table knows; the nearest known builds are ${lookup.below.build} (${describeBuildRow(lookup.below)}) below it and ${lookup.above.build} (${describeBuildRow(lookup.above)}) above it, but that says nothing sure about this one.`;
      return lookup.nearest
        ? `${lookup.build} is not a build the table knows; the nearest known build is ${lookup.nearest.build} (${describeBuildRow(lookup.nearest)}), but that says nothing sure about this one.`
        : `${lookup.build} is not a build the table knows: no Exchange version it lists has builds numbered ${lookup.build.split('.').slice(0, 2).join('.')}, so this says nothing sure about the server.`;
  }
}

/**
 * The Exchange build table (knowledge/data/exchange-builds.yaml): what a build number says about a
 * server, which update is the latest of each version, and which updates still get security updates.
 *
 * @example
 * table.lookup('15.2.1544.4'); // { kind: 'known', row: { version: '2019', update: 'cu14', ... } }
 * table.latestUpdates('2019')?.latest.update; // 'cu15'
 */
export class BuildTable {
  readonly rows: readonly BuildRow[];
  private readonly byBuild = new Map<string, BuildRow>();
  /** Rows by their first three parts ("15.2.1544"). */
  private readonly byLine = new Map<string, BuildRow[]>();
  private readonly aliases: BuildsFile['updateAliases'];
  private readonly current: BuildsFile['currentUpdates'];
  private readonly servicePacks: BuildsFile['servicePackSupport'];
  private readonly windows = new Map<string, { windows: string; source: string; status?: string }>();
  private readonly sources: NonNullable<BuildsFile['sources']>;

  constructor(file: Pick<BuildsFile, 'builds' | 'updateAliases' | 'currentUpdates'> & Partial<Pick<BuildsFile, 'servicePackSupport' | 'windowsBuilds' | 'sources'>>) {
    this.rows = file.builds.map((row, index) => ({ ...row, index, parts: parseBuild(row.build) ?? [] })).sort((a, b) => compareBuilds(a.parts, b.parts));
    for (const row of this.rows) {
      this.byBuild.set(row.parts.join('.'), row);
      const line = row.parts.slice(0, 3).join('.');
      this.byLine.set(line, [...(this.byLine.get(line) ?? []), row]);
    }
    this.aliases = file.updateAliases;
    this.current = file.currentUpdates;
    this.servicePacks = file.servicePackSupport ?? [];
    this.sources = file.sources ?? [];
    for (const row of file.windowsBuilds ?? [])
      this.windows.set(row.build, { windows: row.windows, source: row.source, status: file.sources?.find((s) => s.id === row.source)?.status });
  }

  /**
   * The Windows Server release a Windows build is ("10.0.17763", "10.0.17763.5830", "6.3.9600 N/A Build
   * 9600" are Windows Server 2019 and 2012 R2), and how sure its source is; undefined for a build the table
   * does not list (never guessed from the nearest one).
   */
  windowsRelease(text: string): { windows: string; build: string; status?: string } | undefined {
    // Get-ADComputer's OperatingSystemVersion prints "10.0 (17763)".
    const m = /(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.|\s*\()(\d{4,5})(?![\d])/.exec(text);
    if (!m) return undefined;
    const build = `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}`;
    const row = this.windows.get(build);
    return row ? { windows: row.windows, build, status: row.status } : undefined;
  }

  /** What the table says of a build number (short or long form; see {@link BuildLookup}). */
  lookup(build: string | readonly number[]): BuildLookup {
    const parts = typeof build === 'string' ? (parseBuild(build) ?? build.split('.').map(Number)) : [...build];
    const shown = parts.join('.');
    const exact = this.byBuild.get(shown);
    if (exact) return { kind: 'known', build: shown, row: exact };
    const line = this.byLine.get(parts.slice(0, 3).join('.')) ?? [];
    // Exchange 2000/2003 builds have three parts; the revision a server adds (6.5.7638.1) is the same build.
    const threePart = line.find((row) => row.parts.length === 3);
    if (threePart && parts.length === 4) return { kind: 'known', build: shown, row: threePart };
    const updates = new Set(line.map((row) => `${row.version}/${row.update}`));
    const base = line.find((row) => row.su === undefined);
    if (updates.size === 1 && base) {
      const nearest = line.reduce((best, row) => (Math.abs((row.parts[3] ?? 0) - (parts[3] ?? 0)) < Math.abs((best.parts[3] ?? 0) - (parts[3] ?? 0)) ? row : best));
      return { kind: 'same-update', build: shown, update: base, nearest };
    }
    const { below, above } = this.beside(parts);
    return { kind: 'unknown', build: shown, nearest: this.nearest(parts), ...(below ? { below } : {}), ...(above ? { above } : {}) };
  }

  /**
   * The listed build beside `parts` among those of the same major and minor version: the one below
   * or the one above it in build order, whichever build number (third part) is closer.
   */
  private nearest(parts: readonly number[]): BuildRow | undefined {
    const { below, above: next } = this.beside(parts);
    if (!below || !next) return below ?? next;
    return (next.parts[2] ?? 0) - (parts[2] ?? 0) < (parts[2] ?? 0) - (below.parts[2] ?? 0) ? next : below;
  }

  /** The listed builds just below and just above `parts`, among those of the same major and minor version. */
  private beside(parts: readonly number[]): { below?: BuildRow; above?: BuildRow } {
    const same = this.rows.filter((row) => row.parts[0] === parts[0] && row.parts[1] === parts[1]);
    const above = same.findIndex((row) => compareBuilds(row.parts, parts) > 0);
    return { below: above < 0 ? same[same.length - 1] : same[above - 1], above: above < 0 ? undefined : same[above] };
  }

  /**
   * What an unknown build still says for sure: its Exchange version when every build the table lists
   * with its major and minor version is of one version (15.1 is Exchange 2016), or when the known builds
   * on both sides of it are (15.2.1400.1 lies between two 2019 builds), or when it lies above every
   * listed build of the newest version of its major and minor (15.2 above SE's builds is SE); and that
   * it is behind when it is older than the first build of every update that still gets security
   * updates (15.1.1000.5 is older than 2016 CU23, the only one). Its update itself is never guessed, and
   * a build older than every listed one of its major and minor says nothing.
   */
  unknownFacts(lookup: Extract<BuildLookup, { kind: 'unknown' }>): { version?: string; update?: string; behind: boolean } {
    const parts = lookup.build.split('.').map(Number);
    const same = this.rows.filter((row) => row.parts[0] === parts[0] && row.parts[1] === parts[1]);
    const versions = [...new Set(same.map((row) => row.version))];
    const newest = same[same.length - 1]?.version;
    // Below the first build the table lists of its major and minor (6.5.2003 is older than Exchange 2003 RTM): no release of any version, nothing said.
    const version = !lookup.below
      ? undefined
      : versions.length === 1
        ? versions[0]
        : lookup.below && lookup.above && lookup.below.version === lookup.above.version
          ? lookup.below.version
          : lookup.below && !lookup.above && lookup.below.version === newest
            ? newest
            : undefined;
    if (version === undefined) return { behind: false };
    const base = this.latestUpdates(version)?.stillUpdated;
    const ended = this.servicePacks.some((entry) => entry.version === version);
    const current = ended
      ? this.updatesOf(version).filter((update) => !this.servicePacks.some((entry) => entry.version === version && entry.update === update.update))
      : (base ?? []);
    const oldest = current.reduce<BuildRow | undefined>((low, row) => (!low || compareBuilds(row.parts, low.parts) < 0 ? row : low), undefined);
    // 14.3 is Exchange 2010 SP3 whatever follows: when every listed build of its major and minor is one update, so is this one.
    const updates = new Set(same.map((row) => row.update));
    return { version, ...(updates.size === 1 ? { update: [...updates][0] } : {}), behind: oldest !== undefined && compareBuilds(parts, oldest.parts) < 0 };
  }

  /** When Microsoft ended support for one service pack (or RTM) of a version before the version's own end, if it did. */
  servicePackEnded(version: string, update: string): string | undefined {
    return this.servicePacks.find((entry) => entry.version === version && entry.update === update)?.ended;
  }

  /** The update rows (no security update) of a version, oldest first. */
  updatesOf(version: string): BuildRow[] {
    return this.rows.filter((row) => row.version === version && row.su === undefined && row.update !== 'preview');
  }

  /** The table's name of an update of `version` ("cu4" of Exchange 2013 is its "sp1"), or undefined when the table has no such update. */
  canonicalUpdate(version: string, update: string): string | undefined {
    const name = this.aliases.find((a) => a.version === version && a.alias === update)?.update ?? update;
    return this.rows.some((row) => row.version === version && row.update === name) ? name : undefined;
  }

  /** Whether `update` (or its alias, "cu4" for Exchange 2013 SP1) is an update of `version` in the table. */
  hasUpdate(version: string, update: string): boolean {
    return this.canonicalUpdate(version, update) !== undefined;
  }

  /** A source of the table by id: its title and how sure it is (a direct answer names it). */
  source(id: string): { title: string; status: 'verified' | 'read-3p' | 'derived' | 'recalled' } | undefined {
    return this.sources.find((s) => s.id === id);
  }

  /** The latest CU of a version, its latest security update, and what still gets security updates. */
  latestUpdates(version: string): LatestUpdates | undefined {
    const updates = this.updatesOf(version);
    const latest = updates[updates.length - 1];
    if (!latest) return undefined;
    const securityUpdates = this.rows.filter((row) => row.version === version && row.update === latest.update && row.su !== undefined);
    const policy = this.current.find((entry) => entry.version === version);
    const stillUpdated = policy ? updates.filter((row) => policy.updates.includes(row.update)).reverse() : [];
    return { version, latest, latestSecurityUpdate: securityUpdates[securityUpdates.length - 1], stillUpdated };
  }

  /**
   * Whether a build's update is still supported, where the table has a policy for its version: the
   * service packs whose support ended early (Exchange 2003 to 2010), or the current-update policy (2013 on).
   */
  currency(row: ExchangeBuild): UpdateCurrency | undefined {
    const ended = this.servicePacks.filter((entry) => entry.version === row.version);
    if (ended.length > 0) {
      const stillUpdated = this.updatesOf(row.version)
        .filter((update) => !ended.some((entry) => entry.update === update.update))
        .reverse();
      const own = ended.find((entry) => entry.update === row.update);
      return own ? { state: 'behind', stillUpdated, ended: own.ended } : { state: 'current', stillUpdated };
    }
    const latest = this.latestUpdates(row.version);
    if (!latest || latest.stillUpdated.length === 0) return undefined;
    const state = latest.stillUpdated.some((current) => current.update === row.update) ? 'current' : 'behind';
    return { state, stillUpdated: latest.stillUpdated };
  }
}

/** "CU12 is more than one CU behind: update to CU14 or CU15." for a build whose update no longer gets security updates. */
export function behindSentence(row: ExchangeBuild, currency: UpdateCurrency): string {
  const names = currency.stillUpdated.map((r) => updateName(r.update)).reverse();
  const target = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  if (currency.ended !== undefined)
    return `Microsoft ended support for ${versionName(row.version)} ${updateName(row.update)} on ${formatDate(currency.ended)}, before ${versionName(row.version)} itself: update to ${target}.`;
  const how = names.length > 1 ? 'more than one CU behind' : 'behind the only CU that still gets security updates';
  return `${versionName(row.version)} ${updateName(row.update)} is ${how}: update to ${target}.`;
}

/** Earlier, same or later: compares two release dates at the precision both have (2024-03 and 2024-03-12 are the same). */
function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0;
}

/** The CUs and service packs a phrase names ("exchange 2019 cu14", "sp3"). */
function updatesNamed(phrase: string): string[] {
  return [...phrase.toLowerCase().matchAll(/\b(rtm|sp\d|cu\d{1,2})\b/g)].map((m) => m[1]!);
}

/**
 * Checks the build table: sources named, versions that exist, no build twice, long forms that match,
 * builds that increase with their dates (each version's updates, and each update's security updates),
 * versions and updates that do not interleave, and every CU or service pack the update values of the
 * fact dimensions name present. Each problem names the file, line and field.
 */
export function checkBuilds(
  file: BuildsFile,
  versions: ReadonlySet<string>,
  updateDimension: { dimension: Dimension; file: string; lineOf: (path: readonly PropertyKey[]) => number | undefined; path: readonly PropertyKey[] } | undefined,
  fileName: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  windowsReleases?: ReadonlySet<string>,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const problem = (path: PropertyKey[], message: string) => problems.push({ file: fileName, line: lineOf(path), field: path.map(String).join('.'), message });
  const sources = new Set(file.sources.map((s) => s.id));
  const table = new BuildTable(file);
  const at = (row: BuildRow) => row.index;

  const seen = new Map<string, number>();
  file.builds.forEach((row, i) => {
    if (!sources.has(row.source)) problem(['builds', i, 'source'], `names source "${row.source}", which \`sources\` does not list`);
    if (!versions.has(row.version)) problem(['builds', i, 'version'], `names version "${row.version}", which fact-dimensions.yaml does not have`);
    const parts = parseBuild(row.build)!;
    const key = parts.join('.');
    const earlier = seen.get(key);
    if (earlier !== undefined) problem(['builds', i, 'build'], `repeats build ${row.build} (already builds.${earlier}, line ${lineOf(['builds', earlier, 'build'])})`);
    else seen.set(key, i);
    if (parts[0]! >= 8 && row.long === undefined) problem(['builds', i, 'long'], `must give the long form (${longBuild(parts)}) for Exchange 2007 and later`);
    if (row.long !== undefined && row.long !== longBuild(parts))
      problem(['builds', i, 'long'], `${row.long} does not match the short form ${row.build} (its long form is ${longBuild(parts)})`);
  });

  // Versions must not interleave: walking all builds in order, a version once left never comes back.
  const left = new Set<string>();
  let previous: BuildRow | undefined;
  for (const row of table.rows) {
    if (previous && previous.version !== row.version) {
      left.add(previous.version);
      if (left.has(row.version))
        problem(['builds', at(row), 'build'], `build ${row.build} of ${versionName(row.version)} lies among builds of ${versionName(previous.version)} (after ${previous.build})`);
    }
    previous = row;
  }

  for (const version of new Set(table.rows.map((r) => r.version))) {
    const rows = table.rows.filter((r) => r.version === version);
    const lines = new Map<string, BuildRow[]>();
    for (const row of rows) lines.set(row.update, [...(lines.get(row.update) ?? []), row]);
    // Each update: one row of its own, then security updates with higher builds and later dates.
    const bases: BuildRow[] = [];
    for (const [update, line] of lines) {
      const own = line.filter((r) => r.su === undefined);
      if (own.length !== 1) {
        problem(['builds', at(line[0]!), 'su'], `${versionName(version)} ${updateName(update)} must have exactly one row without a security update (it has ${own.length})`);
        continue;
      }
      const base = own[0]!;
      bases.push(base);
      let last = base;
      for (const row of line) {
        if (row === base) continue;
        if (compareBuilds(row.parts, base.parts) < 0)
          problem(['builds', at(row), 'build'], `${buildName(row)} (${row.build}) is older than ${buildName(base)} itself (${base.build})`);
        if (compareDates(row.released, last.released) < 0)
          problem(
            ['builds', at(row), 'released'],
            `${buildName(row)} (${row.build}, ${row.released}) has a higher build than ${buildName(last)} (${last.build}) but an earlier date (${last.released})`,
          );
        last = row;
      }
    }
    // The updates of a version: each newer one has a higher build and a later date, and lines do not interleave.
    bases.sort((a, b) => compareBuilds(a.parts, b.parts));
    for (let k = 1; k < bases.length; k += 1) {
      const [before, after] = [bases[k - 1]!, bases[k]!];
      if (compareDates(after.released, before.released) < 0)
        problem(
          ['builds', at(after), 'released'],
          `${buildName(after)} (${after.build}, ${after.released}) has a higher build than ${buildName(before)} (${before.build}) but an earlier date (${before.released})`,
        );
      const beforeLine = lines.get(before.update)!;
      const newestBefore = beforeLine[beforeLine.length - 1]!;
      if (compareBuilds(newestBefore.parts, after.parts) > 0)
        problem(
          ['builds', at(newestBefore), 'build'],
          `${buildName(newestBefore)} (${newestBefore.build}) has a higher build than the next update, ${buildName(after)} (${after.build})`,
        );
    }
  }

  file.updateAliases.forEach((alias, i) => {
    if (!table.rows.some((r) => r.version === alias.version && r.update === alias.update))
      problem(['updateAliases', i, 'update'], `${versionName(alias.version)} has no update ${updateName(alias.update)}`);
    if (table.rows.some((r) => r.version === alias.version && r.update === alias.alias))
      problem(['updateAliases', i, 'alias'], `${updateName(alias.alias)} is an update of its own in the table`);
  });
  file.currentUpdates.forEach((entry, i) => {
    if (!versions.has(entry.version)) problem(['currentUpdates', i, 'version'], `names version "${entry.version}", which fact-dimensions.yaml does not have`);
    if (!sources.has(entry.source)) problem(['currentUpdates', i, 'source'], `names source "${entry.source}", which \`sources\` does not list`);
    entry.updates.forEach((update, j) => {
      if (!table.hasUpdate(entry.version, update)) problem(['currentUpdates', i, 'updates', j], `${versionName(entry.version)} has no update ${updateName(update)} in the table`);
    });
  });

  // Windows builds: each once, with a listed source (the release is checked against fact-dimensions.yaml by the caller's windows ids).
  const windowsSeen = new Set<string>();
  (file.windowsBuilds ?? []).forEach((entry, i) => {
    if (!sources.has(entry.source)) problem(['windowsBuilds', i, 'source'], `names source "${entry.source}", which \`sources\` does not list`);
    if (windowsSeen.has(entry.build)) problem(['windowsBuilds', i, 'build'], `repeats Windows build ${entry.build}`);
    windowsSeen.add(entry.build);
    if (windowsReleases && !windowsReleases.has(entry.windows))
      problem(['windowsBuilds', i, 'windows'], `names Windows release "${entry.windows}", which fact-dimensions.yaml's windows does not have`);
  });

  // Service packs whose support ended early: a real update of the version, not its last, ended after the next one shipped.
  const spSeen = new Set<string>();
  file.servicePackSupport.forEach((entry, i) => {
    const where = ['servicePackSupport', i];
    if (!sources.has(entry.source)) problem([...where, 'source'], `names source "${entry.source}", which \`sources\` does not list`);
    const updates = table.updatesOf(entry.version);
    const k = updates.findIndex((row) => row.update === entry.update);
    const key = `${entry.version}/${entry.update}`;
    if (spSeen.has(key)) problem([...where, 'update'], `repeats ${versionName(entry.version)} ${updateName(entry.update)}`);
    spSeen.add(key);
    if (k < 0) {
      problem([...where, 'update'], `${versionName(entry.version)} has no update ${updateName(entry.update)} in the table`);
      return;
    }
    const next = updates[k + 1];
    if (!next)
      problem(
        [...where, 'update'],
        `${versionName(entry.version)} ${updateName(entry.update)} is the version's last update: it was supported to the version's own end (lifecycle.yaml)`,
      );
    else if (compareDates(entry.ended, next.released) <= 0)
      problem([...where, 'ended'], `${entry.ended} is not after ${buildName(next)} shipped (${next.released}): Microsoft ends a service pack's support after the next one ships`);
  });

  // Every CU or service pack the update values name must be a build of their version.
  updateDimension?.dimension.values.forEach((value, v) => {
    const test = value.appliesWhen?.version ?? value.implies.version;
    const valueVersions = typeof test === 'string' ? [test] : Array.isArray(test) ? test.map(String) : [];
    for (const field of ['names', 'answers'] as const) {
      value[field].forEach((phrase, p) => {
        for (const update of updatesNamed(phrase)) {
          for (const version of valueVersions) {
            if (table.hasUpdate(version, update)) continue;
            const path = [...updateDimension.path, 'values', v, field, p];
            problems.push({
              file: updateDimension.file,
              line: updateDimension.lineOf(path),
              field: path.map(String).join('.'),
              message: `names ${versionName(version)} ${updateName(update)} ("${phrase}"), which is not in the build table (${fileName})`,
            });
          }
        }
      });
    }
  });
  return problems;
}
