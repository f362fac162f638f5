/**
 * Issue 21 (n21): the members of a DAG said to sit in more than one Active Directory domain ("2 servers in
 * contoso.com and 2 in the child domain emea.contoso.com", "members across two domains"). Every DAG member
 * must be a member server of the same domain (M-4, plan-ha.md), so this stated fact (`mixedDomains`) breaks
 * a limit of support-rules.yaml. Read here rather than by the phrase tables: a domain name (contoso.com) is
 * no phrase, and "two domains" must never be a typo of "two domain controllers".
 *
 * Only places of servers count: what a clause says of the witness, the domain controllers, users or
 * mailboxes ("the DCs are in two domains", "users in fabrikam.com") is not where the members are.
 */

/** A domain named by its place in the forest or by its name, after "in": "in the child domain emea.contoso.com", "in contoso.com". */
const PLACED_DOMAIN =
  /\bin\s+(?:the\s+|our\s+|a\s+)?(?:(?<kind>child|root|parent|sub|forest[- ]root|resource|second|other)[- ]?domain\b(?:\s+\(?(?<named>[a-z][\w-]*(?:\.[a-z][\w-]*)+))?|(?<bare>[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{2,}))\b/gi;
/** More than one domain said outright: "in two domains", "across domains", "different AD domains". */
const SEVERAL_DOMAINS =
  /\b(?:(?:different|separate|two|2|multiple|several|both)\s+(?:ad\s+|active\s+directory\s+|windows\s+)?domains|(?:across|spanning|spans|split\s+(?:over|between|across))\s+(?:(?:two|2|both|the|our|multiple|several)\s+)?(?:ad\s+)?domains)\b/gi;
/**
 * Session 13 (o25, w9-red-119): the one domain denied, "members are not all in the same domain", "aren't in one domain": more
 * than one domain (it was read as "every member in the same domain").
 */
const NOT_ONE_DOMAIN =
  /\b(?:not|n't|never)\s+(?:all\s+|both\s+)?(?:(?:in|joined\s+to|members\s+of)\s+)?(?:the\s+|a\s+)?(?:same|one|single)\s+(?:ad\s+|active\s+directory\s+|windows\s+)?domain\b(?!\s+controllers?)/gi;
/**
 * Session 14 (lead): one member singled out as the subject of its place ("node3 is in a child domain", "one of the members
 * sits in emea.contoso.com", "the new member will be in the resource domain"): the rest of the DAG is elsewhere, so more than
 * one domain. A member named by a number or as one of several; "the server" alone (a single server) is no member.
 */
const ONE_MEMBER_PLACED =
  /\b(?:(?:node|member|server|mbx|mb|ex|exch)[- ]?0?\d{1,2}|one (?:of (?:the|our|its) )?(?:nodes?|members?|dag members?|mailbox servers?|servers?)|the (?:third|fourth|fifth|new|last|other|remote|dr) (?:node|member|dag member|mailbox server))\s+(?:is|sits|lives|was|will be|would be|are|being)\s+(?:joined\s+)?$/i;
/**
 * Session 14 (o26, w9-after-30): a server placed in a domain other than the rest's, "MBX2 sits in our second domain
 * emea.contoso.com", "MBX2 moves to our partner's domain", "one member is joined to another domain": more than one domain.
 * Not the child domain alone ("all members in the child domain" is one domain).
 */
const ANOTHER_DOMAIN =
  /\b(?:in|into|to|joined\s+to|members?\s+of)\s+(?:our\s+|the\s+|a\s+|an\s+|their\s+|its\s+)?(?:second|2nd|other|another|different|separate|partner'?s?|customer'?s?)\s+(?:ad\s+|active\s+directory\s+)?domain\b(?!\s+controllers?)/gi;
/**
 * Session 15 (lead): the servers or their sites said to be in more than one forest ("both sites in different AD forests",
 * "members across two forests"): members of one domain are of one forest, so this too is more than one domain (M-4). It
 * was a DAG Supported with conditions.
 */
const SEVERAL_FORESTS =
  /\b(?:(?:different|separate|two|2|multiple|several)\s+(?:ad\s+|active\s+directory\s+)?forests|(?:across|spanning|spans|split\s+(?:over|between|across))\s+(?:(?:two|2|both|the|our|multiple|several)\s+)?(?:ad\s+)?forests)\b/gi;
/** Words that make a clause about something other than where the Exchange servers are. */
const NOT_MEMBERS = /\b(?:witness|fsw|dcs?|domain\s+controllers?|gcs?|global\s+catalogs?|users?|mailboxes|accounts?|forests?|trusts?|upns?|smtp|email|e-mail|accepted)\b/i;
/** The same words but the forests, for a clause that places the servers in forests ({@link SEVERAL_FORESTS}). */
const NOT_MEMBERS_BUT_FORESTS = new RegExp(NOT_MEMBERS.source.replace('forests?|', ''), 'i');
/** Where a clause starts: punctuation or a line break before the words that place the servers. */
const CLAUSE_START = /[,;.\n(]\s*(?![^,;.\n(]*[,;.\n(])/;

/** The text of the clause that ends at `end` (from the last clause break before it). */
function clauseBefore(text: string, end: number): string {
  const before = text.slice(Math.max(0, end - 120), end);
  const cut = CLAUSE_START.exec(before);
  return cut ? before.slice(cut.index + 1) : before;
}

/** True when the text places Exchange servers in two or more Active Directory domains. */
export function serversInSeveralDomains(text: string): boolean {
  for (const match of [...text.matchAll(SEVERAL_DOMAINS), ...text.replace(/n't\b/gi, " n't").matchAll(NOT_ONE_DOMAIN), ...text.matchAll(ANOTHER_DOMAIN)]) {
    if (!NOT_MEMBERS.test(clauseBefore(text, match.index + match[0].length))) return true;
  }
  for (const match of text.matchAll(SEVERAL_FORESTS)) {
    if (!NOT_MEMBERS_BUT_FORESTS.test(clauseBefore(text, match.index + match[0].length))) return true;
  }
  const domains = new Set<string>();
  for (const match of text.matchAll(PLACED_DOMAIN)) {
    const clause = clauseBefore(text, match.index + match[0].length);
    if (NOT_MEMBERS.test(clause)) continue;
    const { kind, named, bare } = match.groups ?? {};
    // "2019 dag where node3 is in a child domain": one member placed in a domain of its own, the others left where they are.
    if (ONE_MEMBER_PLACED.test(clauseBefore(text, match.index))) return true;
    domains.add((named ?? bare ?? kind ?? '').toLowerCase());
  }
  return domains.size >= 2;
}

/** True when the text says the servers share one domain ("all in the same domain"). */
export function serversInOneDomain(text: string): boolean {
  if (new RegExp(NOT_ONE_DOMAIN.source, 'i').test(text.replace(/n't\b/gi, " n't"))) return false;
  return /\b(?:same|one|single)\s+(?:ad\s+|active\s+directory\s+)?domain\b(?!\s+controllers?)/i.test(text);
}

/**
 * Session 9 (d21, w6-hunt-75): "the members are in a workgroup (not domain joined)": DAG members joined to no domain
 * are no member servers of one domain (M-4, plan-ha.md: "Each Mailbox server in a DAG must be a member server in the
 * same domain"). Only when the message names no Edge server (whose place is a workgroup: edge-domain.ts) and the
 * clause saying it is not about the witness, the domain controllers or users.
 */
const WORKGROUP =
  /\b(?:workgroup|not\s+(?:domain[- ]joined|joined\s+to\s+(?:the|a|any|our)\s+domain|in\s+(?:the\s+|a\s+|any\s+)?(?:ad|active\s+directory|domain))|non[- ]domain[- ]joined)\b/gi;
const EDGE_SERVER = /\bedge\b/i;

/** True when the text puts the (DAG's) Exchange servers in a workgroup, outside any domain. */
export function serversInWorkgroup(text: string): boolean {
  if (EDGE_SERVER.test(text)) return false;
  for (const match of text.matchAll(WORKGROUP)) {
    if (!NOT_MEMBERS.test(clauseBefore(text, match.index + match[0].length))) return true;
  }
  return false;
}
