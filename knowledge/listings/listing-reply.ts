import type { ListingGroup } from './listing-design';
import type { ListedServer, ListingResult } from './listing-parser';
import type { Dimension } from '../loading/schemas';
import { cardLabel, leadReason, outOfSupportHeadline } from '../rules/triage-summary';
import type { Verdict } from '../loading/schemas';

/** One group of a listing as a card shows it: its label, servers, build, verdict and why. */
export interface ListingGroupView {
  /** "Out of support since 14 October 2025: Exchange 2019. Supported path: ..." for a retired version, shown first. */
  outOfSupport?: string;
  label: string;
  servers: string[];
  /** "15.2.1748.10 (Exchange 2019 CU15)", or what the paste shows when the build is not known. */
  build: string;
  verdict?: Verdict;
  /** The verdict as the card writes it ("Supported with conditions (while Exchange 2019 was supported)"), "Not judged" (see ListingGroup.notJudged), or "Not decided yet". */
  verdictLabel: string;
  reason: string;
  conditions: string[];
  /** What the paste was read to show, and servers a cluster listing shows down. */
  notes: string[];
}

/** A fact missing for some servers, asked once for all of them. */
export interface ListingQuestion {
  dimension: string;
  question: string;
  servers: string[];
}

/** The reply to a pasted listing: a card per group, one question per missing fact, what the builds are, the ticket summary. */
export interface ListingView {
  intro: string;
  groups: ListingGroupView[];
  questions: ListingQuestion[];
  buildLines: string[];
  /** One line per server, for the ticket. */
  ticket: string[];
  /** The out-of-support lines of the retired versions in the paste: the ticket summary's first lines (issue 21). */
  ticketHeadlines: string[];
  /** The question around the paste, cut to 200 characters. */
  rest?: string;
}

const WINDOWS_PARTS = ['windowsEdition', 'architecture'];
const WINDOWS_QUESTION = 'Which Windows Server release and edition do they run (systeminfo\'s "OS Name" line, for example "Windows Server 2022 Standard")?';

/** "EX01, EX02, EX03 and 17 more". */
export function serverList(names: readonly string[], shown = 6): string {
  return names.length > shown ? `${names.slice(0, shown - 1).join(', ')} and ${names.length - shown + 1} more` : names.join(', ');
}

/** User text shown in Markdown (a Windows line, the question around the paste): no character that could format or link. */
function plain(text: string): string {
  return text
    .replace(/[[\]()*_`<>#|\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildOf(server: ListedServer): string {
  const lookup = server.build?.lookup;
  if (!lookup) return server.majorMinor ? `Version ${server.majorMinor} (build cut off in the paste)` : 'no build shown';
  return lookup.build;
}

/** The reply to a listing, as data both the card and the plain text render (see {@link listingMarkdown}). */
export function listingView(listing: Extract<ListingResult, { kind: 'listing' }>, groups: readonly ListingGroup[], dimensions: readonly Dimension[]): ListingView {
  const count = groups.reduce((n, g) => n + g.servers.length, 0);
  const views = groups.map((group): ListingGroupView => {
    const decisions = group.decisions.filter((d) => d !== undefined);
    const worst = decisions.find((d) => d.verdict === group.verdict);
    const builds = [...new Set(group.servers.map(buildOf))];
    const named = group.label.split(':')[0]!;
    const down = group.servers.filter((s) => s.state && !/^up$/i.test(s.state)).map((s) => `${s.name} is ${s.state} in the cluster listing.`);
    return {
      outOfSupport: outOfSupportHeadline(decisions),
      label: group.label,
      servers: group.servers.map((s) => s.name),
      build: `${builds.slice(0, 3).join(', ')}${builds.length > 3 ? ` and ${builds.length - 3} more` : ''} (${named})`,
      verdict: group.verdict,
      verdictLabel: group.verdict ? cardLabel(group.verdict, decisions) : group.notJudged ? 'Not judged' : 'Not decided yet',
      reason: worst
        ? leadReason(worst)
        : group.notJudged
          ? group.notJudged
          : `I need ${group.asks.map((d) => label(dimensions, d)).join(', ') || 'more facts'} to judge these servers.`,
      conditions: worst ? [...new Set(worst.conditions.map((c) => c.condition))] : [],
      // What the paste was read to show is among the conditions already (see listingDesign); a fact with one
      // sensible answer (a running Exchange 2003 server is on 32-bit Windows) is said as the check says it.
      notes: [...group.notes, ...new Set(decisions.flatMap((d) => (d.assumed ?? []).map((a) => `Assumed: ${a.statement}`))), ...down],
    };
  });
  // Each missing fact asked once, naming every server it concerns.
  // Windows' release, edition and architecture are one question ("Windows Server 2022 Standard" answers all three).
  const byFact = new Map<string, string[]>();
  for (const group of groups) {
    const asks = new Set(group.asks.map((fact) => (WINDOWS_PARTS.includes(fact) && group.asks.includes('windows') ? 'windows' : fact)));
    for (const fact of asks) byFact.set(fact, [...(byFact.get(fact) ?? []), ...group.servers.map((s) => s.name)]);
  }
  const questions = [...byFact].map(([dimension, servers]) => ({
    dimension,
    servers,
    question: `${dimension === 'windows' ? WINDOWS_QUESTION : (dimensions.find((d) => d.id === dimension)?.question ?? `What is the ${label(dimensions, dimension)}?`)} (for ${serverList(servers)})`,
  }));
  const ticket = groups.flatMap((group, k) =>
    group.servers.map((s) =>
      [
        s.name,
        s.site && `site ${s.site}`,
        s.roles.join('+') || 'role not shown',
        buildOf(s),
        group.label.split(':')[0],
        s.dag && `${s.dag}`,
        s.os && plain(s.os),
        views[k]!.verdict ? views[k]!.verdictLabel : group.notJudged ? 'not judged' : 'not decided',
      ]
        .filter(Boolean)
        .join('; '),
    ),
  );
  const rest = listing.rest !== '' ? `${plain(listing.rest.slice(0, 200))}${listing.rest.length > 200 ? '...' : ''}` : undefined;
  return {
    intro: `I read ${count} server${count === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'} from your paste.`,
    groups: views,
    questions,
    buildLines: [...new Set(groups.flatMap((g) => g.buildLines))],
    ticket,
    ticketHeadlines: [...new Set(views.map((v) => v.outOfSupport).filter((h): h is string => h !== undefined))],
    ...(rest ? { rest } : {}),
  };
}

function label(dimensions: readonly Dimension[], id: string): string {
  const text = dimensions.find((d) => d.id === id)?.label ?? id;
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * The listing reply as Markdown: a section per group (out-of-support line first, label, servers,
 * build, verdict and why, conditions), the questions, what the builds are, then a ticket summary
 * that lists every server.
 */
export function listingMarkdown(view: ListingView): string {
  const lines = [view.intro, ''];
  for (const group of view.groups) {
    if (group.outOfSupport) lines.push(`**${group.outOfSupport}**`);
    lines.push(`**${group.verdictLabel}: ${group.label}**`, `- Servers: ${serverList(group.servers, 10)}`, `- Build: ${group.build}`, `- Why: ${group.reason}`);
    for (const condition of group.conditions) lines.push(`- Condition: ${condition}`);
    for (const note of group.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  if (view.questions.length > 0) lines.push('To settle what is still open:', ...view.questions.map((q) => `- ${q.question}`), '');
  if (view.buildLines.length > 0) lines.push(...view.buildLines.map((b) => `- ${b}`), '');
  lines.push('**Ticket summary**', '', ...view.ticketHeadlines.map((h) => `${h}  `), ...view.ticket.map((t) => `- ${t}`));
  if (view.rest) lines.push('', `(Besides the listing you wrote: "${view.rest}")`);
  return lines.join('\n');
}

/** The former one-call reply, kept for callers that want plain text. */
export function listingReply(listing: Extract<ListingResult, { kind: 'listing' }>, groups: readonly ListingGroup[], dimensions: readonly Dimension[]): string {
  return listingMarkdown(listingView(listing, groups, dimensions));
}
