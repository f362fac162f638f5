import type { ListingResult } from './listing-parser';

type Listing = Extract<ListingResult, { kind: 'listing' }>;

/**
 * "FE1, FE2: Exchange 2003 Standard front-ends, Windows NLB / BE: Exchange 2003 Enterprise, 2-node cluster, NLB also
 * on the cluster nodes": a design a person typed one group a line, whose lines the listing reader cannot all read. It
 * took "FE1, FE2" for servers and dropped the "BE:" line, so the design was judged without its back-end (a wrong
 * "Supported": w3-design-12). Such a paste goes to the design reader, which reads every line as a group with its facts.
 * Only a paste with no command output, no DAG or cluster block and no build number (versions named in words alone)
 * qualifies, and only when one of its unread lines is led by a label and names an Exchange version ("BE: Exchange 2003
 * Enterprise, ...") or a line's leading word is a role ("Front-ends: Exchange 2003 Standard x2, NLB"). Lines that all read as servers ("OLD: Exchange 2016 CU23 ..." / "NEW: Exchange SE ...") stay the
 * listing's, one group a line: the design reader joins such a migration into one DAG unless a line says "new DAG".
 */
export function isTypedDesign(listing: Listing): boolean {
  if (listing.fromOutput || listing.dags.length > 0 || listing.servers.length === 0) return false;
  if (listing.servers.some((s) => s.build !== undefined || s.majorMinor !== undefined || s.named === undefined)) return false;
  // "Front-ends: Exchange 2003 Standard x2, NLB": a line led by a role is a group of that role, not a server of that name.
  if (listing.servers.some((s) => ROLE_LABEL.test(s.name))) return true;
  return listing.rest.split('\n').some((line) => line.length <= MAX_LINE && DROPPED_GROUP_LINE.test(line));
}

/** A role's name where a server's would be. */
const ROLE_LABEL = /^(?:front-?ends?|back-?ends?|fes?|bes?|cas|mbx|mailbox(?:-servers?)?|hub(?:-transport)?|edge(?:-transport)?|edges)$/i;

/** The longest line read as a group's line (a label, a colon, a version in words and a few facts). */
const MAX_LINE = 400;

/** A line led by a short label and naming an Exchange version in words: "BE: Exchange 2003 Enterprise, ...", "- Back end: E2K3 SP2 ...". */
// Lead, session 8 (w4-design-03): "- MBX1..MBX4: 2019 CU15 DAG, ..." too: a range of names, a bare year with its update, or a
// DAG or cluster said of the group (the Edge line above it had become a listing, and the DAG group was dropped).
const DROPPED_GROUP_LINE =
  /^\s*(?:[-*•]\s*)?[A-Za-z][A-Za-z0-9 .,&/+-]{0,40}:\s*(?:\d\s*x\s*)?(?:exchange(?:\s+server)?\s+(?:2000|2003|2007|2010|2013|2016|2019|se\b|subscription)|e2k3|e2k7|ex20(?:03|07|10|13|16|19)|(?:2007|2010|2013|2016|2019)\s+(?:cu|sp|rtm)\d*\b|[^\n]{0,80}\b(?:dag|cluster|ccr|scc)\b)/i;
