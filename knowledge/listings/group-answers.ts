import type { Facts } from '../reading/fact-recognizer';
import type { KnowledgeBase } from '../knowledge-base';
import type { Dimension } from '../loading/schemas';
import { BoundedCache } from '../bounded-cache';
import { GENERIC_RELEASE, windowsServicePacks } from '../reading/windows-service-packs';
import { expandRanges } from './listing-parser';

/** The servers an answer or a sentence may be about: their Exchange version, names and roles. */
export interface GroupTarget {
  version?: string;
  names: readonly string[];
  /** The group's role ids, so that "the front-ends are behind NLB" reaches the front-end servers only. */
  roles?: readonly string[];
  /** Every server name of the listing: a clause naming another group's servers is not about this one. */
  allNames?: readonly string[];
  /** Every server of the listing is an Edge Transport server: a design said without naming a role is theirs. */
  allEdge?: boolean;
}

/** Role words a clause may be aimed at ("the FEs", "CAS", "back-ends", "mailbox servers", "edge"). */
const ROLE_TARGETS: readonly [RegExp, string][] = [
  [/\bfront[- ]?ends?\b|\bFEs?\b/, 'front-end'],
  [/\bback[- ]?ends?\b|\bBEs?\b/, 'back-end'],
  [/\bmailbox(?:es| servers?| roles?)?\b|\bMBX\b/i, 'mailbox'],
  [/\bclient ?access\b|\bCAS\b/i, 'client-access'],
  [/\bhub(?: ?transport)?s?\b/i, 'hub-transport'],
  [/\bedges?\b/i, 'edge-transport'],
];

/** "for the 2013 servers", "2019 boxes", "the SE ones": a clause aimed at the servers of one version ("Windows 2000 Server" is Windows). */
const VERSION_TARGET =
  /\b(?:for|on)?\s*(?:the|our|all)?\s*(?:exchange\s+)?(?<!\b(?:windows|win)\s{1,3})(2000|2003|2007|2010|2013|2016|2019|se|(?:20)?(?:00|03|07|10|13|16|19))\s*(?:servers?|box(?:es)?|ones?|machines?|nodes?|hosts?|vms?)\b|\bfor\s+(?:the\s+)?(?:exchange\s+)?(2000|2003|2007|2010|2013|2016|2019|se)\b|^\s*(?:the\s+)?(se|ex(?:20)?(?:03|07|10|13|16|19)|e(?:20)?(?:13|16|19))\s*[=:]/i;

/** "16 box", "ex19 =": a version's short form as the version's id. */
function versionId(word: string): string {
  const w = word.toLowerCase().replace(/^ex?/, '');
  return w === 'se' ? 'se' : w.length === 2 ? `20${w}` : w;
}
/** Windows' service pack ("2008 R2 SP1 Enterprise") says nothing the check asks, and splits the release from its edition. */
const WINDOWS_SERVICE_PACK = /\b(?:sp\s?\d|service pack \d)\b/gi;
/** A sentence about what is wanted or planned, not what runs: never read as the servers' facts. */
/** ("moved to new hardware last year", "got an in-place upgrade to 2003" are done: what runs now; a UM "dial plan" is no plan.) */
/** ("instead the two are hosts of one NLB cluster" says what runs; "instead we'd ..." and "... instead?" do not.) */
const NOT_YET =
  /\b(want|wants|(?<!\bdial\s)plans?|planning|planned|move|moving|(?<!\b(?:got|had|did)\s+an?\s+(?:in-place\s+|inplace\s+)?)upgrade|upgrading|migrate|migrating|going to|will|would|could|can we|should|instead(?!\s+(?:the|both|all|our|each|they|it)\s+(?:\w+\s+){0,2}?(?:are|is|run|runs|sit|sits|use|uses|share|shares)\b)|(?<!\b(?:moved|migrated|went)\s+(?:to|onto)\s+)new)\b|\?/i;

interface Clause {
  text: string;
  /** The version it is aimed at, the names of the servers it names, the roles it names; none for a clause about every server. */
  version?: string;
  names: string[];
  roles: string[];
}

/** "LDN-MB1..3 are DAG-LDN, all Windows Server 2019 Standard": a range of names names each server of it (see expandRanges). */
const spelledOut = (text: string) => (/\d\s?(?:\.{2,3}|[–—-]|\s(?:to|through|thru)\s)/.test(text) ? expandRanges(text) : text);

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An answer cut where it changes target: "2012 R2 Standard for the 2013 servers, 2022 Standard for the 2019 ones". */
function clauses(text: string, names: readonly string[], split: RegExp = ANSWER_SPLIT): Clause[] {
  // Every group of a listing cuts the same words against the same names: the last few cuts are kept (bounded).
  const key = `${split.source}\u0000${names.length}\u0000${names.join(',')}\u0000${text}`;
  const hit = CUTS.get(key);
  if (hit) return hit;
  const cut = cutClauses(text, names, split);
  if (key.length > 64 * 1024) return cut;
  if (CUTS.size >= 16) CUTS.clear();
  CUTS.set(key, cut);
  return cut;
}

/** Words just before a server named as the DAG's or cluster's witness host ("fsw on", "witness server:", "file share witness at"). */
const WITNESS_HOST = /\b(?:fsw|witness(?:\s+server)?|file\s+share\s+witness)\s*(?:is\s+)?(?:on|at|=|:)?\s*$/i;

const ANSWER_SPLIT = /;|,(?!\s*(?:standard|enterprise|datacenter)\b)|\band\b|\bbut\b|\n/i;
const CUTS = new Map<string, Clause[]>();

/** Commas and semicolons inside parentheses ("DAG13 (mailbox, 2012 R2 Std)") hold their clause together: masked before the cut. */
const MASKED = '\u0001';

function cutClauses(text: string, names: readonly string[], split: RegExp): Clause[] {
  const masked = text.includes('(') ? text.replace(/\([^()\n]{0,200}\)/g, (m) => m.replace(/[,;]/g, MASKED)) : text;
  return masked
    .split(split)
    .map((part) => part.replaceAll(MASKED, ',').trim())
    .filter((part) => part !== '')
    .map((part) => {
      const target = VERSION_TARGET.exec(part);
      const spelled = spelledOut(part);
      const lower = spelled.toLowerCase();
      const mentioned = names.filter((n) => lower.includes(n.toLowerCase()) && new RegExp(`\\b${escaped(n)}\\b`, 'i').test(spelled));
      // "MBX10-1/2 are a DAG with the fsw on CAS10-1": a server named only as the witness's host is not what the clause is about.
      const subjects = mentioned.filter((n) => !WITNESS_HOST.test(part.slice(0, part.search(new RegExp(`\\b${escaped(n)}\\b`, 'i')))));
      const named = subjects.length > 0 ? subjects : mentioned;
      const rest = named.reduce((t, n) => t.replace(new RegExp(`\\b${escaped(n)}\\b`, 'gi'), ' '), part);
      return {
        text: part.replace(VERSION_TARGET, ' ').trim(),
        ...(target ? { version: versionId((target[1] ?? target[2] ?? target[3])!) } : {}),
        names: named,
        roles: ROLE_TARGETS.filter(([pattern]) => pattern.test(rest)).map(([, id]) => id),
      };
    });
}

/** Whether a clause aimed at some servers (by version, name or role) is aimed at this group. */
function aimsAt(clause: Clause, group: GroupTarget): boolean {
  if (clause.version !== undefined && clause.version !== group.version) return false;
  const mine = new Set(group.names.map((n) => n.toLowerCase()));
  if (clause.names.length > 0 && !clause.names.some((n) => mine.has(n.toLowerCase()))) return false;
  // A group the paste shows no role for may be the one the clause names by role ("two standalone mailbox servers").
  if (clause.roles.length > 0 && (group.roles ?? []).length > 0 && !clause.roles.some((r) => group.roles!.includes(r))) return false;
  return true;
}

/** Aimed at some servers: by version or name, or by role (except an answer about the role itself, which names the role it gives). */
const isAimed = (clause: Clause, fact?: string) => clause.version !== undefined || clause.names.length > 0 || (fact !== 'role' && clause.roles.length > 0);

/** Answers read by fact and text, per recognizer: every group of a listing reads the same words (bounded, as every cache on the request path). */
const READS = new WeakMap<object, BoundedCache<string, Facts>>();

function read(kb: Pick<KnowledgeBase, 'recognizer'>, fact: string, text: string, group: GroupTarget): Facts {
  let cache = READS.get(kb.recognizer);
  if (!cache)
    READS.set(kb.recognizer, (cache = new BoundedCache<string, Facts>({ maxEntries: 4_000, maxBytes: 4 * 1024 * 1024, sizeOf: (f) => 64 + JSON.stringify(f).length * 2 })));
  const key = `${fact}\u0000${fact === 'update' ? (group.version ?? '') : ''}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return { ...hit };
  const value = readUncached(kb, fact, text, group);
  cache.set(key, { ...value });
  return value;
}

function readUncached(kb: Pick<KnowledgeBase, 'recognizer'>, fact: string, text: string, group: GroupTarget): Facts {
  if (fact === 'build') return kb.recognizer.extract(text).facts;
  // "CU14" says nothing without the version: read it as an update of the group's version.
  const known: Facts = fact === 'update' && group.version !== undefined ? { version: group.version } : {};
  const typed = fact === 'windows' ? text.replace(WINDOWS_SERVICE_PACK, ' ') : fact === 'update' ? text.replace(/\b(cu|sp)\s+(\d)/gi, '$1$2') : text;
  try {
    return kb.recognizer.readAnswer(fact, typed, known);
  } catch (error) {
    throw new Error(`A listing's answers name "${fact}" (answer "${text.slice(0, 80)}"), which is no fact the check knows: ${(error as Error).message}`);
  }
}

/**
 * The user's answers ({ windows: "2019 Standard", edition: "all enterprise" }) as facts for one group
 * of a listing. An answer that names its servers ("2003 Enterprise for the 2003 servers, 2003 R2 x64
 * for the 2007 ones", "EX01 and EX02 are Datacenter") gives each group what is aimed at it; the rest
 * of an answer applies to every group. Read through the answer tables, as typed answers are.
 */
export function answersForGroup(answers: Facts, kb: Pick<KnowledgeBase, 'recognizer'>, group: GroupTarget): Facts {
  const facts: Record<string, string> = {};
  for (const [fact, raw] of Object.entries(answers)) {
    const text = String(raw);
    const parts = clauses(text, group.allNames ?? group.names);
    const aimed = parts.filter((c) => isAimed(c, fact));
    if (aimed.length === 0) {
      Object.assign(facts, read(kb, fact, text, group));
      continue;
    }
    const mine = aimed.filter((c) => aimsAt(fact === 'role' ? { ...c, roles: [] } : c, group));
    const everyone = parts.filter((c) => !isAimed(c, fact));
    for (const clause of [...everyone, ...mine]) Object.assign(facts, read(kb, fact, clause.text, group));
  }
  return facts;
}

/**
 * What the words around a paste say of the servers' Windows ("all on Server 2016 Datacenter", "2013
 * boxes are 2012 R2 Standard, 2019 boxes are 2022 Standard"): read as an answer about Windows, clause by
 * clause, leaving out questions and plans ("can we move to 2025?").
 */
export function windowsInWords(rest: string, kb: Pick<KnowledgeBase, 'recognizer'>, group: GroupTarget): Facts {
  if (!/\b(windows|server|w2k\d*|win\s?20\d\d)\b|\b20(?:08|12|16|19|22|25)\b/i.test(rest)) return {};
  const names = group.allNames ?? group.names;
  // A sentence that names other servers only ("NEW2K10 is a single server too, 2008 r2 sp1 standard") is about them, every clause of it.
  const aboutOthers = (sentence: string) => {
    const s = spelledOut(sentence);
    const named = names.filter((n) => s.toLowerCase().includes(n.toLowerCase()) && new RegExp(`\\b${escaped(n)}\\b`, 'i').test(s));
    return named.length > 0 && !named.some((n) => group.names.some((m) => m.toLowerCase() === n.toLowerCase()));
  };
  const sentences = rest
    .split(/(?<=[.!?])\s+|\n/)
    .filter((s) => !NOT_YET.test(withoutNames(s, names)) && /\b(windows|server|w2k\d*)\b|\b20(?:08|12|16|19|22|25)\b/i.test(s) && !aboutOthers(s));
  if (sentences.length === 0) return {};
  // "Windows 2000 Server SP4 (not Advanced)": an edition the words deny is no edition they name.
  const said = sentences.map((s) => s.replace(/\(?\bnot\s+(?:an?\s+|the\s+)?(?:advanced|datacenter|enterprise|standard)(?:\s+(?:server|edition))?\)?/gi, ' '));
  const facts = answersForGroup({ windows: said.join('; ') }, kb, group);
  // Only Windows' own facts (its Desktop Experience too): the Exchange version a sentence names is the paste's to say.
  const own: Record<string, string> = Object.fromEntries(Object.entries(facts).filter(([d]) => ['windows', 'windowsEdition', 'architecture', 'serverCore'].includes(d)));
  // "all on 2008 R2 SP1 Enterprise": the service pack said of that release (the lowest when several are), for the minimum-SP limits.
  if (own.windows !== undefined) {
    const packs = windowsServicePacks(said.join('\n')).filter((p) => p.release === GENERIC_RELEASE || read(kb, 'windows', p.release, group).windows === own.windows);
    if (packs.length > 0) own.windowsServicePack = String(Math.min(...packs.map((p) => p.servicePack)));
  }
  return own;
}

/** A sentence with the servers' names blanked: "E19-NEW: Windows Server 2019" is no plan for something new. */
function withoutNames(sentence: string, names: readonly string[]): string {
  if (!/[A-Za-z0-9]-?(?:new|next|target|will|plan)\b/i.test(sentence)) return sentence;
  return names.reduce((t, n) => (t.toLowerCase().includes(n.toLowerCase()) ? t.replace(new RegExp(`\\b${escaped(n)}\\b`, 'gi'), ' ') : t), sentence);
}

/** Facts of the design the words around a paste may give: what no paste form shows. */
/** High availability only words say: what is in front of the servers (Windows NLB, a load balancer, DNS round robin). */
const SAID_FRONT_HA = ['nlb', 'load-balancer', 'load-balancing', 'dns-round-robin'];
/**
 * Virtualization said around a paste ("the datastores are NFS", "dynamic memory enabled", "nightly vmware snapshots", "an Azure
 * cloud witness") is the design too: the limits the guided check applies to it (A-58, A-59) apply to the listing's servers.
 */
const DESIGN_FACTS = [
  'ha',
  'edition',
  'domainController',
  'clusterMode',
  'nlbOnSameServers',
  'serverCore',
  'clusterWorkloads',
  'dataOnNas',
  'dynamicMemory',
  'vmSnapshots',
  'cloudWitness',
];

/**
 * What the words around a paste say of the design ("2-node active/passive cluster", "the two FEs sit
 * behind an F5", "Exchange Enterprise edition", "none of them is a DC"): read clause by clause as a
 * typed message is, each clause given to the servers it is aimed at (by version, name or role; every
 * server when it names none). Questions and plans are left out. A server's role is taken only for a
 * group the paste shows no role for; the high availability a clause names never reaches an Edge server
 * unless the clause names the Edge role.
 */
export function designInWords(rest: string, kb: Pick<KnowledgeBase, 'recognizer'> & Partial<Pick<KnowledgeBase, 'dimensions'>>, group: GroupTarget): Facts {
  if (rest.trim() === '') return {};
  const facts: Record<string, string> = {};
  for (const { clause, read, sentenceRoles } of readDesignClauses(rest, kb, group.allNames ?? group.names)) {
    if (!aimsAt(clause, group)) continue;
    for (const [d, v] of Object.entries(read)) {
      // "No DAG. The two boxes run Windows NLB": two values the table reads together as one design are that design.
      const pair = d === 'ha' && facts.ha !== undefined && facts.ha !== v && kb.dimensions ? haPair(kb.dimensions, facts.ha, v) : undefined;
      if (pair) Object.assign(facts, { ha: pair.keep }, Object.fromEntries(Object.entries(pair.states).filter(([k]) => facts[k] === undefined)));
      // "no DAG; both mailbox servers sit behind a Barracuda load balancer": what is in front of the servers says more than
      // the clause that only denied a DAG (single or several servers), whichever comes first.
      const inFront = !pair && d === 'ha' && (facts.ha === 'none' || facts.ha === 'several-servers') && SAID_FRONT_HA.includes(v);
      if (facts[d] !== undefined && !inFront) continue;
      if (DESIGN_FACTS.includes(d)) {
        // "we never built a DAG", "there is no cluster there": a DAG or cluster the clause denies is no design it says.
        if (d === 'ha' && MEMBERSHIP_HA.includes(v) && DENIED_MEMBERSHIP.test(clause.text)) continue;
        // ... unless its sentence names the Edge servers ("both edges are in the DMZ, published behind a Kemp VIP"), and then only a value an Edge server can have.
        if (
          d === 'ha' &&
          group.roles?.includes('edge-transport') &&
          !clause.roles.includes('edge-transport') &&
          !((sentenceRoles.includes('edge-transport') || group.allEdge === true) && EDGE_HA.includes(v))
        )
          continue;
        facts[d] = v;
      } else if (d === 'role' && (group.roles ?? []).length === 0) facts[d] = v;
      // "EDGE1 is joined to corp.local" under a paste (session 15, lead): the Edge servers' domain, said only of an Edge group
      // (it was dropped, and a domain-joined Edge server listed got Supported with conditions: A-43).
      else if (d === 'edgeDomainJoined' && group.roles?.includes('edge-transport')) facts[d] = v;
    }
  }
  return facts;
}

/**
 * A clause's facts. A remark in parentheses that clashes with the clause's design ("behind one netscaler VIP (single MX
 * record pointing at the VIP)": a load balancer, then "single" and "MX record") leaves the recognizer no high availability:
 * the clause without it says the design.
 */
function readClause(kb: Pick<KnowledgeBase, 'recognizer'>, text: string): Facts {
  const facts = kb.recognizer.extract(text).facts;
  if (facts.ha !== undefined || !text.includes('(')) return facts;
  const outside = kb.recognizer.extract(text.replace(/\([^()]*\)/g, ' ')).facts;
  return outside.ha !== undefined ? { ...facts, ha: outside.ha } : facts;
}

/** The pair of high availability values the table reads together as one design (fact-dimensions.yaml's `together`): a DAG whose members run NLB, NLB said beside "no DAG". */
export function haPair(dimensions: readonly Dimension[], a: string, b: string): { keep: string; states: Readonly<Record<string, string>> } | undefined {
  return dimensions.find((d) => d.id === 'ha')?.together.find((t) => t.values.includes(a) && t.values.includes(b));
}

/** The last paste's clauses and what each says: every group of one listing reads the same words (one entry, so bounded). */
let lastDesignRead: { key: string; recognizer: object; read: DesignClause[] } | undefined;

/** A clause of the words around a paste, what it says, and the roles its whole sentence names. */
interface DesignClause {
  clause: Clause;
  read: Facts;
  sentenceRoles: string[];
}

/** High availability that makes servers members of a DAG or cluster. */
const MEMBERSHIP_HA = ['dag', 'cluster', 'clustering', 'ccr', 'scc'];
/** A clause that denies a DAG or cluster ("we never built a DAG", "kein DAG", "there's no cluster"). */
const DENIED_MEMBERSHIP =
  /\b(?:no|never|not|without|kein\w*|pas\s+de|sans|aucune?|sin|geen|nessun|ingen|don't|do not|doesn't|does not|isn't|aren't|nor)\b(?:\s+\w+){0,3}?\s+(?:a\s+|any\s+)?(?:dags?|clusters?|clustered|ccr|scc)\b/i;
/** The high availability an Edge server can have: never a DAG or cluster. */
const EDGE_HA = ['load-balancer', 'nlb', 'dns-round-robin', 'several-servers', 'none'];

function readDesignClauses(rest: string, kb: Pick<KnowledgeBase, 'recognizer'>, names: readonly string[]): DesignClause[] {
  const key = `${names.join('\n')}\u0000${rest}`;
  if (lastDesignRead?.key === key && lastDesignRead.recognizer === kb.recognizer) return lastDesignRead.read;
  // A sentence wrapped in the mail or ticket it came from ("the two FEs sit\nbehind Windows NLB") is one sentence: a line starting in lower case continues one that ended mid-sentence.
  // A directory path's "DC=contoso" (ldifde, LDP) is a domain component, never a domain controller said.
  // So is a product's name cut at the line's end ("... Exchange\nServer 2003 Standard Edition").
  const unwrapped = rest
    .replace(/([a-z0-9,])[ \t]*\n(?=[ \t]*[a-z])/g, '$1 ')
    .replace(/\b(Exchange|Windows|Microsoft)[ \t]*\n[ \t]*(?=(?:Server|20\d\d|SE)\b)/g, '$1 ')
    .replace(/\b(?:DC|CN|OU)=[^,\s"]*/g, ' ');
  const sentences = withoutWlbsOutput(unwrapped)
    .split(/(?<=[.!?])\s+|\n/)
    .filter((s) => s.trim() !== '' && !NOT_YET.test(withoutNames(s, names)));
  const read = sentences.flatMap((sentence) => {
    const sentenceRoles = ROLE_TARGETS.filter(([pattern]) => pattern.test(sentence)).map(([, id]) => id);
    const cut = clauses(sentence, names, /;|,|\bbut\b|\bwhile\b/i);
    // "PFMB1 and PFMB2 are not in the DAG, they share a Windows NLB cluster": a clause led by a pronoun speaks of the servers the clause before it named.
    const aimed = cut.map((clause, k) =>
      k > 0 && clause.names.length === 0 && clause.version === undefined && PRONOUN_LED.test(clause.text) && cut[k - 1]!.names.length > 0
        ? { ...clause, names: cut[k - 1]!.names }
        : clause,
    );
    return aimed.map((clause) => ({ clause, read: readClause(kb, clause.text), sentenceRoles }));
  });
  lastDesignRead = { key, recognizer: kb.recognizer, read };
  return read;
}

/** A clause that speaks of servers named just before it ("they share ...", "both run ..."). */
const PRONOUN_LED = /^(?:and\s+)?(?:they|these|those|both(?:\s+of\s+them)?|which|the\s+two|the\s+pair)\b/i;

/**
 * `wlbs query` / `nlb query` output ("WLBS Cluster Control Utility", "Cluster 10.20.0.50", "Host 1 converged with the
 * following host(s) as part of the cluster"): a Windows NLB cluster's status, never a failover cluster. Its lines are
 * read as the one design they show (it names host ids, not servers).
 */
function withoutWlbsOutput(text: string): string {
  if (!/\b(?:WLBS|NLB) Cluster Control Utility\b|\b(?:wlbs|nlb(?:\.exe)?)\s+(?:query|display)\b/i.test(text)) return text;
  return text.replace(
    /^[ \t]*(?:(?:WLBS|NLB) Cluster Control Utility\b.*|Cluster\s+\d{1,3}(?:\.\d{1,3}){3}.*|Host\s+\d+\s+(?:has entered|converged|is)\b.*|and the last convergence\b.*|(?:\d+,\s*)*\d+\s*)$/gim,
    (line, offset: number) => (offset === text.search(/^[ \t]*(?:WLBS|NLB) Cluster Control Utility\b/im) ? 'The servers are Windows NLB hosts.' : ''),
  );
}

/** "no DAG", "standalone", "it's the only server", "just the one box", "(the only one)", the same in the languages systeminfo is read in ("unico server", "pas de DAG", "sin DAG"): the servers are in no DAG or cluster. */
const NO_DAG =
  /\b(?:no\s+dags?|never\s+(?:built|had|set\s+up|created|deployed)\s+(?:a\s+|any\s+)?dags?|(?:don't|do\s+not|doesn't|does\s+not)\s+have\s+(?:a\s+|any\s+)?dags?|kein(?:e|en)?\s+dag|(?:pas\s+de|sans|aucune?|sin|ning[uú]n|geen|nessun|ingen)\s+(?:(?:de\s+|d'|un\s+|une\s+)?)dag|einzelserver|not\s+in\s+(?:a|any)\s+dag|stand-?alone|single\s+(?:exchange\s+)?(?:mailbox\s+)?(?:server|box|front-?end|back-?end)|only\s+(?:one\s+)?(?:exchange\s+)?(?:(?:20\d\d|se)\s+)?(?:mailbox\s+|mbx\s+)?(?:server|box|machine|front-?end|back-?end)|not\s+clustered|non-?clustered|just\s+(?:the\s+)?one\s+(?:\w+\s+)?(?:server|box)|without\s+(?:a\s+)?dag|the\s+only\s+one(?=\))|unico\s+server|[uú]nico\s+servidor|servidor\s+[uú]nico|seul\s+serveur|serveur\s+unique|enige\s+server|jedyny\s+serwer|enda\s+server)\b/i;

/**
 * The servers the words around a paste say are in no DAG or cluster ("There is no DAG.", "single server,
 * everything on it", "EX3 is standalone"): the servers a sentence names, or every server when it names
 * none. Questions and plans ("should we build a DAG?", "we plan to run them standalone") are not read as
 * what runs, a sentence about the Edge server speaks for it alone, and nothing is read when the words
 * also place servers in a DAG ("EX1 and EX2 are in DAG1, EX3 no DAG" names EX3 only).
 */
export function noDagServers(rest: string, names: readonly string[]): 'all' | Set<string> {
  const found = new Set<string>();
  let all = false;
  for (const sentence of rest.split(/(?<=[.!?])\s+|\n|;|,(?=\s*\S+\s+(?:is|are)\b)/)) {
    if (!NO_DAG.test(sentence) || /\?|\b((?<!\bdial\s)plans?|planning|will|going to|should we)\b/i.test(sentence)) continue;
    const named = names.filter((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(sentence));
    if (named.length > 0) named.forEach((n) => found.add(n.toLowerCase()));
    else if (!/\bedge\b/i.test(sentence.replace(/\bno\s+edge\b/gi, ' '))) all = true;
  }
  // Words that also place servers in a DAG: only the servers named beside "no DAG" are read as in none.
  const elsewhere = rest.replace(new RegExp(NO_DAG.source, 'gi'), ' ');
  if (all && !/\bdag/i.test(elsewhere)) return 'all';
  return found;
}

/** Whether the words around a paste say all its servers are in no DAG or cluster (see {@link noDagServers}). */
export function saysNoDag(rest: string): boolean {
  return noDagServers(rest, []) === 'all';
}

/** The facts whose values, said of some servers apart from others, keep those servers in groups of their own. */
const APART_FACTS = ['ha', 'role'] as const;

/**
 * The design said of each server by name, apart from the others ("CMS-HQ is a CCR (2 nodes), DRMBX07 is the standalone SCR
 * target", "AMS-BE1 + AMS-BE2 are one 2-node cluster ... NYC-BE1 is a standalone back-end"): per server (lower-case name),
 * the high availability and role that the clauses naming it, and not every server, give. Plans and questions give nothing,
 * and a server named only as another's witness host is not what its clause is about. Read to keep servers apart that the
 * paste alone would group; the group's facts are still read from the words by {@link designInWords}.
 */
export function designApart(rest: string, kb: Pick<KnowledgeBase, 'recognizer'>, names: readonly string[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (rest.trim() === '' || rest.length > 8_000 || names.length < 2) return out;
  for (const { clause, read: facts } of readDesignClauses(rest, kb, names)) {
    if (clause.names.length === 0 || clause.names.length === names.length) continue;
    for (const n of clause.names) {
      const mine = out.get(n.toLowerCase()) ?? {};
      for (const fact of APART_FACTS) if (facts[fact] !== undefined && mine[fact] === undefined) mine[fact] = facts[fact]!;
      if (Object.keys(mine).length > 0) out.set(n.toLowerCase(), mine);
    }
  }
  return out;
}
