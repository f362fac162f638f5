import { buildFacts, describeBuilds } from '../reading/build-numbers';
import { buildName } from '../rules/exchange-builds';
import type { Facts } from '../reading/fact-recognizer';
import type { KnowledgeBase } from '../knowledge-base';
import type { ListedServer, ListingResult } from './listing-parser';
import type { Decision } from '../rules/support-rules';
import type { Verdict } from '../loading/schemas';
import { worstVerdict } from '../rules/triage-summary';

/** Servers of one kind in a pasted listing: same version, update, roles, DAG and Windows. */
export interface ListingGroup {
  servers: ListedServer[];
  /** "Exchange 2019 CU14", or what the paste shows when the build is not known. */
  label: string;
  /** The facts of the group, as the guided check reads them. */
  facts: Facts;
  /** One decision per role of the group (a 2010 "Mailbox, ClientAccess" server is judged as each); undefined while facts are missing. */
  decisions: (Decision | undefined)[];
  /** The group's verdict (the worst of its roles), or undefined while a fact the verdict needs is missing. */
  verdict?: Verdict;
  /** The facts the check still needs for this group. */
  asks: string[];
  /** What the builds are ("15.2.1544.4 is Exchange 2019 CU14, released February 2024."), unknown ones named as such. */
  buildLines: string[];
}

/**
 * "Version 14.3 (Bu...": what the major and minor version alone settle, read from the table: the
 * version when all its builds are of one (15.2 is 2019 or SE, so nothing), and the service pack when
 * they are all of one (14.3 is 2010 SP3).
 */
function majorMinorFacts(majorMinor: string, kb: Pick<KnowledgeBase, 'builds'>, update: Parameters<typeof buildFacts>[2]): Record<string, string> {
  const rows = kb.builds.rows.filter((r) => `${r.parts[0]}.${r.parts[1]}` === majorMinor);
  const versions = new Set(rows.map((r) => r.version));
  if (versions.size !== 1) return {};
  const updates = new Set(rows.map((r) => r.update));
  const base = rows.find((r) => r.su === undefined);
  if (updates.size === 1 && base)
    return buildFacts([{ text: majorMinor, start: 0, lookup: { kind: 'same-update', build: majorMinor, update: base, nearest: base } }], kb.builds, update);
  return { version: rows[0]!.version };
}

/**
 * The design a listing shows: its servers grouped, each group's facts read through the same fact
 * tables as typed messages, and each group decided by the guided check's own `decide` (answers the
 * user gave are passed as `answers`, facts for every group that lacks them).
 */
export function listingDesign(
  listing: Extract<ListingResult, { kind: 'listing' }>,
  kb: Pick<KnowledgeBase, 'builds' | 'recognizer' | 'decide' | 'nextStep' | 'dimensions'>,
  answers: Facts = {},
): ListingGroup[] {
  const update = kb.dimensions.find((d) => d.id === 'update');
  // Servers of one estate share a few builds and Windows lines: read each combination once.
  const memo = new Map<string, Record<string, string>>();
  const perServer = listing.servers.map((s) => {
    const key = [s.build?.lookup.build, s.majorMinor, s.os, s.systemType, s.installationType, s.edition].join('|');
    let facts = memo.get(key);
    if (!facts) memo.set(key, (facts = serverFacts(s, kb, update)));
    return { server: s, facts: { ...facts } };
  });
  // DAG-wide facts: member count, mixed versions or Windows, witness.
  const dagFacts = new Map<string, Record<string, string>>();
  for (const dag of listing.dags) {
    const members = perServer.filter((p) => p.server.dag === dag.name);
    const facts: Record<string, string> = { nodes: String(Math.max(dag.servers.length, members.length)) };
    const versions = new Set(members.map((m) => m.facts.version).filter(Boolean));
    if (versions.size > 1) facts.mixedVersions = 'yes';
    const windows = new Set(members.map((m) => m.facts.windows).filter(Boolean));
    if (windows.size > 1) facts.mixedWindows = 'yes';
    if (dag.witness) facts.witness = 'yes';
    dagFacts.set(dag.name, facts);
  }
  const groups = new Map<string, { servers: ListedServer[]; facts: Record<string, string>; key: string }>();
  for (const { server, facts } of perServer) {
    const key = [
      facts.version,
      server.build?.lookup.kind === 'known' ? buildName(server.build.lookup.row).split(' ').slice(0, 3).join(' ') : server.build?.lookup.build,
      [...server.roles].sort().join('+'),
      server.dag ?? '',
      facts.windows,
      facts.windowsEdition,
    ].join('|');
    const group = groups.get(key);
    if (group) group.servers.push(server);
    else groups.set(key, { servers: [server], facts: { ...facts, ...(server.dag ? dagFacts.get(server.dag) : {}) }, key });
  }
  return [...groups.values()].map(({ servers, facts }) => {
    const first = servers[0]!;
    if (facts.ha === undefined) {
      if (first.dag) facts.ha = facts.version === '2007' || facts.version === '2003' || facts.version === '2000' ? 'cluster' : 'dag';
      else if (first.roles.includes('edge-transport') || first.roles.length === 0) facts.ha = servers.length >= 2 ? 'several-servers' : 'none';
    }
    const roles = first.roles.length > 0 ? first.roles : [undefined];
    // The user's answers fill only what a group's verdict still needs, one question at a time, as in the check.
    const given = answersFor(answers, kb);
    const withAnswers: Record<string, string> = { ...facts };
    const stepsOf = () => roles.map((role) => kb.nextStep(role ? { ...withAnswers, role } : withAnswers));
    let steps = stepsOf();
    for (let round = 0; round < 8; round += 1) {
      const wanted = steps.flatMap((step) => (step.kind === 'question' ? [step.dimension.id] : []));
      const fill = wanted.find((d) => given[d] !== undefined && withAnswers[d] === undefined);
      if (!fill) break;
      // An answer that names several facts ("2019 Standard") gives them together.
      for (const [d, v] of Object.entries(given)) if (withAnswers[d] === undefined && (d === fill || answerGroup(d) === answerGroup(fill))) withAnswers[d] = v;
      steps = stepsOf();
    }
    const decisions = steps.map((step) => (step.kind === 'verdict' ? step.decision : undefined));
    const asks = steps.flatMap((step) => (step.kind === 'question' ? [step.dimension.id] : []));
    const verdict = decisions.every((d) => d !== undefined) ? worstVerdict(decisions.map((d) => d!.verdict)) : undefined;
    const buildLines = describeBuilds(
      servers.flatMap((s) => (s.build ? [s.build] : [])),
      kb.builds,
    );
    return { servers, label: groupLabel(first, facts), facts: withAnswers, decisions, verdict, asks: [...new Set(asks)], buildLines };
  });
}

/** Facts one answer gives together: Windows and its edition and architecture; version and update from a build. */
function answerGroup(dimension: string): string {
  if (['windows', 'windowsEdition', 'architecture'].includes(dimension)) return 'windows';
  if (['version', 'update', 'updateCurrency'].includes(dimension)) return 'build';
  return dimension;
}

/** Answers the user gave ({ windows: "2019 Standard", ha: "DAG" }) read as facts through the answer tables. */
function answersFor(answers: Facts, kb: Pick<KnowledgeBase, 'recognizer'>): Facts {
  const facts: Record<string, string> = {};
  for (const [fact, text] of Object.entries(answers)) {
    if (fact === 'build') Object.assign(facts, kb.recognizer.extract(String(text)).facts);
    else if (fact === 'windows') Object.assign(facts, kb.recognizer.readAnswer('windows', String(text)));
    else Object.assign(facts, kb.recognizer.readAnswer(fact, String(text)));
  }
  return facts;
}

function serverFacts(server: ListedServer, kb: Pick<KnowledgeBase, 'builds' | 'recognizer'>, update: Parameters<typeof buildFacts>[2]): Record<string, string> {
  const facts: Record<string, string> = {};
  if (server.build) Object.assign(facts, buildFacts([server.build], kb.builds, update));
  else if (server.majorMinor) Object.assign(facts, majorMinorFacts(server.majorMinor, kb, update));
  if (server.os) {
    const os = kb.recognizer.extract(`${server.os.replace(/^Microsoft\s+/i, '')}`).facts;
    for (const key of ['windows', 'windowsEdition', 'architecture'] as const) if (os[key] !== undefined) facts[key] = os[key];
  }
  if (server.systemType && facts.architecture === undefined) facts.architecture = /64/.test(server.systemType) ? 'x64' : /86|32/.test(server.systemType) ? 'x86' : '';
  if (facts.architecture === '') delete facts.architecture;
  if (server.installationType) facts.serverCore = /core/i.test(server.installationType) ? 'yes' : 'no';
  if (server.edition && /enterprise/i.test(server.edition)) facts.edition = 'enterprise';
  else if (server.edition && /standard/i.test(server.edition)) facts.edition = 'standard';
  return facts;
}

function groupLabel(server: ListedServer, facts: Facts): string {
  const lookup = server.build?.lookup;
  const what =
    lookup?.kind === 'known'
      ? buildName(lookup.row)
      : lookup?.kind === 'same-update'
        ? buildName(lookup.update)
        : facts.version
          ? `Exchange ${facts.version}`
          : 'Exchange (version not shown)';
  const roles = server.roles.length > 0 ? server.roles.join(', ') : 'role not shown';
  return `${what}: ${roles}${server.dag ? `, DAG ${server.dag}` : ''}`;
}
