/**
 * Lead, session 8: an Edge Transport server said to be joined to a domain named by its DNS name ("joined to
 * corp.local so we can manage it with GPOs", "a member of our AD domain corp.contoso.com"). The phrase tables
 * (fact-dimensions.yaml edgeDomainJoined) hold the wordings without a name; a domain name is no phrase, so it is
 * read here, as dag-domains.ts reads the DAG members' domains. A name that says it is the perimeter network's
 * (dmz.contoso.com, perimeter.local, edge.fabrikam.net) is the design Microsoft describes, so it reads "no";
 * any other name is taken for the internal domain (the stricter reading: rule edge-outside-internal-forest, A-43).
 */

/** "joined to corp.local", "member of (our|the) (internal) (AD) domain corp.contoso.com", "in the corp.local domain". */
const JOINED_BY_NAME =
  /\b(?:joined|joining|join|added|member)\s+(?:to|of|in)\s+(?:the\s+|our\s+|an?\s+)?(?:internal\s+|corporate\s+|production\s+)?(?:ad\s+|active\s+directory\s+|windows\s+)?(?:domain\s+)?\(?(?<name>[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{2,})\b/gi;
/** A domain name or label that places the server in the perimeter network. */
const PERIMETER_NAME = /(?:^|[.-])(?:dmz|perimeter|edge|extranet|screened)(?:[.-]|$)/i;
/** The message is about an Edge server at all: the role, or a server named for it ("EDGE1", "edge-02": session 15, lead). */
const EDGE = /\bedge(?:[-_]?[a-z]*\d+)?\b/i;
/** Where a clause starts: a semicolon, a line break, or a full stop before a space (a domain name keeps its dots). */
const CLAUSE_BREAK = /(?:[;\n]|\.\s)(?![\s\S]*(?:[;\n]|\.\s))/;
/** Other servers a clause may be about ("the mailbox servers are joined to corp.local"). */
const OTHER_SERVERS = /\b(?:mailbox|mbx|dag|cas|client\s+access|hub|nodes?|members?|dcs?|domain\s+controllers?|witness|fsw|users?)\b/i;

/** True when the clause holding the join is about the Edge server: it names it, or says "it" and no other server. */
function aboutEdge(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const cut = CLAUSE_BREAK.exec(before);
  const clause = cut ? before.slice(cut.index + cut[0].length) : before;
  if (EDGE.test(clause)) return true;
  return /\bit(?:'s|\s+is)?\b/i.test(clause) && !OTHER_SERVERS.test(clause) && EDGE.test(before);
}

/** "yes" when an Edge server is said to be joined to a named domain that is not the perimeter's, "no" for a perimeter one. */
export function edgeDomainByName(text: string): 'yes' | 'no' | undefined {
  if (!EDGE.test(text)) return undefined;
  let found: 'yes' | 'no' | undefined;
  for (const match of text.matchAll(JOINED_BY_NAME)) {
    const name = match.groups?.name ?? '';
    // A file name or a version ("2019.cu15") is no domain.
    if (/\.(?:exe|msi|txt|log|ps1|csv|xml|zip|iso)$/i.test(name) || /\d\.\d/.test(name)) continue;
    if (!aboutEdge(text, match.index)) continue;
    if (PERIMETER_NAME.test(name)) found ??= 'no';
    else return 'yes';
  }
  return found;
}
