import { blankBuilds, buildFacts, describeBuilds, majorMinorFacts } from '../reading/build-numbers';
import { buildName } from '../rules/exchange-builds';
import type { Facts } from '../reading/fact-recognizer';
import type { KnowledgeBase } from '../knowledge-base';
import type { ListedServer, ListingResult } from './listing-parser';
import { matchesAny, type Decision, type SupportLimit } from '../rules/support-rules';
import { conditionDimensions, conditionHolds } from '../rules/conditions';
import type { Dimension, Verdict } from '../loading/schemas';
import { worstVerdict } from '../rules/triage-summary';
import { joinOpen, joinSetups, statedCondition, type OpenOutcome, type OpenVerdict } from '../rules/open-facts';
import { BoundedCache } from '../bounded-cache';
import { answersForGroup, designApart, designInWords, haPair, noDagServers, saysNoDag, windowsInWords } from './group-answers';
import { applyCoexistence } from './listing-coexistence';
import { SAME_DAG_LINE } from '../reading/fact-recognizer';

/**
 * Servers the paste alone would group whose own words say different designs ("CMS-HQ is a CCR (2 nodes), DRMBX07 is the
 * standalone SCR target": p43; "AMS-BE1 + AMS-BE2 are one 2-node cluster ... NYC-BE1 is a standalone back-end": p10) are
 * groups of their own, one per design said; a server of the group its words say nothing of stays with the first. Only when
 * two servers' own words differ, so words said of several servers at once never split a group.
 */
function splitBySaidDesign(
  groups: Map<string, { servers: ListedServer[]; facts: Record<string, string>; key: string }>,
  perServer: readonly { server: ListedServer; facts: Record<string, string> }[],
  dagFacts: ReadonlyMap<string, Record<string, string>>,
  dagOf: (server: ListedServer) => string | undefined,
  said: ReadonlyMap<string, Record<string, string>>,
): void {
  if (said.size < 2) return;
  const factsOf = new Map(perServer.map((p) => [p.server, p.facts]));
  for (const [key, group] of [...groups]) {
    if (group.servers.length < 2) continue;
    const designs = group.servers.map((s) => said.get(s.name.toLowerCase()));
    const differ = ['ha', 'role'].some((fact) => new Set(designs.map((d) => d?.[fact]).filter((v) => v !== undefined)).size > 1);
    if (!differ) continue;
    const parts = new Map<string, ListedServer[]>();
    group.servers.forEach((server, k) => {
      const d = designs[k];
      const part = d === undefined ? ([...parts.keys()][0] ?? '') : `${d.ha ?? ''}|${d.role ?? ''}`;
      parts.set(part, [...(parts.get(part) ?? []), server]);
    });
    groups.delete(key);
    for (const [part, servers] of parts) {
      const dag = dagOf(servers[0]!);
      groups.set(`${key}|said:${part}`, { servers, facts: { ...factsOf.get(servers[0]!), ...(dag !== undefined ? dagFacts.get(dag) : {}) }, key: `${key}|said:${part}` });
    }
  }
}

/** Servers of one kind in a pasted listing: same version, update, roles, DAG and Windows. */
export interface ListingGroup {
  servers: ListedServer[];
  /** "Exchange 2019 CU14", or what the paste shows when the build is not known. */
  label: string;
  /** The facts of the group, as the guided check reads them. */
  facts: Facts;
  /** One decision per role of the group (a 2010 "Mailbox, ClientAccess" server is judged as each); undefined while facts are missing. */
  decisions: (Decision | undefined)[];
  /**
   * The group's verdict (the worst of its roles). A fact neither the paste nor the user's answers
   * give is left open: each of its values is tried, and when they disagree the verdict names it as a
   * condition (never "Supported" for a fact nobody confirmed). Undefined only when no value of an
   * open fact fits the facts the paste gives.
   */
  verdict?: Verdict;
  /** The facts still missing that would change this group's verdict: asked once for every server they concern. */
  asks: string[];
  /** Why a group has no verdict, when it is not a missing fact (the time bound of one listing). */
  notJudged?: string;
  /** What the verdict takes for granted from the paste (no DAG shown for a server, one Windows line for all, a rollup the form hides). */
  assumptions: string[];
  /** What the reply says besides the verdict's conditions (a rollup the form hides, which no rule reads). */
  notes: string[];
  /** What the builds are ("15.2.1544.4 is Exchange 2019 CU14, released February 2024."), unknown ones named as such. */
  buildLines: string[];
}

/**
 * The design a listing shows: its servers grouped, each group's facts read through the same fact
 * tables as typed messages, and each group decided by the guided check's own `decide` (answers the
 * user gave are passed as `answers`, facts for every group that lacks them).
 */
export function listingDesign(
  listing: Extract<ListingResult, { kind: 'listing' }>,
  kb: Pick<KnowledgeBase, 'builds' | 'recognizer' | 'decide' | 'nextStep' | 'dimensions' | 'knownFacts' | 'setups'> &
    Partial<Pick<KnowledgeBase, 'coexistence' | 'assumedFacts' | 'limits'>>,
  answers: Facts = {},
): ListingGroup[] {
  const update = kb.dimensions.find((d) => d.id === 'update');
  // Servers of one estate share a few builds and Windows lines: read each combination once.
  const memo = new Map<string, Record<string, string>>();
  const perServer = listing.servers.map((s) => {
    const key = [
      s.build?.lookup.build,
      s.majorMinor,
      s.named,
      s.os,
      s.osBuild,
      s.osServicePack,
      s.systemType,
      s.installationType,
      s.edition,
      s.said,
      s.domainController,
      s.siteReadOnlyDcs,
      s.dynamicMemory,
      s.vmSnapshots,
      s.databases,
    ].join('|');
    let facts = memo.get(key);
    if (!facts) memo.set(key, (facts = serverFacts(s, kb, update)));
    return { server: s, facts: { ...facts } };
  });
  for (const p of perServer) if (p.facts.edgeDomainJoined === undefined && joinedToInternalDomain(p.server, listing)) p.facts.edgeDomainJoined = 'yes';
  // The roles the paste prints that some version does not have (listedRole's values, fact-dimensions.yaml): stated, so the
  // limits that know which versions lack them (A-50, A-73) name a listing that contradicts itself, never judged as if absent.
  const listedRoles = new Set(kb.dimensions.find((d) => d.id === 'listedRole')?.values.map((v) => v.id) ?? []);
  for (const p of perServer) {
    const shown = [...new Set(p.server.roles.filter((r) => listedRoles.has(r) && !p.server.roleFlags?.includes(r)))].sort();
    if (shown.length > 0) p.facts.listedRole = shown.join(',');
  }
  // DAG-wide facts: member count, mixed versions or Windows, witness.
  const dagFacts = new Map<string, Record<string, string>>();
  for (const dag of listing.dags) {
    const members = perServer.filter((p) => p.server.dag === dag.name);
    const facts: Record<string, string> = { nodes: String(Math.max(dag.servers.length, members.length)) };
    const versions = new Set(members.map((m) => m.facts.version).filter(Boolean));
    if (versions.size > 1) facts.mixedVersions = 'yes';
    const windows = new Set(members.map((m) => m.facts.windows).filter(Boolean));
    if (windows.size > 1) facts.mixedWindows = 'yes';
    // A witness that is one of the DAG's own members is no witness server outside the DAG (M-14, plan-ha.md).
    const witnessHost = dag.witness?.split('.')[0]!.toLowerCase();
    // It cannot be a member whatever the member count (A-72: rule dag-witness-on-member), so that is said too.
    if (witnessHost !== undefined && dag.servers.some((m) => m.toLowerCase() === witnessHost)) {
      facts.witness = 'no';
      facts.witnessOnMember = 'yes';
    } else if (dag.witness) {
      facts.witness = 'yes';
      // WitnessServer "10.1.1.50": a witness given by its IP address is not supported (A-72: a host name or FQDN).
      if (/^\s*\d{1,3}(?:\.\d{1,3}){3}\s*$|^\s*\[?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\]?\s*$/i.test(dag.witness)) facts.witnessByAddress = 'yes';
    } else if (dag.noWitness) facts.witness = 'no';
    // cluster.exe's group table counts the Exchange virtual servers (C8: at most n-1 on n nodes from three nodes on).
    if (dag.kind === 'cluster' && dag.instances !== undefined && dag.instances > 0) facts.instances = String(dag.instances);
    // One member on Server Core is the DAG's fact, as a domain controller member is: the DAG holds a member on an installation its version may not run on.
    if (members.some((m) => m.facts.serverCore === 'yes')) facts.serverCore = 'yes';
    // Get-DatabaseAvailabilityGroup's {255.255.255.255}: an IP-less DAG (D-7 limits it to 2013 SP1 or later on Windows Server 2012 R2 or later).
    if (dag.withoutAccessPoint !== undefined) facts.dagWithoutAccessPoint = dag.withoutAccessPoint ? 'yes' : 'no';
    // Another application's cluster group or resource (a file server, SQL Server) on the DAG's or Exchange cluster's nodes (M-5, W10/L1).
    if (dag.otherWorkloads !== undefined && dag.otherWorkloads.length > 0) facts.clusterWorkloads = 'yes';
    // One member that is a domain controller is the whole DAG's fact (M-4), whichever member is listed first.
    if (members.some((m) => m.facts.domainController === 'yes')) facts.domainController = 'yes';
    dagFacts.set(dag.name, facts);
  }
  // A DAG named only in a column (Get-MailboxServer's DatabaseAvailabilityGroup, a typed "DAG-AMS" beside each member): what
  // its members show is the DAG's too (two Windows releases, a member that is a domain controller or on Server Core).
  const typedDags = dagsOfTypedLines(listing.servers);
  const dagOf = (server: ListedServer): string | undefined => server.dag ?? typedDags.get(server);
  for (const name of new Set(perServer.map((p) => dagOf(p.server)).filter((d): d is string => d !== undefined && !dagFacts.has(d)))) {
    const members = perServer.filter((p) => dagOf(p.server) === name);
    const facts: Record<string, string> = {};
    if (new Set(members.map((m) => m.facts.version).filter(Boolean)).size > 1) facts.mixedVersions = 'yes';
    if (new Set(members.map((m) => m.facts.windows).filter(Boolean)).size > 1) facts.mixedWindows = 'yes';
    if (members.some((m) => m.facts.serverCore === 'yes')) facts.serverCore = 'yes';
    if (members.some((m) => m.facts.domainController === 'yes')) facts.domainController = 'yes';
    if (Object.keys(facts).length > 0) dagFacts.set(name, facts);
  }
  const groups = new Map<string, { servers: ListedServer[]; facts: Record<string, string>; key: string }>();
  for (const { server, facts } of perServer) {
    const key = [
      facts.version,
      server.build?.lookup.kind === 'known'
        ? updateKey(server.build.lookup.row)
        : server.build?.lookup.kind === 'same-update'
          ? updateKey(server.build.lookup.update)
          : (server.build?.lookup.build ?? facts.update),
      [...server.roles].sort().join('+'),
      server.dag ?? '',
      server.clustered ?? '',
      server.clusterNodes ?? '',
      server.nlb ? 'nlb' : '',
      // A DAG spanning sites is one group (its members share its facts); servers in no DAG are grouped by site.
      server.dag ? '' : (server.site ?? ''),
      // A group's facts are its first server's: every fact that can differ between servers keeps them apart.
      facts.windows,
      facts.windowsEdition,
      facts.windowsServicePack,
      facts.ha,
      facts.architecture,
      (server.dag ? dagFacts.get(server.dag)?.serverCore : undefined) ?? facts.serverCore,
      facts.edition,
      facts.edgeDomainJoined,
      facts.siteDomainControllers,
    ].join('|');
    const group = groups.get(key);
    if (group) group.servers.push(server);
    else {
      const dag = dagOf(server);
      groups.set(key, { servers: [server], facts: { ...facts, ...(dag !== undefined ? dagFacts.get(dag) : {}) }, key });
    }
  }
  splitBySaidDesign(
    groups,
    perServer,
    dagFacts,
    dagOf,
    designApart(
      listing.rest,
      kb,
      listing.servers.map((s) => s.name),
    ),
  );
  const shownClusters = listing.dags.length > 0;
  const dcsShown = listing.servers.some((s) => s.domainController);
  // A 2007 clustered mailbox server's node names count as its names: words about a node speak of it, of no other group.
  const namesOf = (s: ListedServer) => [s.name, ...(s.clusterNodeNames ?? [])];
  const allNames = listing.servers.flatMap(namesOf);
  const allEdge = listing.servers.length > 0 && listing.servers.every((s) => s.roles.includes('edge-transport'));
  // "no DAG", "standalone", "it's the only server": said around the paste, it settles high availability as the paste's own lines would.
  const noDag = noDagServers(
    listing.rest,
    listing.servers.map((s) => s.name),
  );
  // Groups of one estate, and estates of one shape, leave the same facts open: each set of facts is joined once.
  const joined = joinCache(kb);
  // Judging a set of facts not seen before costs tens to hundreds of milliseconds: one listing gets a
  // bounded share of time, and groups past it say so rather than hold the reply.
  const started = performance.now();
  let overBudget = false;
  const join = (facts: Facts, versions: readonly string[]): OpenVerdict | undefined | 'over-budget' => {
    const key = JSON.stringify([Object.entries(facts).sort(([a], [b]) => a.localeCompare(b)), versions]);
    const hit = joined.get(key);
    if (hit) return hit.value;
    if (overBudget || performance.now() - started > JUDGING_BUDGET_MS) {
      overBudget = true;
      return 'over-budget';
    }
    const value = joinSetups(kb, facts, versions);
    joined.set(key, { value });
    return value;
  };
  const judged = [...groups.values()].map(({ servers, facts }): ListingGroup => {
    const first = servers[0]!;
    const assumptions: string[] = [];
    // High availability read from the paste's shape (in no DAG it lists, "no DAG" said): the design said in words (NLB, a load balancer, DNS round robin) says more.
    let haFromShape = false;
    // Exchange 2007's own cluster output says which cluster it is (CCR, single copy cluster).
    if (facts.ha === undefined && first.clustered) facts.ha = first.clustered;
    // Get-ClusteredMailboxServerStatus's OperationalMachines count the clustered mailbox server's nodes (CCR has exactly two).
    if (facts.nodes === undefined && first.clusterNodes !== undefined) facts.nodes = String(first.clusterNodes);
    if (facts.ha === undefined) {
      const kind = listing.dags.find((d) => d.name === first.dag)?.kind;
      if (first.dag && kind === 'cluster') {
        // Get-ClusterNode shows a failover cluster: a DAG's for 2010 and later, a server cluster for 2000/2003; Exchange 2007's may be SCC or CCR (left open).
        if (facts.version === '2000' || facts.version === '2003') facts.ha = 'cluster';
        else if (facts.version !== '2007' && facts.version !== undefined) facts.ha = 'dag';
      } else if (first.dag) facts.ha = facts.version === '2007' || facts.version === '2003' || facts.version === '2000' ? 'cluster' : 'dag';
      // Mailbox servers in no DAG are each a single server (their databases have no copies), whatever their number.
      // A server's own typed line saying so ("EX2010 = 14.3.123.4 / ... / only server in the org") counts as "no DAG" said.
      else if (servers.every((s) => s.standalone || noDag === 'all' || noDag.has(s.name.toLowerCase()) || (s.said !== undefined && saysNoDag(s.said)))) {
        // Servers the paste shows no role for, said to stand alone ("both cas/hub/mbx, each standalone"), are single servers too.
        facts.ha = servers.length >= 2 && first.roles.length > 0 && !holdsMailboxes(first.roles) ? 'several-servers' : 'none';
        haFromShape = true;
      } else if (first.roles.includes('edge-transport') || (shownClusters && first.roles.length > 0)) {
        haFromShape = true;
        // The paste lists the DAGs or clusters and this server is in none of them.
        // Mailbox servers (a 2010 all-in-one too) outside every DAG are single servers; several of another role are several servers.
        facts.ha = servers.length >= 2 && !holdsMailboxes(first.roles) ? 'several-servers' : 'none';
        // An Edge Transport server is never a DAG or cluster member (it stays outside the forest): nothing assumed there.
        // Nor is a server none of whose roles a DAG or cluster of its version holds (a 2010 Client Access and Hub Transport server: a DAG holds Mailbox servers).
        if (!first.roles.includes('edge-transport') && clusterCouldHold(facts.version, first.roles, kb.dimensions)) assumptions.push('Not in any DAG or cluster the paste lists.');
      }
    }
    // Get-NlbClusterNode lists the servers as Windows NLB hosts: in no DAG that is their design; on DAG members it is the pair the table reads together.
    if (servers.every((s) => s.nlb)) {
      const pair = facts.ha !== undefined && facts.ha !== 'nlb' ? haPair(kb.dimensions, facts.ha, 'nlb') : undefined;
      if (facts.ha === undefined || (haFromShape && !pair)) facts.ha = 'nlb';
      else if (pair) Object.assign(facts, { ha: pair.keep }, Object.fromEntries(Object.entries(pair.states).filter(([d]) => facts[d] === undefined)));
    }
    // A build the table does not know, of a version read from its major and minor numbers: which update it is, and so
    // whether it still gets security updates, is not known. Never a plain "Supported" on it (issue 25: unknown builds are never guessed).
    if (first.build?.lookup.kind === 'unknown' && facts.version !== undefined && facts.updateCurrency === undefined)
      assumptions.push(
        `${first.build.lookup.build} is not a build the table knows: read as Exchange ${facts.version === 'se' ? 'SE' : facts.version} from its version number, its update unknown.`,
      );
    // An Edge server in a domain the paste does not tie to the internal one: fine only in a perimeter domain (M-7), a condition then.
    const edgeDomain = servers.find((s) => s.roles.includes('edge-transport') && s.domain && !/^workgroup$/i.test(s.domain))?.domain;
    if (edgeDomain && facts.edgeDomainJoined === undefined)
      assumptions.push(
        `The Edge server is joined to ${edgeDomain}: read as a perimeter domain outside the internal forest (an Edge server in the internal domain is not supported).`,
      );
    if (first.osFromPaste) assumptions.push(`The paste's one Windows line ("${first.os ?? first.osBuild}") is read as this group's.`);
    const fromBuild = !first.os && first.osBuild ? kb.builds.windowsRelease(first.osBuild) : undefined;
    if (fromBuild && fromBuild.status !== 'verified')
      assumptions.push(
        `Windows Server ${fromBuild.windows.replace('-r2', ' R2')} is read from its build ${fromBuild.build} (${fromBuild.status === 'read-3p' ? 'according to third-party sources' : 'as remembered, not read from Microsoft'}).`,
      );
    // No rule of the table reads the rollup: it is said, and only a coexistence minimum that names one
    // (2016 beside 2010 needs SP3 RU11) makes it a condition (listing-coexistence.ts).
    const notes: string[] = [];
    if (first.rollupHidden)
      notes.push(
        'The update rollup is not known from "Version X.Y (Build N.N)": Exchange 2007 and 2010 show the service pack\'s build there whatever rollup runs (ExSetup.exe\'s file version shows it).',
      );
    const roles = judgedRoles(first.roles, kb.dimensions);
    // What is missing is left open: every setup it could be is judged, and a fact whose values disagree is named as a condition.
    // Without the Exchange version (no build, or one of no known version) nothing is judged: the version is asked.
    const versions = facts.version === undefined ? candidateVersions(first, kb) : [];
    // A build of no Exchange Server release the check covers (Exchange 5.5, an Exchange Online object): said so, not asked.
    const outside = facts.version === undefined && versions.length === 0 ? outsideTheCheck(first) : undefined;
    let notJudged: string | undefined = outside;
    // "load balanced" said of servers of a version whose table tells Windows NLB from a load balancer: the design is one of
    // those two, not any high availability. Each is judged and the two joined as an open fact's values are (one Not
    // supported and one Not covered is Not covered; one supported is Supported with conditions naming the other).
    const joinLoadBalancing = (setup: Facts): OpenVerdict | undefined | 'over-budget' => {
      const known = kb.knownFacts(setup);
      const ha = kb.dimensions.find((d) => d.id === 'ha');
      if (setup.ha !== 'load-balancing' || known.ha !== undefined || !ha) return join(known, versions);
      const outcomes: OpenOutcome[] = [];
      const matters = new Set<string>(['ha']);
      for (const value of ha.values.filter((v) => LOAD_BALANCING_KINDS.includes(v.id))) {
        const tried = join(kb.knownFacts({ ...setup, ha: value.id }), versions);
        if (tried === 'over-budget') return tried;
        if (!tried) continue;
        for (const m of tried.matters) matters.add(m);
        outcomes.push({ value: value.id, label: value.label, decision: tried.decision });
      }
      return outcomes.length === 0 ? join(known, versions) : { decision: joinOpen(ha, outcomes), matters: [...matters] };
    };
    const decideAll = (known: Facts) =>
      roles.map(({ role, besideMailbox }): { decision?: Decision; asks: string[] } => {
        if (known.version === undefined && versions.length === 0) return { asks: ['version'] };
        // A role beside the Mailbox role (Unified Messaging on a 2010 DAG member) is not what the DAG holds: its high availability is its own, left open.
        const facts: Facts = besideMailbox && first.dag ? Object.fromEntries(Object.entries(known).filter(([d]) => d !== 'ha')) : known;
        // Only facts that apply to this setup (no architecture for Windows releases that are x64 only).
        const open = joinLoadBalancing(role ? { ...facts, role } : facts);
        if (open === 'over-budget') {
          notJudged = `Not judged: the paste holds more kinds of servers than I judge in one reply (${JUDGING_BUDGET_MS / 1000} s of work). Send the servers of this group again on their own.`;
          return { asks: [] };
        }
        return open ? { decision: open.decision, asks: open.matters } : { asks: ['version'] };
      });
    // The user's answers fill what the paste does not show; an answer about a fact that cannot change this
    // group's verdict changes nothing (every value of it gives the same verdict), and one that does not apply is dropped.
    const target = { version: facts.version, names: servers.flatMap(namesOf), roles: first.roles, allNames, allEdge };
    // What the user typed around the paste about Windows and the design counts as an answer the paste does not give (an explicit answer wins).
    const given = { ...designInWords(listing.rest, kb, target), ...windowsInWords(listing.rest, kb, target), ...answersForGroup(answers, kb, target) };
    // "someone promoted a DAG node to DC": words naming no server, when the paste's own output (Get-ADDomainController, systeminfo)
    // shows which listed servers are domain controllers, speak of those; a group none of them is in is not made one by them.
    if (given.domainController === 'yes' && facts.domainController === undefined && dcsShown && answers.domainController === undefined) delete given.domainController;
    // Several servers read from the paste's shape with nothing said of what is in front of them: the sources leave a load
    // balancer, Windows NLB or DNS round robin in front of some roles open (Edge servers, 2010 Hub Transport), so the
    // design is the paste's reading, a condition, never a plain "Supported".
    if (haFromShape && facts.ha === 'several-servers' && given.ha === undefined)
      assumptions.push('Several servers of one role, with nothing in front of them (no load balancer, Windows NLB or DNS round robin): read from the paste, not said.');
    const withAnswers: Record<string, string> = { ...facts };
    for (const [d, v] of Object.entries(given)) if (withAnswers[d] === undefined && !(d === 'windows' && withAnswers.windows !== undefined)) withAnswers[d] = v;
    if (given.ha !== undefined && withAnswers.ha !== undefined && given.ha !== withAnswers.ha)
      Object.assign(withAnswers, haWithWords(withAnswers, given.ha, haFromShape, kb.dimensions));
    // An update answered in words ("CU12") is as current or behind as the same update read from a build.
    if (facts.update === undefined && given.update !== undefined && withAnswers.updateCurrency === undefined && withAnswers.version !== undefined) {
      const currency = namedUpdateCurrency(withAnswers.version, String(answers.update ?? ''), kb);
      if (currency) withAnswers.updateCurrency = currency;
    }
    for (const d of ['windowsEdition', 'architecture']) if (facts.windows !== undefined && facts[d] === undefined && given.windows !== undefined) delete withAnswers[d];
    // "all three are one MSCS cluster": servers said to form one cluster, listed by no cluster output, are its nodes.
    if (withAnswers.nodes === undefined && !first.dag && servers.length >= 2 && MEMBERSHIP.includes(String(withAnswers.ha)) && ONE_CLUSTER.test(listing.rest))
      withAnswers.nodes = String(servers.length);
    // A listing that contradicts itself (a role its server's version does not have: limits reading listedRole, A-73) is
    // Not covered with the contradiction named, whatever the rest would give: the rest is not judged (an open fact's
    // values would otherwise mix Not supported into a verdict on a server the paste does not really show).
    const contradictions = (kb.limits ?? []).filter(
      (l) => conditionDimensions(l.breaks).includes('listedRole') && matchesAny(l.when, withAnswers) && conditionHolds(l.breaks, withAnswers),
    );
    const decided = contradictions.length > 0 ? roles.map(() => ({ decision: contradictionDecision(contradictions, withAnswers), asks: [] as string[] })) : decideAll(withAnswers);
    const decisions = decided.map((d) => d.decision);
    const asks = outside ? [] : decided.flatMap((d) => d.asks);
    // What the paste was read to show is a condition of the verdict too: never a plain "Supported" on an assumption.
    if (assumptions.length > 0) for (const [k, d] of decisions.entries()) if (d) decisions[k] = assumedDecision(d, assumptions);
    const verdict = decisions.every((d) => d !== undefined) ? worstVerdict(decisions.map((d) => d!.verdict)) : undefined;
    const buildLines = describeBuilds(
      servers.flatMap((s) => (s.build ? [s.build] : [])),
      kb.builds,
    );
    return {
      servers,
      label: groupLabel(first, facts),
      facts: withAnswers,
      decisions,
      verdict,
      asks: [...new Set(asks)],
      assumptions,
      notes,
      buildLines,
      ...(notJudged ? { notJudged } : {}),
    };
  });
  // The paste is one organization: versions that may not run side by side make the newer one's groups not supported.
  if (kb.coexistence) applyCoexistence(judged, kb.coexistence, kb.dimensions);
  return judged;
}

/** A DAG's name typed on a server's line ("AMS-MB1  Mailbox  Version 15.1 (Build 2507.6)  DAG-AMS"): its members share what one shows. */
const SAID_DAG_NAME = /(?:^|[\s(,;])(DAG[-_]?[A-Za-z0-9][A-Za-z0-9_-]{0,30})(?=$|[\s),;.])/i;
/** A DAG said on a typed line without its name: "one DAG", "in a DAG", "DAG of 3", "dag members". */
const SAID_DAG = /\b(?:dag|database availability group)\b/i;

/**
 * The DAG each typed server line names ("- EX1, EX2: 2019 cu15, DAG1, ..."), by name, lower-cased. Session 14 (d26): a line
 * adding members to the DAG of the line above ("- EX3: 2019 cu15, same DAG, windows 2019 std", "also in the DAG") is in that
 * DAG, named or not ("- EX1-EX3: ..., one DAG, ..."), as the sentence reader joins such lines (SAME_DAG_LINE): its members
 * share what one shows (two Windows releases are mixed Windows, M-2), never a DAG of their own.
 */
function dagsOfTypedLines(servers: readonly ListedServer[]): Map<ListedServer, string> {
  const dags = new Map<ListedServer, string>();
  let previous: ListedServer | undefined;
  for (const server of servers) {
    const said = server.said;
    const named = said !== undefined ? SAID_DAG_NAME.exec(said)?.[1]?.toLowerCase() : undefined;
    if (named !== undefined) dags.set(server, named);
    else if (said !== undefined && previous?.said !== undefined && said !== previous.said && SAME_DAG_LINE.test(said)) {
      const above = server.dag === undefined ? (previous.dag?.toLowerCase() ?? dags.get(previous)) : undefined;
      if (above !== undefined) dags.set(server, above);
      else if (server.dag === undefined && SAID_DAG.test(previous.said)) {
        // "- EX1-EX3: ..., one DAG, ..." above: that line's servers and this one share a DAG named after the first of them.
        const name = `dag of ${previous.name.toLowerCase()}`;
        for (const s of servers) if (s.said === previous.said && s.dag === undefined && !dags.has(s)) dags.set(s, name);
        dags.set(server, name);
      }
    }
    previous = server;
  }
  return dags;
}

/**
 * The role values a server is judged as. A server holding several roles is one value of the role fact
 * when the table has one that combines them (a 2010 "Mailbox, ClientAccess, HubTransport" DAG member is one
 * client-access+hub-transport+mailbox server, not a Client Access server in a DAG); otherwise the largest
 * combination it holds, and each role left over alone (`besideMailbox` when a combination with Mailbox took the rest).
 */
export function judgedRoles(roles: readonly string[], dimensions: readonly Dimension[]): { role?: string; besideMailbox: boolean }[] {
  if (roles.length === 0) return [{ besideMailbox: false }];
  if (roles.length === 1) return [{ role: roles[0], besideMailbox: false }];
  const combined = (dimensions.find((d) => d.id === 'role')?.values ?? [])
    .filter((v) => v.combines !== undefined && v.combines.every((r) => roles.includes(r)))
    .sort((a, b) => b.combines!.length - a.combines!.length)[0];
  if (!combined) return roles.map((role) => ({ role, besideMailbox: false }));
  const rest = roles.filter((r) => !combined.combines!.includes(r));
  const withMailbox = combined.combines!.includes('mailbox');
  return [{ role: combined.id, besideMailbox: false }, ...rest.map((role) => ({ role, besideMailbox: withMailbox }))];
}

/** The high availability values that make a server a member of a DAG or cluster. */
const MEMBERSHIP = ['dag', 'cluster', 'scc', 'ccr'];

/** Words that put the servers of a paste in one cluster: "all three are one MSCS cluster", "both nodes of the same cluster". */
const ONE_CLUSTER = /\b(?:all|both|all\s+(?:two|three|four|five|six|seven|eight))\b[^.\n]{0,40}?\b(?:one|a\s+single|the\s+same|same)\s+(?:\w+\s+){0,2}?cluster\b/i;

/** Servers holding mailboxes: Mailbox servers, and Exchange 2000/2003 back-ends (their mailbox servers). Several in no DAG or cluster are each a single server. */
function holdsMailboxes(roles: readonly string[]): boolean {
  return roles.includes('mailbox') || roles.includes('back-end');
}

/**
 * Whether a DAG or cluster of this Exchange version could hold a server of these roles, read from the ha values'
 * `appliesWhen` and `implies` (fact-dimensions.yaml): a 2010 or later DAG holds Mailbox servers only, so a Client
 * Access and Hub Transport server in none of the DAGs a paste lists is in no DAG, nothing assumed.
 */
function clusterCouldHold(version: string | undefined, roles: readonly string[], dimensions: readonly Dimension[]): boolean {
  if (version === undefined || roles.length === 0) return true;
  const values = dimensions.find((d) => d.id === 'ha')?.values ?? [];
  const combined = (dimensions.find((d) => d.id === 'role')?.values ?? []).filter((v) => roles.includes(v.id)).flatMap((v) => v.combines ?? []);
  const held = new Set([...roles, ...combined]);
  return values.some((v) => {
    if (!MEMBERSHIP.includes(v.id)) return false;
    const applies = v.appliesWhen?.version;
    if (applies !== undefined && !(Array.isArray(applies) ? applies : [applies]).includes(version)) return false;
    const role = v.implies?.role;
    return role === undefined || held.has(role);
  });
}

/** Not covered by the limits a self-contradicting listing breaks (their reasons name the contradiction); nothing else judged. */
function contradictionDecision(limits: readonly SupportLimit[], facts: Facts): Decision {
  const read = new Set(limits.flatMap((l) => [...l.when.flatMap((c) => conditionDimensions(c)), ...conditionDimensions(l.breaks)]));
  return {
    verdict: 'not-covered',
    rules: [],
    broken: limits,
    conditions: [],
    decisiveFacts: Object.fromEntries(Object.entries(facts).filter(([d]) => read.has(d))),
    lifecycle: [],
  };
}

/** A decision with what the paste was read to show named as its conditions; "Supported" becomes "Supported with conditions". */
function assumedDecision(decision: Decision, assumptions: readonly string[]): Decision {
  const limits = assumptions.map((condition, k) =>
    statedCondition(
      `assumed-from-paste-${k + 1}`,
      condition,
      'The pasted listing was read to show this; nobody confirmed it.',
      'If it is otherwise, send the listing again with the output that shows it (Get-DatabaseAvailabilityGroup, Get-ClusterNode, systeminfo).',
    ),
  );
  return { ...decision, verdict: decision.verdict === 'supported' ? 'supported-with-conditions' : decision.verdict, conditions: [...decision.conditions, ...limits] };
}

/**
 * The high availability the paste shows and the one said around it, as one design: a pair the table reads together
 * (a DAG whose members also run Windows NLB: `together` in fact-dimensions.yaml) keeps its value and states what it
 * says besides; otherwise what the words say wins over what was read from the paste's shape (servers in no DAG it
 * lists are single or several servers; "they sit behind a Kemp" says how), and a DAG or cluster the paste lists stays.
 */
function haWithWords(facts: Facts, said: string, fromShape: boolean, dimensions: readonly Dimension[]): Facts {
  const pair = haPair(dimensions, String(facts.ha), said);
  if (pair) return { ha: pair.keep, ...Object.fromEntries(Object.entries(pair.states).filter(([d]) => facts[d] === undefined)) };
  // Only a design no paste form shows: a DAG or cluster said in words ("kein DAG", "CCR nodes and CAS1 ...") never undoes "in no DAG the paste lists".
  return fromShape && SAID_ONLY_HA.includes(said) ? { ha: said } : {};
}

/** What "load balanced" can be where the table tells them apart (not Exchange 2000/2003, where it is read as NLB). */
const LOAD_BALANCING_KINDS = ['nlb', 'load-balancer'];

/** High availability that only words say (no listing shows a load balancer or DNS records in front of servers). */
const SAID_ONLY_HA = ['nlb', 'load-balancer', 'load-balancing', 'dns-round-robin'];

/** Time one listing may spend judging sets of facts not judged before (cached ones cost nothing). */
export const JUDGING_BUDGET_MS = 1_500;

/** Joined verdicts by facts, per knowledge base (a reload starts afresh); bounded, as every cache on the request path. */
const JOINED = new WeakMap<object, BoundedCache<string, { value: OpenVerdict | undefined }>>();

function joinCache(kb: object): BoundedCache<string, { value: OpenVerdict | undefined }> {
  let cache = JOINED.get(kb);
  if (!cache) JOINED.set(kb, (cache = new BoundedCache({ maxEntries: 2_000, maxBytes: 16 * 1024 * 1024, sizeOf: () => 4_096 })));
  return cache;
}

/** The Exchange versions a build of no known version could be: those of the listed builds beside it (15.2.1999.1 is 2019 or SE). */
function candidateVersions(server: ListedServer, kb: Pick<KnowledgeBase, 'builds'>): string[] {
  const lookup = server.build?.lookup;
  if (lookup?.kind === 'unknown') return [...new Set([lookup.below?.version, lookup.above?.version].filter((v): v is string => v !== undefined))];
  if (server.majorMinor) return [...new Set(kb.builds.rows.filter((r) => `${r.parts[0]}.${r.parts[1]}` === server.majorMinor).map((r) => r.version))];
  return [];
}

/**
 * Why a server whose build no version of the check has is outside it, when its build says so: Exchange 5.5 and earlier
 * (builds below 6.0, Exchange 2000's), or a 15.20 or later build (no Exchange Server release numbers its builds so: the
 * table's 15.x end at 15.2, Exchange 2019 and SE; Exchange Online's servers report 15.20 builds, as recalled). Undefined
 * for any other build, whose version is asked.
 */
function outsideTheCheck(server: ListedServer): string | undefined {
  const build = server.build?.lookup.build;
  const [major, minor] = (build ?? '').split('.').map(Number);
  if (build === undefined || major === undefined || minor === undefined || Number.isNaN(major)) return undefined;
  const covers = 'the check covers Exchange Server 2000 to Exchange Server SE';
  if (major < 6) return `${build} is an Exchange 5.5 or earlier build (older than Exchange 2000's 6.0), and ${covers}.`;
  if (major === 15 && minor >= 20)
    return `${build} is no Exchange Server build (their 15.x builds end at 15.2, Exchange 2019 and SE; a 15.20 or later build is how Exchange Online reports its servers, as recalled), and ${covers} run on your own servers.`;
  return undefined;
}

/** "2019/cu14": servers on one update (whatever its security update) are one group. */
function updateKey(row: { version: string; update: string }): string {
  return `${row.version}/${row.update}`;
}

/**
 * An Edge Transport server whose domain (systeminfo's "Domain:") is the internal one: another server of the paste shows the same
 * domain, or a line typed around the paste names that domain as the one of the other servers or the DCs ("the edge is joined to
 * corp.example.com, same domain as MBX1 and our DCs"). A domain alone may be a perimeter domain, which M-7 allows: left open then.
 */
function joinedToInternalDomain(server: ListedServer, listing: Extract<ListingResult, { kind: 'listing' }>): boolean {
  const domain = server.domain?.toLowerCase();
  if (!domain || !server.roles.includes('edge-transport') || domain === 'workgroup') return false;
  if (listing.servers.some((s) => s !== server && !s.roles.includes('edge-transport') && s.domain?.toLowerCase() === domain)) return true;
  return listing.rest
    .toLowerCase()
    .split(/\n|(?<=[.!?])\s+/)
    .some((line) => line.length <= 400 && line.includes(domain) && INTERNAL_DOMAIN_WORDS.test(line) && !/\b(?:not|never|isn't|is not)\s+(?:joined|in|a member)/.test(line));
}

/** Words that tie a domain to the internal forest. */
const INTERNAL_DOMAIN_WORDS = /\bsame (?:ad )?domain\b|\binternal (?:ad |active directory )?domain\b|\bour (?:dcs|domain controllers)\b|\bproduction domain\b|\bmain domain\b/;

function serverFacts(server: ListedServer, kb: Pick<KnowledgeBase, 'builds' | 'recognizer'>, update: Parameters<typeof buildFacts>[2]): Record<string, string> {
  const facts: Record<string, string> = {};
  if (server.build) Object.assign(facts, buildFacts([server.build], kb.builds, update));
  else if (server.majorMinor) Object.assign(facts, majorMinorFacts(server.majorMinor, kb.builds, update));
  else if (server.named) {
    // Read through the fact tables as a typed message is: the version, and its update when one is named.
    const named = kb.recognizer.extract(server.named).facts;
    for (const key of ['version', 'update'] as const) if (named[key] !== undefined) facts[key] = named[key];
    const currency = facts.version ? namedUpdateCurrency(facts.version, server.named, kb) : undefined;
    if (currency) facts.updateCurrency = currency;
  }
  if (server.os) {
    const os = kb.recognizer.extract(`${server.os.replace(/^Microsoft\s+/i, '')}`).facts;
    for (const key of ['windows', 'windowsEdition', 'architecture', 'windowsServicePack'] as const) if (os[key] !== undefined) facts[key] = os[key];
  }
  // Windows named only by its build ("OsVersion 10.0.17763"): the release the build table lists for it, never the nearest one.
  if (facts.windows === undefined && server.osBuild) {
    const release = kb.builds.windowsRelease(server.osBuild);
    if (release) facts.windows = release.windows;
  }
  if (server.osServicePack !== undefined && facts.windows !== undefined && facts.windowsServicePack === undefined) facts.windowsServicePack = String(server.osServicePack);
  if (server.systemType && facts.architecture === undefined) facts.architecture = /64/.test(server.systemType) ? 'x64' : /86|32/.test(server.systemType) ? 'x86' : '';
  if (facts.architecture === '') delete facts.architecture;
  if (server.installationType) facts.serverCore = /core/i.test(server.installationType) ? 'yes' : 'no';
  if (server.domainController) facts.domainController = 'yes';
  // Hyper-V's own output about the server's virtual machine (Get-VM's DynamicMemoryEnabled, Get-VMSnapshot's checkpoints).
  if (server.dynamicMemory !== undefined) facts.dynamicMemory = server.dynamicMemory ? 'yes' : 'no';
  if (server.vmSnapshots) facts.vmSnapshots = 'yes';
  if (server.databases !== undefined) facts.databases = String(server.databases);
  if (server.siteReadOnlyDcs) facts.siteDomainControllers = 'read-only';
  // Session 12 (v1): the platform its own output shows (Get-Volume, Get-NetAdapterBinding, Win32_ComputerSystem, Get-ADForest).
  for (const [key, value] of Object.entries(server.platform ?? {})) facts[key] ??= value;
  if (server.roles.includes('edge-transport') && server.domain && /^workgroup$/i.test(server.domain)) facts.edgeDomainJoined = 'no';
  // A line typed by hand says more of its server than its build: its Windows, high availability, edition.
  if (server.said) {
    // "active node" and "passive node" both name a cluster's node (the recognizer reads only "passive" as one).
    const said = kb.recognizer.extract(blankBuilds(server.said).replace(/\b(?:active|passive)\s+node\b/gi, 'cluster node')).facts;
    for (const d of SAID_FACTS) if (facts[d] === undefined && said[d] !== undefined) facts[d] = said[d];
  }
  if (server.edition && /enterprise/i.test(server.edition)) facts.edition = 'enterprise';
  else if (server.edition && /standard/i.test(server.edition)) facts.edition = 'standard';
  return facts;
}

/** "Exchange 2019 CU12", "SP2", an answer "CU14": the update named in words, looked up in the build table as a build would be. */
function namedUpdateCurrency(version: string, text: string, kb: Pick<KnowledgeBase, 'builds'>): string | undefined {
  const named = [...new Set([...text.matchAll(/\b(rtm|sp\s?\d|cu\s?\d{1,2})\b/gi)].map((m) => m[1]!.toLowerCase().replace(/\s/, '')))];
  if (named.length !== 1) return undefined;
  const canonical = kb.builds.canonicalUpdate(version, named[0]!);
  const row = canonical ? kb.builds.updatesOf(version).find((r) => r.update === canonical) : undefined;
  return row ? kb.builds.currency(row)?.state : undefined;
}

/** The facts a server's typed line may give besides its build and role. */
const SAID_FACTS = ['windows', 'windowsEdition', 'architecture', 'windowsServicePack', 'ha', 'edition', 'serverCore', 'domainController', 'edgeDomainJoined'];

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
