import type { ListingGroup } from './listing-design';
import type { ListingResult } from './listing-parser';
import { firstClause, leadReason, outOfSupportHeadline, verdictLine } from '../rules/triage-summary';
import type { Decision } from '../rules/support-rules';

/**
 * The reply to a pasted listing, as Markdown: each group with its label and verdict (the reason of
 * the worst role), what is still missing (asked once for all the servers it concerns), what the
 * builds are, then a ticket summary that lists every server.
 */
export function listingReply(listing: Extract<ListingResult, { kind: 'listing' }>, groups: readonly ListingGroup[], factLabel: (dimension: string) => string): string {
  const servers = groups.reduce((n, g) => n + g.servers.length, 0);
  // A retired version is said first (issue 21), once per version, in the reply and in the ticket summary.
  const decided = (group: ListingGroup) => group.decisions.filter((d): d is Decision => d !== undefined);
  const headlines = [...new Set(groups.map((g) => outOfSupportHeadline(decided(g))).filter((h): h is string => h !== undefined))];
  const label = (group: ListingGroup) => (group.verdict ? verdictLine(group.verdict, decided(group)) : 'not decided');
  const lines = [
    ...headlines.flatMap((h) => [`**${h}**`, '']),
    `I read ${servers} server${servers === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'} from your paste:`,
    '',
  ];
  for (const group of groups) {
    const names =
      group.servers.length > 4
        ? `${group.servers
            .slice(0, 3)
            .map((s) => s.name)
            .join(', ')} and ${group.servers.length - 3} more`
        : group.servers.map((s) => s.name).join(', ');
    const worst = group.decisions.find((d) => d?.verdict === group.verdict);
    const verdict = group.verdict
      ? `**${label(group)}**${worst ? `: ${firstClause(leadReason(worst))}` : ''}`
      : `not decided yet: I need ${group.asks.map(factLabel).join(', ') || 'more facts'}`;
    lines.push(`- **${group.label}** (${names}): ${verdict}`);
  }
  const missing = new Map<string, number>();
  for (const group of groups) for (const fact of group.asks) missing.set(fact, (missing.get(fact) ?? 0) + group.servers.length);
  if (missing.size > 0) {
    lines.push(
      '',
      [...missing].map(([fact, count]) => `${factLabel(fact)}: please tell me for ${count === 1 ? 'the server that lacks it' : `the ${count} servers that lack it`}.`).join(' '),
    );
  }
  const builds = [...new Set(groups.flatMap((g) => g.buildLines))];
  if (builds.length > 0) lines.push('', ...builds.map((b) => `- ${b}`));
  lines.push('', '**Ticket summary**', '', ...headlines.map((h) => `${h}  `));
  for (const group of groups) {
    for (const s of group.servers) {
      const parts = [
        s.name,
        s.site && `site ${s.site}`,
        s.roles.join('+') || 'role not shown',
        s.build?.lookup.build ?? (s.majorMinor ? `version ${s.majorMinor} (build cut off)` : 'no build shown'),
        group.label.split(':')[0],
        s.dag && `DAG ${s.dag}`,
        s.os,
        label(group),
      ];
      lines.push(`- ${parts.filter(Boolean).join('; ')}`);
    }
  }
  if (listing.rest !== '') lines.push('', `(Besides the listing you wrote: "${listing.rest.slice(0, 200).replace(/\s+/g, ' ')}${listing.rest.length > 200 ? '...' : ''}")`);
  return lines.join('\n');
}
