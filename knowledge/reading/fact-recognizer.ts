import { NUMBER_WORDS } from './number-words';
import type { FactSpace } from '../rules/fact-space';
import { PhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher';
import { TypoReading } from './typo-reading';
import type { Dimension } from '../loading/schemas';
import { isStopWord } from '../search/stop-words';
import { withSeInCapitals } from './se-in-capitals';
import { tokenize, type Token } from './text-tokens';
import { withBareExchangeYear } from './bare-exchange-year';
import { withDenials } from './negations';
import { namedMemberCount, withWitnessOnMember } from './witness-on-member';
import { withoutOtherSetups } from './not-this-setup';
import { memberTotal } from './member-sums';
import { withCountsInFigures } from './count-words';
import { withoutOtherMachinesWindows } from './other-machines';
import { memberHosts, withWitnessHostAsWitness } from './named-hosts';
import { withoutOfficeProductReleases } from './office-products';
import { withoutMailDisclaimer } from './mail-disclaimer';
import { withShellPropertyWords } from './shell-properties';
import { serversInOneDomain, serversInSeveralDomains, serversInWorkgroup } from './dag-domains';
import { edgeDomainByName } from './edge-domain';
import { edgeSharesServer } from './edge-shares-server';
import { exchangeOnReadOnlyDc } from './exchange-on-rodc';
import { withYearsInFigures } from './spelled-years';
import { withoutEndPunctuation } from './end-punctuation';
import { blankWindowsServicePacks, GENERIC_RELEASE, windowsServicePacks } from './windows-service-packs';
import { blankSignature } from './signature';
import { withGluedPlatform } from './glued-platform';
import { blankPlatformFacts, databaseSizeGb, dynamicMemorySettings, forestLevel, refsOnBinaries, vcpuRatio, writeCacheWithoutUps } from './platform-facts';

/**
 * What is known about a planned setup: dimension id → value id (e.g. `{ version: '2003', role: 'front-end' }`).
 * Number facts are decimal strings ("3") and set facts comma-joined value ids ("nntp,kms"), so facts
 * stay plain strings in dialog state.
 */
export type Facts = Readonly<Record<string, string>>;

/** Facts read outside the phrase tables (see the FactRecognizer constructor). */
export interface MoreFacts {
  /** The facts the text states this way. */
  facts(text: string): Facts;
  /** The text with what `facts` reads replaced by spaces (same length), for the phrase tables. */
  blank(text: string): string;
  /**
   * Whether the one update a text names in words ("CU10", "SP2") of `version` still gets security
   * updates ("current") or not ("behind"), from the build table; undefined when it names none or several.
   */
  updateCurrency?(version: string, text: string): string | undefined;
  /**
   * The update a text says the servers run, in words ("cu10"): the one named, or the oldest of several CUs
   * named for servers on different CUs ("one on cu10, one on cu15"); undefined for none or a change of CU.
   */
  runningUpdate?(text: string): string | undefined;
  /** The text with long forms written short, at the same length ("Cumulative Update 21" as "CU21" and spaces). */
  spell?(text: string): string;
  /** "v15.1 cu23 ...": the facts a short version said as Exchange's settles, and the text with it blanked (same length). */
  shortVersion?(text: string): { facts: Facts; text: string } | undefined;
}

export interface Mention {
  dimension: string;
  /** Undefined for a partial mention ("Windows" without a release). */
  value?: string;
}

/** The stated fact a Windows service pack typed after the release sets (fact-dimensions.yaml). */
const WINDOWS_SERVICE_PACK_FACT = 'windowsServicePack';
/** The stated fact of DAG members in several domains (fact-dimensions.yaml, read by dag-domains.ts). */
const DOMAINS_FACT = 'mixedDomains';
/** The stated fact of an Edge server's domain membership (fact-dimensions.yaml; a named domain is read by edge-domain.ts). */
const EDGE_DOMAIN_FACT = 'edgeDomainJoined';
/** The stated fact of an Edge server sharing its server with another role (phrases in fact-dimensions.yaml; edge-shares-server.ts). */
const EDGE_SHARING_FACT = 'edgeWithOtherRoles';

/** Words after a count that make it a count of what is added ("2 more members"). */
const ADDED_WORDS = new Set(['more', 'additional', 'extra']);

/** Dimensions whose names after a count say which servers it counts ("2 Exchange 2013 CU23 servers"). */
const COUNTED_NAMES: ReadonlySet<string> = new Set(['version', 'update']);

/** Verbs before a count of what is added with no noun of its own ("add three more"). */
const ADDING_VERBS = new Set(['add', 'adding', 'added']);

/** Words that join the server groups of a design. */
const DESIGN_JOINERS = new Set(['and', 'plus', 'also']);
/** Words saying that the roles named share their servers ("on the same boxes", "multi-role", "co-located"; session 9 d21, w7-design-06: "a ccr pair that also hosts cas and hub (all three roles on both nodes)"). */
// Session 13 (d25, w9-red-64): a ticket's field "Clustered: Yes (MSCS, 2 nodes)" beside "Role: Front-end" says the server the
// ticket describes is clustered itself, not that a cluster of back-ends stands beside it.
const CO_LOCATED =
  /\b(?:(?:on )?(?:the|those|these) same (?:[a-z0-9]+ )?(?:servers?|box(?:es)?|machines?|hosts?|vms?|nodes?)|multi-?role|co-?located|collocated|combined|all[- ]in[- ]one|each (?:with|running|holding|has)|all (?:two|three|four|[234]) roles on (?:both|all|each|every|the) |(?:also|too) (?:hosts?|holds?|carr(?:y|ies)) (?:the )?(?:cas|client access|hub|mailbox))\b|^[ \t]*(?:clustered|cluster(?:ed)?\s+node|cluster|mscs|failover\s+cluster(?:ing)?)[ \t]*[:=][ \t]*(?:yes|y|true)\b/im;

/** "with" joining a second server group to the first ("the Edge server ... in our DAG with the two mailbox servers"); "w/" reads as "w". */
const WITH_WORDS = new Set(['with', 'w']);
/** Words that may stand between "with" and the role it joins ("with our two mailbox servers"). */
const OWNERS = new Set(['our', 'my', 'their', 'its', 'both']);
/** After two roles joined by "and", words saying one set of servers holds both ("CAS and hub on 2 servers"). */
const SHARED_SERVERS =
  /^\s*(?:(?:roles?\s+)?(?:on|in)\s+(?:\d{1,2}|two|three|four|both|the\s+same|the\s+two|a\s+pair\s+of)\s+(?:servers?|box(?:es)?|machines?|vms?|nodes?)\b|(?:roles?\s+)?(?:combined|together|co-?located))/i;

/** Words that may stand beside an edition given as an answer ("std edition", "enterprise ed.", "ent of exchange"). */
const EDITION_FILLERS = new Set(['edition', 'ed', 'of', 'exchange', 'the', 'its', 'it', 'is']);

/** Nouns for the servers of a role ("a be cluster", "2 be servers"). */
const SERVER_NOUNS = new Set(['cluster', 'clusters', 'server', 'servers', 'node', 'nodes', 'box', 'boxes', 'vm', 'vms']);
/** Words between Windows words and the release said of them: "upgrade windows to 2019", "the OS was 2016". */
const WINDOWS_YEAR_LINKS: ReadonlySet<string> = new Set(['to', 'is', 'was', 'be', 'becomes', 'now', 'on', 'at', 'of', 'were', 'are']);

/** Words before an Exchange version that start what the whole design runs ("... cluster with Exchange 2003 Enterprise on W2K3"). */
const VERSION_LEADS = new Set(['with', 'running', 'using']);

/** A second set of servers of a role already named: a group of its own ("... in another DAG", "a second cluster"). */
// Session 9 d21 (versionGroups): two versions put in one DAG, a move with nothing said to run side by side, servers named.
const ONE_DAG_OF_VERSIONS =
  /\b(?:(?:one|same|single|existing|mixed|mixed-version)\s+(?:[a-z0-9]+\s+){0,3}dag|(?:to|into|join|joins|joining)\s+(?:the|our|an?|that|this|existing)\s+(?:[a-z0-9]+\s+){0,3}dag|in\s+(?:the|our|one|that|this)\s+(?:same\s+)?dag|mixed|in-place|in place)\b/i;
const A_MOVE = /\b(?:move|moving|migrat\w*|upgrad\w*|replac\w*|target|go(?:ing)? to|plan(?:ning)? to|want)\b/i;
const SIDE_BY_SIDE =
  /\b(?:coexist\w*|co-exist\w*|alongside|next to|beside|side by side|same org\w*|one org\w*|in the org|both|still|stays?|while|during|legacy)\b|\bthe old\b[\s\S]*\bthe new\b/i;
// session 10 d22 (w6-coex-04): "two servers in one org: exchange 2016 ... and exchange 2019 ..., both standalone": the servers
// counted once for every version, each version's words then naming no servers of their own.
const SERVERS_FOR_ALL = /\b(?:two|three|2|3)\s+(?:exchange\s+)?(?:servers|boxes|machines)\b/i;
const OWN_SERVERS = /\b(?:standalone|stand-alone|single|box|boxes|dag|dags|cluster|back-?end|front-?end|vm|nodes?)\b|(?<!windows\s|win\s)\bservers?\b(?!\s*(?:20\d\d|core)\b)/i;
const ALL_STANDALONE = /\b(?:both|each|all)\s+(?:of\s+them\s+)?(?:are\s+)?(?:standalone|stand-alone|single(?:\s+servers?)?)\b/i;
const SAID_OF_ALL = /\b(?:either|both|each|all|neither|anywhere)\b/i;
// session 9 d21: "the second dag member" is a member of this DAG, no second DAG (w6-hunt-38's witness).
/**
 * Session 14 (o26, o25-oos-10): a group's server said in the singular with an article or a count of one before it, up to its
 * first comma or bracket ("old 2010 SP3 server (all roles, ...)", "a new 2016 CU23 mailbox server (...)"): one server. Read
 * only where the groups are of two versions (a migration, each version's own server); never with a word counting several.
 */
const ONE_SERVER_SAID = /^[^,;(]*?\b(?:an?|one|1|single|old|new|existing|legacy)\s+(?:[\w.-]+\s+){0,5}?(?:server|box|machine|vm)\b/i;
const SEVERAL_SAID = /\b(?:each|every|per|all|both|servers|boxes|machines|vms|nodes|members|dag|dags|cluster|clusters|two|three|four|[2-9])\b/i;
// Session 14 (d26): "the other two are in the DR site in their own DAG", "a DAG of their own": another DAG too.
const ANOTHER_GROUP =
  /\b(?:(?:another|second|2nd|separate|other|new|(?:their|its) own)\s+(?:[a-z0-9]+\s+){0,2}?(?:dag|cluster|database availability group)\b(?!\s+(?:members?|nodes?)\b)|(?:dag|cluster) of (?:their|its) own\b)/i;
/**
 * A server of a role already named that stands apart from that role's DAG or cluster: "one more SE mailbox
 * server outside the DAG for journaling", "a standalone mailbox server for archiving", "not in the DAG". A
 * group of its own, with its own facts and none of the DAG's high availability (issue 21, g21: w3-design-11).
 */
// Session 14 (d26, w9-design-02/03): "a 2019 cu15 single mailbox server for journaling", "branch: 2016 cu23 single mailbox".
const OUTSIDE_GROUP =
  /\b(?:outside\s+(?:of\s+)?(?:the|our|that|this|any)\s+(?:dag|cluster)|not\s+(?:in|part\s+of|a\s+member\s+of|member\s+of|joined\s+to)\s+(?:the|our|that|this|any)\s+(?:dag|cluster)|stand-?alone|non-?dag|single\s+mailbox(?:\s+(?:server|box|vm))?)\b/i;

/** Role words that also name a service the servers give ("NLB for OWA"): after "for", no server group (see designGroups). */
const SERVICE_PHRASES: ReadonlySet<string> = new Set(['owa', 'outlook web access']);
/** A clause pointing back at the servers just named ("both in one DAG", "those two in a DAG", "all of them in the DAG"). */
const POINTS_BACK =
  /^(?:both(?: of them)?|all of them|all (?:two|three|four)|those(?: two| three| four)?|these(?: two| three| four)?|they(?: are|'re)?|them|the same (?:two|servers|boxes))\b/i;

/** "2 SE DAGs of 4 each", "two DAGs, 4 members each", "3 clusters with 2 nodes apiece" (see alikeGroups). */
const ALIKE_GROUPS =
  /\b(\d|two|three|four|five|six)\s+((?:[a-z0-9.-]+\s+){0,3}?)(dags|clusters)\b\s*(?:,\s*|-\s*)?(?:of|with|each with)?\s*(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-?(?:members?|nodes?|servers?|mailbox servers?|boxes)\s*)?(?:each|apiece)\b/i;

/** "DAG members: ...", "the cluster nodes are ...": a list of a DAG's or cluster's members follows. */
const MEMBERS_LISTED = /\b(?:dag|database availability group|cluster)\s+(?:members?|nodes?)\s*(?:are\b|:|=|-|–|include\b|consist of\b)/i;
/** "as the third member", "a member of the DAG", "as a DAG node": the servers of the clause are members. */
const AS_MEMBER = /\bas\s+(?:an?\s+|the\s+|its\s+|our\s+)?(?:[a-z0-9]+\s+)?(?:dag\s+)?(?:member|node)\b|\b(?:member|node)\s+of\s+(?:the|our|that|this)\s+(?:dag|cluster)\b/i;

/** Whether the clause `said` lists its servers as members of a DAG or cluster: itself, or the sentence it stands in after "DAG members:". */
function listedAsMember(text: string, said: string): boolean {
  if (AS_MEMBER.test(said)) return true;
  const at = text.indexOf(said);
  if (at < 0) return false;
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
  return MEMBERS_LISTED.test(text.slice(start, at));
}

/** A DAG named by a number or a capital letter: "DAG1", "dag-02", "DAG A", "DAG-B". */
const DAG_NAME = /\b[dD][aA][gG][-_]?0?(\d{1,2})\b|\b(?:DAG|dag|Dag)(?:[-_]([A-Z])|\s([A-F]))\b/g;

/** The DAGs a text names by number or letter ("DAG1 ... DAG2": two), as "1", "2", "A". */
function dagNames(text: string): Set<string> {
  return new Set([...text.matchAll(DAG_NAME)].map((m) => (m[1] ?? m[2] ?? m[3]!).toUpperCase()));
}

/** Words that make a piece of a design hold for every group ("everything on W2K3 Enterprise x64"). */
const DESIGN_ALL = new Set(['all', 'everything', 'everywhere', 'both', 'each', 'every']);

/** "2x" (a count written as a multiple), or undefined. */
function timesCount(word: string): number | undefined {
  const times = /^(\d{1,2})x$/.exec(word);
  return times ? Number(times[1]) : undefined;
}

function countOf(word: string): number | undefined {
  return /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS.get(word);
}

/**
 * The number of servers said right before a group's role (at `at`, inside a clause starting at
 * `from`): "2 FEs", "2x CAS", "2 x MBX", "1 x Edge"; "an Edge server" is one when `singular`.
 */
function countBefore(tokens: readonly Token[], from: number, at: number, singular: boolean): number | undefined {
  if (at <= from) return undefined;
  const before = tokens[at - 1]!.text;
  const times = /^(\d{1,2})x$/.exec(before);
  if (times) return Number(times[1]);
  if (before === 'x' && at - 2 >= from) return countOf(tokens[at - 2]!.text);
  if (before === 'a' || before === 'an') return singular ? 1 : undefined;
  return countOf(before);
}

/** A phrase that names only an Exchange version or its update ("SE", "exchange 2019", "cu15"). */
const namesVersion = (m: PhraseMatch<Mention[]>): boolean =>
  m.entry.payload.length > 0 && m.entry.payload.every((p) => (p.dimension === 'version' || p.dimension === 'update') && p.value !== undefined);

/** What a server counted as one is named by: its Exchange version, update and role ("one exchange 2019 CU14 server"). */
const ONE_SERVER_NAMES: ReadonlySet<string> = new Set(['version', 'update', 'role']);
const SERVER_WORDS: ReadonlySet<string> = new Set(['server', 'box', 'machine', 'vm']);
/** Words that say one server of a role named in the singular ("the existing 2019 cu15 edge", "our edge"). */
const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'our', 'its', 'this', 'that', 'one', 'single']);
/** Words saying which server between "one" and its version ("one new exchange 2013 server"). */
const SERVER_ADJECTIVES: ReadonlySet<string> = new Set(['new', 'existing', 'old', 'legacy', 'additional', 'extra', 'remaining']);
/** An update typed short that may stand between a version and "server": "RU32", "UR11", "CU23", "SP3". */
const UNREAD_UPDATE = /^(?:ru|ur|cu|sp)\d{1,2}$/;

/**
 * "one exchange 2019 CU14 server", "1 exchange 2016 cu23 box", "our one bridgehead server": "one" (or "1", "single") before
 * names of the version, update or role that run on to "server" or "box". A count of one is a single server; "one of the
 * members" or "one DAG" never ends on a server word.
 */
function countsOneServer(matches: readonly PhraseMatch<Mention[]>[], tokens: readonly Token[]): boolean {
  const naming = (m: PhraseMatch<Mention[]>) => m.entry.payload.length > 0 && m.entry.payload.every((p) => ONE_SERVER_NAMES.has(p.dimension) && p.value !== undefined);
  for (const first of matches) {
    // "one new e2k13 cu23 server", "1 existing 2016 box" (session 14, d26): a word saying which server may stand after the count.
    const counted =
      countBefore(tokens, 0, first.from, false) === 1 || (SERVER_ADJECTIVES.has(tokens[first.from - 1]?.text ?? '') && countBefore(tokens, 0, first.from - 1, false) === 1);
    if (!naming(first) || isRuledOut(tokens, first.from) || !counted) continue;
    let at = first.to;
    for (let next = matches.find((m) => m.from === at && naming(m)); next; next = matches.find((m) => m.from === at && naming(m))) at = next.to;
    // "one Exchange 2010 SP3 RU32 server" (w4-fact-04): an update rollup no phrase names still runs on to the server word.
    while (UNREAD_UPDATE.test(tokens[at]?.text ?? '')) at += 1;
    if (SERVER_WORDS.has(tokens[at]?.text ?? '') || SERVER_WORDS.has(tokens[at - 1]?.text ?? '')) return true;
  }
  return false;
}

/**
 * "exchange 2013, one server, 2012 r2 std", "one server (2016 std)" (session 13 o25): "one server" typed right before a Windows
 * release is read by the longer phrase "server 2012 r2 std", which takes the server word; the count of one still makes the
 * setup a single server. Not "one of the servers", not a server word after "one" that no Windows phrase took.
 */
function oneServerBeforeWindows(matches: readonly PhraseMatch<Mention[]>[], tokens: readonly Token[], facts: Facts): boolean {
  // "two exchange 2019 servers: one server 2019 std, one server 2022 std": servers counted or told apart are no single server.
  if (facts.nodes !== undefined || facts.mixedWindows !== undefined) return false;
  return matches.some((m) => {
    const at = m.from;
    if (at < 1 || !SERVER_WORDS.has(tokens[at]!.text) || !m.entry.payload.some((p) => p.dimension === 'windows' && p.value !== undefined)) return false;
    const count = tokens[at - 1]!.text;
    if (count !== 'one' && count !== '1') return false;
    // "the witness is one server 2016 box", "every one server ...": only a count that starts its words.
    const before = tokens[at - 2]?.text;
    return before === undefined || !['the', 'every', 'each', 'no', 'any'].includes(before);
  });
}

/**
 * Session 14 (d26, w9-design-02): "edge ... in the dmz, domain-joined for management": the phrase "dmz domain" (a perimeter
 * domain) never runs across a comma into "domain-joined", which says the Edge server is joined to the domain.
 */
function breakBeforeDomainWord(tokens: Token[], text: string): void {
  for (let i = 1; i < tokens.length; i += 1) {
    if (!/^domain/.test(tokens[i]!.text) || !/^(?:dmz|perimeter)$/.test(tokens[i - 1]!.text)) continue;
    if (/[,;(]|\s[-–—]\s/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) tokens[i]!.afterLineBreak = true;
  }
}

/**
 * "exch 2016 cu23, 1 server, mailbox, server 2016 std" (session 14 o26): a count of one right before a server word that ends
 * its clause (a comma, semicolon, bracket, dash or the end follows) is a single server. Not "the one server", "one server of
 * the DAG", nor where servers are counted or told apart.
 */
function oneServerClause(tokens: readonly Token[], text: string | undefined, facts: Facts): boolean {
  if (text === undefined || facts.nodes !== undefined || facts.mixedWindows !== undefined) return false;
  for (let at = 1; at < tokens.length; at += 1) {
    if (!SERVER_WORDS.has(tokens[at]!.text) || !['one', '1', 'single'].includes(tokens[at - 1]!.text)) continue;
    const before = tokens[at - 2]?.text;
    if (before !== undefined && ['the', 'every', 'each', 'no', 'any', 'only', 'per', 'of'].includes(before)) continue;
    const next = tokens[at + 1];
    if (next === undefined || /[,;()]|\s[-–—]\s/.test(text.slice(tokens[at]!.end, next.start))) return true;
  }
  return false;
}

/**
 * "1 server, mailbox, server 2016 std", "mailbox server, 2016 std", "one server (2012 r2 std)" (session 13 o25): a server word
 * ending its clause is no "Windows Server" of the release after the comma; the phrase "server 2016" across the comma took the
 * word from "mailbox server" or "one server". No phrase runs from a server word across a comma, bracket or dash into a year
 * (as none runs across a line break); the year with its edition still reads as the Windows release.
 */
function breakAfterServerWord(tokens: Token[], text: string): void {
  for (let i = 1; i < tokens.length; i += 1) {
    if (!SERVER_WORDS.has(tokens[i - 1]!.text) || !/^(?:19|20)\d\d(?:r2)?$/.test(tokens[i]!.text)) continue;
    if (/[,;(]|\s[-–—]\s/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) tokens[i]!.afterLineBreak = true;
  }
}

/**
 * "2019 cu15 edge", "an edge transport server on 2019": the role's phrase names one server, not "edge servers", "edges",
 * "both edge boxes" or "our edge servers". `at` is where
 * the version or update said before the role starts.
 */
function saidInSingular(anchor: PhraseMatch<Mention[]>, tokens: readonly Token[], at: number, typed: string | undefined): boolean {
  const last = tokens[anchor.to - 1]!.text;
  // "EDGE1, EDGE2": a server's name (its number blanked for reading) is no singular role; the names count the servers.
  if (typed !== undefined && /^[-_]?\d/.test(typed.slice(tokens[anchor.to - 1]!.end))) return false;
  if (/s$/.test(last)) return false;
  if (PLURAL_AFTER.has(tokens[anchor.to]?.text ?? '') || /^x\d$/.test(tokens[anchor.to]?.text ?? '')) return false;
  const before = tokens[at - 1]?.text;
  return before === undefined || !PLURAL_BEFORE.has(before);
}

/** A count written after a role ("CAS servers x3", "mailbox x 2"). */
/**
 * Session 13 (d25, d23-mixed-02): a role said as a group's label, then how many servers it has ("edge = one SE edge in the
 * dmz", "edge: one 2019 cu15 server on 2022 std"): the count right after the label, when a server word or the role itself
 * follows within a few words (a version and its update may stand between).
 */
function countAfterLabel(tokens: readonly Token[], at: number, end: number, roleAt: (k: number) => boolean): number | undefined {
  const word = tokens[at]?.text;
  if (word === undefined || at >= end) return undefined;
  const count = word === 'single' || word === 'a' || word === 'an' ? 1 : countOf(word);
  if (count === undefined) return undefined;
  for (let k = at + 1; k < end && k <= at + 5; k += 1) if (SERVER_WORDS.has(tokens[k]!.text) || roleAt(k)) return count;
  return undefined;
}

function countAfter(tokens: readonly Token[], at: number): number | undefined {
  const next = tokens[at]?.text;
  if (next === undefined) return undefined;
  const times = /^x(\d{1,2})$/.exec(next);
  if (times) return Number(times[1]);
  return next === 'x' && tokens[at + 1] && /^\d{1,2}$/.test(tokens[at + 1]!.text) ? Number(tokens[at + 1]!.text) : undefined;
}

/** A count of one written as a tally right before or after a role: "1x mailbox", "1 x mbx", "mbx/cas x1", "mailbox x 1". */
function talliedOne(tokens: readonly Token[], anchor: PhraseMatch<Mention[]>, matches: readonly PhraseMatch<Mention[]>[], roleId: string): boolean {
  // "2x mailbox, 1x edge": other servers tallied too make a design, not one server.
  if (tokens.some((t, i) => /^(?:[2-9]|\d\d)x$|^x(?:[2-9]|\d\d)$/.test(t.text) || (t.text === 'x' && /^(?:[2-9]|\d\d)$/.test(tokens[i - 1]?.text ?? tokens[i + 1]?.text ?? ''))))
    return false;
  const before = tokens[anchor.from - 1]?.text;
  // "RU32 x1 (all roles)" (session 13 o25, o24-oos-16): the tally may stand before the roles it counts.
  if (before === '1x' || before === 'x1' || (before === 'x' && tokens[anchor.from - 2]?.text === '1')) return true;
  // "mbx/cas x1": the roles named one after the other end where the tally stands.
  let end = anchor.to;
  for (
    let next = matches.find((m) => m.from === end && m.entry.payload.some((p) => p.dimension === roleId));
    next;
    next = matches.find((m) => m.from === end && m.entry.payload.some((p) => p.dimension === roleId))
  )
    end = next.to;
  const after = tokens[end]?.text;
  return after === 'x1' || (after === 'x' && tokens[end + 1]?.text === '1');
}

/** Dimensions named with two values joined by "or", "vs" or "versus" ("NLB or a DAG"): a choice, not a design. */
function alternatives(matches: readonly PhraseMatch<Mention[]>[], tokens: readonly Token[]): Set<string> {
  const offered = new Set<string>();
  for (let i = 1; i < matches.length; i += 1) {
    const [a, b] = [matches[i - 1]!, matches[i]!];
    const between = tokens.slice(a.to, b.from).map((t) => t.text);
    if (between.length === 0 || between.length > 2 || !['or', 'vs', 'versus'].includes(between[0]!) || (between.length === 2 && !ARTICLES.has(between[1]!))) continue;
    for (const p of a.entry.payload)
      if (p.value !== undefined && b.entry.payload.some((q) => q.dimension === p.dimension && q.value !== undefined && q.value !== p.value)) offered.add(p.dimension);
  }
  return offered;
}

/** Words that take back what was just said ("sorry", "I mean", "make that"); "no" only as "no, ...". */
const CORRECTIONS: readonly (readonly string[])[] = [
  ['sorry'],
  ['sry'],
  ['oops'],
  ['correction'],
  ['actually'],
  ['i', 'mean'],
  ['i', 'meant'],
  ['make', 'that'],
  ['rather'],
  // session 15 i27 (w9-red-15): "windows 2008 r2 enterprise sp1 - no wait, ... they're standard edition".
  ['no', 'wait'],
  ['no'],
];

/** Words that end a lead before the corrected value ("the licence team says they're ...", "turns out it's ..."). */
const CORRECTED_SUBJECTS: readonly (readonly string[])[] = [
  ['they', 're'],
  ['they', 'are'],
  ['they', 'were'],
  ['it', 's'],
  ['it', 'is'],
  ['it', 'was'],
  ['both', 'are'],
];
/** At most this many words of such a lead (a reported source, "the licence team says"). */
const MAX_CORRECTION_LEAD = 8;

/**
 * Where the corrected value starts after a correction ending at `at`: right there, or after a short lead of the same
 * sentence that ends with its subject ("no wait, the licence team says they're standard edition": at "standard").
 */
function correctedFrom(tokens: readonly Token[], at: number, text: string): number {
  for (let p = at + 1; p <= Math.min(tokens.length - 1, at + MAX_CORRECTION_LEAD); p += 1) {
    if (/[.;!?]/.test(text.slice(tokens[p - 1]!.end, tokens[p]!.start))) return at;
    if (CORRECTED_SUBJECTS.some((words) => p - words.length >= at && words.every((w, i) => tokens[p - words.length + i]!.text === w))) return p;
  }
  return at;
}

/** The number of words of a correction starting at `k` (0 when none). */
function correctionAt(tokens: readonly Token[], k: number, text: string): number {
  for (const words of CORRECTIONS) {
    if (k + words.length > tokens.length || !words.every((w, i) => tokens[k + i]!.text === w)) continue;
    // "no witness" is a negation; "? no, Enterprise" takes a value back.
    if (words.length === 1 && words[0] === 'no' && !(k + 1 < tokens.length && /,/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start)))) continue;
    return words.length;
  }
  return 0;
}

/** Exchange 2000/2003 roles: several of them are balanced with NLB or clustered, so the check asks how. */
const ROLES_ASKED_WHEN_COUNTED = new Set(['front-end', 'back-end', 'other']);

/**
 * Roles whose one server has no high availability to choose (session 11 d23: w6-need-02, w6-whatif-12): an Edge Transport
 * server is never a DAG member (M-7: a DAG holds only Mailbox servers of the domain), and its other designs (several
 * servers behind MX records, DNS round robin, a load balancer or NLB) need more than one Edge server. Named in the
 * singular with no count, in a message that describes its server ("2019 cu15 edge, dmz workgroup, win2k19 std core"), it
 * is one server. Said in the plural and not counted ("our edge servers") the question stays: NLB or a load balancer in
 * front of them is Not covered (an assumption stated as a condition cost two held-out conversations, session 11).
 */
const ONE_SERVER_WHEN_SINGULAR: ReadonlySet<string> = new Set(['edge-transport']);
/** Words after a role that make it plural or counted ("edge servers", "edge x2", "both edges"). */
const PLURAL_AFTER = new Set(['servers', 'boxes', 'vms', 'nodes', 'machines', 'instances', 'hosts', 'x2', 'x3', 'x4', 'x']);
/**
 * Facts that make a message describe its server ("2019 cu15 edge, dmz workgroup, win2k19 std core"), not ask about the role
 * ("edge role in 2013 RTM?", a question the direct answers take): only then is a singular Edge read as one server.
 */
const DESCRIBES_THE_SERVER: readonly string[] = ['windows', 'windowsEdition', 'edgeDomainJoined', 'serverCore', 'domainController', 'windowsServicePack'];
const PLURAL_BEFORE = new Set(['both', 'all', 'two', 'three', 'four', 'several', 'multiple', 'each', 'some', 'many', 'pair', 'couple']);

/** Acronyms that are also everyday words in chat ("um, can I..."): matched only in capitals. */
const CASE_SENSITIVE_ACRONYMS = new Set(['um', 'ht', 'se', 'gc']);

interface NumberPattern {
  dimension: string;
  /** The pattern's words; `undefined` stands for the number. */
  words: (string | undefined)[];
}

/** The phrases read in one text (see FactRecognizer.readSentence). */
interface SentenceReading {
  readonly text: string;
  /** The text as spelled right before reading: the same length as the text the tokens index (server numbers not blanked). */
  readonly spelled: string;
  readonly tokens: readonly Token[];
  readonly matches: readonly PhraseMatch<Mention[]>[];
}

/**
 * Reads facts about a planned Exchange setup out of what people type, using the phrases and number
 * patterns of the fact dimensions table. Knows nothing of dialogs: it only maps text to facts.
 *
 * @example
 * const recognizer = new FactRecognizer(space);
 * recognizer.extract('Can I put an E2K3 FE on MSCS?').facts;
 * // { version: '2003', role: 'front-end', ha: 'cluster' }
 * recognizer.extract('3-node cluster, nodes are also DCs').facts; // { nodes: '3', domainController: 'yes', ha: 'clustering' }
 * recognizer.recognizeAnswer('ha', 'load balancr'); // 'load-balancing'
 */
export class FactRecognizer {
  private readonly sentenceMatcher: PhraseMatcher<Mention[]>;
  /** Each question's matcher, built on its first typed answer (see answerMatcher). */
  private readonly answerMatchers = new Map<string, PhraseMatcher<Mention[]>>();
  private readonly answerEntries: ReadonlyMap<string, PhraseEntry<Mention[]>[]>;
  private readonly typos: TypoReading;
  private readonly numberPatterns: NumberPattern[];
  /** The number patterns by their first word; those led by the number under `undefined` (numbers() tries only these at a position). */
  private readonly numberPatternsByFirst = new Map<string | undefined, NumberPattern[]>();
  private readonly dimensions: readonly Dimension[];
  private lastSentence: SentenceReading | undefined;
  private lastPlainExtract: { text: string; read: { facts: Facts; ambiguous: string[] } } | undefined;
  /** The phrase tables it matches with (npm run kb:build saves them: reading/phrase-table-cache.ts). */
  readonly tables: PhraseTables;

  /**
   * @param readMore reads facts a message states in ways the phrase tables do not cover (an Exchange
   *   build number: see build-numbers.ts). Its facts fill only what the phrases leave unknown, and
   *   none of them when they name another Exchange version than the phrases do; the phrases never
   *   read the words it claims (the "2000" of 15.2.2000.1 is no Exchange 2000).
   * @param typos the typo reading of typed words, shared with the search vocabulary of the same
   *   knowledge base (both read every message: see typo-reading.ts).
   */
  constructor(
    private readonly space: FactSpace,
    private readonly readMore?: MoreFacts,
    tables: PhraseTables = buildPhraseTables(space.dimensions),
    typos: TypoReading = new TypoReading(),
  ) {
    this.dimensions = space.dimensions;
    this.tables = tables;
    // One typo reading for all the matchers: a typed word is compared with the known words once, and
    // the bound on what typed words can fill stays the same however many questions the table has.
    this.sentenceMatcher = new PhraseMatcher(tables.sentence, tables.tokens, typos);
    // Every other phrase competes through the shared sentence matcher (see readAnswer), so each
    // question's matcher holds only its own phrases: building one per question stays cheap, and is
    // done when the question is first answered (half of a start's phrase entries, issue 24). A matcher
    // built later finds what it would have found built here: the typo reading it shares compares a
    // typed word with every word added so far, and each matcher looks up only its own words.
    this.typos = typos;
    this.answerEntries = new Map(tables.answers);
    this.numberPatterns = this.dimensions.flatMap((d) =>
      d.patterns.map((pattern) => ({ dimension: d.id, words: pattern.split(/\s+/).flatMap((w) => (w === '{n}' ? [undefined] : tokenize(w).map((t) => t.text))) })),
    );
    for (const pattern of this.numberPatterns) {
      const first = pattern.words[0];
      const list = this.numberPatternsByFirst.get(first) ?? [];
      list.push(pattern);
      this.numberPatternsByFirst.set(first, list);
    }
  }

  /** The matcher of one question's typed answers, built on first use; undefined for a dimension the tables lack. */
  private answerMatcher(dimensionId: string): PhraseMatcher<Mention[]> | undefined {
    let matcher = this.answerMatchers.get(dimensionId);
    if (matcher) return matcher;
    const entries = this.answerEntries.get(dimensionId);
    if (!entries) return undefined;
    this.answerMatchers.set(dimensionId, (matcher = new PhraseMatcher(entries, this.tables.tokens, this.typos)));
    return matcher;
  }

  /**
   * The number patterns that can start at a token: those led by the number when the token is a count, and those whose
   * first word is the token or the token without a plural "s" (the plural reading numbers() accepts for words of more
   * than four letters). Every other pattern fails at its first word, so trying only these finds the same counts
   * (issue 24: numbers() tried every pattern at every position, the largest share of reading a long message).
   */
  private numberPatternsAt(text: string, isCount: boolean): NumberPattern[] {
    const led = isCount ? (this.numberPatternsByFirst.get(undefined) ?? []) : [];
    const exact = this.numberPatternsByFirst.get(text) ?? [];
    const singular = text.length > 5 && text.endsWith('s') ? (this.numberPatternsByFirst.get(text.slice(0, -1)) ?? []) : [];
    return led.length + singular.length === 0 ? exact : [...led, ...exact, ...singular];
  }

  /**
   * Facts named in a free-text question. A dimension mentioned with two values that both fit the
   * rest ("front-end and back-end") is left out and listed in `ambiguous`, so that the check asks
   * rather than guesses; two Exchange versions in one DAG state `mixedVersions` instead.
   */
  extract(typed: string, known: Facts = {}): { facts: Facts; ambiguous: string[] } {
    // The router and the direct-answer reader both read a message with nothing known: the second
    // reading of the same text is the first one's copy (issue 24: a tenth of a knowledge answer's CPU).
    // The router reads it without its end punctuation, the direct-answer reader with it ("...servers?"):
    // read without, no fact rests on a final "?" or "." (every string of the tuning sets and test
    // fixtures, 6,794, read the same with and without ".", "?", "!", "...", "?!").
    const plain = Object.keys(known).length === 0;
    const text = plain ? withoutEndPunctuation(typed) : typed;
    if (plain && this.lastPlainExtract?.text === text) return copyOfExtract(this.lastPlainExtract.read);
    const read = this.extractUncached(text, known);
    if (plain) this.lastPlainExtract = { text, read: copyOfExtract(read) };
    return read;
  }

  private extractUncached(typed: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    // "v15.1 cu23 on one mailbox server": the version a short version names, and the rest read with it known, so "cu23" is
    // its update (issue 21, o23: w8-oos-42); a message naming another version in words is read as it stands.
    const short = known.version === undefined ? this.readMore?.shortVersion?.(typed) : undefined;
    if (short) {
      const again = this.extractUncached(short.text, { ...known, ...short.facts });
      if (again.facts.version === undefined || again.facts.version === short.facts.version)
        return { facts: { ...short.facts, ...again.facts }, ambiguous: again.ambiguous.filter((d) => short.facts[d] === undefined) };
    }
    // "witness on FS1; FS1 itself is an old 2016 box": what a clause says of the witness's host is the witness's (session 13, d25).
    // "sharepoint server 2019 on the same box": the product's release is neither Exchange's nor in the way (office-products.ts).
    const text = withWitnessHostAsWitness(withoutOfficeProductReleases(withoutMailDisclaimer(withoutNonR2(withYearsInFigures(typed)))));
    const { tokens, matches, spelled } = this.readSentence(text);
    const read = this.withNamedMembers(
      this.withBareEdition(this.withServerCount(this.collect(matches, tokens, known, text), matches, tokens, known, spelled), matches, tokens, known),
      text,
      known,
    );
    // "2008 R2 RTM", "2008 R2 SP1": Windows's, never an Exchange update read from the words.
    const exchangeText = blankWindowsServicePacks(text);
    const more = this.readMore?.facts(exchangeText) ?? {};
    if (Object.keys(more).length === 0 || (more.version !== undefined && read.facts.version !== undefined && more.version !== read.facts.version))
      return this.withDomains(this.withWindowsServicePack(this.withUpdateCurrency(read, exchangeText, known), text, known), text, known);
    return this.withDomains(
      this.withWindowsServicePack(
        this.withUpdateCurrency({ facts: { ...more, ...read.facts }, ambiguous: read.ambiguous.filter((d) => more[d] === undefined) }, exchangeText, known),
        text,
        known,
      ),
      text,
      known,
    );
  }

  /** "DAG01 = EX01 + EX02": a DAG's members named by host and no count said are counted (see {@link namedMemberCount}). */
  private withNamedMembers(read: { facts: Facts; ambiguous: string[] }, text: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    if (read.facts.nodes !== undefined || known.nodes !== undefined || (read.facts.ha ?? known.ha) !== 'dag') return read;
    const count = namedMemberCount(text);
    return count === undefined ? read : { ...read, facts: { ...read.facts, nodes: String(count) } };
  }

  /**
   * "2 servers in contoso.com and 2 in the child domain emea.contoso.com": DAG members said to sit in more than one
   * domain (dag-domains.ts), a stated fact a limit reads (M-4); "all in the same domain" says they do not. Then the
   * readings of whole sentences the phrase tables cannot hold: the Edge server's domain and whether it shares its server
   * (edge-domain.ts, edge-shares-server.ts), and the platform facts (platform-facts.ts).
   */
  private withDomains(read: { facts: Facts; ambiguous: string[] }, text: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    return this.withPlatformFacts(this.withDagDomains(this.withEdgeDomain(this.withEdgeSharingServer(read, text), text), text, known), text);
  }

  /**
   * Session 12 (v1): platform facts read from numbers or from two things said in one clause (platform-facts.ts): the vCPU
   * ratio, the largest database, disk write caching beside "no UPS", ReFS under the binaries, the forest level. A value the
   * phrases already read stays, save the worse reading of the same fact ("write cache on ... no UPS" over a bare cache word).
   */
  private withPlatformFacts(read: { facts: Facts; ambiguous: string[] }, text: string): { facts: Facts; ambiguous: string[] } {
    const found: Record<string, string> = {};
    const ratio = read.facts.vcpuRatio === undefined ? vcpuRatio(text) : undefined;
    if (ratio !== undefined) found.vcpuRatio = ratio;
    const size = read.facts.databaseSizeGb === undefined ? databaseSizeGb(text) : undefined;
    if (size !== undefined) found.databaseSizeGb = String(size);
    if (read.facts.diskWriteCache === undefined || read.facts.diskWriteCache === 'protected') {
      const cache = writeCacheWithoutUps(text);
      if (cache !== undefined) found.diskWriteCache = cache;
    }
    if (read.facts.refsFor === undefined || read.facts.refsFor === 'data') {
      const refs = refsOnBinaries(text);
      if (refs !== undefined) found.refsFor = refs;
    }
    const level = read.facts.forestLevel === undefined ? forestLevel(text) : undefined;
    if (level !== undefined) found.forestLevel = level;
    // Session 15 (lead): the Exchange server itself a read-only domain controller (exchange-on-rodc.ts, A-85).
    if (read.facts.exchangeOnRodc === undefined && exchangeOnReadOnlyDc(text)) found.exchangeOnRodc = 'yes';
    const memory = read.facts.dynamicMemory === undefined ? dynamicMemorySettings(text) : undefined;
    if (memory !== undefined) found.dynamicMemory = memory;
    const known = this.dimensions.map((d) => d.id);
    for (const id of Object.keys(found)) if (!known.includes(id)) delete found[id];
    return Object.keys(found).length === 0 ? read : { ...read, facts: { ...read.facts, ...found } };
  }

  /** "an edge ... joined to corp.local": the Edge server's domain named by its DNS name (edge-domain.ts). */
  private withEdgeDomain(read: { facts: Facts; ambiguous: string[] }, text: string): { facts: Facts; ambiguous: string[] } {
    if (read.facts[EDGE_DOMAIN_FACT] !== undefined) return read;
    const value = edgeDomainByName(text);
    return value === undefined ? read : { ...read, facts: { ...read.facts, [EDGE_DOMAIN_FACT]: value } };
  }

  /** "one server does mailbox, and that same box also has the edge transport role" (edge-shares-server.ts). */
  private withEdgeSharingServer(read: { facts: Facts; ambiguous: string[] }, text: string): { facts: Facts; ambiguous: string[] } {
    if (read.facts[EDGE_SHARING_FACT] !== undefined || !edgeSharesServer(text)) return read;
    return { ...read, facts: { ...read.facts, [EDGE_SHARING_FACT]: 'yes' } };
  }

  private withDagDomains(read: { facts: Facts; ambiguous: string[] }, text: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    const dimension = this.dimensions.find((d) => d.id === DOMAINS_FACT);
    if (!dimension || read.facts[dimension.id] !== undefined || (read.facts.ha ?? known.ha) !== 'dag') return read;
    const value = serversInSeveralDomains(text) ? 'yes' : serversInWorkgroup(text) ? 'workgroup' : serversInOneDomain(text) ? 'no' : undefined;
    return value === undefined ? read : { ...read, facts: { ...read.facts, [dimension.id]: value } };
  }

  /**
   * "Exchange 2010 on 2008 R2 SP1", "windows 2000 sp4": the service pack said of the Windows release the
   * setup runs (windows-service-packs.ts), for the minimum-SP limits. A pack said of another release
   * ("moving off 2003 SP2 onto 2008 R2") is not this setup's; of several for the same release
   * ("one node on SP1, one on RTM") the lowest decides, as the oldest CU does.
   */
  private withWindowsServicePack(read: { facts: Facts; ambiguous: string[] }, text: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    const dimension = this.dimensions.find((d) => d.id === WINDOWS_SERVICE_PACK_FACT);
    const windows = read.facts.windows ?? known.windows;
    if (!dimension || windows === undefined || read.facts[dimension.id] !== undefined) return read;
    const packs = windowsServicePacks(text).filter((p) => p.release === GENERIC_RELEASE || this.readAnswer('windows', p.release).windows === windows);
    if (packs.length === 0) return read;
    const value = String(Math.min(...packs.map((p) => p.servicePack)));
    if (!dimension.values.some((v) => v.id === value) || !this.space.valueApplies(dimension.id, value, { ...known, ...read.facts })) return read;
    return { ...read, facts: { ...read.facts, [dimension.id]: value } };
  }

  /**
   * "Exchange 2019 CU10 on Windows 2019": a CU typed in words is as far behind as its build would be
   * (issue 25's current-update rule), so the check judges it as it judges a pasted build. The update
   * dimension's values are ranges ("CU12 or later"), which cannot say it.
   */
  private withUpdateCurrency(read: { facts: Facts; ambiguous: string[] }, text: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    const version = read.facts.version ?? known.version;
    // Two Exchange versions named ("2016 cu23 and 2019 cu15"): which CU is whose is not said.
    const twoVersions = read.ambiguous.includes('version') || read.facts.mixedVersions !== undefined || known.mixedVersions !== undefined;
    // "not on the latest cu" holds the phrase "latest cu" (current): the gap said in words is behind where the policy says so (o23).
    if (read.facts.updateCurrency === 'current' && version !== undefined && !twoVersions && this.readMore?.updateCurrency?.(version, text) === 'behind')
      return { ...read, facts: { ...read.facts, updateCurrency: 'behind' } };
    if (!this.readMore?.updateCurrency || version === undefined || twoVersions || read.facts.updateCurrency !== undefined || known.updateCurrency !== undefined) return read;
    const mixed = this.withOldestUpdate(read, text, { ...known, version });
    const currency = this.readMore.updateCurrency(version, text);
    return currency === undefined ? mixed : { ...mixed, facts: { ...mixed.facts, updateCurrency: currency } };
  }

  /**
   * "one on cu10, one on cu15", "members on CU14 and CU13": servers on different CUs, whose two update values
   * left the update open; the oldest CU's value is the update (the worst decides, as its currency does).
   */
  private withOldestUpdate(read: { facts: Facts; ambiguous: string[] }, text: string, known: Facts): { facts: Facts; ambiguous: string[] } {
    if (read.facts.update !== undefined || known.update !== undefined || !read.ambiguous.includes('update')) return read;
    const oldest = this.readMore?.runningUpdate?.(text);
    // Read again as that CU alone (never the same text again: one update that is still ambiguous stays open).
    if (oldest === undefined || !oldest.startsWith('cu') || oldest === text.trim().toLowerCase()) return read;
    const update = this.readAnswer('update', oldest, { ...known, ...read.facts }).update;
    if (update === undefined) return read;
    return { facts: { ...read.facts, update }, ambiguous: read.ambiguous.filter((d) => d !== 'update') };
  }

  /**
   * "2010 DAG, 4 mailbox servers, Enterprise": a bare edition word that nothing else claimed, said after
   * the Exchange version and before any Windows mention, is the Exchange edition (after "Windows 2008 R2"
   * it would be Windows's, and the phrases read that already). Not a word of another name ("Enterprise
   * Vault", "enterprise admins").
   */
  private withBareEdition(
    read: { facts: Facts; ambiguous: string[] },
    matches: readonly PhraseMatch<Mention[]>[],
    tokens: readonly Token[],
    known: Facts,
  ): { facts: Facts; ambiguous: string[] } {
    const version = this.dimensions.find((d) => d.design === 'shared' && d.composeWith !== undefined);
    const edition = version?.composeWith ? this.dimensions.find((d) => d.id === version.composeWith) : undefined;
    if (!version || !edition || read.facts[edition.id] !== undefined || known[edition.id] !== undefined || read.ambiguous.includes(edition.id)) return read;
    const said = { ...known, ...read.facts };
    if (said[version.id] === undefined) return read;
    // "Exchange 2010", or what settles it ("Exchange 2010 SP3").
    const settlesVersion = (p: Mention) =>
      p.value !== undefined &&
      (p.dimension === version.id || this.dimensions.find((d) => d.id === p.dimension)?.values.find((v) => v.id === p.value)?.implies[version.id] !== undefined);
    const named = matches.find((m) => m.entry.payload.some(settlesVersion));
    if (!named) return read;
    const windows = matches.find((m) => m.from >= named.to && m.entry.payload.some((p) => p.dimension === 'windows' || p.dimension === 'windowsEdition'));
    const claimed = new Set(matches.flatMap((m) => Array.from({ length: m.to - m.from }, (_, k) => m.from + k)));
    for (let k = named.to; k < (windows?.from ?? tokens.length); k += 1) {
      // "Enterprise Windows" is Windows's; "Enterprise, Windows 2008 R2" is not.
      const nextWord = tokens[k + 1];
      if (claimed.has(k) || (nextWord && NOT_AN_EDITION_AFTER.has(nextWord.text) && nextWord.start - tokens[k]!.end <= 1)) continue;
      const value = edition.values.find((v) => v.answers.includes(tokens[k]!.text));
      if (!value) continue;
      if (!this.space.valueApplies(edition.id, value.id, said)) return read;
      return { ...read, facts: { ...read.facts, [edition.id]: value.id } };
    }
    return read;
  }

  /**
   * "2 edge servers in the DMZ", "3 CAS servers": a role counted (two or more) with no high availability
   * named is several servers of that role, as in a design's group (see {@link designGroups}). Not for
   * the Exchange 2000/2003 roles, whose several-servers answers are NLB or a cluster: asked instead.
   */
  private withServerCount(
    read: { facts: Facts; ambiguous: string[] },
    matches: readonly PhraseMatch<Mention[]>[],
    tokens: readonly Token[],
    known: Facts,
    typed?: string,
  ): { facts: Facts; ambiguous: string[] } {
    // "one exchange 2019 CU14 server on 2019 Standard", "our one bridgehead server": one server counted is a single server (issue 21, v21).
    // Servers of two roles ("one mailbox server and two edge servers") are a design, whose groups are counted apart.
    const unsaidHa = read.facts.ha === undefined && known.ha === undefined && !read.ambiguous.includes('ha') && !read.ambiguous.includes('role');
    if (
      unsaidHa &&
      (countsOneServer(matches, tokens) || oneServerBeforeWindows(matches, tokens, read.facts) || oneServerClause(tokens, typed, read.facts)) &&
      this.space.valueApplies('ha', 'none', { ...known, ...read.facts })
    )
      return { ...read, facts: { ...read.facts, ha: 'none' } };
    const role = this.dimensions.find((d) => d.design === 'splits');
    const named = role ? read.facts[role.id] : undefined;
    if (!role || named === undefined || read.facts.ha !== undefined || known.ha !== undefined || read.ambiguous.includes('ha')) return read;
    if (!this.space.valueApplies('ha', 'several-servers', { ...known, ...read.facts })) return read;
    const anchor = matches.find((m) => !isRuledOut(tokens, m.from) && m.entry.payload.some((p) => p.dimension === role.id && p.value !== undefined));
    if (!anchor || ROLES_ASKED_WHEN_COUNTED.has(named)) return read;
    // "One Exchange 2019 CU15 Edge Transport server": the count may stand before the version that names the role's servers.
    let at = anchor.from;
    while (at > 0 && matches.some((m) => m.to === at && m.entry.payload.every((p) => p.dimension === 'version' || p.dimension === 'update'))) {
      at = matches.find((m) => m.to === at && m.entry.payload.every((p) => p.dimension === 'version' || p.dimension === 'update'))!.from;
    }
    const count =
      countBefore(tokens, 0, anchor.from, false) ??
      (at < anchor.from ? countBefore(tokens, 0, at, false) : undefined) ??
      countAfter(tokens, anchor.to) ??
      (talliedOne(tokens, anchor, matches, role.id) ? 1 : undefined);
    if (
      count === undefined &&
      ONE_SERVER_WHEN_SINGULAR.has(named) &&
      DESCRIBES_THE_SERVER.some((d) => read.facts[d] !== undefined) &&
      saidInSingular(anchor, tokens, at, typed) &&
      this.space.valueApplies('ha', 'none', { ...known, ...read.facts })
    )
      return { ...read, facts: { ...read.facts, ha: 'none' } };
    if (count === 1 && at < anchor.from && at === 1 && this.space.valueApplies('ha', 'none', { ...known, ...read.facts })) return { ...read, facts: { ...read.facts, ha: 'none' } };
    // "E2019 CU14, 1x mailbox", "mbx/cas x1" (session 12 o24, w9-oos-08): a tally of one server of the only role named.
    if (count === 1 && talliedOne(tokens, anchor, matches, role.id) && this.space.valueApplies('ha', 'none', { ...known, ...read.facts }))
      return { ...read, facts: { ...read.facts, ha: 'none' } };
    return count !== undefined && count >= 2 ? { ...read, facts: { ...read.facts, ha: 'several-servers' } } : read;
  }

  /**
   * The phrases a text names, read once for the last text: the router asks {@link designGroups}
   * and then {@link extract} about the same message. The result is never changed by its readers.
   */
  private readSentence(text: string): SentenceReading {
    if (this.lastSentence?.text === text) return this.lastSentence;
    // A ticket's sign-off and signature ("Thanks,\nJohn | MCSA Windows Server 2012") name the sender, not the setup (signature.ts).
    const signed = blankSignature(text);
    const spelled = withSeInCapitals(
      withWitnessHostAsWitness(withoutOfficeProductReleases(withoutMailDisclaimer(withShellPropertyWords(this.readMore?.spell ? this.readMore.spell(signed) : signed)))),
    );
    // "2 x 9 members", "16+1", "half a dozen", "MBX7 through MBX18": counts in figures (count-words.ts, same length), before
    // the numbers of server names are blanked.
    const read = blankRollupNumbers(
      blankDates(blankServerNumbers(blankPlatformFacts(blankWindowsServicePacks(withCountsInFigures(blankListNumbers(this.readMore ? this.readMore.blank(spelled) : spelled)))))),
    );
    // "EX2016CU23 1xMBX WS2016STD DE", "srv2016dc": a platform typed as one word, read as its words (glued-platform.ts).
    const tokens = withGluedPlatform(tokenize(read, true));
    breakAfterServerWord(tokens, read);
    breakBeforeDomainWord(tokens, read);
    const reading = {
      text,
      spelled,
      tokens,
      matches: withWitnessOnMember(
        withDenials(
          this.withCorrections(
            withoutOtherDcs(
              withoutOtherMachinesWindows(
                withoutWitnessHost(
                  this.readJoinedRoleWords(
                    this.readAfterPartials(
                      this.readSeAfterWindows(
                        withoutPastAndFuture(
                          withBareExchangeYear(withoutOtherSetups(withoutLicenceYears(this.sentenceMatcher.find(tokens), tokens), tokens, read), tokens),
                          tokens,
                        ),
                      ),
                      tokens,
                      read,
                    ),
                    tokens,
                    read,
                  ),
                  tokens,
                  read,
                ),
                tokens,
                read,
              ),
              tokens,
              read,
            ),
            tokens,
            read,
          ),
          tokens,
          read,
          this.dimensions,
        ),
        tokens,
        read,
        spelled,
      ),
    };
    this.lastSentence = reading;
    return reading;
  }

  /**
   * The server groups of a design, when a message names two or more roles in separate clauses ("2
   * FEs w/ NLB + a 2 node BE cluster for E2K3 ent"). The text is cut into clauses at commas,
   * semicolons, colons, "+", "&", "and", "plus"; a clause naming a role (or what settles one: "a CCR
   * cluster" is a Mailbox server) starts a group, and the clauses after it belong to that group.
   * Clauses before the first group are the design's header and hold for every group, as do facts of
   * `shared` dimensions and clauses saying "all", "everything", "both" or "each". A clause that is
   * only a role ("front-end and back-end on a cluster") shares its neighbour's facts. A group whose
   * role is counted ("2 Hub Transport servers") and that names no high availability has several
   * servers. Undefined when the message describes one kind of server.
   */
  designGroups(typed: string, known: Facts = {}): Facts[] | undefined {
    return this.roleGroups(typed, known) ?? this.versionGroups(withYearsInFigures(typed), known);
  }

  /**
   * Session 9 (d21, w6-coex-02..08, w6-design-08): servers of two Exchange versions typed in one message, each with how it
   * is built ("we still have one exchange 2007 sp3 box (w2k8 ent x64) and just installed exchange 2016 cu23 on 2016 std
   * next to it, both standalone"; "old: 2010 sp3 dag of 2 ... new: 2016 cu23 dag of 2 ..."): one group per version, each
   * read from the text from its version to the next. Read as one server, the two versions were a DAG of mixed versions or
   * left the version open. Never when the message puts them in one DAG ("into the existing 2013 dag", "in one DAG"), when a
   * version's words name no servers of its own ("2 x 2016 and 1 x 2019 member"), or for a move with nothing said to run
   * side by side ("moving from 2019 to SE"). The organization's coexistence is then judged by the router
   * (rules/design-coexistence.ts).
   */
  private versionGroups(text: string, known: Facts): Facts[] | undefined {
    // "moving from 2013 to 2019: 2 x 2013 ... in a DAG, and 2 x 2019 ... in a new DAG" (session 13 o25): a new DAG for the new
    // version runs beside the old one, as "side by side" says.
    if (ONE_DAG_OF_VERSIONS.test(text) || (A_MOVE.test(text) && !SIDE_BY_SIDE.test(text) && !ANOTHER_GROUP.test(text))) return undefined;
    const { tokens, matches } = this.readSentence(text);
    const named: { at: number; version: string }[] = [];
    for (const m of matches) {
      const version = this.versionNamed(m);
      if (version !== undefined) named.push({ at: tokens[m.from]!.start, version });
    }
    // "same org, moving to 2019:", "SE rollout, same org:": a version named where no servers of its own follow (a header)
    // starts no group; what it says stays with the text before it.
    // So does a version on a header line ending in a colon ("SE rollout, same org as the old servers:").
    const onHeader = (at: number) =>
      /:[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1)) && text.includes('\n', at);
    const header = text.slice(0, named[0]?.at ?? 0);
    const forAll = ALL_STANDALONE.test(text) || (SERVERS_FOR_ALL.test(header) && SIDE_BY_SIDE.test(text));
    let ownServers = named.filter((s, i) => !onHeader(s.at) && OWN_SERVERS.test(text.slice(s.at, named[i + 1]?.at ?? text.length)));
    if (forAll && new Set(ownServers.map((s) => s.version)).size < 2) ownServers = named.filter((s) => !onHeader(s.at));
    const starts: { at: number; version: string }[] = [];
    for (const s of ownServers) if (starts.at(-1)?.version !== s.version) starts.push(s);
    const versions = new Set(starts.map((s) => s.version));
    // Each version once, in turn: "2013 ... 2016 ... 2013 again" is no pair of groups read this way.
    if (versions.size < 2 || versions.size !== starts.length || versions.size > 3) return undefined;
    // "... and just added one exchange 2019 cu15 mailbox server" (session 14 o26): the count or article before a version starts its
    // segment, so "one" counts the new version's server, not the old one's.
    const startOf = (at: number) =>
      at - (/\b(?:one|1|a|an|single)\s+(?:(?:new|old|more|other|additional|extra)\s+)?$/i.exec(text.slice(Math.max(0, at - 30), at))?.[0].length ?? 0);
    const segments = starts.map((s, i) => text.slice(i === 0 ? 0 : startOf(s.at), starts[i + 1] ? startOf(starts[i + 1]!.at) : text.length));
    if (!forAll && !segments.every((segment) => OWN_SERVERS.test(segment))) return undefined;
    const groups = segments.map((segment, i) => {
      const facts: Record<string, string> = { ...this.extract(segment, known).facts };
      facts.version = starts[i]!.version;
      return facts;
    });
    // "both standalone", "no DCs in either": said of all the servers, it holds for each group that says none of its own.
    const allStandalone = ALL_STANDALONE.test(text);
    const saidOfAll: Record<string, string> = {};
    segments.forEach((segment, i) => {
      if (!SAID_OF_ALL.test(segment)) return;
      for (const d of ['domainController', 'witness']) if (groups[i]![d] !== undefined) saidOfAll[d] ??= groups[i]![d]!;
    });
    // "...\nSE dag of 2 on 2025 std, fsw\nno DCs": lines after the last group's own line hold for every group.
    const after = segments.at(-1)!.split('\n').slice(1).join('\n');
    if (after.trim() !== '') {
      const trailing = this.extract(after, known).facts;
      if (trailing.version === undefined) for (const d of ['domainController', 'witness']) if (trailing[d] !== undefined) saidOfAll[d] ??= trailing[d]!;
    }
    return groups.map((facts) => ({ ...saidOfAll, ...(allStandalone && facts.ha === undefined ? { ha: 'none' } : {}), ...facts }));
  }

  /** The Exchange version a phrase names outright, or through an update of one version ("2013 cu19"). */
  private versionNamed(match: PhraseMatch<Mention[]>): string | undefined {
    const named = match.entry.payload.filter((p) => p.dimension === 'version' && p.value !== undefined).map((p) => p.value!);
    if (named.length === 1) return named[0];
    if (named.length > 1) return undefined;
    const implied = new Set(
      match.entry.payload.flatMap((p) => {
        const v = this.dimensions.find((d) => d.id === p.dimension)?.values.find((x) => x.id === p.value)?.implies.version;
        return v === undefined || p.dimension === 'windows' ? [] : [v];
      }),
    );
    return implied.size === 1 ? [...implied][0] : undefined;
  }

  private roleGroups(typed: string, known: Facts): Facts[] | undefined {
    const text = withYearsInFigures(typed);
    const splitting = this.dimensions.find((d) => d.design === 'splits');
    if (!splitting) return undefined;
    const listed = this.listedGroups(text, known, splitting);
    if (listed) return listed;
    const alike = this.alikeGroups(text, known);
    if (alike) return alike;
    const reading = this.readSentence(text);
    const tokens = reading.tokens;
    if (tokens.length === 0) return undefined;
    const edition = this.dimensions.find((d) => d.id === 'edition');
    const matches = reading.matches.filter((m) => !isRuledOut(tokens, m.from));
    // "windows NLB on those two for OWA": a service the servers give ("for OWA") is given by a group already named that holds
    // its role (the CAS of "CAS and Mailbox" servers), no server group of its own (w5-hunt-22).
    const forService = (m: PhraseMatch<Mention[]>) => m.from > 0 && tokens[m.from - 1]!.text === 'for' && SERVICE_PHRASES.has(m.entry.phrase);
    const explicitRole = (m: PhraseMatch<Mention[]>) => m.entry.payload.find((p) => p.dimension === splitting.id && p.value !== undefined)?.value;
    let impliedRole = (m: PhraseMatch<Mention[]>): string | undefined => {
      for (const p of m.entry.payload) {
        const implied = this.dimensions.find((d) => d.id === p.dimension)?.values.find((v) => v.id === p.value)?.implies[splitting.id];
        if (implied !== undefined) return implied;
      }
      return undefined;
    };
    // Most messages name one kind of server or none: no need to cut them into clauses.
    let anyRoles = new Set(matches.map((m) => explicitRole(m) ?? impliedRole(m)).filter((r) => r !== undefined));
    // "4-node cluster with 3 EVS on W2K3 Ent + 2 FE NLB": beside front-ends, a cluster no role is said of
    // holds the back-ends (front-ends are never clustered, KB837852; see assumed-facts.yaml). Read as one
    // server, the cluster and the front-ends' NLB made "NLB on the cluster nodes": a wrong Not supported.
    // "2 front-ends, we want NLB and an MSCS cluster on the same 2 servers": the cluster is on the front-ends themselves.
    const partner = anyRoles.size === 1 && !CO_LOCATED.test(text) ? CLUSTER_PARTNER_ROLE.get([...anyRoles][0]!) : undefined;
    if (partner && matches.some((m) => m.entry.payload.some((p) => p.dimension === 'ha' && CLUSTER_HA.has(p.value ?? '')))) {
      const before = impliedRole;
      impliedRole = (m: PhraseMatch<Mention[]>) => before(m) ?? (m.entry.payload.some((p) => p.dimension === 'ha' && CLUSTER_HA.has(p.value ?? '')) ? partner : undefined);
      anyRoles = new Set(matches.map((m) => explicitRole(m) ?? impliedRole(m)).filter((r) => r !== undefined));
    }
    // ... or one role in two sets of servers ("2016 mailbox servers in a DAG, 2019 ones in another DAG").
    if (anyRoles.size < 2 && !(anyRoles.size === 1 && (ANOTHER_GROUP.test(text) || OUTSIDE_GROUP.test(text) || dagNames(text).size >= 2))) return undefined;
    // "CAS+HT+MBX", "CAS/MBX": roles joined by a plus or a slash are one server holding them all; a
    // design only when other roles are named beside them ("2 CAS/HT boxes behind an F5, mailbox on CCR").
    const joined = this.joinedRoles(text, matches, splitting, explicitRole);
    if (joined && [...anyRoles].every((r) => joined.has(r))) return undefined;
    // "CAS and HT on the same servers": the roles named are one multi-role server.
    // "multi-role servers (CAS and Mailbox) in a DAG": a multi-role value counts as the roles it holds.
    if (CO_LOCATED.test(text)) {
      // Roles named in another version's words ("OWA" of Exchange 2013 is its Client Access role).
      const said = { ...this.collect(matches, tokens, known).facts, ...known };
      const roles = [...anyRoles].map((r) => this.roleWhereItApplies(splitting, r, said));
      if (combinedValue(splitting, heldRoles(splitting, roles)) !== undefined) return undefined;
    }
    // Clause boundaries: punctuation between two words, or a joining word.
    const roleOf = (m: PhraseMatch<Mention[]>) => explicitRole(m) ?? impliedRole(m);
    const roleMatchAt = (k: number) => matches.find((m) => m.from === k && explicitRole(m) !== undefined);
    const roleMatchEndingAt = (k: number) => matches.find((m) => m.to === k && explicitRole(m) !== undefined);
    // "CAS+HT", "CAS & HUB", "CAS and hub on 2 servers": two roles one server holds together are one group.
    const multiRole = (k: number, next: number): boolean => {
      const left = roleMatchEndingAt(k);
      const right = roleMatchAt(next);
      if (!left || !right) return false;
      const pair = new Set([explicitRole(left)!, explicitRole(right)!]);
      return pair.size === 2 && combinedValue(splitting, pair) !== undefined;
    };
    // `joinedToNext`: cut at "and", "+" or "&" (not a comma): a bare role there shares what follows ("front-end and back-end on a cluster").
    const clauses: { from: number; to: number; withJoined?: boolean; joinedToNext?: boolean; afterAlso?: boolean }[] = [];
    let from = 0;
    let withJoined = false;
    let afterAlso = false;
    for (let k = 1; k <= tokens.length; k += 1) {
      const atEnd = k === tokens.length;
      const gap = atEnd ? '' : text.slice(tokens[k - 1]!.end, tokens[k]!.start);
      // A dash between spaces cuts too ("2016 CU23 on 2016 datacenter - mailbox servers in a DAG"); "back-end" does not.
      // A full stop before the next word cuts too ("... behind NLB. Windows 2003 Ent."); "15.2" does not.
      // So does a slash between spaces ("exch 2003 std front-end x2 (NLB) / exch 2003 ent back-end"); "CAS/HT" does not.
      // A line break cuts too (issue 21, e21: "DAG A: 3 mailbox servers (no DCs)\nedge: 1 server, domain-joined").
      // Not inside brackets: "Edge box (Exchange SE, 2022 std) into the same DAG" is one clause (issue 21, e21).
      let punctuation = !atEnd && /[,;:+&\n]|\s[-–—/]\s|\.\s/.test(gap) && !insideBrackets(text, tokens[k]!.start);
      if (punctuation && /^\s*[+&]\s*$/.test(gap) && multiRole(k, k)) punctuation = false;
      let joiner = !atEnd && DESIGN_JOINERS.has(tokens[k]!.text);
      // "and" between two roles of one server only when their servers follow: "CAS and hub on 2 servers".
      if (joiner && tokens[k]!.text === 'and' && multiRole(k, k + 1) && SHARED_SERVERS.test(text.slice(tokens[roleMatchAt(k + 1)!.to - 1]!.end))) joiner = false;
      // "2 Exchange 2013 and 2 Exchange 2016 mailbox servers": counts of one group's servers by version, not two groups.
      if (joiner && this.countsByVersion(tokens, matches, k)) joiner = false;
      // "the Edge server ... member of our DAG with the two mailbox servers": "with" another role joins a second group placed alike.
      const withRole = !atEnd && !punctuation && !joiner && this.withAnotherRole(tokens, matches, from, k, roleOf);
      // "2 BEs in an active/active cluster with exchange 2003 enterprise on windows 2003 enterprise": what
      // follows "with"/"running" + an Exchange version describes the whole design, not this group alone.
      const withVersion = !atEnd && !punctuation && !joiner && !withRole && VERSION_LEADS.has(tokens[k]!.text) && this.versionAt(matches, k + 1);
      // A phrase is never cut ("also DCs" after "nodes that are").
      const inside = (at: number) => matches.some((m) => m.from < at && at < m.to) || (joiner && matches.some((m) => m.from === at));
      if (atEnd || ((punctuation || joiner || withRole || withVersion) && !inside(k))) {
        if (k > from) clauses.push({ from, to: k, withJoined, afterAlso, joinedToNext: !atEnd && (/^\s*[+&]\s*$/.test(gap) || (joiner && tokens[k]!.text !== 'also')) });
        withJoined = withRole;
        afterAlso = joiner && tokens[k]!.text === 'also' && !punctuation;
        from = joiner || withRole || withVersion ? k + 1 : k;
      }
    }
    // What holds for the whole message (the Exchange version) reads each clause: "cu23" said apart is
    // that version's update, and "OWA" of Exchange 2019 names its Mailbox servers.
    const whole = this.collect(matches, tokens, known).facts;
    const context: Facts = { ...Object.fromEntries(Object.entries(whole).filter(([d]) => this.dimensions.find((x) => x.id === d)?.design === 'shared')), ...known };
    // Session 14 (d26, d25-design-04): "edge: one 2019 cu15 server on 2022 std": a role alone as a line's label, cut at its
    // colon, then the count of its servers starting the next clause of that line.
    const countAfterColonLabel = (labelEnd: number, next: { from: number; to: number } | undefined): number | undefined => {
      if (next === undefined || next.from !== labelEnd || labelEnd >= tokens.length) return undefined;
      if (!/^\s*:\s*$/.test(text.slice(tokens[labelEnd - 1]!.end, tokens[labelEnd]!.start)) || /\n/.test(text.slice(tokens[labelEnd - 1]!.end, tokens[labelEnd]!.start)))
        return undefined;
      return countAfterLabel(tokens, next.from, next.to, (k) => matches.some((m) => m.from === k && explicitRole(m) !== undefined));
    };
    // Session 14 (d26): "plus one SE edge", "2 2019 cu15 edge servers": the count before the version (and update) said
    // before the role counts the role's servers.
    const versionStart = (from: number, at: number, inside: readonly PhraseMatch<Mention[]>[]): number => {
      let start = at;
      for (let m = inside.find((x) => x.to === start && namesVersion(x)); m && m.from >= from; m = inside.find((x) => x.to === start && namesVersion(x))) start = m.from;
      while (start - 1 > from && UNREAD_UPDATE.test(tokens[start - 1]!.text)) start -= 1;
      return start;
    };
    const countBeforeVersion = (from: number, at: number, inside: readonly PhraseMatch<Mention[]>[]): number | undefined => {
      const start = versionStart(from, at, inside);
      return start < at && start > from ? countBefore(tokens, from, start, false) : undefined;
    };
    const read = clauses.map((clause, index) => {
      const inside = matches.filter((m) => m.from >= clause.from && m.to <= clause.to);
      const local = inside.map((m) => ({ ...m, from: m.from - clause.from, to: m.to - clause.from }));
      const facts: Record<string, string> = { ...this.collect(local, tokens.slice(clause.from, clause.to), context).facts };
      const explicit = new Set(inside.map(explicitRole).filter((v) => v !== undefined));
      // "2 CAS/HT boxes": several roles in one clause are the multi-role server the clause reads as.
      const named =
        (explicit.size > 1 ? facts[splitting.id] : undefined) ?? inside.map(explicitRole).find((v) => v !== undefined) ?? inside.map(impliedRole).find((v) => v !== undefined);
      // "The Edge server is also a member of the DAG": a role only implied ("DAG": Mailbox) right after "also" says
      // where the servers of the clause before are, not a group of its own (issue 21, g21).
      const onlyImplied = inside.every((m) => explicitRole(m) === undefined);
      // "two servers with CAS and Mailbox, both in one DAG": a clause that points back at the servers just named ("both",
      // "those two") says where they are; the role its DAG implies is theirs, no group of its own (w5-hunt-22).
      const pointsBack = onlyImplied && index > 0 && POINTS_BACK.test(text.slice(tokens[clause.from]!.start, tokens[clause.to - 1]!.end));
      const role =
        named === undefined || (onlyImplied && clause.afterAlso === true) || pointsBack ? undefined : this.roleWhereItApplies(splitting, named, { ...context, ...facts });
      // "two 2019 DAGs on windows 2019 std, ... DAG1 ... DAG2": said of several DAGs, it holds for each (issue 21, n21).
      const forAll = tokens.slice(clause.from, clause.to).some((t) => DESIGN_ALL.has(t.text) || SEVERAL_GROUPS.has(t.text));
      // "the back-end cluster is Enterprise", "all Enterprise on W2K3": a bare edition word nothing else
      // claimed names the edition of this group (or of all of them).
      if ((role !== undefined || forAll) && edition && facts[edition.id] === undefined) {
        const claimed = new Set(inside.flatMap((m) => Array.from({ length: m.to - m.from }, (_, k) => m.from + k)));
        for (let k = clause.from; k < clause.to && facts[edition.id] === undefined; k += 1) {
          if (claimed.has(k)) continue;
          const value = edition.values.find((v) => v.answers.includes(tokens[k]!.text));
          if (value) facts[edition.id] = value.id;
        }
      }
      const anchor = inside.find((m) => explicitRole(m) !== undefined || impliedRole(m) !== undefined);
      const count = anchor
        ? (countBefore(tokens, clause.from, anchor.from, explicitRole(anchor) !== undefined && !/s$/i.test(anchor.entry.phrase)) ??
          countBeforeVersion(clause.from, anchor.from, inside) ??
          (anchor.to < clause.to ? countAfter(tokens, anchor.to) : undefined) ??
          (anchor.from === clause.from ? countAfterLabel(tokens, anchor.to, clause.to, (k) => inside.some((m) => m.from === k && explicitRole(m) !== undefined)) : undefined) ??
          (anchor.from === clause.from && anchor.to === clause.to ? countAfterColonLabel(clause.to, clauses[index + 1]) : undefined) ??
          // Session 14 (d26): "one e2k7 sp3 ru10 server with all roles", "one new e2k13 cu23 mbx+cas server": one server counted.
          (countsOneServer(local, tokens.slice(clause.from, clause.to)) ? 1 : undefined) ??
          // "plus the existing 2019 cu15 edge on 2019 std in the dmz": an Edge server said in the singular, with what describes
          // it, is one server, as in a message of one setup (ONE_SERVER_WHEN_SINGULAR, withServerCount).
          (explicitRole(anchor) !== undefined &&
          ONE_SERVER_WHEN_SINGULAR.has(explicitRole(anchor)!) &&
          DESCRIBES_THE_SERVER.some((d) => facts[d] !== undefined) &&
          saidInSingular(anchor, tokens, versionStart(clause.from, anchor.from, inside), text) &&
          // "the existing 2019 cu15 edge", "our edge": a determiner says one; a bare "edge in the DMZ" leaves the count open (asked).
          [1, 2].some((back) => SINGULAR_DETERMINERS.has(tokens[versionStart(clause.from, anchor.from, inside) - back]?.text ?? ''))
            ? 1
            : undefined))
        : undefined;
      // A bare role ("front-end and ..."); with only what holds for the whole design besides ("E2K3 ent
      // front end + back end on the same cluster") when the next clause says "same" or "both".
      const ownFacts = Object.keys(facts).filter((d) => d !== splitting.id && this.dimensions.find((x) => x.id === d)?.design !== 'shared');
      const bareRole = role !== undefined && inside.length === 1 && clause.to - clause.from <= 4;
      const roleAndShared = role !== undefined && ownFacts.length === 0;
      // "EDGE01 + EDGE02", "EDGE1, EDGE2 in the perimeter": servers named by their role and a number (blanked
      // for reading: blankServerNumbers) count the group's servers when no count is said (issue 21, e21).
      const serverNames = inside.filter((m) => explicitRole(m) !== undefined && /^[-_]?\d/.test(text.slice(tokens[m.to - 1]!.end))).length;
      const service = role !== undefined && inside.filter((m) => explicitRole(m) !== undefined).every(forService);
      return { role, facts, count, forAll, withJoined: clause.withJoined === true, joinedToNext: clause.joinedToNext === true, bareRole, roleAndShared, serverNames, service };
    });
    const clauseTexts = clauses.map((clause) => text.slice(tokens[clause.from]!.start, tokens[clause.to - 1]!.end));
    const saysSame = clauses.map((clause) => tokens.slice(clause.from, clause.to).some((t) => t.text === 'same' || t.text === 'both'));
    const withOnlyRole = read.map((clause, i) => ({
      ...clause,
      onlyRole: clause.bareRole || (clause.roleAndShared && clause.joinedToNext && saysSame[i + 1] === true),
    }));
    if (read.filter((c) => c.role !== undefined).length < 2) return undefined;
    const shared: Record<string, string> = {};
    // A shared fact said inside one group's clause ("two 2003 Standard front-ends ... our clustered
    // Enterprise back-end") is that group's own, and the default of groups that say none of their own.
    const defaults: Record<string, string> = {};
    // `open`: facts a group names with two values that are both meant (two Exchange versions in its DAG).
    const groups: {
      facts: Record<string, string>;
      open: Set<string>;
      count?: number;
      onlyRole: boolean;
      joinedToNext: boolean;
      serverNames: number;
      line: number;
      dag?: string;
      /** The text of the clause that named the group's role. */
      said: string;
    }[] = [];
    let current: (typeof groups)[number] | undefined;
    const lastRoleClause = read.map((c) => c.role !== undefined).lastIndexOf(true);
    // A design pasted one group a line ("OLD: Exchange 2016 CU23, 2 servers in DAG, Win 2016 Std" / "NEW:
    // Exchange SE, 2 servers in a new DAG"): what a line says before its group's role is that group's, not
    // the group of the line above (issue 21, p21: the SE was given to the 2016 DAG).
    const lineOf = clauses.map((clause) => text.slice(0, tokens[clause.from]!.start).split('\n').length);
    let currentLine = 0;
    let pending: Record<string, string> = {};
    for (const [index, clause] of withOnlyRole.entries()) {
      const startsLineGroup =
        clause.role === undefined &&
        // The first line is the design's header ("new build, all on 2025:"), whose facts hold for every group.
        (groups.length > 0 || lineOf[index]! > 1) &&
        lineOf[index] !== currentLine &&
        withOnlyRole.some((later, j) => j > index && later.role !== undefined && lineOf[j] === lineOf[index]);
      if (startsLineGroup) {
        pending = { ...pending, ...clause.facts };
        continue;
      }
      const mine: Record<string, string> = {};
      const inGroup = clause.role !== undefined || groups.length > 0;
      // A clause of its own after every group ("..., W2K3 EE 32 bit") describes the platform of the
      // whole design, like "everything on ...": it holds for every group that names none of its own.
      const trailing = clause.role === undefined && groups.length > 0 && index > lastRoleClause;
      for (const [dimensionId, value] of Object.entries(clause.facts)) {
        const dimension = this.dimensions.find((d) => d.id === dimensionId);
        // "witness for both on FS01. nobody is a DC." after the groups: a stated fact said of all of them holds for each (not a count).
        const statedForAll =
          (clause.forAll || trailing) && dimension?.kind === 'stated' && dimension.type !== 'number' && (dimensionId === 'domainController' || dimensionId === 'witness');
        const designWide =
          dimension?.design === 'shared' || statedForAll || ((clause.forAll || trailing) && dimension?.kind === 'asked' && dimension.design !== 'splits' && dimensionId !== 'ha');
        if (dimension?.design === 'shared' && inGroup && !clause.forAll && dimensionId !== splitting.id) {
          mine[dimensionId] = value;
          defaults[dimensionId] ??= value;
        } else if (designWide || !inGroup) shared[dimensionId] = value;
        else mine[dimensionId] = value;
      }
      delete mine[splitting.id];
      // "... DAG with the two mailbox servers": the second group is placed where the first is.
      const placedWith: Record<string, string> = clause.withJoined && current?.facts.ha !== undefined && mine.ha === undefined ? { ha: current.facts.ha } : {};
      // A role named again ("2 FE with NLB" after "the FEs are Standard") adds to its group.
      // ... unless it is another set of servers of that role ("2019 mailbox servers in another DAG").
      const outside = clause.role !== undefined && OUTSIDE_GROUP.test(clauseTexts[index]!);
      // "DAG1 with 4 members in site A, DAG2 with 3 members in site B": a DAG named apart from the earlier group's is another group (issue 21, n21).
      // (Up to the next clause: the number of "DAG1" is blanked for reading, so no token ends the clause on it.)
      const wholeClause = text.slice(tokens[clauses[index]!.from]!.start, tokens[clauses[index]!.to]?.start ?? text.length);
      const dagName = clause.role !== undefined ? [...dagNames(wholeClause)][0] : undefined;
      const namedApart = dagName !== undefined && groups.some((g) => g.facts[splitting.id] === clause.role && g.dag !== undefined && g.dag !== dagName);
      const another = ANOTHER_GROUP.test(clauseTexts[index]!) || outside || namedApart;
      const earlier =
        clause.role !== undefined && !another
          ? (groups.find((g) => g.facts[splitting.id] === clause.role) ??
            (clause.service ? groups.find((g) => heldRoles(splitting, [g.facts[splitting.id]!]).has(clause.role!)) : undefined))
          : undefined;
      if (clause.role !== undefined && Object.keys(pending).length > 0) {
        for (const [dimensionId, value] of Object.entries(pending)) {
          if (dimensionId === splitting.id || mine[dimensionId] !== undefined) continue;
          mine[dimensionId] = value;
          if (this.dimensions.find((d) => d.id === dimensionId)?.design === 'shared') defaults[dimensionId] ??= value;
        }
        pending = {};
      }
      if (clause.role !== undefined) currentLine = lineOf[index]!;
      if (outside) {
        // What the clause says of the DAG it stands outside ("outside the DAG") is not this group's.
        for (const d of ['nodes', 'witness', 'mixedVersions', 'mixedWindows']) delete mine[d];
        if (mine.ha !== 'none') delete mine.ha;
        // "one more mailbox server outside the DAG": one server of the DAG's role; "the edge server outside the DAG" is asked how many.
        const sameRole = groups.some((g) => g.facts[splitting.id] === clause.role);
        if (clause.count !== undefined) mine.ha = clause.count >= 2 ? 'several-servers' : 'none';
        else if (sameRole) mine.ha ??= 'none';
      }
      // "DAG1 = 2 servers on 2025 std": servers counted in a clause naming its DAG are that DAG's members.
      const dagCount = dagName !== undefined && mine.nodes === undefined ? /\b(\d{1,2})\s+(?:mailbox\s+)?(?:servers|boxes|vms)\b/i.exec(wholeClause) : null;
      if (dagCount) mine.nodes = dagCount[1]!;
      // "DAG-B: mail-b1, mail-b2 (fsw on mail-b1)": the DAG's members named by host on its line (session 11 d23).
      const namedMembers = dagName !== undefined && mine.nodes === undefined ? namedMemberCount(text.split('\n')[lineOf[index]! - 1] ?? wholeClause) : undefined;
      if (namedMembers !== undefined) mine.nodes = String(namedMembers);
      if (clause.role !== undefined && !earlier) {
        current = {
          facts: { ...placedWith, ...mine, [splitting.id]: clause.role },
          open: new Set(),
          count: clause.count,
          onlyRole: clause.onlyRole,
          joinedToNext: clause.joinedToNext,
          serverNames: clause.serverNames,
          line: lineOf[index]!,
          dag: dagName,
          said: wholeClause,
        };
        groups.push(current);
      } else if (earlier) {
        this.addToGroup(earlier, mine);
        earlier.count ??= clause.count;
        earlier.serverNames += clause.serverNames;
        earlier.onlyRole = earlier.onlyRole && clause.onlyRole;
        earlier.dag ??= dagName;
        current = earlier;
      } else if (current) {
        // "DAG of 3 + 2 edge, F5": high availability said on its own goes to the group it makes one
        // design with (the DAG), else to a group that names none ("2 FEs, a BE cluster, NLB").
        const partner =
          mine.ha !== undefined
            ? (groups.find((g) => g.facts.ha !== undefined && this.plainPair('ha', g.facts.ha, mine.ha!)) ??
              (current.facts.ha !== undefined ? groups.find((g) => g.facts.ha === undefined) : undefined))
            : undefined;
        if (partner && partner !== current) {
          this.addToGroup(partner, { ha: mine.ha! });
          delete mine.ha;
        }
        this.addToGroup(current, mine);
      }
    }
    if (groups.length < 2) return undefined;
    const saidAsOne = new Set<number>();
    const judged = groups.map((group, i) => {
      // "front-end and back-end on a cluster": a bare role joined to the next group by "and" or "+"
      // shares its facts; "2 CAS, 3 Mailbox in a DAG" does not (a count or a comma keeps them apart).
      const neighbour = group.onlyRole && group.joinedToNext && group.count === undefined ? groups[i + 1] : undefined;
      const borrowed = neighbour
        ? Object.fromEntries(Object.entries(neighbour.facts).filter(([d]) => d !== splitting.id && this.dimensions.find((x) => x.id === d)?.kind === 'asked'))
        : {};
      const facts: Record<string, string> = { ...defaults, ...shared, ...borrowed, ...group.facts };
      for (const open of group.open) delete facts[open];
      // "old 2016 CU23 DAG ..., new SE DAG ...": a fact said of another group that cannot exist with this
      // group's own facts (CU23 of Exchange 2016 for the SE group) is not this group's.
      for (const [dimensionId, value] of Object.entries(facts)) {
        const fromAnother = defaults[dimensionId] === value && group.facts[dimensionId] === undefined && shared[dimensionId] === undefined && borrowed[dimensionId] === undefined;
        if (fromAnother && !this.space.valueApplies(dimensionId, value, facts)) delete facts[dimensionId];
      }
      // "EDGE1 as edge transport": one server named by its role and a number is one server; "BH1 - routing group
      // bridgehead only", "FE1, FE2 - front-end": the names that lead a group's own line count its servers (issue 21, g21).
      // "SE DAG members: MBX01, MBX02 and EDGE01", "our edge server as the third member": a server listed as a member of the
      // design's DAG or cluster is in it, whatever its role; the rules judge that (an Edge server is never a DAG member, M-7).
      // Read as a server of its own, it made a Supported single Edge server beside the DAG (issue 21, g21).
      const clustered = groups.find((g) => g !== group && g.facts.ha !== undefined && g.facts.ha !== 'none' && g.facts.ha !== 'several-servers');
      if (facts.ha === undefined && group.facts.ha === undefined && clustered && !OUTSIDE_GROUP.test(group.said) && listedAsMember(text, group.said))
        facts.ha = clustered.facts.ha!;
      const count = group.count ?? (group.serverNames >= 1 ? group.serverNames : undefined) ?? leadingServerNames(text.split('\n')[group.line - 1] ?? '');
      if (facts.ha === undefined && count !== undefined) facts.ha = count >= 2 ? 'several-servers' : 'none';
      // "migration: old 2010 SP3 server (...) and a new 2016 CU23 mailbox server (...) side by side": each version's server said
      // in the singular is one server (session 14 o26; high availability was asked of the pair).
      const head = group.said.split(/[,;(]/)[0]!;
      if (facts.ha === undefined && count === undefined && ONE_SERVER_SAID.test(head) && !SEVERAL_SAID.test(head)) saidAsOne.add(i);
      return facts;
    });
    if (new Set(judged.map((facts) => facts.version).filter((v) => v !== undefined)).size >= 2)
      for (const i of saidAsOne) if (this.space.valueApplies('ha', 'none', judged[i]!)) judged[i]!.ha = 'none';
    return judged;
  }

  /**
   * "2 SE DAGs of 4 each", "two DAGs, 4 members each", "3 clusters with 2 nodes apiece": several DAGs (or clusters)
   * alike, each of the count said "each", are as many groups with the same facts, each judged with its own members
   * (issue 21, g21: read as one DAG, the count was lost or summed). Undefined unless a count of two to nine DAGs and a
   * count "each" are said.
   */
  private alikeGroups(text: string, known: Facts): Facts[] | undefined {
    const said = ALIKE_GROUPS.exec(text);
    if (!said) return undefined;
    const groups = countOf(said[1]!.toLowerCase());
    const members = countOf(said[4]!.toLowerCase());
    if (groups === undefined || members === undefined || groups < 2 || groups > 9) return undefined;
    // Read as one of them: "a DAG of 4 members" in place of the phrase.
    const one = `${text.slice(0, said.index)}a ${said[2]}${said[3]!.replace(/s$/i, '')} of ${members} members${text.slice(said.index + said[0].length)}`;
    const facts = this.extract(one, known).facts;
    if (facts.nodes !== String(members)) return undefined;
    return Array.from({ length: groups }, () => ({ ...facts }));
  }

  /**
   * A design written as a list, one server group a line ("- Exchange 2013 CU23 x2, multirole, in DAG1,
   * Windows 2012 R2 Datacenter" / "- 1 Edge 2016 CU23 in the DMZ"): each listed line that names a role
   * (or what settles one) is a group with the facts of that line; the lines around the list (greeting,
   * "all on Windows 2019", sign-off) hold for every group where the group says nothing of its own.
   * Undefined unless two or more listed lines name a role.
   */
  private listedGroups(text: string, known: Facts, splitting: Dimension): Facts[] | undefined {
    const lines = text.split(/\r?\n/);
    // A bullet, a number, or a DAG's name before a colon ("DAG-HQ: 3 mbx on 2025 std", w6-hunt-60) starts a group's line.
    // The name stays in the line read: it says the servers are in a DAG.
    const bulleted = /^\s*(?:[-*•·]|\d{1,2}[.)]|(?=(?:dag[\w-]*|[\w-]+[-_]dag)\s*:\s))\s*/i;
    // Session 12 (d24, d23-wit-05): a site's line that builds a DAG of its own ("HQ site: DAG of three ...", "DR site: another
    // DAG, ...") is a group, when two or more such lines do and nothing says the sites share one DAG (a stretched DAG's
    // "HQ site: 4 members" lines are one DAG's members).
    const siteLines = ONE_DAG_OVER_SITES.test(text) ? [] : lines.filter((line) => SITE_DAG_LINE.test(line));
    const item = siteLines.length >= 2 ? new RegExp(String.raw`${bulleted.source}|${SITE_LABEL.source}`, 'i') : bulleted;
    const listed = lines.filter((line) => item.test(line));
    if (listed.length < 2) return undefined;
    const groups: Record<string, string>[] = [];
    let joinedDag = false;
    for (const line of listed) {
      // "- Skype for Business FE pool is separate, ignore it": a line the user sets aside, or about another product, is no group.
      if (SET_ASIDE_LINE.test(line)) continue;
      const read = this.extract(line.replace(item, ''), known).facts;
      if (read[splitting.id] === undefined) continue;
      // "- 1 Edge 2016 CU23 in the DMZ": a line counting one server of its role is a single server.
      const facts: Record<string, string> = read.ha === undefined && /^\s*(?:1|one|single)\s/i.test(line.replace(item, '')) ? { ...read, ha: 'none' } : { ...read };
      // "- EDGE1, EDGE2 in the perimeter": two or more servers named by role and number are several servers (issue 21, e21).
      const named = [...line.matchAll(SERVER_NUMBER)].filter(([, word]) => word!.toLowerCase() !== 'dag').length;
      if (facts.ha === undefined && named >= 2 && this.space.valueApplies('ha', 'several-servers', facts)) facts.ha = 'several-servers';
      // "- F5 in front of the mailbox servers" under "- 2 mailbox servers in a DAG": the same servers, balanced
      // (the table reads the two together as one design), not a group of its own.
      const same = groups.find((g) => g[splitting.id] === facts[splitting.id] && g.ha !== undefined && facts.ha !== undefined && this.plainPair('ha', g.ha, facts.ha));
      // Session 13 (d25, w9-design-04): "- MBX05: SE, same DAG, but windows 2022 datacenter" under "- MBX01-MBX04: SE, one DAG,
      // windows 2025 datacenter": more members of the DAG of a line above, not a DAG of their own. Their facts join that
      // group as a DAG's members' do (two Windows releases state mixed Windows, whenSeveral), their count adds to its members.
      const dag = SAME_DAG_LINE.test(line) && facts.ha === 'dag' ? groups.findLast((g) => g.ha === 'dag' && g[splitting.id] === facts[splitting.id]) : undefined;
      if (dag) {
        joinedDag = true;
        const joining = facts.nodes !== undefined ? Number(facts.nodes) : Math.max(1, memberHosts(line).length);
        const { nodes: _n, ...rest } = facts;
        const group = { facts: dag, open: new Set<string>() };
        this.addToGroup(group, rest);
        for (const d of group.open) delete dag[d];
        if (dag.nodes !== undefined) dag.nodes = String(Number(dag.nodes) + joining);
      } else if (same) this.addToGroup({ facts: same, open: new Set() }, facts);
      else groups.push(facts);
    }
    // A DAG whose members were listed over two lines ("same DAG") is one group, kept as the design read (d25).
    if (groups.length < (joinedDag ? 1 : 2)) return undefined;
    const around = this.extract(lines.filter((line) => !item.test(line)).join('\n'), known).facts;
    // Only what describes the platform or the product holds for every group; a role or a count never does.
    const shared = Object.fromEntries(
      Object.entries(around).filter(([d]) => {
        const dimension = this.dimensions.find((x) => x.id === d);
        return dimension !== undefined && dimension.design !== 'splits' && d !== 'ha' && (dimension.kind ?? 'asked') === 'asked';
      }),
    );
    // The Exchange version said in one line only ("* 4 exchange SE mailbox servers", "* 2 edge servers") is the default of the others.
    const defaults: Record<string, string> = {};
    for (const facts of groups) for (const [d, v] of Object.entries(facts)) if (this.dimensions.find((x) => x.id === d)?.design === 'shared') defaults[d] ??= v;
    return groups.map((facts) => {
      const merged: Record<string, string> = { ...known, ...facts };
      for (const [d, v] of [...Object.entries(shared), ...Object.entries(defaults)]) if (merged[d] === undefined && this.space.valueApplies(d, v, merged)) merged[d] = v;
      return merged;
    });
  }

  /**
   * Adds a later clause's facts to a group. Two values of one dimension that the table reads
   * together as one design ("4 MBX in a DAG ..., F5 in front of the MBX": a DAG with a load
   * balancer) keep the pair's value and state what it says besides; two values of a `whenSeveral`
   * dimension ("our DAG has 2 Exchange 2013 and 2 Exchange 2016 mailbox servers") are both meant: the
   * dimension is left open and the `whenSeveral` fact stated. Otherwise the later one wins.
   */
  private addToGroup(group: { facts: Record<string, string>; open: Set<string> }, facts: Readonly<Record<string, string>>): void {
    for (const [dimensionId, value] of Object.entries(facts)) {
      const before = group.facts[dimensionId];
      const dimension = this.dimensions.find((d) => d.id === dimensionId);
      const differs = before !== undefined && before !== value;
      const pair = differs ? dimension?.together.find((t) => t.values.includes(before) && t.values.includes(value)) : undefined;
      const path = differs ? dimension?.whenSeveral?.pairs.find((p) => p.values.includes(before) && p.values.includes(value)) : undefined;
      if (path && dimension?.whenSeveral) {
        group.facts[dimensionId] = path.keep;
        group.facts[dimension.whenSeveral.fact] = path.value;
      } else if (differs && dimension?.whenSeveral) {
        group.open.add(dimensionId);
        group.facts[dimension.whenSeveral.fact] ??= dimension.whenSeveral.value;
      } else if (pair) {
        group.facts[dimensionId] = pair.keep;
        for (const [stated, statedValue] of Object.entries(pair.states)) group.facts[stated] ??= statedValue;
      } else group.facts[dimensionId] = value;
    }
  }

  /** True when a mention of the design's `shared` dimension that composes with another (the Exchange version) starts at `at`. */
  private versionAt(matches: readonly PhraseMatch<Mention[]>[], at: number): boolean {
    const version = this.dimensions.find((d) => d.design === 'shared' && d.composeWith !== undefined);
    return version !== undefined && matches.some((m) => m.from === at && m.entry.payload.some((p) => p.dimension === version.id && p.value !== undefined));
  }

  /** A role named in words of another version ("OWA" of Exchange 2019): the first of its `elsewhere` values that applies. */
  private roleWhereItApplies(role: Dimension, valueId: string, facts: Facts): string {
    if (this.space.valueApplies(role.id, valueId, facts)) return valueId;
    return role.values.find((v) => v.id === valueId)?.elsewhere.find((other) => this.space.valueApplies(role.id, other, facts)) ?? valueId;
  }

  /** True when the table reads these two values of `dimensionId` together as one design, stating nothing besides ("a DAG behind an F5"). */
  private plainPair(dimensionId: string, a: string, b: string): boolean {
    if (a === b) return false;
    const pair = this.dimensions.find((d) => d.id === dimensionId)?.together.find((t) => t.values.includes(a) && t.values.includes(b));
    return pair !== undefined && Object.keys(pair.states).length === 0;
  }

  /**
   * True when the word at `k` is "with" (or "w/") and a role other than the one of the clause so far
   * follows it, after at most an article or a count ("our SE DAG with the two mailbox servers").
   */
  private withAnotherRole(
    tokens: readonly Token[],
    matches: readonly PhraseMatch<Mention[]>[],
    from: number,
    k: number,
    roleOf: (m: PhraseMatch<Mention[]>) => string | undefined,
  ): boolean {
    // "into the same DAG as the 2 mailbox servers" joins like "with" (issue 21, e21).
    const sameAs = tokens[k]!.text === 'as' && tokens.slice(Math.max(from, k - 4), k).some((t) => t.text === 'same');
    if (!WITH_WORDS.has(tokens[k]!.text) && !sameAs) return false;
    const before = matches
      .filter((m) => m.from >= from && m.to <= k)
      .map(roleOf)
      .find((r) => r !== undefined);
    if (before === undefined) return false;
    let at = k + 1;
    while (at < tokens.length && at - k <= 3 && (ARTICLES.has(tokens[at]!.text) || OWNERS.has(tokens[at]!.text) || countOf(tokens[at]!.text) !== undefined)) at += 1;
    const next = matches.find((m) => m.from === at);
    const after = next ? roleOf(next) : undefined;
    return after !== undefined && after !== before;
  }

  /**
   * True when two or more role mentions are joined only by "+", "/" or "&" ("CAS+HT+MBX") and the
   * roles they name make one value that `combines` them (a multi-role server): one kind of server.
   */
  private joinedRoles(
    text: string,
    matches: readonly PhraseMatch<Mention[]>[],
    splitting: Dimension,
    roleOf: (m: PhraseMatch<Mention[]>) => string | undefined,
  ): Set<string> | undefined {
    const tokens = this.readSentence(text).tokens;
    const roles = matches.filter((m) => roleOf(m) !== undefined);
    // The longest run of joined roles that one multi-role value holds ("CAS+HT+MBX", not just "CAS+HT").
    let longest: Set<string> | undefined;
    for (let i = 0; i < roles.length; i += 1) {
      const run = new Set([roleOf(roles[i]!)!]);
      for (let j = i + 1; j < roles.length; j += 1) {
        const gap = text.slice(tokens[roles[j - 1]!.to - 1]!.end, tokens[roles[j]!.from]!.start);
        if (!/^\s*[+/&]\s*$/.test(gap)) break;
        run.add(roleOf(roles[j]!)!);
        if (combinedValue(splitting, run) !== undefined && run.size > (longest?.size ?? 0)) longest = new Set(run);
      }
    }
    return longest;
  }

  /**
   * "Windows Server 2008 Standard? no, Enterprise", "2008 R2 standard... sorry enterprise": a value
   * corrected inside the message is the later one. After a correction word, the words that name a value
   * of a dimension the mention just before it named (within three words) replace that value; the
   * mention loses it (and is dropped when nothing else is left).
   */
  private withCorrections(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[], text: string): PhraseMatch<Mention[]>[] {
    let result = matches;
    for (let k = 0; k < tokens.length; k += 1) {
      const length = correctionAt(tokens, k, text);
      if (length === 0) continue;
      if (k + length >= tokens.length) continue;
      const at = result.some((m) => m.from === k + length) ? k + length : correctedFrom(tokens, k + length, text);
      // "both are server 2016 actually, 2025 was only the plan" (session 12 o24, w9-after-24): "actually" right after a value
      // and ending its clause affirms that value; what follows is no correction of it.
      if (
        tokens[k]!.text === 'actually' &&
        k > 0 &&
        result.some((m) => m.to === k) &&
        /^\s+$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) &&
        /^\s*[,.;!]/.test(text.slice(tokens[k]!.end, tokens[at]!.start))
      )
        continue;
      const next = result.find((m) => m.from === at);
      // The nearest mention within three words before the correction that the words after it correct.
      let fix: { before: PhraseMatch<Mention[]>; corrected: PhraseMatch<Mention[]>; dimensions: Set<string> } | undefined;
      for (const before of [...result].reverse().filter((m) => m.to <= k && k - m.to <= 3)) {
        const said = before.entry.payload.filter((p) => p.value !== undefined);
        const shared = next?.entry.payload.filter((p) => p.value !== undefined && said.some((q) => q.dimension === p.dimension)) ?? [];
        if (next && shared.length > 0) {
          // "CU15" names an update of several versions: keep those that fit what was said before.
          const fitting = next.entry.payload.filter((p) => p.value === undefined || this.fitsSaid(said, p));
          const payload = fitting.some((p) => shared.some((q) => q.dimension === p.dimension)) ? fitting : next.entry.payload;
          fix = { before, corrected: { ...next, entry: { ...next.entry, payload } }, dimensions: new Set(shared.map((p) => p.dimension)) };
          break;
        }
        const value = this.correctedValue(said, tokens, at);
        if (value) {
          const phrase = tokens
            .slice(at, value.to)
            .map((t) => t.text)
            .join(' ');
          fix = {
            before,
            corrected: { entry: { phrase, payload: [{ dimension: value.dimension, value: value.value }] }, from: at, to: value.to },
            dimensions: new Set([value.dimension]),
          };
          break;
        }
      }
      if (!fix) continue;
      const { before, corrected, dimensions } = fix;
      const kept = before.entry.payload.filter((p) => !dimensions.has(p.dimension));
      result = [
        ...result.filter((m) => m !== before && m !== corrected && !(m.from >= corrected.from && m.from < corrected.to)),
        ...(kept.some((p) => p.value !== undefined) ? [{ ...before, entry: { ...before.entry, payload: kept } }] : []),
        corrected,
      ].sort((a, b) => a.from - b.from);
    }
    return result;
  }

  /** True when what `mention`'s value settles agrees with what was `said` and settles. */
  private fitsSaid(said: readonly Mention[], mention: Mention): boolean {
    const context = this.settledBy(said);
    const implies = this.dimensions.find((d) => d.id === mention.dimension)?.values.find((v) => v.id === mention.value)?.implies ?? {};
    return Object.entries(implies).every(([d, implied]) => !context.has(d) || context.get(d) === implied);
  }

  /** What was said and what it settles ("Exchange 2019 CU14" is Exchange 2019). */
  private settledBy(said: readonly Mention[]): Map<string, string> {
    const context = new Map<string, string>();
    for (const q of said) {
      context.set(q.dimension, q.value!);
      const implies = this.dimensions.find((d) => d.id === q.dimension)?.values.find((v) => v.id === q.value)?.implies ?? {};
      for (const [d, implied] of Object.entries(implies)) if (!context.has(d)) context.set(d, implied);
    }
    return context;
  }

  /** A value, of one of the dimensions `said`, that the one or two words at `at` name and that fits the rest of what was said. */
  private correctedValue(said: readonly Mention[], tokens: readonly Token[], at: number): { dimension: string; value: string; to: number } | undefined {
    const context = this.settledBy(said);
    for (const mention of said) {
      const dimension = this.dimensions.find((d) => d.id === mention.dimension);
      for (const size of [2, 1]) {
        if (!dimension || at + size > tokens.length) continue;
        const words = tokens
          .slice(at, at + size)
          .map((t) => t.text)
          .join(' ');
        const value = dimension.values.find(
          (v) =>
            v.id !== mention.value &&
            // "Exchange 2019 CU14, I mean CU15": Exchange 2019's CU15, not another version's.
            Object.entries(v.implies).every(([d, implied]) => !context.has(d) || context.get(d) === implied) &&
            [...v.names, ...v.answers].some(
              (p) =>
                tokenize(p)
                  .map((t) => t.text)
                  .join(' ') === words,
            ),
        );
        if (value) return { dimension: dimension.id, value: value.id, to: at + size };
      }
    }
    return undefined;
  }

  /**
   * "CAS/HUB", "mailbox+cas", "CAS/HT/UM": a role's short word ("hub", "mailbox", "um": an answer that
   * is also its acronym or the first word of one of its names) joined by "/", "+" or "&" to a role
   * mention names that role too. Alone in a sentence such words stay unread ("the FSW on the hub").
   */
  private readJoinedRoleWords(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[], text: string): PhraseMatch<Mention[]>[] {
    const role = this.dimensions.find((d) => d.design === 'splits');
    if (!role) return matches;
    const claimed = new Array<boolean>(tokens.length).fill(false);
    for (const m of matches) for (let i = m.from; i < m.to; i += 1) claimed[i] = true;
    const isRole = (m: PhraseMatch<Mention[]>) => m.entry.payload.some((p) => p.dimension === role.id && p.value !== undefined);
    const shortWord = (word: string) =>
      role.values.find((v) => v.answers.includes(word) && (v.acronyms.some((a) => a.toLowerCase() === word) || v.names.some((n) => n.split(/[\s-]+/)[0] === word)));
    const joinedAt = (i: number, j: number) => /^\s*[+/&]\s*$/.test(text.slice(tokens[i]!.end, tokens[j]!.start));
    const roleEnds = new Set(matches.filter(isRole).map((m) => m.to - 1));
    const roleStarts = new Set(matches.filter(isRole).map((m) => m.from));
    const added: PhraseMatch<Mention[]>[] = [];
    // Left to right, then right to left, so that a run ("cas/hub/um") is read from whichever end has a role.
    const visit = (i: number) => {
      if (claimed[i]) return;
      const value = shortWord(tokens[i]!.text);
      if (!value) return;
      const afterRole = i > 0 && roleEnds.has(i - 1) && joinedAt(i - 1, i);
      const beforeRole = i + 1 < tokens.length && roleStarts.has(i + 1) && joinedAt(i, i + 1);
      if (!afterRole && !beforeRole) return;
      added.push({ entry: { phrase: tokens[i]!.text, payload: [{ dimension: role.id, value: value.id }] }, from: i, to: i + 1 });
      claimed[i] = true;
      roleEnds.add(i);
      roleStarts.add(i);
    };
    for (let i = 0; i < tokens.length; i += 1) visit(i);
    for (let i = tokens.length - 1; i >= 0; i -= 1) visit(i);
    // "a be cluster", "2 be servers": a role acronym that is also an English word ("BE") typed in lower
    // case, where the English word cannot stand: after an article or a count, before a server noun.
    for (let i = 1; i + 1 < tokens.length; i += 1) {
      if (claimed[i] || !(ARTICLES.has(tokens[i - 1]!.text) || countOf(tokens[i - 1]!.text) !== undefined) || !SERVER_NOUNS.has(tokens[i + 1]!.text)) continue;
      const value = role.values.find((v) => v.acronyms.some((a) => a === tokens[i]!.text.toUpperCase() && isStopWord(tokens[i]!.text)));
      if (!value) continue;
      added.push({ entry: { phrase: tokens[i]!.text, payload: [{ dimension: role.id, value: value.id }] }, from: i, to: i + 1 });
      claimed[i] = true;
    }
    return added.length === 0 ? matches : [...matches, ...added].sort((a, b) => a.from - b.from);
  }

  /**
   * "FEs on W2K3 SE", "W2K3 R2 SE x86": "SE" right after a Windows release that names no edition is
   * Windows's Standard Edition (as "EE" is its Enterprise Edition), not Exchange SE.
   */
  private readSeAfterWindows(matches: PhraseMatch<Mention[]>[]): PhraseMatch<Mention[]>[] {
    const windowsEdition = this.dimensions.find((d) => d.id === 'windowsEdition');
    const standard = windowsEdition?.values.find((v) => v.id === 'standard');
    if (!windowsEdition || !standard) return matches;
    return matches.map((match, i) => {
      const previous = matches[i - 1];
      if (match.to - match.from !== 1 || match.entry.phrase.toLowerCase() !== 'se' || !previous || previous.to !== match.from) return match;
      if (!previous.entry.payload.some((p) => p.dimension === 'windows' && p.value !== undefined) || previous.entry.payload.some((p) => p.dimension === windowsEdition.id))
        return match;
      return { ...match, entry: { ...match.entry, payload: [{ dimension: windowsEdition.id, value: standard.id }] } };
    });
  }

  /**
   * "Windows is Enterprise edition": right after a partial mention of a dimension that composes
   * with another ("Windows" and its edition), a phrase that names a value of the other is read as
   * that, not as what it would mean alone (here, the Exchange edition).
   */
  private readAfterPartials(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[], read: string): PhraseMatch<Mention[]>[] {
    return this.readYearAfterWindowsWord(
      this.readYearAfterOn(this.readBareYearAsExchange(this.readFollowers(this.reReadAfterPartials(matches, tokens), tokens), tokens), tokens),
      tokens,
      read,
    );
  }

  /**
   * "what if we upgrade windows to 2019?", "what if the OS was 2016?": a bare year that is both an Exchange version and a
   * Windows release, said of the Windows words just before it (with only "to", "is", "was", ... between, no punctuation),
   * is the Windows release. Read as Exchange 2019, a what-if on Windows changed the Exchange version (issue 21, o22).
   */
  private readYearAfterWindowsWord(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[], read: string): PhraseMatch<Mention[]>[] {
    const windows = this.dimensions.find((d) => d.id === 'windows');
    if (!windows) return matches;
    const partials = matches.filter((m) => m.entry.payload.length > 0 && m.entry.payload.every((p) => p.dimension === windows.id && p.value === undefined));
    if (partials.length === 0) return matches;
    return matches.map((m) => {
      if (m.to - m.from !== 1 || !m.entry.payload.every((p) => p.dimension === 'version' && p.value !== undefined)) return m;
      const year = tokens[m.from]!.text;
      const release = windows.values.find((v) => v.id === year || v.answers.includes(year));
      if (!release) return m;
      const before = partials.find((w) => w.to <= m.from && m.from - w.to <= 2 && tokens.slice(w.to, m.from).every((t) => WINDOWS_YEAR_LINKS.has(t.text)));
      if (!before || /[,.;:()]/.test(read.slice(tokens[before.to - 1]!.end, tokens[m.from]!.start))) return m;
      return { ...m, entry: { ...m.entry, payload: [{ dimension: windows.id, value: release.id }] } };
    });
  }

  /**
   * "Exchange 2013 on 2016", "Exchange SE standard on 2019": a bare year that is both an Exchange version
   * and a Windows release, right after "on" once an Exchange version was named before it, is the
   * Windows release the servers run on (not a second Exchange version).
   */
  private readYearAfterOn(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[]): PhraseMatch<Mention[]>[] {
    const isVersion = (p: Mention) => p.dimension === 'version' && p.value !== undefined;
    const isWindows = (p: Mention) => p.dimension === 'windows';
    const firstVersion = matches.find(
      (m) =>
        m.entry.payload.some(isVersion) ||
        m.entry.payload.some(
          (p) => p.value !== undefined && this.dimensions.find((d) => d.id === p.dimension)?.values.find((v) => v.id === p.value)?.implies.version !== undefined,
        ),
    );
    if (!firstVersion) return matches;
    return matches.flatMap((m) => {
      if (m.from <= firstVersion.from || m.to - m.from !== 1 || !['on', 'onto'].includes(tokens[m.from - 1]?.text ?? '')) return [m];
      // "move on 2019 servers", "on 2019 DAG members": which product is meant stays open as before.
      if (!m.entry.payload.some(isVersion) || m.entry.payload.some(isWindows) || SERVER_NOUNS.has(tokens[m.to]?.text ?? '') || tokens[m.to]?.text === 'dag') return [m];
      const release = this.dimensions.find((d) => d.id === 'windows')?.values.find((v) => v.answers.includes(tokens[m.from]!.text) || v.id === tokens[m.from]!.text);
      return release ? [{ ...m, entry: { ...m.entry, payload: [{ dimension: 'windows', value: release.id }] } }] : [m];
    });
  }

  /**
   * "two 2003 Standard front-ends": a bare year and edition read as Windows ("2003 Standard") right
   * before a server role, in a message that names no Exchange version, is the Exchange version and
   * edition of those servers (the role says whose they are). "on 2016 Standard" is still Windows.
   */
  private readBareYearAsExchange(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[]): PhraseMatch<Mention[]>[] {
    const version = this.dimensions.find((d) => d.id === 'version');
    const edition = version?.composeWith ? this.dimensions.find((d) => d.id === version.composeWith) : undefined;
    const role = this.dimensions.find((d) => d.design === 'splits');
    if (!version || !edition || !role) return matches;
    if (matches.some((m) => m.entry.payload.some((p) => p.dimension === version.id && p.value !== undefined))) return matches;
    return matches.map((match, i) => {
      const next = matches[i + 1];
      if (match.to - match.from !== 2 || !next || next.from !== match.to || !next.entry.payload.some((p) => p.dimension === role.id && p.value !== undefined)) return match;
      const composing = this.dimensions.find((d) => d.composeWith && match.entry.payload.some((p) => p.dimension === d.id));
      if (!composing || composing.id === version.id || !match.entry.payload.some((p) => p.dimension === composing.composeWith)) return match;
      const year = version.values.find((v) => v.answers.includes(tokens[match.from]!.text));
      const kind = edition.values.find((v) => v.answers.includes(tokens[match.from + 1]!.text));
      if (!year || !kind) return match;
      return {
        ...match,
        entry: {
          ...match.entry,
          payload: [
            { dimension: version.id, value: year.id },
            { dimension: edition.id, value: kind.id },
          ],
        },
      };
    });
  }

  /**
   * "Ex2010 SP3 Enterprise", "Exchange 2019 CU14 Standard": a bare phrase of a composing
   * dimension's partner (the Exchange edition) right after a mention of that dimension, or of a
   * value that settles it (an Exchange update), names the partner. Only words nothing else claimed.
   */
  private readFollowers(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[]): PhraseMatch<Mention[]>[] {
    const claimed = new Array<boolean>(tokens.length).fill(false);
    for (const m of matches) for (let i = m.from; i < m.to; i += 1) claimed[i] = true;
    const added: PhraseMatch<Mention[]>[] = [];
    for (const match of matches) {
      for (const mention of match.entry.payload) {
        const dimension = this.dimensions.find((d) => d.id === mention.dimension);
        const settles = dimension?.values.find((v) => v.id === mention.value)?.implies ?? {};
        const composing = [dimension, ...Object.keys(settles).map((id) => this.dimensions.find((d) => d.id === id))].find((d) => d?.composeWith);
        const partner = composing ? this.dimensions.find((d) => d.id === composing.composeWith) : undefined;
        if (!partner || match.to >= tokens.length || claimed[match.to]) continue;
        for (const length of [2, 1]) {
          if (match.to + length > tokens.length || claimed.slice(match.to, match.to + length).some(Boolean)) continue;
          const words = tokens
            .slice(match.to, match.to + length)
            .map((t) => t.text)
            .join(' ');
          const value = partner.values.find((v) =>
            [...v.names, ...v.answers].some(
              (p) =>
                tokenize(p)
                  .map((t) => t.text)
                  .join(' ') === words,
            ),
          );
          if (value) {
            added.push({ entry: { phrase: words, payload: [{ dimension: partner.id, value: value.id }] }, from: match.to, to: match.to + length });
            for (let i = match.to; i < match.to + length; i += 1) claimed[i] = true;
            break;
          }
        }
      }
    }
    return [...matches, ...added].sort((a, b) => a.from - b.from);
  }

  private reReadAfterPartials(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[]): PhraseMatch<Mention[]>[] {
    return matches.map((match, i) => {
      const previous = matches[i - 1];
      const partial = previous?.entry.payload.length === 1 && previous.entry.payload[0]!.value === undefined ? previous.entry.payload[0]!.dimension : undefined;
      const composes = partial ? this.dimensions.find((d) => d.id === partial)?.composeWith : undefined;
      if (!composes || match.from - previous!.to > 2 || match.entry.payload.some((m) => m.dimension === composes)) return match;
      const words = tokens
        .slice(match.from, match.to)
        .map((t) => t.text)
        .join(' ');
      const value = this.dimensions
        .find((d) => d.id === composes)
        ?.values.find((v) =>
          [...v.names, ...v.answers].some(
            (p) =>
              tokenize(p)
                .map((t) => t.text)
                .join(' ') === words,
          ),
        );
      return value ? { ...match, entry: { ...match.entry, payload: [{ dimension: composes, value: value.id }] } } : match;
    });
  }

  /**
   * Reads a typed answer to the question about `dimensionId`: the asked fact if the text names it
   * (a name, acronym or short answer, typos forgiven, or the number of an offered choice), plus any
   * other facts the same text names. Values that cannot exist with what is `known` are not read
   * ("SP3" asked of Exchange 2010 is Exchange 2010 SP3). Empty when it names nothing.
   */
  readAnswer(dimensionId: string, typed: string, known: Facts = {}): Facts {
    const text = withYearsInFigures(typed);
    const dimension = this.dimensions.find((d) => d.id === dimensionId);
    const matcher = this.answerMatcher(dimensionId);
    if (!dimension || !matcher) throw new Error(`Unknown fact dimension "${dimensionId}"`);
    // "2008 R2 SP1" answered to the Windows question: the SP is Windows's (withWindowsServicePack), never Exchange's update.
    const tokens = withGluedPlatform(tokenize(blankWindowsServicePacks(this.readMore?.spell ? this.readMore.spell(text) : text), true));
    if (tokens.length === 1 && /^\d{1,2}$/.test(tokens[0]!.text)) {
      const value = this.space.valuesFor(dimensionId, known)[Number(tokens[0]!.text) - 1]?.id;
      return value === undefined ? {} : { [dimensionId]: value };
    }
    // "no LB in front of them": a bare "no" joined to the next word negates that word; it is no answer "no".
    const found = matcher
      .find(tokens, { alsoFrom: [{ matcher: this.sentenceMatcher, priorityShift: 1 }] })
      .filter((m) => !(m.to - m.from === 1 && m.entry.phrase.toLowerCase() === 'no' && m.to < tokens.length && joined(tokens, m.to)));
    const collected = this.withWindowsServicePack(this.collect(found, tokens, known, text), text, known);
    const read = collected.facts;
    // "CU10" answered to the update question: how current it is, too ("cu10 on one, cu15 on the other": the oldest's).
    if (dimensionId === 'update' && (read[dimensionId] !== undefined || collected.ambiguous.includes('update')))
      return this.withUpdateCurrency({ facts: read, ambiguous: collected.ambiguous.filter((d) => d === 'update') }, blankWindowsServicePacks(text), known).facts;
    return Object.keys(read).length > 0 ? read : this.readEditionInstead(dimensionId, tokens, known);
  }

  /**
   * "ent", "std edition", "enterprise ed." typed while another question is asked (the Windows
   * release): the Exchange edition, when it is still unknown, so the answer is taken rather than
   * refused and the question asked again. Only a short answer that is nothing but an edition.
   */
  private readEditionInstead(dimensionId: string, tokens: Token[], known: Facts): Facts {
    const edition = this.dimensions.find((d) => d.id === 'edition');
    const matcher = edition ? this.answerMatcher(edition.id) : undefined;
    if (!edition || !matcher || dimensionId === edition.id || known[edition.id] !== undefined || tokens.length === 0 || tokens.length > 3) return {};
    if (this.space.valuesFor(edition.id, known).length === 0) return {};
    const matches = matcher.find(tokens);
    const value = this.collect(matches, tokens, known).facts[edition.id];
    // Every word is the edition's or a filler ("edition", "ed", "of exchange").
    const claimed = new Set(matches.flatMap((m) => Array.from({ length: m.to - m.from }, (_, k) => m.from + k)));
    const rest = tokens.filter((t, i) => !claimed.has(i) && !EDITION_FILLERS.has(t.text));
    return value !== undefined && rest.length === 0 ? { [edition.id]: value } : {};
  }

  /** The asked fact alone from a typed answer (see {@link readAnswer}), or undefined. */
  recognizeAnswer(dimensionId: string, text: string, known: Facts = {}): string | undefined {
    return this.readAnswer(dimensionId, text, known)[dimensionId];
  }

  /** The set dimension (components) every value a match names belongs to, if it is one. */
  private setDimensionOf(match: PhraseMatch<Mention[]>): string | undefined {
    const dimensions = new Set(match.entry.payload.filter((p) => p.value !== undefined).map((p) => p.dimension));
    const [only] = dimensions;
    return dimensions.size === 1 && this.dimensions.find((d) => d.id === only)?.type === 'set' ? only : undefined;
  }

  private collect(matches: readonly PhraseMatch<Mention[]>[], tokens: readonly Token[], known: Facts, text?: string): { facts: Facts; ambiguous: string[] } {
    const found = new Map<string, Set<string>>();
    // Values named by one of their names or acronyms ("Exchange 2010", "E2K10", "Exchange 2010 SP3"), not
    // by a short answer ("2016", "CU23", "SP3") that several values share.
    const namedInFull = new Map<string, Set<string>>();
    // "SE DAG, no NLB", "behind a Kemp, no NLB": said beside other high availability, "no NLB" keeps NLB off; it is no "single server".
    const otherHa = matches.some((m) => !isRuledOut(tokens, m.from) && m.entry.payload.some((p) => p.dimension === 'ha' && p.value !== undefined && !NOT_OTHER_HA.has(p.value)));
    // "it is Server 2016 actually, not 2022. the 2022 one is the test box": a value ruled out once is no fact of the
    // setup, wherever else the message names it.
    const directlyAgainst = (m: PhraseMatch<Mention[]>) => isRuledOut(tokens, m.from) && !m.entry.payload.every((p) => p.value === 'no');
    // "no nntp / kms / connectors on the cluster", "no nntp, kms or im" (session 15, lead, w8-stated-08/13): the "no" carries
    // along a list of values of one set dimension (the Exchange 2003 cluster components); KMS was read as running.
    const carried = new Set<PhraseMatch<Mention[]>>();
    for (let i = 1; text !== undefined && i < matches.length; i += 1) {
      const [previous, match] = [matches[i - 1]!, matches[i]!];
      const dimension = this.setDimensionOf(match);
      if (dimension === undefined || this.setDimensionOf(previous) !== dimension) continue;
      if (!(directlyAgainst(previous) || carried.has(previous))) continue;
      if (LIST_GAP.test(text!.slice(tokens[previous.to - 1]!.end, tokens[match.from]!.start))) carried.add(match);
    }
    const setAgainst = (m: PhraseMatch<Mention[]>) => directlyAgainst(m) || carried.has(m);
    const ruledOut = new Set(matches.filter(setAgainst).flatMap((m) => m.entry.payload.filter((p) => p.value !== undefined).map((p) => `${p.dimension}=${p.value}`)));
    let nlbDenied = false;
    for (const [index, match] of matches.entries()) {
      // "DNS round robin instead of NLB": what is set against is not part of the setup. A "no" value read from
      // a denial ("we don't have a witness": negations.ts) is the denial's meaning, not set against.
      if (setAgainst(match)) continue;
      if (ruledOut.size > 0 && match.entry.payload.every((p) => p.value === undefined || ruledOut.has(`${p.dimension}=${p.value}`))) continue;
      if (otherHa && NO_BALANCING.test(match.entry.phrase) && match.entry.payload.every((p) => p.dimension === 'ha' && p.value === 'none')) {
        // ... and says no Windows NLB runs on those servers either (session 15 o27: "SE DAG ..., no NLB" left that condition open).
        nlbDenied = true;
        continue;
      }
      if (isDatacenter(match, tokens)) continue;
      // "a single 2010 DAG": a count word ("single") right before another value of its dimension counts that one.
      if (countsNext(match, matches.slice(index + 1))) continue;
      // "Windows Server 2008 R2 SP1": a service pack right after a Windows mention is Windows's own.
      const previous = matches[index - 1];
      // A cumulative update ("2016 Datacenter CU23") is never Windows's (a service pack or RTM may be).
      const cumulative = /^cu/.test(tokens[match.from]!.text);
      if (previous && !cumulative && previous.to === match.from && joined(tokens, match.from) && match.entry.payload.every((m) => this.belongsBefore(m.dimension, previous)))
        continue;
      for (const { dimension, value } of match.entry.payload) {
        if (value === undefined) continue;
        const values = found.get(dimension) ?? new Set<string>();
        values.add(value);
        found.set(dimension, values);
        // One value only ("RTM" names an update of 2007 and of 2010 alike: no version of its own), and
        // at least two words when it only settles another fact ("Exchange 2010 SP3", "E2K7 SP3").
        const alone = match.entry.payload.filter((p) => p.dimension === dimension).length === 1;
        if (alone && this.namesInFull(match.entry.phrase, dimension, value) && (match.to - match.from >= 2 || this.dimensions.find((d) => d.id === dimension)?.whenSeveral))
          namedInFull.set(dimension, (namedInFull.get(dimension) ?? new Set<string>()).add(value));
      }
    }
    const facts: Record<string, string> = {};
    for (const [dimensionId, value] of this.numbers(tokens, matches)) facts[dimensionId] = String(value);
    const ambiguous: string[] = [];
    const several: string[] = [];
    for (const [dimensionId, values] of found) {
      const dimension = this.dimensions.find((d) => d.id === dimensionId)!;
      if (dimension.type === 'set') facts[dimensionId] = [...values].sort().join(',');
      else if (values.size === 1) facts[dimensionId] = [...values][0]!;
      else several.push(dimensionId);
    }
    if (nlbDenied && facts[NLB_ON_SAME_SERVERS] === undefined && this.dimensions.some((d) => d.id === NLB_ON_SAME_SERVERS)) facts[NLB_ON_SAME_SERVERS] = 'no';
    this.readSeveralMeant(namedInFull, facts, several, ambiguous);
    // "NLB or a DAG?", "DAG vs NLB": two values offered as a choice are neither (the check asks).
    const offered = alternatives(matches, tokens);
    // Several values of one dimension: keep the one that can exist with the rest ("SP3" of Exchange
    // 2010), or read a known pair as one design ("a DAG with WNLB on the same boxes").
    // "2022 standard. correction: it's 2022 ESSENTIALS, not standard": a word ruled out takes back the value of that name in
    // another dimension too ("not standard" reads as the Exchange edition; the Windows edition Standard said before is meant).
    // Left two values, the message is ambiguous and the check asked; an assumed edition then gave a wrong "Supported" (w9-red-16).
    const ruledOutWords = new Set(matches.filter(setAgainst).map((m) => m.entry.phrase.toLowerCase()));
    // Only a dimension read twice needs them: most messages name each fact once, so the walk is skipped there.
    for (let k = 1; several.length > 0 && k < tokens.length; k += 1) {
      if (!isRuledOut(tokens, k)) continue;
      for (let n = 1; n <= 3 && k + n <= tokens.length; n += 1)
        ruledOutWords.add(
          tokens
            .slice(k, k + n)
            .map((t) => t.text)
            .join(' '),
        );
    }
    for (const dimensionId of several) {
      const context = { ...known, ...facts };
      const dimension = this.dimensions.find((d) => d.id === dimensionId)!;
      const said = found.get(dimensionId)!;
      const kept = [...said].filter((v) => !namedBy(dimension, v, ruledOutWords));
      const values = kept.length > 0 ? new Set(kept) : said;
      if (values.size === 1) {
        facts[dimensionId] = [...values][0]!;
        continue;
      }
      const fitting = [...values].filter((v) => this.space.valueApplies(dimensionId, v, context));
      const pair = togetherOf(dimension, values);
      // Several roles in one description of a server: the value that holds them all ("CAS and Mailbox").
      if (offered.has(dimensionId)) {
        ambiguous.push(dimensionId);
        continue;
      }
      const combined = combinedValue(dimension, values);
      // "multi-role servers, CAS and mailbox": the multi-role value already holds the roles named beside it.
      const holder = [...values].find((v) => [...heldRoles(dimension, values)].every((r) => (dimension.values.find((x) => x.id === v)?.combines ?? [v]).includes(r)));
      if (combined !== undefined && this.space.valueApplies(dimensionId, combined, context)) facts[dimensionId] = combined;
      else if (holder !== undefined) facts[dimensionId] = holder;
      else if (pair) {
        facts[dimensionId] = pair.keep;
        for (const [stated, value] of Object.entries(pair.states)) if (facts[stated] === undefined) facts[stated] = value;
      } else if (fitting.length === 1) facts[dimensionId] = fitting[0]!;
      else {
        ambiguous.push(dimensionId);
        if (dimension.whenSeveral && facts[dimension.whenSeveral.fact] === undefined) facts[dimension.whenSeveral.fact] = dimension.whenSeveral.value;
      }
    }
    this.keepOldestOfMixed(facts, ambiguous, found);
    this.readRolesOnSameServers(facts, tokens, known);
    // What a value settles ("Exchange 2010 SP3" is Exchange 2010), so the router sees the version.
    for (const [dimensionId, value] of Object.entries({ ...facts })) {
      const implies = this.dimensions.find((d) => d.id === dimensionId)?.values.find((v) => v.id === value)?.implies ?? {};
      for (const [implied, impliedValue] of Object.entries(implies)) {
        if (facts[implied] === undefined && !ambiguous.includes(implied)) facts[implied] = impliedValue;
      }
    }
    // "Exchange 2019 CU14 and CU15": two updates left open, those named in full all of Exchange 2019, still say the
    // version (a bare "CU15" would fit 2016 as well).
    for (const dimensionId of ambiguous) {
      const dimension = this.dimensions.find((d) => d.id === dimensionId);
      const implied = [...(namedInFull.get(dimensionId) ?? [])].map((v) => dimension?.values.find((x) => x.id === v)?.implies ?? {});
      for (const [d, value] of Object.entries(implied[0] ?? {})) {
        if (facts[d] === undefined && !ambiguous.includes(d) && implied.every((i) => i[d] === value)) facts[d] = value;
      }
    }
    return { facts, ambiguous };
  }

  /**
   * "our 2019 cu15 dag gets a 2016 cu23 member", "2 x 2013 and 1 x 2016 in one dag": versions named by bare years in one DAG
   * are a mixed DAG, judged as such, whose oldest version is kept so that a retired one heads the verdict "Out of support",
   * as for versions named in full (readSeveralMeant; issue 21, o23: w5-fact-01, w5-hunt-16, w6-design-09). An upgrade path
   * the table pairs (2019 with SE) is left as it was read.
   */
  private keepOldestOfMixed(facts: Record<string, string>, ambiguous: string[], found: ReadonlyMap<string, ReadonlySet<string>>): void {
    const dimension = this.dimensions.find((d) => d.whenSeveral !== undefined && d.id === 'version');
    if (!dimension?.whenSeveral || facts[dimension.id] !== undefined || !ambiguous.includes(dimension.id)) return;
    if (facts[dimension.whenSeveral.fact] !== dimension.whenSeveral.value || facts.ha === undefined || facts.ha === 'none') return;
    const values = found.get(dimension.id);
    if (!values || values.size < 2 || dimension.whenSeveral.pairs.some((p) => p.values.every((v) => values.has(v)))) return;
    const oldest = dimension.values.find((v) => values.has(v.id));
    if (!oldest) return;
    facts[dimension.id] = oldest.id;
    ambiguous.splice(ambiguous.indexOf(dimension.id), 1);
  }

  /**
   * "a DAG of 2 with the hub transport and CAS roles on the same servers": roles said to share the
   * servers of what settles another role (a DAG's Mailbox servers) are one multi-role server holding
   * them all, not Client Access and Hub Transport servers put in a DAG.
   */
  private readRolesOnSameServers(facts: Record<string, string>, tokens: readonly Token[], known: Facts): void {
    const role = this.dimensions.find((d) => d.design === 'splits');
    const named = role ? facts[role.id] : undefined;
    if (!role || named === undefined || !CO_LOCATED.test(tokens.map((t) => t.text).join(' '))) return;
    const held = new Set(role.values.find((v) => v.id === named)?.combines ?? [named]);
    for (const [dimensionId, value] of Object.entries(facts)) {
      const settled = this.dimensions.find((d) => d.id === dimensionId)?.values.find((v) => v.id === value)?.implies[role.id];
      if (settled !== undefined) held.add(settled);
    }
    const combined = combinedValue(role, held);
    if (combined !== undefined && combined !== named && this.space.valueApplies(role.id, combined, { ...known, ...facts })) facts[role.id] = combined;
  }

  /** True when `phrase` is one of the names or acronyms of `dimensionId`'s value `valueId` (not a shared short answer). */
  private namesInFull(phrase: string, dimensionId: string, valueId: string): boolean {
    const value = this.dimensions.find((d) => d.id === dimensionId)?.values.find((v) => v.id === valueId);
    const wanted = phrase.toLowerCase();
    return value !== undefined && [...value.names, ...value.acronyms].some((p) => p.toLowerCase() === wanted);
  }

  /**
   * "Exchange 2010 SP3 and Exchange 2016 CU23 in one DAG": two values of a `whenSeveral` dimension
   * named by a name or acronym, or settled by another fact named so (an update), are both meant,
   * even where the rest fits only one of them: the dimension and what settled it are left open and
   * the `whenSeveral` fact is stated; one version is never kept and the other silently dropped.
   */
  private readSeveralMeant(namedInFull: ReadonlyMap<string, ReadonlySet<string>>, facts: Record<string, string>, several: string[], ambiguous: string[]): void {
    for (const dimension of this.dimensions) {
      if (!dimension.whenSeveral) continue;
      const meant = new Set(namedInFull.get(dimension.id) ?? []);
      const settledBy: string[] = [];
      for (const [otherId, values] of namedInFull) {
        const other = this.dimensions.find((d) => d.id === otherId);
        for (const value of values) {
          const implied = other?.values.find((v) => v.id === value)?.implies[dimension.id];
          if (implied === undefined) continue;
          meant.add(implied);
          settledBy.push(otherId);
        }
      }
      if (meant.size < 2) continue;
      // "2 Exchange 2019 CU15 and 2 SE members while we upgrade in place": one upgrade path, judged as its target.
      const path = dimension.whenSeveral.pairs.find((p) => meant.size === 2 && p.values.every((v) => meant.has(v)));
      // "exchange 2019 cu15 on a single server, no budget for SE until 2028": one server is no DAG mid-upgrade; the
      // version its update names is the one it runs, the other a plan (issue 21, t21).
      const byUpdate = [...new Set([...(namedInFull.get('update') ?? []), ...(facts.update !== undefined ? [facts.update] : [])])]
        .map((u) => this.dimensions.find((d) => d.id === 'update')?.values.find((v) => v.id === u)?.implies[dimension.id])
        .filter((v): v is string => v !== undefined);
      if (path && facts.ha === 'none' && new Set(byUpdate).size === 1 && meant.has(byUpdate[0]!)) {
        if (several.includes(dimension.id)) several.splice(several.indexOf(dimension.id), 1);
        facts[dimension.id] = byUpdate[0]!;
        continue;
      }
      if (path && facts.ha !== 'none') {
        for (const settled of new Set([dimension.id, ...settledBy])) {
          delete facts[settled];
          if (several.includes(settled)) several.splice(several.indexOf(settled), 1);
        }
        facts[dimension.id] = path.keep;
        facts[dimension.whenSeveral.fact] = path.value;
        continue;
      }
      for (const open of new Set([dimension.id, ...settledBy])) {
        delete facts[open];
        if (several.includes(open)) several.splice(several.indexOf(open), 1);
        if (!ambiguous.includes(open)) ambiguous.push(open);
      }
      // A single server runs one version: which is asked, with no mixed DAG stated.
      if (facts.ha !== 'none') facts[dimension.whenSeveral.fact] ??= dimension.whenSeveral.value;
      // "one DAG with 2x Exchange 2016 CU23 and 2x Exchange 2019 CU15 members": the mixed DAG is judged as such, and its
      // oldest version is kept so that a retired one heads the verdict "Out of support" (issue 21, g21: w3-design-07).
      if (dimension.id === 'version' && facts.ha !== undefined && facts.ha !== 'none' && facts[dimension.whenSeveral.fact] === dimension.whenSeveral.value) {
        const oldest = dimension.values.find((v) => meant.has(v.id));
        if (oldest) {
          facts[dimension.id] = oldest.id;
          ambiguous.splice(ambiguous.indexOf(dimension.id), 1);
        }
      }
    }
  }

  /**
   * True when the joining word at `k` stands between two counts of one set of servers by Exchange version or
   * update: "2 [Exchange 2013] and 2 ...", "two [2013] plus three ..." (member-sums.ts adds them up).
   */
  private countsByVersion(tokens: readonly Token[], matches: readonly PhraseMatch<Mention[]>[], k: number): boolean {
    const counted = (word: string) => (countOf(word) ?? timesCount(word)) !== undefined;
    if (!counted(tokens[k + 1]?.text ?? '')) return false;
    const naming = (m: PhraseMatch<Mention[]>) => m.entry.payload.length > 0 && m.entry.payload.every((p) => COUNTED_NAMES.has(p.dimension) && p.value !== undefined);
    // Walk back over the names of the version and update ("2 Exchange 2016 CU23 and ...") to the count before them.
    let at = k;
    for (let name = matches.find((m) => m.to === at && naming(m)); name; name = matches.find((m) => m.to === at && naming(m))) at = name.from;
    return at < k && at > 0 && counted(tokens[at - 1]!.text);
  }

  /** True when mentions of `dimension` right after `previous` belong to what `previous` names (`notRightAfter`). */
  private belongsBefore(dimension: string, previous: PhraseMatch<Mention[]>): boolean {
    const notAfter = this.dimensions.find((d) => d.id === dimension)?.notRightAfter ?? [];
    return previous.entry.payload.some((m) => notAfter.includes(m.dimension));
  }

  /**
   * Number facts from word patterns ("3-node", "a DAG of 17 members", "the third EVS"); of two
   * counts of one thing, the larger (the planned one). Tokens already read as another fact (the
   * "2003" of "Windows 2003") are not numbers. Linear in the text:
   * each pattern is tried once at each position.
   */
  private numbers(allTokens: readonly Token[], matches: readonly PhraseMatch<Mention[]>[]): Map<string, number> {
    const claimedAt = new Array<boolean>(allTokens.length).fill(false);
    for (const match of matches) for (let i = match.from; i < match.to; i += 1) claimedAt[i] = true;
    // "add 2 more members", "two additional nodes": a count of what is added, read past its "more"
    // and added to the largest count of the same thing instead of competing with it.
    const tokens: Token[] = [];
    const claimed: boolean[] = [];
    const added = new Set<number>();
    // "eighteen exchange 2010 mailbox servers", "2 Exchange 2013 and 2 Exchange 2016 ...": the words naming an Exchange
    // version or update right after a count say which servers it counts; read past them like "more", and the count
    // kept (by its index in `tokens`) as counting one version (member-sums.ts).
    const naming = new Array<boolean>(allTokens.length).fill(false);
    for (const match of matches)
      if (match.entry.payload.length > 0 && match.entry.payload.every((p) => COUNTED_NAMES.has(p.dimension) && p.value !== undefined))
        for (let i = match.from; i < match.to; i += 1) naming[i] = true;
    const named = new Set<number>();
    let afterCount = false;
    allTokens.forEach((token, i) => {
      const counting = i > 0 && !claimedAt[i - 1] && (countOf(allTokens[i - 1]!.text) ?? timesCount(allTokens[i - 1]!.text)) !== undefined;
      if (naming[i] && (afterCount || counting)) {
        if (counting) named.add(tokens.length - 1);
        afterCount = true;
        return;
      }
      afterCount = false;
      if (ADDED_WORDS.has(token.text) && i > 0 && countOf(allTokens[i - 1]!.text) !== undefined && !claimedAt[i - 1]) {
        added.add(tokens.length - 1);
        return;
      }
      tokens.push(token);
      claimed.push(claimedAt[i]!);
    });
    const found = new Map<string, number>();
    const more = new Map<string, number>();
    const counted = new Set<number>();
    // Each token's count, once (not once per pattern and position: that was a sixth of a knowledge answer's CPU, issue 24).
    // "2x Exchange 2016 CU23 and 2x Exchange 2019 CU15 members": "2x" counts like "2".
    const counts = tokens.map((token, i) =>
      claimed[i] ? undefined : /^\d{1,3}$/.test(token.text) ? Number(token.text) : (NUMBER_WORDS.get(token.text) ?? timesCount(token.text)),
    );
    // "dag with 4 databases": a count its own noun follows ("4 databases") is that noun's, never the
    // count of a pattern ending in the number ("dag with {n}", "cluster of {n}").
    const nounAfter = new Map<number, string>();
    for (let from = 0; from < tokens.length; from += 1) {
      if (counts[from] === undefined) continue;
      for (const pattern of this.numberPatternsByFirst.get(undefined) ?? []) {
        if (pattern.words.length < 2 || from + pattern.words.length > tokens.length) continue;
        if (pattern.words.every((word, i) => i === 0 || word === tokens[from + i]!.text)) nounAfter.set(from, pattern.dimension);
      }
    }
    for (let from = 0; from < tokens.length; from += 1) {
      for (const pattern of this.numberPatternsAt(tokens[from]!.text, counts[from] !== undefined)) {
        if (from + pattern.words.length > tokens.length) continue;
        let value: number | undefined;
        let at = -1;
        let fits = true;
        for (let i = 0; i < pattern.words.length && fits; i += 1) {
          const word = pattern.words[i];
          const text = tokens[from + i]!.text;
          if (word !== undefined) fits = text === word || (word.length > 4 && text.length === word.length + 1 && text.endsWith('s') && text.startsWith(word));
          else {
            value = counts[from + i];
            at = from + i;
            fits = value !== undefined;
          }
        }
        if (!fits || value === undefined || value <= 0) continue;
        const owner = nounAfter.get(at);
        if (owner !== undefined && owner !== pattern.dimension && pattern.words[pattern.words.length - 1] === undefined) continue;
        if (added.has(at)) {
          more.set(pattern.dimension, Math.max(more.get(pattern.dimension) ?? 0, value));
          counted.add(at);
        }
        // Two counts of one thing ("currently 2 EVS, want to add a 3rd", "grow the DAG from 4 to 6
        // members"): the larger is the planned setup, and the one a limit can break.
        else if (value > (found.get(pattern.dimension) ?? 0)) found.set(pattern.dimension, value);
      }
    }
    // "a DAG of 16 members, we want to add three more": a count of what is added with no noun of its own adds members (issue 21, e21).
    const members = this.dimensions.find((d) => d.id === SPREAD_DIMENSION);
    for (const at of added) {
      if (counted.has(at) || !members || found.get(members.id) === undefined || !ADDING_VERBS.has(tokens[at - 1]?.text ?? '')) continue;
      more.set(members.id, Math.max(more.get(members.id) ?? 0, counts[at] ?? 0));
    }
    for (const [dimension, extra] of more) found.set(dimension, (found.get(dimension) ?? 0) + extra);
    // Counts by version add up only for one DAG or cluster said ("2 Exchange 2013 and 3 Exchange 2016 servers" alone is an estate).
    const grouped = matches.some((m) => m.entry.payload.some((p) => p.dimension === 'ha' && (p.value === 'dag' || CLUSTER_HA.has(p.value ?? ''))));
    const parts = memberTotal(tokens, counts, grouped ? named : new Set());
    if (parts !== undefined && members && parts > (found.get(members.id) ?? 0)) found.set(members.id, parts);
    // "one node on 2019 and the others on 2022": one member set apart from an uncounted rest is no count of one (session 14, lead).
    if (members && found.get(members.id) === 1 && tokens.some((t, i) => (t.text === 'others' || t.text === 'rest' || t.text === 'remaining') && tokens[i - 1]?.text === 'the'))
      found.delete(members.id);
    // "2 SE DAGs with 20 mailbox servers": members counted over several DAGs are no one DAG's members; "4 members each" are (issue 21, n21).
    if (members && found.has(members.id) && tokens.some((t) => SEVERAL_GROUPS.has(t.text)) && !tokens.some((t) => EACH_WORDS.has(t.text))) found.delete(members.id);
    return found;
  }
}

/** Several DAGs or clusters said at once ("2 SE DAGs", "both clusters"). */
const SEVERAL_GROUPS: ReadonlySet<string> = new Set(['dags', 'clusters']);
/** Words making a count one DAG's when several are said ("4 members each", "per DAG"). */
const EACH_WORDS: ReadonlySet<string> = new Set(['each', 'per', 'apiece', 'every']);
/** The dimension that counts the members of one DAG or cluster (member-sums.ts adds its parts up). */
const SPREAD_DIMENSION = 'nodes';

/** A listed line the user sets aside ("ignore it") or that is about another product (issue 21, g21: w4-design-03). */
/** A site's label opening a line ("HQ site: ", "Main DC site: ", "DR datacenter: "): up to three words, then a place word and a colon. */
const SITE_LABEL = /^\s*(?:[\w-]+\s+){0,3}(?:site|datacenter|datacentre|data center|location|office|campus|region)\s*:\s*/i;
/** A site's line that builds a DAG of its own: "HQ site: DAG of three ...", "DR site: another DAG, ...", "Paris site: a DAG of 2". */
const SITE_DAG_LINE = new RegExp(String.raw`${SITE_LABEL.source}(?:(?:a|one|another|its own|a second|a separate)\s+)?dag\b`, 'i');
/** Words saying the sites share one DAG: "one DAG stretched over both sites", "the same DAG", "a stretched DAG". */
const ONE_DAG_OVER_SITES = /\b(?:stretched|same dag|one dag (?:across|over|spanning|for both|in both)|single dag)\b/i;
const SET_ASIDE_LINE = /\b(ignore (it|this|that|them|those)|skype( for business)?|lync|sharepoint|not (an )?exchange)\b/i;

/** "FE1, FE2 - front-end, ...", "BH1: bridgehead": server names (letters then a number) that open a line before a dash or colon. */
const LEADING_NAMES = /^\s*[a-z][a-z_-]{0,14}\d{1,3}(?:\s*(?:,|\+|&|and)\s*[a-z][a-z_-]{0,14}\d{1,3})*\s*(?:-|–|:)\s/i;

/** How many servers the names opening a line count, or undefined when the line opens otherwise. */
function leadingServerNames(line: string): number | undefined {
  const names = LEADING_NAMES.exec(line);
  return names ? (names[0].match(/[a-z][a-z_-]{0,14}\d{1,3}/gi) ?? []).length : undefined;
}

/** A copy callers may change without changing the memo (see FactRecognizer.extract). */
function copyOfExtract(read: { facts: Facts; ambiguous: string[] }): { facts: Facts; ambiguous: string[] } {
  return { facts: { ...read.facts }, ambiguous: [...read.ambiguous] };
}

/**
 * "DAG01", "MBX01-MBX04", "EDGE01", "CAS-02": a server or DAG name made of a role or DAG word and a number
 * names that role or a DAG. The number is blanked (same length), never read as a count or a version.
 */
const SERVER_NUMBER = /\b(dag|mbx|edge|cas|hub)([-_]?\d{1,3})\b/gi;
/** A listed line adding members to a DAG of a line above: "same DAG", "also in DAG-A", "joins DAG01", "in the same dag" (d25). */
export const SAME_DAG_LINE = /\b(?:(?:the\s+)?same\s+dag|(?:also|too)\s+in\s+(?:the\s+)?dag[\w-]*|joins?\s+(?:the\s+)?dag[\w-]*|member\s+of\s+the\s+same\s+dag)\b/i;
/**
 * Session 14 (d26, w9-design-02): "three parts: 1) 2019 cu15 dag of 2 ...; 2) 2019 cu15 edge ...", "\n2. SE edge ...": a list's
 * item number at a line's start or after a colon or semicolon numbers the item, never the servers ("2) ... edge" is no two
 * Edge servers). Blanked, same length.
 */
const LIST_NUMBER = /(^|\n|[:;])([ \t]*)([1-9]\)|(?<=(?:^|\n)[ \t]*)[1-9]\.)(?=[ \t]+\S)/g;
export function blankListNumbers(text: string): string {
  return text.replace(LIST_NUMBER, (_all, lead: string, space: string, number: string) => lead + space + ' '.repeat(number.length));
}
export function blankServerNumbers(text: string): string {
  return text.replace(SERVER_NUMBER, (_all, word: string, number: string) => word + ' '.repeat(number.length));
}

/**
 * "still OK after October 2025?", "no budget until 2028", "since Jan 2026": a year in a date is no Exchange
 * version or Windows release. Blanked (same length) with its month or the word that makes it a date.
 */
const DATE_YEAR =
  /\b((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?|(?:until|till|before|after|since|through|thru|by end of|end of|by|q[1-4]|h[12])\s+)(20\d\d)\b/gi;
/**
 * "exchange 2010 sp3 rollup 32", "ru 32", "update rollup 32" (session 12 o24): the number of an update rollup or security
 * update is no 32-bit Windows, count or version. Blanked (same length); "RU32" in one word is read as before.
 */
const ROLLUP_NUMBER = /\b((?:update\s+rollup|rollup|ru|ur|su|security\s+update)\s+#?\s*)(\d{1,2})\b/gi;
export function blankRollupNumbers(text: string): string {
  return text.replace(ROLLUP_NUMBER, (_all, words: string, number: string) => words + ' '.repeat(number.length));
}

export function blankDates(text: string): string {
  return text.replace(DATE_YEAR, (all) => ' '.repeat(all.length));
}

/**
 * Dimensions that describe a server: said of the DAG's witness ("witness on the DC", "FSW on one of the
 * hubs", "DC01 as the witness") they describe the witness, which is no DAG member and may be any
 * Windows Server (plan-ha.md), not the members or another server group.
 */
const WITNESS_HOST_DIMENSIONS = new Set(['domainController', 'role', 'windows', 'windowsEdition', 'serverCore', 'architecture', 'clusterWorkloads']);
/** Words that may stand between a witness and the server it is placed on ("the witness server is one of the DCs"). */
const WITNESS_PLACING = new Set([
  'on',
  'is',
  'at',
  'in',
  'the',
  'a',
  'an',
  'our',
  'their',
  'one',
  'of',
  'server',
  'share',
  'hosted',
  'lives',
  'sits',
  'will',
  'be',
  'placed',
  'runs',
  'running',
  'located',
  'goes',
  'directory',
  'existing',
  'will',
  'go',
  // "witness on a separate member server": the host's own words.
  'separate',
  'dedicated',
  'different',
  'standalone',
  'another',
  'other',
  'its',
  'own',
  // "the witness is an old Windows Server 2016 file server", "FSW on a spare 2016 VM": words describing the host
  // (issue 21, c21: w5-se-05 read the witness's release as a second release of the members).
  'old',
  'older',
  // "fsw itself is an old 2016 box" (the witness's host named again, session 13 d25: named-hosts.ts).
  'itself',
  'spare',
  'small',
  'little',
  'legacy',
  'new',
  'plain',
  'simple',
  'physical',
  'virtual',
  'with',
  'which',
  'that',
]);
/** Separators that keep the witness's host in the witness's clause: "witness: FS01 (Windows Server 2019)", "FSW = FS-EU-01". */
const WITNESS_LINK = /^(?: |\s*[:=]\s*| \(|-)$/;
/** Words after a witness that place it out of the DAG ("not a DAG member", "outside the DAG"). */
const WITNESS_NOT_IN = new Set(['not', 'outside', 'isn', 'never']);
/** Verbs between a server and the witness that make it the witness's host ("a 2019 file server hosts the witness"). */
const HOSTS_THE_WITNESS = new Set(['hosts', 'holds', 'is', 'runs', 'serves', 'acts', 'hosting', 'holding', 'has', 'carries']);
/** Other words that may stand there ("FS01 on server 2019 is the file share witness", "serves as our witness"). */
const BEFORE_THE_WITNESS = new Set(['on', 'the', 'a', 'an', 'our', 'as', 'also', 'will', 'be', 'dag', 'file', 'share']);
/** Words after a server that make it the witness ("DC01 as the file share witness"). */
const AS_WITNESS = /^\s*as\s+(?:(?:the|a|an|our)\s+)?(?:dag\s+)?(?:file\s+share\s+)?(?:witness|fsw)\b/i;

/** Words that make a Windows release after "witness on" the witness server's own ("FSW on a 2012 R2 file server"). */
const WITNESS_SERVER_WORDS = new Set(['server', 'servers', 'box', 'boxes', 'file', 'fs', 'vm', 'host', 'machine', 'fileserver', 'dc', 'dcs', 'share']);

/**
 * "DAG of 2 + witness on Windows 2008 R2 SP1 Enterprise" (issue 21, s21; w4-after-09): a Windows release
 * ending the clause after "witness on", with no server word after it and no other release named, is the
 * platform of the whole setup, not the witness server's.
 */
function isPlatformOfAll(host: PhraseMatch<Mention[]>, matches: readonly PhraseMatch<Mention[]>[], tokens: readonly Token[]): boolean {
  if (!host.entry.payload.some((p) => p.dimension === 'windows')) return false;
  if (matches.some((m) => m !== host && m.entry.payload.some((p) => p.dimension === 'windows' && p.value !== undefined))) return false;
  let end = host.to;
  // The edition or architecture said after the release ("... 2008 R2 Enterprise x64") belongs with it.
  for (
    let next = matches.find((m) => m.from === end);
    next && next.entry.payload.every((p) => p.dimension === 'windowsEdition' || p.dimension === 'architecture');
    next = matches.find((m) => m.from === end)
  )
    end = next.to;
  const after = tokens[end];
  return after === undefined || !joined(tokens, end) || !WITNESS_SERVER_WORDS.has(after.text);
}

/** The mentions of a text less those that describe the DAG's witness server (see {@link WITNESS_HOST_DIMENSIONS}). */
function withoutWitnessHost(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[], text: string): PhraseMatch<Mention[]>[] {
  const isWitness = (m: PhraseMatch<Mention[]>) => m.entry.payload.some((p) => p.dimension === 'witness' && p.value === 'yes');
  if (!matches.some(isWitness)) return matches;
  // "FSW on a 2016 box": a bare year after the witness is its host's Windows release, though it could name Exchange.
  const bareYear = (m: PhraseMatch<Mention[]>) =>
    m.to - m.from === 1 &&
    /^\d{4}$/.test(tokens[m.from]!.text) &&
    m.entry.payload.every((p) => WITNESS_HOST_DIMENSIONS.has(p.dimension) || p.dimension === 'version' || p.dimension === 'edition');
  const describesHost = (m: PhraseMatch<Mention[]>) => m.entry.payload.every((p) => WITNESS_HOST_DIMENSIONS.has(p.dimension)) || bareYear(m);
  const linked = (at: number) => at > 0 && at < tokens.length && WITNESS_LINK.test(text.slice(tokens[at - 1]!.end, tokens[at]!.start));
  // A server's own name ("FS01", "fs-eu-01", "srv-wit"): letters and digits, or a word joined to the last by a hyphen.
  const serverName = (at: number) =>
    (/^(?=.*\d)[a-z0-9]{2,}$/.test(tokens[at]!.text) && !/^\d{4}$/.test(tokens[at]!.text)) || (at > 0 && text.slice(tokens[at - 1]!.end, tokens[at]!.start) === '-');
  const dropped = new Set<PhraseMatch<Mention[]>>();
  for (const witness of matches.filter(isWitness)) {
    // Forward: "witness on the domain controller", "FSW on one of the hubs", "witness: FS01 (Windows Server 2019)";
    // no comma or full stop between.
    let at = witness.to;
    while (at < tokens.length && at - witness.to <= 8 && linked(at)) {
      const host = matches.find((m) => m.from === at && describesHost(m));
      if (host && isPlatformOfAll(host, matches, tokens)) break;
      if (host) {
        dropped.add(host);
        // "witness on the hub/cas", "on the CAS/HT server": one host named by several roles; "on a 2019 core
        // server", "on Windows Server 2016 Datacenter": its release, edition and installation said in a row.
        for (let next = host; ;) {
          const gap = tokens[next.to] ? text.slice(tokens[next.to - 1]!.end, tokens[next.to]!.start) : '';
          // Only a mention said in one run of words ("server, 2008 R2" names the setup's release after the comma).
          const inOneRun = (m: PhraseMatch<Mention[]>) => Array.from({ length: m.to - m.from - 1 }, (_, k) => m.from + 1 + k).every((k) => joined(tokens, k));
          const after = /^\s*\/\s*$|^ $/.test(gap)
            ? matches.find((m) => m.from === next.to && inOneRun(m) && m.entry.payload.every((p) => WITNESS_HOST_DIMENSIONS.has(p.dimension)))
            : undefined;
          if (!after) break;
          dropped.add(after);
          next = after;
        }
        break;
      }
      if (!WITNESS_PLACING.has(tokens[at]!.text) && !WITNESS_SERVER_WORDS.has(tokens[at]!.text) && !serverName(at)) break;
      at += 1;
    }
  }
  // "the witness is not a DAG member", "witness outside the DAG", "witness on a server that is not in the DAG": where the
  // witness is not; set against, the DAG named there made the whole message's DAG unsaid (issue 21, c21).
  for (const witness of matches.filter(isWitness)) {
    let negated = false;
    for (let at = witness.to; at < tokens.length && at - witness.to <= 8 && joined(tokens, at); at += 1) {
      const word = tokens[at]!.text;
      if (WITNESS_NOT_IN.has(word)) negated = true;
      const ha = matches.find((m) => m.from === at && m.entry.payload.every((p) => p.dimension === 'ha' || p.dimension === 'role'));
      if (ha && negated) {
        dropped.add(ha);
        break;
      }
      if (ha) break;
    }
  }
  // Backward: "DC01 as the witness", "a DC as FSW"; "a 2019 file server hosts the witness", "FS01 on server 2019 is
  // the file share witness" (issue 21, c21): the host named first, then a verb making it the witness.
  for (const m of matches) {
    if (!describesHost(m)) continue;
    if (AS_WITNESS.test(text.slice(tokens[m.to - 1]!.end))) {
      dropped.add(m);
      continue;
    }
    let hosting = false;
    for (let at = m.to; at < tokens.length && at - m.to <= 6 && joined(tokens, at); at += 1) {
      if (hosting && matches.some((w) => w.from === at && isWitness(w))) {
        dropped.add(m);
        break;
      }
      const word = tokens[at]!.text;
      if (HOSTS_THE_WITNESS.has(word)) hosting = true;
      else if (!WITNESS_SERVER_WORDS.has(word) && !BEFORE_THE_WITNESS.has(word) && !/^(?=.*\d)[a-z0-9]{2,}$/.test(word)) break;
    }
  }
  return dropped.size === 0 ? matches : matches.filter((m) => !dropped.has(m));
}

/** True when `match` is a bare count word ("single") and a value of the same dimension follows within two words. */
function countsNext(match: PhraseMatch<Mention[]>, later: readonly PhraseMatch<Mention[]>[]): boolean {
  if (countOf(match.entry.phrase.toLowerCase()) === undefined) return false;
  const dimensions = new Set(match.entry.payload.map((m) => m.dimension));
  return later.some((m) => m.from - match.to <= 2 && m.entry.payload.some((p) => p.value !== undefined && dimensions.has(p.dimension)));
}

/** Words that make a following "DC" a datacenter or a site's domain controllers, not the servers: "across 2 DCs", "2 per DC", "primary DC". */
const IN_SEVERAL = new Set(['2', '3', 'two', 'three', 'both', 'different', 'separate', 'multiple', 'our']);
const DATACENTER_BEFORE = new Set([
  'across',
  'over',
  'spans',
  'span',
  'spanning',
  'spread',
  'between',
  'per',
  'each',
  'primary',
  'secondary',
  'dr',
  'stretched',
  'site',
  'sites',
  // "2 in our main DC, 2 in the DR DC; witness in a third DC" (issue 21, c21).
  'main',
  'third',
  'backup',
  'remote',
]);

/**
 * "a DAG across 2 DCs", "2 members per DC", "stretched over the primary DC and the DR DC": the acronym
 * names datacenters (or, "same AD site as the DCs", other servers), not members that are domain
 * controllers; read as such it would make a supported DAG Not supported (issue 21, t21).
 */
function isDatacenter(match: PhraseMatch<Mention[]>, tokens: readonly Token[]): boolean {
  if (!match.entry.payload.some((p) => p.dimension === 'domainController' && p.value === 'yes')) return false;
  if (!/^dcs?$/i.test(match.entry.phrase)) return false;
  for (let k = match.from - 1; k >= Math.max(0, match.from - 3); k -= 1) if (DATACENTER_BEFORE.has(tokens[k]!.text)) return true;
  // "4 members in 2 DCs", "in both DCs", "in different DCs".
  const counted = tokens[match.from - 1];
  return counted !== undefined && IN_SEVERAL.has(counted.text) && tokens[match.from - 2]?.text === 'in';
}

/** "no NLB" said beside any high availability but these is about NLB alone. */
const NOT_OTHER_HA = new Set(['none', 'nlb']);
const NO_BALANCING = /\b(nlb|load balancing)\b/i;
/** The stated fact that Windows NLB runs on the clustered servers themselves. */
const NLB_ON_SAME_SERVERS = 'nlbOnSameServers';

/** Words that, right before a mention, set it aside ("instead of NLB", "rather than MSCS"). */
const RULED_OUT_BEFORE: readonly (readonly string[])[] = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['not'],
  ['replacing'],
  ['replace'],
  // "what if we swap the nlb for our f5 pair?", "ditch the nlb for a kemp": the value swapped out (session 15 o27, w8-after-14).
  ['swap'],
  ['swapping'],
  ['swap', 'out'],
  ['swapping', 'out'],
  ['ditch'],
  ['ditching'],
  ['get', 'rid', 'of'],
  ['getting', 'rid', 'of'],
  ['without'],
  ['no'],
  // "we don't use NLB", "not using MSCS", "no need for NLB": what the setup does without (issue 21, t21).
  ['don', 't', 'use'],
  ['dont', 'use'],
  ['do', 'not', 'use'],
  ['doesn', 't', 'use'],
  ['does', 'not', 'use'],
  ['won', 't', 'use'],
  ['will', 'not', 'use'],
  ['never', 'use'],
  ['not', 'using'],
  ['don', 't', 'have'],
  ['dont', 'have'],
  ['do', 'not', 'have'],
  ['no', 'need', 'for'],
  // "the edge server outside the DAG", "not in the cluster": placed out of it.
  ['outside'],
  ['outside', 'of'],
  ['not', 'in'],
  ['not', 'part', 'of'],
  ['separate', 'from'],
];

/** True when one of `words` is a name, acronym, short answer or the label of `dimension`'s value `valueId`. */
function namedBy(dimension: Dimension, valueId: string, words: ReadonlySet<string>): boolean {
  const value = dimension.values.find((v) => v.id === valueId);
  if (!value || words.size === 0) return false;
  return [value.label, ...value.names, ...value.acronyms, ...value.answers].some((name) => words.has(name.toLowerCase()));
}

/**
 * What carries a "no" from one item of a list to the next: "/", "or", "nor" (", or" too). Not a bare comma or "and": "no nntp,
 * kms is on node 1" and "no nntp and kms" may say the next item runs, and reading it away would be a kinder verdict.
 */
const LIST_GAP = /^\s*(?:\/|,?\s*(?:or|nor)(?=\s))\s*$/i;

function isRuledOut(tokens: readonly Token[], from: number): boolean {
  // "not a back-end", "instead of the cluster": an article may stand between; "no, Standard" is an answer, not a negation.
  const at = from > 0 && ARTICLES.has(tokens[from - 1]!.text) && joined(tokens, from) ? from - 1 : from;
  return joined(tokens, at) && RULED_OUT_BEFORE.some((words) => at >= words.length && words.every((word, i) => tokens[at - words.length + i]!.text === word));
}

/** True when `at` stands inside round brackets opened before it on its line and not closed ("(no DCs, witness FS9)"). */
function insideBrackets(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  let depth = 0;
  for (const c of line) depth = c === '(' ? depth + 1 : c === ')' ? Math.max(0, depth - 1) : depth;
  return depth > 0;
}

/** True when the word at `index` follows the previous one after a single space (no comma or full stop between). */
function joined(tokens: readonly Token[], index: number): boolean {
  return index > 0 && index < tokens.length && tokens[index]!.start - tokens[index - 1]!.end === 1;
}

const ARTICLES = new Set(['a', 'an', 'the', 'any']);

/** Words after "enterprise" or "standard" that make it part of another name ("Enterprise Vault", "enterprise admins"). */
const NOT_AN_EDITION_AFTER = new Set(['vault', 'admin', 'admins', 'agreement', 'ca', 'network', 'windows', 'win', 'server', 'os', 'licence', 'license', 'cal', 'cals', 'time']);

/** Exchange 2000/2003 front-ends are never clustered: a cluster beside them holds the back-ends (KB837852, C1/C2). */
const CLUSTER_PARTNER_ROLE: ReadonlyMap<string, string> = new Map([['front-end', 'back-end']]);
const CLUSTER_HA = new Set(['cluster', 'clustering']);

/** Words that count or point at a set of servers at the start of a clause ("2 DCs", "our DCs"). */
const DC_SUBJECT_LEADS = new Set(['our', 'the', 'their']);

/**
 * "SE DAG of 2 on ws2025, 2 DCs on ws2022", "plus two domain controllers", "our DCs run 2016": domain
 * controllers counted or named as the subject of their own clause are other servers of the network, not
 * the Exchange servers; what that clause says (their Windows release) is theirs. Read as the setup's, the
 * DCs made the DAG members domain controllers on mixed Windows releases: a wrong "Not supported". "the
 * nodes are also DCs", "Exchange on the DCs" still say it of the Exchange servers.
 */
function withoutOtherDcs(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[], text: string): PhraseMatch<Mention[]>[] {
  // "and"/"plus" start a clause; "also" does not ("the nodes are also the DCs").
  const clauseStart = (at: number) => at === 0 || /[,;:.+(]|\s[-–—/]\s/.test(text.slice(tokens[at - 1]!.end, tokens[at]!.start)) || ['and', 'plus'].includes(tokens[at - 1]!.text);
  // Only beside a description of the Exchange servers: "the DCs" alone (an answer, a fact added later) is about them ...
  const describesExchange = matches.some((m) => m.entry.payload.some((p) => ['version', 'ha', 'role', 'update'].includes(p.dimension) && p.value !== undefined));
  // ... unless their own clause gives their Windows release: "our domain controllers are all windows server 2016", "the DCs run
  // windows server 2022" after a verdict are the DCs' platform, not the Exchange servers' (session 12 d24: w9-after-35, -41).
  const sentenceEndAt = (k: number) => k < tokens.length && /[.;!?]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  const ownWindowsClause = (match: PhraseMatch<Mention[]>): boolean => {
    let from = match.from;
    while (from > 0 && ['our', 'the', 'all', 'their'].includes(tokens[from - 1]!.text)) from -= 1;
    if (!clauseStart(from) || !DC_PLACING_VERBS.has(tokens[match.to]?.text ?? '') || sameServersLater(match, tokens, sentenceEndAt)) return false;
    return matches.some(
      (m) => m.from >= match.to && !tokens.slice(match.to, m.from).some((_t, i) => i > 0 && clauseStart(match.to + i)) && m.entry.payload.some((p) => p.dimension === 'windows'),
    );
  };
  if (!describesExchange && !matches.some(ownWindowsClause)) return matches;
  const dropped = new Set<PhraseMatch<Mention[]>>();
  for (const match of matches) {
    if (
      !match.entry.payload.some((p) => p.dimension === 'domainController' && p.value === 'yes') ||
      !/^(?:the )?(?:dcs?|gcs?|domain controllers?|global catalogs?)$/i.test(match.entry.phrase)
    )
      continue;
    if (!describesExchange && !ownWindowsClause(match)) continue;
    // "..., the DCs run 2016": the phrase holds its own article.
    if (/^the /i.test(match.entry.phrase)) {
      if (clauseStart(match.from)) dropped.add(match);
      else continue;
    }
    let at = match.from;
    // "2 DCs", "two new DCs", "our 2 DCs": a count or an owner word, at the start of a clause.
    if (at > 0 && tokens[at - 1]!.text !== 'also' && (countOf(tokens[at - 1]!.text) !== undefined || DC_SUBJECT_LEADS.has(tokens[at - 1]!.text))) at -= 1;
    if (at > 0 && at !== match.from && DC_SUBJECT_LEADS.has(tokens[at - 1]!.text)) at -= 1;
    // "we have 3 DCs but they are separate servers", "there are 2 DCs": counted after words that only say they exist.
    // The rest of the sentence must not tie them to the Exchange servers ("we have 2 DCs and they are also the DAG members").
    const sentenceEnd = (k: number) => /[.;!?]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
    const existing =
      at !== match.from &&
      HAVE_LEADS.some((words) => at >= words.length && words.every((w, i) => tokens[at - words.length + i]!.text === w) && clauseStart(at - words.length)) &&
      !sameServersLater(match, tokens, (k) => k < tokens.length && sentenceEnd(k));
    if (!dropped.has(match) && !existing && (at === match.from ? !dcsOwnClause(match, tokens, clauseStart, (k) => k < tokens.length && sentenceEnd(k)) : !clauseStart(at)))
      continue;
    dropped.add(match);
    // The rest of the clause is said of the DCs: their Windows release and edition ("two DCs (2019)": in brackets right after them too).
    for (const later of matches) {
      if (later.from < match.to) continue;
      const bracketed = later.from === match.to && /^\s*\(\s*$/.test(text.slice(tokens[match.to - 1]!.end, tokens[later.from]!.start));
      if (bracketed && later.to - later.from === 1 && /^\d{4}$/.test(tokens[later.from]!.text) && later.entry.payload.every((p) => ['version', 'windows'].includes(p.dimension))) {
        dropped.add(later);
        continue;
      }
      if (clauseStart(later.from) && later.from > match.to && !bracketed) break;
      const cut = tokens.slice(match.to, later.from).some((t, i) => clauseStart(match.to + i) && i > 0);
      if (cut) break;
      if (later.entry.payload.every((p) => ['windows', 'windowsEdition', 'architecture', 'serverCore'].includes(p.dimension))) dropped.add(later);
    }
  }
  return dropped.size === 0 ? matches : matches.filter((m) => !dropped.has(m));
}

/** Verbs after a bare "DCs" opening a clause that say where the DCs themselves are ("DCs still on 2016", "DCs run on other VMs"). */
const DC_PLACING_VERBS = new Set(['run', 'runs', 'still', 'sit', 'sits', 'live', 'lives', 'remain', 'remains', 'stay', 'stays', 'are', 'is', 'on']);
/** Words in that clause that say it of the Exchange servers after all ("DCs are also the DAG members", "DCs are the same boxes"). */
const DC_SAME_SERVERS = new Set(['also', 'too', 'same', 'members', 'member', 'nodes', 'node', 'exchange', 'dag', 'mailbox', 'both', 'them', 'these', 'those']);

/**
 * "SE DAG 2 members on 2025 standard, DCs still on 2016", "DCs run on other VMs": the domain controllers named bare at
 * the start of a clause that places them somewhere, with no word tying them to the Exchange servers (issue 21, c21).
 */
function dcsOwnClause(match: PhraseMatch<Mention[]>, tokens: readonly Token[], clauseStart: (at: number) => boolean, sentenceEnd: (at: number) => boolean): boolean {
  if (!clauseStart(match.from) || !joined(tokens, match.to) || !DC_PLACING_VERBS.has(tokens[match.to]?.text ?? '')) return false;
  return !sameServersLater(match, tokens, sentenceEnd);
}

/** True when the rest of the DCs' clause ties them to the Exchange servers ("... are also the DAG members"). */
function sameServersLater(match: PhraseMatch<Mention[]>, tokens: readonly Token[], clauseStart: (at: number) => boolean): boolean {
  for (let at = match.to; at < tokens.length && !(at > match.to && clauseStart(at)); at += 1) if (DC_SAME_SERVERS.has(tokens[at]!.text)) return true;
  return false;
}

/** Words before counted DCs that only say they exist ("we have 3 DCs", "there are 2 DCs"). */
const HAVE_LEADS: readonly (readonly string[])[] = [
  ['we', 'have'],
  ['we', 've', 'got'],
  ['we', 'got'],
  ['there', 'are'],
];

/** "since 2012 R2 is gone": words after a release that say it is no longer there. */
const GONE_AFTER: readonly (readonly string[])[] = [
  ['is', 'gone'],
  ['was', 'gone'],
  ['is', 'retired'],
  ['is', 'eol'],
  ['is', 'dead'],
  ['is', 'going', 'away'],
  ['goes', 'away'],
  // "both are server 2016 actually, 2025 was only the plan" (session 12 o24, w9-after-24): a release said to be only
  // planned or wrong is not what the servers run.
  ['was', 'only', 'the', 'plan'],
  ['was', 'just', 'the', 'plan'],
  ['was', 'the', 'plan'],
  ['was', 'only', 'planned'],
  ['was', 'just', 'planned'],
  ['was', 'wrong'],
  ['was', 'a', 'typo'],
];
/** "until we move to SE next year": words before a version that make it a later target. */
const MOVE_BEFORE: readonly (readonly string[])[] = [
  ['move', 'to'],
  ['moving', 'to'],
  ['migrate', 'to'],
  ['migrating', 'to'],
  ['upgrade', 'to'],
  ['upgrading', 'to'],
  ['go', 'to'],
  // "exchange 2016 cu2 on windows server 2016 is fine if we patch to cu23 later, right?": the update of today
  // is CU2; the later one is a plan (session 12, q22: read as CU23, the check said Supported with conditions).
  ['patch', 'to'],
  ['patching', 'to'],
  ['update', 'to'],
  ['updating', 'to'],
  // "planning SE on 2025 for next year" (issue 21, c21).
  ['planning'],
  ['plan'],
  ['planning', 'for'],
];
const LATER_WORDS = new Set(['next', 'later', 'eventually', 'someday', 'soon', 'until', 'when', 'once']);
/** Nouns after a version that make it a move ("the SE upgrade", "the 2019 migration"), not a server. */
const PLANNED_MOVE_NOUNS: ReadonlySet<string> = new Set(['upgrade', 'migration', 'move', 'rollout', 'cutover']);
/** Words saying such a move is still to come ("is only planned for next quarter", "is scheduled", "hasn't happened yet"). */
const PLANNED_WORDS: ReadonlySet<string> = new Set(['planned', 'scheduled', 'pending', 'yet', 'upcoming', ...LATER_WORDS]);

/** True when a word saying the move is still to come stands within four words from `at`. */
function plannedAfter(tokens: readonly Token[], at: number): boolean {
  return tokens.slice(at, at + 4).some((t) => PLANNED_WORDS.has(t.text));
}

/**
 * "rebuild our Exchange 2016 box on Server 2019, since 2012 R2 is gone": a Windows release said to be gone
 * is not one the setup runs on. "e2k19 cu13, standalone ... until we move to SE next year": an Exchange
 * version named as a later move, beside another version, is not a second version of this setup (a what-if
 * "what if we move to SE" names no other version and is read as before).
 */
function withoutPastAndFuture(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[]): PhraseMatch<Mention[]>[] {
  const wordsAt = (at: number, words: readonly string[]) => words.every((w, i) => tokens[at + i]?.text === w);
  const isVersion = (m: PhraseMatch<Mention[]>) => m.entry.payload.some((p) => (p.dimension === 'version' || p.dimension === 'update') && p.value !== undefined);
  const dropped = new Set<PhraseMatch<Mention[]>>();
  for (const m of matches) {
    if (m.entry.payload.some((p) => p.dimension === 'windows') && GONE_AFTER.some((words) => wordsAt(m.to, words))) dropped.add(m);
    // "it's still exchange 2019 cu15, the SE upgrade is only planned for next quarter" (w10, j-oos-06): a version named as a
    // move still to come ("the SE upgrade", "the 2019 migration"), beside another version, is not what runs today.
    if (isVersion(m) && PLANNED_MOVE_NOUNS.has(tokens[m.to]?.text ?? '') && plannedAfter(tokens, m.to + 1) && matches.some((o) => o !== m && isVersion(o) && !dropped.has(o))) {
      dropped.add(m);
      continue;
    }
    if (!isVersion(m) || !MOVE_BEFORE.some((words) => m.from >= words.length && wordsAt(m.from - words.length, words))) continue;
    const later = tokens.slice(Math.max(0, m.from - 5), Math.min(tokens.length, m.to + 5)).some((t) => LATER_WORDS.has(t.text));
    if (later && matches.some((other) => other !== m && isVersion(other) && !dropped.has(other))) {
      dropped.add(m);
      // "we'll move to SE on 2025 next year": the target's own Windows, said right after it, is no release of today's servers.
      let at = m.to;
      if (tokens[at]?.text === 'on' && at - m.to <= 1) at += 1;
      for (
        let host = matches.find((x) => x.from === at);
        host && host.entry.payload.every((p) => ['windows', 'windowsEdition', 'version'].includes(p.dimension));
        host = matches.find((x) => x.from === at)
      ) {
        dropped.add(host);
        at = host.to;
      }
    }
  }
  // "moving from 2019 to SE. We're on Exchange 2019 CU14, 2 DAG members, ...": the target of a move named
  // once, beside a source version the message goes on to describe, is not what runs today (issue 21, g21:
  // w3-oos-07 was judged as an in-place 2019-to-SE upgrade with no "Out of support" headline).
  const versionOf = (m: PhraseMatch<Mention[]>) => m.entry.payload.find((p) => p.dimension === 'version' && p.value !== undefined)?.value;
  for (const m of matches) {
    const target = versionOf(m);
    if (target === undefined || tokens[m.from - 1]?.text !== 'to') continue;
    const source = matches.find((x) => x.to === m.from - 1 && versionOf(x) !== undefined && tokens[x.from - 1]?.text === 'from');
    const sourceVersion = source ? versionOf(source) : undefined;
    if (!source || sourceVersion === undefined || sourceVersion === target) continue;
    // Counted by the word that names each ("2019" in "Exchange 2019 CU14", read as an update).
    const named = (match: PhraseMatch<Mention[]>) => tokens.filter((t) => t.text === tokens[match.to - 1]!.text).length;
    if (named(m) === 1 && named(source) >= 2) dropped.add(m);
  }
  return dropped.size === 0 ? matches : matches.filter((m) => !dropped.has(m));
}

/** Words after a bare year that make it a licence, not what a server runs ("spare 2016 licences"). */
const LICENCE_WORDS = new Set([
  'licence',
  'licences',
  'license',
  'licenses',
  'licensing',
  'cal',
  'cals',
  'keys',
  'key',
  'media',
  'iso',
  'template',
  'templates',
  'image',
  'images',
]);

/**
 * "Can Exchange SE go on Windows Server 2016? we have spare 2016 licences", "only 2016 templates left": a
 * bare year that only counts licences (or media, VM templates) says nothing about what is installed; read as a second Exchange version it
 * made the check ask which of two versions was meant. Only one-word mentions (a year, "2k16").
 */
function withoutLicenceYears(matches: PhraseMatch<Mention[]>[], tokens: readonly Token[]): PhraseMatch<Mention[]>[] {
  return matches.filter((m) => m.to - m.from !== 1 || !LICENCE_WORDS.has(tokens[m.to]?.text ?? '') || !/^(?:\d{4}|\d?k\d{1,2})$/.test(tokens[m.from]!.text));
}

/**
 * The phrase tables of a dimensions table: what the recognizer reads inside a sentence, what it reads
 * as each question's typed answer, and every phrase split into words. Built at each load, or read back
 * from what `npm run kb:build` saved for the very same table and code (reading/phrase-table-cache.ts).
 */
export interface PhraseTables {
  sentence: PhraseEntry<Mention[]>[];
  /** Dimension id and the phrases of its own answers, in table order. */
  answers: Array<[string, PhraseEntry<Mention[]>[]]>;
  /** Each phrase's words (shared by all the matchers, so each phrase is split once). */
  tokens: Map<string, Token[]>;
}

/** Builds the {@link PhraseTables} of a validated dimensions table. */
export function buildPhraseTables(dimensions: readonly Dimension[]): PhraseTables {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const sentence = mergeSamePhrases(dimensions.flatMap((dimension) => sentencePhrases(dimension, byId)));
  const answers = dimensions.map((dimension): [string, PhraseEntry<Mention[]>[]] => {
    // An answer is read with every other question's phrases in competition, so that the longest
    // phrase still wins: asked for the Windows edition, "Exchange Standard" is an Exchange edition,
    // not "Standard" Windows. At equal length the asked question's own phrases win.
    const own = dimension.values.flatMap((value) =>
      // The value's label too: Teams sends a pressed button's label back as typed text.
      [...value.names, ...value.acronyms, ...value.answers, value.label].map((phrase) => ({ phrase, payload: [{ dimension: dimension.id, value: value.id }], priority: 0 })),
    );
    return [dimension.id, mergeSamePhrases([...own, ...composedPhrases(dimension, byId, true)])];
  });
  const tokens = new Map<string, Token[]>();
  for (const entries of [sentence, ...answers.map(([, own]) => own)]) {
    for (const { phrase } of entries) if (!tokens.has(phrase)) tokens.set(phrase, tokenize(phrase));
  }
  return { sentence, answers, tokens };
}

/**
 * One entry per phrase: "CU15" is an answer of Exchange 2013, 2016 and 2019 alike, and the matcher
 * keeps one match per place in the text, so every value the phrase names must ride on that match
 * (the facts around it then say which one is meant). The strongest priority of the merged entries wins.
 */
function mergeSamePhrases(entries: readonly PhraseEntry<Mention[]>[]): PhraseEntry<Mention[]>[] {
  const merged = new Map<string, PhraseEntry<Mention[]>>();
  for (const entry of entries) {
    // Within one dimension only: across dimensions the table order decides ("2k19" is first the Exchange version).
    const dimensions = entry.payload.map((m) => m.dimension).join('+');
    const key = `${dimensions}:${entry.caseSensitive ? 'C' : 'i'}:${entry.caseSensitive ? entry.phrase : entry.phrase.toLowerCase()}`;
    const earlier = merged.get(key);
    if (!earlier) merged.set(key, { ...entry, payload: [...entry.payload] });
    else {
      earlier.payload.push(...entry.payload);
      earlier.priority = Math.min(earlier.priority ?? 0, entry.priority ?? 0);
    }
  }
  return [...merged.values()];
}

/** The phrases of a dimension that may be read inside any sentence. */
function sentencePhrases(dimension: Dimension, byId: ReadonlyMap<string, Dimension>): PhraseEntry<Mention[]>[] {
  const entries: PhraseEntry<Mention[]>[] = [];
  for (const value of dimension.values) {
    const mention = [{ dimension: dimension.id, value: value.id }];
    for (const phrase of value.names) entries.push({ phrase, payload: mention });
    for (const [phrase, states] of Object.entries(value.namesStating)) {
      entries.push({ phrase, payload: [...mention, ...Object.entries(states).map(([d, v]) => ({ dimension: d, value: v }))] });
    }
    for (const phrase of value.acronyms) {
      // "BE" is an acronym, "be" is a verb: acronyms that are also English words must match their case.
      entries.push({ phrase, payload: mention, caseSensitive: isStopWord(phrase.toLowerCase()) || CASE_SENSITIVE_ACRONYMS.has(phrase.toLowerCase()) });
    }
    // Answers with a digit ("2k3", "2003") are specific enough to read inside a sentence, but only
    // when no longer phrase ("Windows Server 2003") claims the same words.
    for (const phrase of value.answers) {
      if (/\d/.test(phrase)) entries.push({ phrase, payload: mention, priority: 2 });
    }
  }
  for (const phrase of dimension.partials) {
    entries.push({ phrase, payload: [{ dimension: dimension.id }], priority: 1 });
  }
  entries.push(...composedPhrases(dimension, byId, false));
  return entries;
}

/**
 * "Windows 2003 Enterprise", "Exchange 2003 Std", "2k3 r2 standard": a phrase of this dimension
 * followed by one of its `composeWith` dimension names both facts. Inside a sentence the first part
 * must be a name or an answer with a digit; as a typed answer any answer will do.
 */
function composedPhrases(dimension: Dimension, byId: ReadonlyMap<string, Dimension>, asAnswer: boolean): PhraseEntry<Mention[]>[] {
  const other = dimension.composeWith ? byId.get(dimension.composeWith) : undefined;
  if (!other) return [];
  const entries: PhraseEntry<Mention[]>[] = [];
  for (const value of dimension.values) {
    const heads = [...value.names, ...value.acronyms, ...value.answers.filter((a) => asAnswer || (dimension.composeAnswers && /\d/.test(a)))];
    for (const tail of other.values) {
      if (!fitsWith(tail.appliesWhen, dimension.id, value.id)) continue;
      const payload = [
        { dimension: dimension.id, value: value.id },
        { dimension: other.id, value: tail.id },
      ];
      for (const head of heads) {
        for (const word of [...tail.names, ...tail.answers]) entries.push({ phrase: `${head} ${word}`, payload, priority: -1 });
      }
    }
  }
  return entries;
}

/** Whether a value's `appliesWhen` allows `dimension=value` (only the test on that dimension is read here). */
function fitsWith(appliesWhen: Dimension['appliesWhen'], dimensionId: string, valueId: string): boolean {
  const test = appliesWhen?.[dimensionId];
  if (test === undefined) return true;
  if (typeof test === 'string') return test === valueId;
  if (Array.isArray(test)) return test.includes(valueId);
  if ('not' in test) return !(Array.isArray(test.not) ? test.not : [test.not]).includes(valueId);
  return true;
}

/**
 * The design several values of `dimension` named together describe: a value that the table reads
 * together with each of the others ("4 multi-role servers in one DAG, load balanced with a KEMP": a
 * DAG, with what each pair states besides), or undefined.
 */
function togetherOf(dimension: Dimension, values: ReadonlySet<string>): { keep: string; states: Record<string, string> } | undefined {
  for (const keep of values) {
    const pairs = [...values].filter((v) => v !== keep).map((v) => dimension.together.find((t) => t.keep === keep && t.values.includes(v) && t.values.includes(keep)));
    if (pairs.length > 0 && pairs.every((p) => p !== undefined)) return { keep, states: Object.assign({}, ...pairs.map((p) => p!.states)) as Record<string, string> };
  }
  return undefined;
}

/** The single roles these values hold: a multi-role value stands for the values it `combines`. */
function heldRoles(dimension: Dimension, values: Iterable<string>): Set<string> {
  return new Set([...values].flatMap((id) => dimension.values.find((v) => v.id === id)?.combines ?? [id]));
}

/** The value of `dimension` that `combines` exactly these values (a server holding these roles), if any. */
function combinedValue(dimension: Dimension, values: ReadonlySet<string>): string | undefined {
  return dimension.values.find((v) => v.combines !== undefined && v.combines.length === values.size && v.combines.every((c) => values.has(c)))?.id;
}

/**
 * "windows server 2012 (non r2)", "2008 non-r2": the release without R2, read as "not r2" is (a denial of R2), the same
 * length so that every offset stays (session 11, q21: "non r2" was read as both releases, a mixed-Windows design).
 */
function withoutNonR2(text: string): string {
  return text.replace(/\bnon[- ]r2\b/gi, 'not r2').replace(/\bnonr2\b/gi, 'not r2');
}
