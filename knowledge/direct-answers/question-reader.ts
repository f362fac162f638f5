import type { Facts, FactRecognizer } from '../reading/fact-recognizer';
import { normalizeQuestionWords } from '../reading/question-words';
import type { Attribute, DirectQuestion } from './direct-answer';
import { typedUpdate } from './update-answers';

/*
 * Which attribute a question asks for, by plain pattern tables (no cloud NLU). Every pattern runs on
 * text already cut to 4,000 characters and is linear: bounded gaps only, no nested quantifiers.
 */
const COEXIST =
  /\b(co-?exist\w*|side[- ]by[- ]side|(same|one|mixed) (exchange )?(org|organi[sz]ation)|(in|into) (an|the|one|a) (exchange )?(org|organi[sz]ation)|in the same org\w*|run together)\b|\b(add|adding|install|installing|introduc\w*|join\w*)\b.{0,40}\b(to|in|into) (the|our|an|my|this|that|the existing|our existing) ((exchange |ex)?(20\d\d|se) )?(exchange )?(org|organi[sz]ation|environment)\b|\bbefore (installing|adding|introducing|deploying) (the|a|an|our) (first|1st|new)\b/i;
/**
 * "no other exchange servers in the org", "nothing else in the organization", "the only exchange server in the org": a setup
 * said to stand alone, no coexistence asked (session 12 d24: d23-stated-01; it answered the version's coexistence table).
 */
const ALONE_IN_ORG =
  /\b(?:no other|nothing else|no more|no further|none other)\b.{0,30}\b(?:in|into) (?:the|our|this|that) (?:exchange )?(?:org|organi[sz]ation)\b|\bthe only (?:exchange )?(?:server|box) in (?:the|our|this) (?:exchange )?(?:org|organi[sz]ation)\b/i;
/** Two versions named side by side ("alongside", "next to"): their coexistence, when both are Exchange versions. */
const NEXT_TO = /\b(alongside|next to)\b/i;
const ESU = /\b(esu|extended security updates?)\b/i;
/** "mainstream" and its usual slips (mainstrem, mainsteam, main stream). */
const MAINSTREAM = /\bmain ?st?re?a?m\b/i;
const STILL =
  /\b(still (supported|in support|alive|ok|patched|updated)|still (get|gets|getting|receive|receives|receiving) (patches|updates|security updates|security fixes|fixes)|supported still|out of support|dead|eol'?d|retired|supported any ?more|deprecated|end[- ]of[- ]lifed)\b/i;
/** "is <release> supported?", with nothing after "supported" but an "anymore" or a "by microsoft". */
const RELEASE_SUPPORTED = /^(is|are)\b.{1,40}\bsupported( (any ?more|by microsoft|today|now))?\s*\??$/i;
const END =
  /\b(end of (extended )?support|end[- ]of[- ]support|end[- ]of[- ]life|end date|support\W{1,3}(end|ends|ended|until|till|through)|until when|till when|eos|eol|lifecycle|life cycle|supported (until|till|through)|retire(ment|d)?|sunset|how long .{0,30}supported|when (does|did|do|will|is) .{0,40}\b(end|expire|stop|die|go out|eol)|(drop|dropped|stop|stopped|end|ended|pull|pulled|lose|loses|lost|losing) (the |its |all |extended )?support|(will|going to|gonna) .{0,30}\bgo(es)? out of support)\b/i;
const COUNT = /\b(max(imum)?|how many|number of|nr of|no\.? of|limit|most|up to|how big|how large|largest|biggest|count)\b/i;
/** A count asked in a few words without a count word: "nodes in a CCR cluster?", "members per dag?". */
const NODES_IN = /^(?:nodes?|members?|servers?) (?:in|of|per|for) (?:an? |the |one )?\S+(?: cluster| dag)?\s*\??$/i;
// session 14 q24: "how many active nodes in an 8 node exchange 2003 cluster": the nodes that run an Exchange Virtual Server.
const INSTANCES = /\b(evs|evss|virtual servers?|exchange virtual servers?|instances|clustered mailbox servers?|cms|cmss|active nodes?)\b/i;
/** What a node or member count counts; "dag size" and "size of a cluster" count members too. */
const NODES = /\b(nodes?|members?|servers?|mailbox servers?|boxes)\b|\b(dag|cluster|ccr|scc) size\b|\bsize of (a |an |the |one )?(dag|cluster|ccr|scc)\b/i;
/** Mounted mailbox databases, which the Exchange edition bounds ("how many dbs on 2019 standard"). */
const DATABASES = /\b(databases?|dbs?|mailbox stores?)\b/i;
/** Databases counted per server in a few words ("databases per server?", "dbs on each box"). */
const DATABASES_PER_SERVER = /\b(?:databases|dbs|mailbox stores) (?:per|on each|for each|on one|on a) (?:server|box|node|mailbox server)\b/i;
/** A database's size or contents, not how many ("max db size", "mailboxes per database"). */
const DATABASE_OTHER = /\b(databases?|dbs?) (size|sizes|file|files|growth)\b|\bsize of (a |an |the |one )?(databases?|dbs?)\b|\b(gb|tb)\b/i;
/** A database's largest size asked ("how big can a db be", "max db size", "largest supported database size", "size limit of a database"). */
const DATABASE_SIZE =
  /\bhow (?:big|large)\b|\b(?:max(?:imum)?|largest|biggest|supported|recommended|limit|limits)\b.{0,40}\bsizes?\b|\bsizes? (?:limit|limits|cap|maximum|max)\b|\b(?:databases?|dbs?) sizes?\b.{0,20}\b(?:max(?:imum)?|limit|supported)\b/i;
/** A sizing question for a number of users or mailboxes, or one of advice ("how big should ... be for 500 mailboxes"): no limit. */
const SIZING = /\bshould\b|\b\d+\s*(?:users?|mailbox(?:es)?|people|seats)\b|\bper (?:user|mailbox)\b|\bmailboxes per\b/i;
/** What may stand right after "max", "how many" in a database count ("max mounted dbs", "how many mailbox databases"). */
const DATABASE_COUNTED = /^(databases?|dbs?|db|mounted|mailbox|active|passive|max|maximum|can|do|does|is|are)$/i;
const ROLES = /\b(which|what) (exchange )?(server )?roles?\b.{0,40}\b(cluster\w*|high availability|ha|dag|ccr)\b|\broles?\b.{0,20}\bcan be clustered\b/i;
/** The server roles of a version asked for: "which roles exist", "what server roles does it have", "roles list". */
const SERVER_ROLES = /\b(which|what|list( of)?|(?<!\bwith )all)\b.{0,20}\b(server )?roles?\b(?! can\b)|\b(server )?roles (list|exist|are there|available|of)\b|\broles\s*\??$/i;
/** Windows asked about as the platform beneath ("the OS itself", "the underlying windows"). */
const OS_ITSELF =
  /\b(the|its|their|that|underlying) (underlying )?(os|o\/s|operating system|windows)( server)?( itself)?\b.{0,30}\b(support|eol|end|leave|left|retire\w*|expire\w*)/i;
/** A question that opens on a Windows release's date ("when did windows server 2003 go out of support, ..."). */
const WINDOWS_DATE_FIRST = /^(when|till when|until when|how long)\b[^,;.?]{0,30}\b(windows|win\d*|w2k\w*|ws20\d\d|server\s*20\d\d)\b/i;
/** The minimum update asked alone ("minimum cu?", "which cu at least", "min sp?"). */
const COEXIST_MINIMUM = /^(?:(?:and|ok|so)\s+)?(?:(?:the\s+)?(?:min(?:imum)?|lowest|which|what|required)\s+)(?:cu|cus|sp|rollup|ru|update\s+level|update|build)s?\b/i;
/** A message that opens on a Windows release ("windows server 2016 eol - ..."). */
const WINDOWS_LEAD = /^(?:windows|win\d*|w2k\w*|ws20\d\d|server\s*20\d\d)\b/i;
/** Where a message's first clause ends: punctuation, or a dash between spaces. */
const CLAUSE_BREAK = /[,;?!:(]|\s[-–—]\s/;
/** "when did it leave support": a date of leaving asked in other words than END's. */
const OS_LEFT = /\b(leave|left|leaves|leaving|fall|fell) (out of )?(extended )?support\b/i;
/** A role asked about as clusterable ("is the mailbox role clusterable", "can the hub transport role be clustered"). */
const ROLE_CLUSTERABLE = /\broles?\b.{0,20}\b(clusterable|be clustered|clustered at all)\b/i;
/** The Windows editions that can run a cluster asked for ("which windows 2003 editions include the cluster service"). */
const CLUSTER_EDITIONS = /\b(which|what)\b.{0,30}\beditions?\b.{0,40}\b(cluster\w*|mscs|failover clustering)\b/i;
/** The facts a question about a role at an update level names ("edge role in 2013 RTM?"). */
const ROLE_AT_UPDATE_FACTS = ['version', 'role', 'update', 'updateCurrency'];
/** A role asked about as present at a level ("is the edge role in ...", "does 2013 cu2 have edge", "could you run an edge server at RTM"). */
const ROLE_EXISTS = /\b(roles?|have|has|had|there|exists?|existed|available|includ\w*|run|ship\w*|in)\b/i;
/** From which level a role is there ("since which cu", "from what version", "which update brought back the edge role"). */
const ROLE_SINCE =
  /\b(since|from|starting) (which|what|when)\b|\b(which|what) (exchange )?(\S+ )?(cu|sp|update|service pack|cumulative update|version|build|release)\b.{0,40}\b(brought|introduc\w*|add\w*|return\w*|back|have|has|get|got)\b/i;
// "since when?", "as of when?" (session 14, q24) asked alone after whether a version runs on a Windows release: from which update.
const FROM_UPDATE =
  /^(?:(?:and|ok|so)\s+)?(?:since|as of|starting|from) when\b|\b(which|what|min(imum)?|earliest|lowest|required|first)\b.{0,30}\b(cu|cus|cumulative updates?|sp|service packs?|update level|rollup|build)\b|\bfrom (which|what) (cu|sp|update|version)\b|^(cu|sp|service pack|cumulative update)s? (for|needed|required|on)\b|\b(cu|sp|service pack|cumulative update)s? (needed|required)\b/i;
const WINDOWS_SERVICE_PACK = /\b(service packs?|sps?) (of|for) (windows|the os|w2k\w*|win\w*)\b|\b(windows|w2k\w*|win2k\w*)( server)?( \d{4})?( r2)? (service packs?|sps?)\b/i;
const EDITIONS = /\b(which|what) (windows )?(server )?editions?\b|\beditions? of windows\b|\bwindows (server )?editions? (supported|needed|required|allowed)\b/i;
const WINDOWS_LIST =
  /\b(windows|win|os|o\/s) (versions?|releases?|list)\b|\b(which|what|list|supported)\b.{0,40}\b(windows|os|o\/s|operating systems?|server versions?|server os|platforms?)\b|\b(run|runs|install|installed) on what\b|\bwhat (does|can) .{0,30} run on\b|\b(os|operating system|windows) (requirements?|support)\b/i;
const EXCHANGE_LIST =
  /\b(which|what|list)\b.{0,20}\b(exchange( server)?( versions?)?|versions? of exchange)\b.{0,40}\b(run|runs|supported|support|supports|install|on)\b|^(exchange|exch)( server)? versions? (supported|that run|running|compatible)\b/i;
/** "latest cu", "newest cumulative update", "last service pack", "most recent build": the version's last update. */
const LATEST_UPDATE =
  /\b(latest|newest|most recent|last|current|final|recent)\b.{0,20}\b(cu|cus|cumulative updates?|service packs?|sp|build|rollup|update)\b|\b(cu|cumulative update|service pack|sp)s? (is|are) (the )?(latest|newest|current)\b/i;
/** "when did 2019 CU14 come out", "cu23 release date": when a named update was released. */
const RELEASED = /\b(release date|released|come out|came out|ship(ped)?|release)\b/i;
/** A version's own release asked about ("release date", "when did it come out"), not its release notes or an update's. */
const VERSION_RELEASED = /\b(release date|released|come out|came out|shipped|launched|launch date|ga date|general availability|generally available)\b/i;
const YES_NO_START = /^(can|could|may|is|are|does|do|should|must|will|would)\b/i;
/** A terse question of a few words ("edge in dag?", "fe on mscs?"): a yes/no when it names a role and a technology. */
const TERSE_QUESTION = /^\s*(?:[\p{L}\p{N}/+&-]+\s+){0,5}[\p{L}\p{N}/+&-]+\s*\?+\s*$/u;
const SUPPORT_WORDS = /\b(allowed|supported|permitted|possible|ok|okay|fine|work|works|valid)\b|\b(right|correct)\s*\?/i;
// "does the witness still matter with 3 members?" (session 15, lead): whether it matters is whether it is needed.
const NEED = /\b(need|needs|needed|require|requires|required|have to|has to|must|mandatory|necessary|matter|matters)\b/i;
const EXPLAIN = /^(why|how (do|does|can|could|should|would|to)|explain|describe|what (is|are|does)|define)\b/i;
const ODD_EVEN = /\b(odd|even)\b/i;
const NLB_WITH = /\b(nlb|network load balancing)\b/i;
const MIXED_WINDOWS = /\b(mix|mixed|mixing|different)\b.{0,12}\bwindows\b.{0,30}\b(and|with|\+|&)\b/i;

/** Stated facts a terse "<version> on <fact>?" asks about. */
const STATED_FOR_TERSE = ['serverCore', 'domainController', 'nlbOnSameServers', 'mixedVersions', 'mixedWindows', 'clusterWorkloads', 'edgeDomainJoined', 'clusterMode'];
/** "is se supported on windows server 2025", "se end of support date?": Exchange SE named alone, too short for the recognizer, beside a Windows release or a lifecycle date. */
const SE_WITH_WINDOWS = /^(?:is|are|does|do|can|will|would)?\s*(?:exchange\s+)?se\b/i;

/** What a follow-up needs from the question before it: its attribute and subject. */
export type PreviousQuestion = Pick<DirectQuestion, 'attribute' | 'subject' | 'other' | 'needs'>;

/** A follow-up that changes only the subject: "and 2019?", "what about SE?", "how about w2k22", "2013?", "2016 too?" (session 12, q22). */
// session 14 q24: "is that the same for 2010?", "does that apply to 2013 too?", "so what about SE?", "same with 2016?".
const FOLLOW_UP =
  /^(and|what about|how about|same for|and for|what of|for|also|ok and|and what about|same question for|how many (?:for|with|in|on)|(?:ok|so|but|then) (?:what|how) about|(?:is|was) (?:that|it|this) (?:the )?same (?:for|with)|same (?:with|goes for)|does (?:that|this|it|the same) (?:apply|go|hold) (?:to|for))\b|^[^a-z]*(e|ex|exchange\s?)?(\d{4}|2k\d{1,2}|se)(?:\s+(?:too|as well|also))?\s*\??$|^[a-z][\w-]*(?:\s+[\w-]+){0,2}\s+(?:too|as well|also)\s*\??$|^(?:the\s+)?(?:mainstream|extended|esu|esus)(?:\s+(?:support|date|end|one))?\s*\??$/i;

/** The lead words of a follow-up ("and", "what about"), cut before the rest is read as an answer. */
const FOLLOW_UP_LEAD =
  /^(how many (?:for|with|in|on)|(?:ok|so|but|then) (?:what|how) about|(?:is|was) (?:that|it|this) (?:the )?same (?:for|with)|same (?:with|goes for)|does (?:that|this|it|the same) (?:apply|go|hold) (?:to|for)|and what about|same question for|what about|how about|same for|and for|what of|ok and|and|for|also)\s*(the\s+)?/i;
/**
 * "and do we need a witness with 4 of them", "and when does 2019 end": after the lead, a question of its
 * own (a verb or question word and more), read whole rather than as the last question for a new subject.
 */
const WHOLE_QUESTION = /^(?:do|does|can|could|is|are|will|would|should|when|which|why|what (?!about\b|of\b)|how (?!about\b))\S*\s+\S+\s+\S+/i;
/** Facts a follow-up may change by naming one of their answers alone ("and datacenter?", "and sp3?"). */
const ANSWER_DIMENSIONS = ['windowsEdition', 'edition', 'update'];
const LIFECYCLE_ATTRIBUTES: readonly Attribute[] = ['end-of-support', 'mainstream', 'esu', 'still-supported'];

/** Which lifecycle date a short follow-up asks for ("and extended?", "esu?", "mainstream?"), if any. */
function lifecycleAttributeOf(text: string): Attribute | undefined {
  if (ESU.test(text)) return 'esu';
  if (MAINSTREAM.test(text)) return 'mainstream';
  if (/\bext\w*\b/i.test(text) || END.test(text)) return 'end-of-support';
  if (STILL.test(text)) return 'still-supported';
  return undefined;
}

/** A bare Windows year after "on", at the end of the question ("... supported on 2016?"). */
const ON_WINDOWS_YEAR = /\b(?:on|for) (20(?:08|12|16|19|22|25)(?: r2)?)\s*\??$/i;

/** Exchange named in a follow-up ("and exchange 2019?"): a bare year then stays an Exchange version. */
const NAMES_EXCHANGE = /\b(exchange|exch|ex|e2k\d{0,2}|ex20\d\d|ex2k\d{1,2})\b/i;

/** Exchange SE named alone in a follow-up. */
const SE_ALONE = /\b(se|subscription edition)\s*\??$/i;

/**
 * Reads a question the structured knowledge answers: which attribute (end of support, Windows
 * releases, from which update, max nodes, a yes/no rule, ...) and which subject (the facts it
 * names). Undefined when the question asks for something else (a definition, a how-to) or names
 * no subject the attribute needs; the search answers it then.
 *
 * @example
 * readDirectQuestion('exchange 2016 end of support date?', recognizer); // { attribute: 'end-of-support', subject: { version: '2016' } }
 * readDirectQuestion('and 2019?', recognizer, previous); // the previous attribute, for Exchange 2019
 */
export function readDirectQuestion(typed: string, recognizer: FactRecognizer, previous?: PreviousQuestion): DirectQuestion | undefined {
  const text = normalizeQuestionWords(typed.trim());
  // A Windows service pack said after the release (issue 21, s21) qualifies a described platform; no direct answer is about it.
  const whole = recognizer.extract(text);
  const { windowsServicePack: _pack, ...platform } = whole.facts;
  const extracted = { ...whole, facts: platform };
  const { ambiguous } = extracted;
  let facts =
    extracted.facts.version === undefined && (extracted.facts.windows !== undefined || END.test(text) || MAINSTREAM.test(text)) && SE_WITH_WINDOWS.test(text)
      ? { ...extracted.facts, version: 'se' }
      : extracted.facts;
  // "will exchange SE go out of support at some point like 2019 did?": one version in the subject, another
  // only compared with; the recognizer leaves both open, the lifecycle question is about the one named first.
  // "exchange 2016 and 2019 end of support": two versions asked the same date, both answered (`other`).
  let second: string | undefined;
  if (facts.version === undefined && ambiguous.includes('version') && (END.test(text) || STILL.test(text) || MAINSTREAM.test(text) || ESU.test(text))) {
    const named = versionsIn(text, recognizer);
    if (named.length === 1) facts = { ...facts, version: named[0]! };
    else if (named.length === 2 && !COEXIST.test(text) && (END.test(text) || MAINSTREAM.test(text) || ESU.test(text)) && facts.windows === undefined) {
      const { mixedVersions: _mixed, ...rest } = facts;
      facts = { ...rest, version: named[0]! };
      second = named[1]!;
    }
  }
  // After a definition or a how-to, "and lcr?" is the glossary's follow-up (glossary-answers.ts), not another date of a subject.
  const followable = previous !== undefined && previous.attribute !== 'definition' && previous.attribute !== 'how-to';
  if (previous && followable && FOLLOW_UP.test(text) && text.length <= 60 && !WHOLE_QUESTION.test(text.replace(FOLLOW_UP_LEAD, ''))) {
    const followed = followUp(text, facts, previous, recognizer);
    if (followed) return { ...followed, text: typed.trim() };
  }
  // "exchange 2016 supported on 2016": the year after "on" is the Windows release when the version is named already.
  const onYear = facts.version !== undefined && facts.windows === undefined ? ON_WINDOWS_YEAR.exec(text)?.[1] : undefined;
  const windows = onYear ? recognizer.extract(`windows server ${onYear}`).facts.windows : undefined;
  const read = attributeOf(text, windows ? { ...facts, windows } : facts, recognizer, ambiguous.includes('version'));
  if (read && second !== undefined)
    return LIFECYCLE_ATTRIBUTES.includes(read.attribute) && read.subject.version !== undefined ? { ...read, other: second, text: typed.trim() } : undefined;
  if (read) return { ...read, text: typed.trim() };
  // "minimum cu?" right after a coexistence answer: the minimum update of the same pair (its answer names it).
  // "min cu on the 2013 side?", "which rollup do the 2007 boxes need?" (w8's set P, q20): one version of the same pair named is the same question.
  const ofPair = facts.version === undefined || (previous !== undefined && (facts.version === previous.subject.version || facts.version === previous.other));
  if (previous?.attribute === 'coexistence' && ofPair && COEXIST_MINIMUM.test(text) && text.split(/\s+/).length <= (facts.version === undefined ? 6 : 8))
    return { attribute: 'coexistence', subject: previous.subject, ...(previous.other !== undefined ? { other: previous.other } : {}), text: typed.trim() };
  // "which cu for 2025?" right after an answer about Exchange 2019: a short question that names no
  // Exchange version asks about the one just answered (a bare year is then the Windows release).
  if (previous?.subject.version !== undefined && facts.version === undefined && text.split(/\s+/).length <= 8) {
    const year = /\b(?:on|for) (20(?:08|12|16|19|22|25)(?: r2)?)\b/i.exec(text)?.[1];
    const carried: Record<string, string> = { version: previous.subject.version, ...facts };
    if (year && carried.windows === undefined) {
      const w = recognizer.extract(`windows server ${year}`).facts.windows;
      if (w !== undefined) carried.windows = w;
    }
    const inContext = attributeOf(text, carried, recognizer, false);
    // "when was that released?" right after the latest update of a version (session 14, q24): that update's release, which
    // the latest-update answer names (the version's RTM date was given instead).
    if (previous.attribute === 'latest-update' && inContext?.attribute === 'update-released' && inContext.other === 'rtm' && typedUpdate(text) === undefined)
      return { attribute: 'latest-update', subject: { version: previous.subject.version }, text: typed.trim() };
    if (inContext && inContext.attribute !== 'rule') return { ...inContext, text: typed.trim() };
    // "from which cu?" right after "can exchange 2019 run on windows server 2025" (session 13, q23): the update level from which
    // the version just answered runs on the Windows release just answered; only that question carries the Windows release.
    if (carried.windows === undefined && previous.subject.windows !== undefined) {
      const onWindows = attributeOf(text, { ...carried, windows: previous.subject.windows }, recognizer, false);
      if (onWindows?.attribute === 'from-update') return { ...onWindows, text: typed.trim() };
    }
  }
  // "2008 r2 standard ok?" right after the Windows releases and editions a version's technology runs on (w8's set P, q20): whether
  // that release (and edition) hosts it, the yes/no of the same check ("No: ... must run Enterprise or Datacenter"), never a passage.
  if (
    previous !== undefined &&
    (previous.attribute === 'windows-releases' || previous.attribute === 'windows-editions') &&
    previous.subject.version !== undefined &&
    previous.subject.ha !== undefined &&
    facts.version === undefined &&
    facts.windows !== undefined &&
    PLATFORM_OK.test(text) &&
    text.split(/\s+/).length <= 8
  ) {
    const { windows, windowsEdition } = facts;
    return { attribute: 'rule', subject: { ...previous.subject, windows, ...(windowsEdition !== undefined ? { windowsEdition } : {}) }, text: typed.trim() };
  }
  const onPlatform = previous?.attribute === 'runs-on' ? platformFollowUp(text, facts, previous, recognizer) : undefined;
  if (onPlatform) return { ...onPlatform, text: typed.trim() };
  return undefined;
}

/**
 * "standard edition fine?", "core install ok for that?" right after whether a version runs on a Windows release (session 15,
 * q25): a short yes/no naming one more fact of that platform and nothing else. An edition is Windows' (the answer listed the
 * Windows editions), asked of the same release; a stated fact the check judges (Server Core) is that fact's rule for the
 * version. Both got "not sure I understood" or a passage about another setup.
 */
function platformFollowUp(text: string, facts: Facts, previous: PreviousQuestion, recognizer: FactRecognizer): Omit<DirectQuestion, 'text'> | undefined {
  const { version, windows } = previous.subject;
  if (version === undefined || windows === undefined || !PLATFORM_OK.test(text) || text.split(/\s+/).length > 6) return undefined;
  // "datacenter ok?": a bare edition names nothing in full; read as the answer to "which Windows edition?" of that release.
  const bare = Object.keys(facts).length === 0 ? recognizer.recognizeAnswer('windowsEdition', text, { version, windows }) : undefined;
  const named = bare !== undefined ? [['windowsEdition', bare] as const] : Object.entries(facts);
  if (named.length !== 1) return undefined;
  const [dimension, value] = named[0]!;
  if (dimension === 'edition' || dimension === 'windowsEdition') return { attribute: 'runs-on', subject: { version, windows, windowsEdition: value } };
  return STATED_FOR_TERSE.includes(dimension) ? { attribute: 'rule', subject: { version, [dimension]: value } } : undefined;
}

/** What a short question about a setup judged (or being checked) may ask of it: its limits, and from which update it runs there. */
const ABOUT_SETUP: ReadonlySet<Attribute> = new Set(['max-nodes', 'max-instances', 'max-databases', 'from-update']);
/** "max members?", "how many nodes max?", "since when?": a question about the setup itself is a few words, naming none of its facts. */
const MAX_ABOUT_SETUP_WORDS = 6;

/**
 * "max members?", "how many nodes max?", "since when?" right after a verdict or in the middle of a check (session 15, q25): a
 * short question that names no fact of its own (or only facts the setup has) asks about that setup, so its facts are the
 * question's subject: the node limit of its version, Windows edition and technology, or the update from which its version runs
 * on its Windows release. Undefined for anything else, or for a question naming another value of one of its facts (a what-if).
 */
export function readAboutSetup(typed: string, recognizer: FactRecognizer, setup: Facts): DirectQuestion | undefined {
  const text = normalizeQuestionWords(typed.trim());
  if (text.split(/\s+/).length > MAX_ABOUT_SETUP_WORDS) return undefined;
  const named = recognizer.extract(text, setup).facts;
  if (Object.entries(named).some(([d, v]) => setup[d] !== undefined && setup[d] !== v)) return undefined;
  const facts = { ...setup, ...named };
  // "since when?": from which update the version runs on that Windows release (its update today is no part of the question).
  if (FROM_UPDATE.test(text) && !WINDOWS_SERVICE_PACK.test(text) && facts.version !== undefined && facts.windows !== undefined)
    return { attribute: 'from-update', subject: { version: facts.version, windows: facts.windows }, text: typed.trim() };
  const read = attributeOf(text, facts, recognizer, false);
  return read && ABOUT_SETUP.has(read.attribute) ? { ...read, text: typed.trim() } : undefined;
}

/** "too", "as well", "also" said of a release alone ("2016 too?"). */
const TOO = /\b(?:too|as well|also)\s*\??$/i;

/** A short yes/no about a platform named alone: "2008 r2 standard ok?", "is 2012 standard enough", "std fine?". */
const PLATFORM_OK = /\b(?:ok|okay|fine|supported|allowed|enough|good|possible|works?)\b|\?\s*$/i;

function followUp(text: string, facts: Facts, previous: PreviousQuestion, recognizer: FactRecognizer): Omit<DirectQuestion, 'text'> | undefined {
  // "and 2019 with 2016, min CU?" after a coexistence answer: a new pair, both named.
  if (previous.attribute === 'coexistence') {
    const pair = versionsIn(text, recognizer);
    if (pair.length === 2) return { attribute: 'coexistence', subject: { version: pair[0]! }, other: pair[1]! };
  }
  const asked: Record<string, string> = Object.fromEntries(Object.entries(facts).filter(([d]) => d !== 'role' || facts.version === undefined));
  // "same for se", "what about subscription edition": SE alone is too short for the recognizer.
  if (Object.keys(asked).length === 0 && SE_ALONE.test(text)) asked.version = 'se';
  const lifecycleBefore = LIFECYCLE_ATTRIBUTES.includes(previous.attribute);
  if (Object.keys(asked).length === 0) {
    // "and extended?", "and the esu?", "mainstream?": the same release, another of its dates.
    const attribute = lifecycleBefore ? lifecycleAttributeOf(text) : undefined;
    if (attribute && attribute !== previous.attribute) return { attribute, subject: previous.subject, ...(previous.other !== undefined ? { other: previous.other } : {}) };
    // "and datacenter?", "and sp3?": another edition or update level of the same subject, read as an answer to that fact.
    const rest = text.replace(FOLLOW_UP_LEAD, '').replace(/[?!.\s]+$/, '');
    // "what about 5?" after "does a 2 member dag need a witness": a bare count asks the same of that many members or nodes.
    if (/^\d{1,2}$/.test(rest) && previous.subject.nodes !== undefined && Number(rest) >= 1)
      return { attribute: previous.attribute, subject: { ...previous.subject, nodes: rest }, ...(previous.needs ? { needs: true } : {}) };
    if (rest === '' || /^\d+$/.test(rest)) return undefined;
    for (const dimension of ANSWER_DIMENSIONS) {
      if (previous.subject[dimension] === undefined) continue;
      const known = Object.fromEntries(Object.entries(previous.subject).filter(([d]) => d !== dimension));
      const value = recognizer.recognizeAnswer(dimension, rest, known);
      if (value !== undefined) {
        asked[dimension] = value;
        break;
      }
    }
    // "and sp2?", "what about rtm?" after Exchange 2010's end of support (session 13, q23): an update level of the version just
    // answered, which named none, read as typed after the version ("exchange 2010 sp2").
    const { version } = previous.subject;
    if (Object.keys(asked).length === 0 && lifecycleBefore && version !== undefined && previous.subject.update === undefined) {
      const typed = recognizer.extract(`exchange ${version} ${rest}`).facts;
      if (typed.version === version && typed.update !== undefined) {
        asked.update = typed.update;
        if (typed.updateCurrency !== undefined) asked.updateCurrency = typed.updateCurrency;
      }
    }
    if (Object.keys(asked).length === 0) return undefined;
  }
  // "and 2019?" after a question about a Windows release (its end date, the Exchange versions it
  // hosts) asks about Windows Server 2019, not Exchange 2019, unless Exchange is named.
  if (
    previous.subject.windows !== undefined &&
    previous.subject.version === undefined &&
    asked.version !== undefined &&
    asked.windows === undefined &&
    !NAMES_EXCHANGE.test(text)
  ) {
    const windows = recognizer.extract(`windows server ${text.match(/\b(20\d\d(?:\s?r2)?|2k\d{1,2}(?:\s?r2)?)\b/i)?.[1] ?? ''}`).facts.windows;
    if (windows !== undefined) {
      delete asked.version;
      asked.windows = windows;
    }
  }
  // "2016 too?" after "which windows for exchange 2010 sp3" (session 12, q22): after the Windows releases of a version, a bare
  // year said with "too" adds a Windows release to the list, asked whether that version runs there (it was read as Exchange 2016
  // and listed its releases). "and for 2019?" there is still Exchange 2019's list (sets A and B).
  if (
    previous.attribute === 'windows-releases' &&
    TOO.test(text) &&
    previous.subject.version !== undefined &&
    previous.subject.ha === undefined &&
    asked.version !== undefined &&
    asked.windows === undefined &&
    Object.keys(asked).length === 1 &&
    !NAMES_EXCHANGE.test(text)
  ) {
    const windows = recognizer.extract(`windows server ${text.match(/\b(20\d\d(?:\s?r2)?)\b/i)?.[1] ?? ''}`).facts.windows;
    if (windows !== undefined) return { attribute: 'runs-on', subject: { ...previous.subject, windows } };
  }
  // "and with dynamic memory?" after "is exchange SE in a hyper-v vm supported" (a general rule): a fact the check judges, asked of
  // the same version, is that fact's rule, never the general rule again (session 11, q21).
  if (previous.attribute === 'general-rule') {
    // "what about snapshots?", "snapshots too?" after "is exchange 2019 supported on hyper-v" (session 13, q23): a hypervisor's
    // feature named alone is the virtual machine's, as "vm snapshots" is (it got the general rule's "Yes, with conditions" again).
    const vm = (asked['unevaluated'] ?? '').split(',').includes('hypervisor-features')
      ? recognizer.extract(`vm ${text.replace(FOLLOW_UP_LEAD, '').replace(/\s+(?:too|as well|also)\s*\??$/i, '')}`).facts
      : {};
    const onVm = Object.entries(vm).filter(([d]) => !GENERAL_RULE_SUBJECT.includes(d));
    if (onVm.length > 0)
      return { attribute: 'rule', subject: { ...(previous.subject.version !== undefined ? { version: previous.subject.version } : {}), ...Object.fromEntries(onVm) } };
    const judged = Object.entries(asked).filter(([d]) => !GENERAL_RULE_SUBJECT.includes(d));
    if (judged.length > 0)
      return { attribute: 'rule', subject: { ...(previous.subject.version !== undefined ? { version: previous.subject.version } : {}), ...Object.fromEntries(judged) } };
  }
  if (previous.attribute === 'coexistence' && asked.version !== undefined) return coexistenceFollowUp(previous, asked.version);
  // "and 2016?", "how many for 2016 then" right after a node count of another version (session 15, q25): that version's count.
  // The Windows release was the old version's (a 2003 cluster on Windows Server 2003 answered "None" for 2016), and its
  // technology too: the new version's own is its cluster or DAG ("clustering", which the limits read as either).
  if (previous.attribute === 'max-nodes' && asked.version !== undefined && asked.version !== previous.subject.version && asked.windows === undefined)
    return { attribute: 'max-nodes', subject: { version: asked.version, ha: 'clustering' } };
  // A new version replaces the old one and what belonged to it (its update level).
  const subject: Record<string, string> = { ...previous.subject };
  if (asked.version !== undefined && asked.version !== subject.version) delete subject.update;
  if (asked.windows !== undefined && asked.windows !== subject.windows) delete subject.windowsEdition;
  Object.assign(subject, asked);
  const lifecycle = lifecycleBefore;
  // "what about windows 2003?" after an Exchange date asks for that Windows release's date.
  if (lifecycle && asked.windows !== undefined && asked.version === undefined) delete subject.version;
  if (lifecycle && asked.version !== undefined && asked.windows === undefined) delete subject.windows;
  // "and for 3 members?" after "does a 4 member dag need a witness" still asks whether it is needed.
  // After two versions' dates ("2016 and 2019 end of support"), "and 2013?" asks for the one named.
  const other = previous.other !== undefined && !lifecycle ? { other: previous.other } : {};
  return { attribute: previous.attribute, subject, ...other, ...(previous.needs ? { needs: true } : {}) };
}

/** A release asked for in so many words ("when was ... released", "when did ... come out", "... release date", "sp1 date"). */
const RELEASE_ASKED = /\b(?:release date|ship date|launch date|released|come out|came out|shipped|ship|launched)\b|\b(?:cu\s?\d{1,2}|sp\d|ru\s?\d{1,2}|rtm) date\b/i;
/** An update typed ("sp3", "cu 21", "rtm", "service pack 1"); its rollup, when typed, is read by the answer. */
const TYPED_LEVEL = /\b(?:cu\s?\d{1,2}|cumulative update\s?\d{1,2}|sp\d|service pack\s?\d|rtm)\b/i;

/**
 * "the 2016 coexistence needs 2010 sp3 ru11 - when was ru11 released?", "our 2007 boxes are on sp3 ru10 for the 2013
 * coexistence, when did ru10 come out", "exchange 2016 cu3 release date (first one that ran on server 2016)": the release
 * date of the update typed, whatever else the sentence names (another version, a Windows release, coexistence). The
 * update belongs to the version named last before it. Undefined when no release is asked or no update is typed (session 11, q21).
 */
export function updateReleaseAsked(typed: string, recognizer: FactRecognizer): DirectQuestion | undefined {
  const text = normalizeQuestionWords(typed.trim());
  if (!RELEASE_ASKED.test(text) || END.test(text) || LATEST_UPDATE.test(text)) return undefined;
  const level = TYPED_LEVEL.exec(text);
  if (!level) return undefined;
  const before = text.slice(0, level.index);
  const version = versionRightBefore(before, recognizer) ?? versionsIn(before, recognizer).at(-1);
  if (version === undefined) return undefined;
  const { facts } = recognizer.extract(`exchange ${version === 'se' ? 'se' : version} ${level[0]}`);
  if (facts.version !== version || facts.update === undefined) return undefined;
  return { attribute: 'update-released', subject: { version, update: facts.update }, text: typed.trim() };
}

/** The Exchange version named in the last few words of a text ("... needs 2010 ", "our 2007 boxes are on "), if any. */
function versionRightBefore(text: string, recognizer: FactRecognizer): string | undefined {
  const words = text.trim().split(/\s+/).slice(-4);
  for (let k = 1; k <= words.length; k++) {
    const version = recognizer.extract(`exchange ${words.slice(-k).join(' ')}`).facts.version;
    if (version !== undefined) return version;
  }
  return undefined;
}

/** What a general rule's subject or a follow-up's new subject may be; any other fact is a stated one the check judges. */
const GENERAL_RULE_SUBJECT = ['version', 'windows', 'windowsEdition', 'update', 'updateCurrency', 'edition', 'role', 'ha', 'unevaluated'];

/** Release order of the Exchange versions (SE after 2019). */
function releaseRank(version: string): number {
  return version === 'se' ? 2025 : Number(version) || 0;
}

/**
 * "and 2010?" after "can 2013 and 2019 coexist": the version named replaces the one of the pair nearest
 * to it in release order (2010 replaces 2013: "can 2010 and 2019 coexist"; 2016 after "2010 and 2013"
 * replaces 2013), the older one on a tie. After "can 2013 coexist with ..." with one version, it is the other.
 */
function coexistenceFollowUp(previous: PreviousQuestion, version: string): Omit<DirectQuestion, 'text'> {
  const first = previous.subject.version;
  const second = previous.other;
  if (first === undefined || second === undefined) return { attribute: 'coexistence', subject: previous.subject, other: version };
  const distance = (v: string) => Math.abs(releaseRank(v) - releaseRank(version));
  const older = releaseRank(first) <= releaseRank(second) ? first : second;
  const replaced = distance(first) < distance(second) ? first : distance(second) < distance(first) ? second : older;
  const kept = replaced === first ? second : first;
  return { attribute: 'coexistence', subject: { ...previous.subject, version: kept }, other: version };
}

/** The Exchange versions a question names, in the order named ("can se coexist with 2013" → se, 2013). */
export function versionsIn(text: string, recognizer: FactRecognizer): string[] {
  const found: string[] = [];
  // "min 2013 CU before i can add a 2019 server", "min 2013 cu for 2019 coexistence": "before" and "for" part them too.
  for (const part of text.split(/\b(?:with|and|alongside|beside|next to|together with|plus|vs|versus|to|from|in|into|before|for)\b|[,/&+]/i)) {
    // "se" alone is too short for the recognizer: "can se coexist with 2013".
    const version = recognizer.extract(part).facts.version ?? (/\b(exchange )?(se|subscription edition)\b/i.test(part) ? 'se' : undefined);
    if (version !== undefined && !found.includes(version)) found.push(version);
  }
  return found;
}

/** What a count question counts: the words right after "max", "how many", "number of" ("max storage groups per node"). */
const COUNTED = /\b(?:max(?:imum)?|how many|number of|nr of|limit of|most)\s+(?:number of\s+|no\.? of\s+)?([a-z]+)/i;
/** Words that count nodes or members (or lead to them: "max dag size", "how many exchange servers"). */
const NODE_COUNT_WORDS =
  /^(nodes?|members?|servers?|mailbox|boxes|dag|dags|cluster|clusters|ccr|scc|exchange|windows|w2k\w*|e2k\w*|ex\w*|size|active|passive|mbx|can|do|does|is|are|for|in|on|a|an|the|per|allowed|supported|possible|\d+)$/i;

/** True when a count question counts something else than nodes ("max storage groups per node after failover"). */
function countsOther(text: string): boolean {
  const counted = COUNTED.exec(text)?.[1];
  return counted !== undefined && !NODE_COUNT_WORDS.test(counted);
}

function attributeOf(text: string, facts: Facts, recognizer: FactRecognizer, versionsNamed: boolean): Omit<DirectQuestion, 'text'> | undefined {
  const has = (d: string) => facts[d] !== undefined;
  const pick = (...dims: string[]): Facts => Object.fromEntries(dims.filter(has).map((d) => [d, facts[d]!]));
  const ask = (attribute: Attribute, subject: Facts, extra: Partial<DirectQuestion> = {}) => ({ attribute, subject, ...extra });

  // "exchange 2013 alongside an exchange 2003 server?", "exchange 2016 next to exchange 2010 sp3 ru5": two versions side by side.
  if (NEXT_TO.test(text)) {
    const versions = versionsIn(text, recognizer);
    if (versions.length >= 2) return ask('coexistence', { version: versions[0]! }, { other: versions[1]! });
  }
  if (COEXIST.test(text) && !ALONE_IN_ORG.test(text)) {
    const versions = versionsIn(text, recognizer);
    if (versions.length >= 2) return ask('coexistence', { version: versions[0]! }, { other: versions[1]! });
    if (versions.length === 1) return ask('coexistence', { version: versions[0]! });
  }
  // "latest cu for exchange 2019", "when did 2019 CU14 come out": the build table's rows.
  if (has('version') && !has('windows') && !has('role') && !has('ha')) {
    if (has('update') && RELEASED.test(text) && !END.test(text)) return ask('update-released', pick('version', 'update'));
    // "exchange 2019 release date", "when did exchange 2016 come out": the version's first build (RTM) in the build table.
    if (!has('update') && VERSION_RELEASED.test(text) && !END.test(text) && !LATEST_UPDATE.test(text)) return ask('update-released', pick('version'), { other: 'rtm' });
    if (!has('update') && LATEST_UPDATE.test(text) && !END.test(text) && !STILL.test(text)) return ask('latest-update', pick('version'));
  }
  // A service pack named with the version ("Exchange 2010 SP2") may have left support before it (lifecycle.yaml's update rows).
  // "server 2012 r2 ESU end? our 2016 exchange box sits on it": with both named, the product named first is asked about.
  const windowsFirst = has('version') && has('windows') && firstNamed(text) === 'windows';
  const lifecycleSubject = has('version') && !windowsFirst ? pick('version', 'update') : has('windows') ? pick('windows') : undefined;
  // "when did windows server 2003 go out of support, we still have one ex2k3 box on it", "our 2016 DAG runs on Windows Server
  // 2012 R2 - when did the OS itself leave support?": Windows's date asked beside the asker's servers, whatever they are.
  // "windows server 2016 eol - our 2016 DAG hosts are on it": a message opening on a Windows release and its date, the servers after.
  const windowsDateLead = windowsFirst && WINDOWS_LEAD.test(text) && END.test(text.split(CLAUSE_BREAK)[0]!);
  if (has('windows') && ((windowsFirst && WINDOWS_DATE_FIRST.test(text)) || windowsDateLead || OS_ITSELF.test(text)) && (has('role') || has('ha'))) {
    if (ESU.test(text)) return ask('esu', pick('windows'));
    if (MAINSTREAM.test(text)) return ask('mainstream', pick('windows'));
    if (END.test(text) || OS_LEFT.test(text)) return ask('end-of-support', pick('windows'));
  }
  if (lifecycleSubject && !has('role') && !has('ha')) {
    if (ESU.test(text)) return ask('esu', lifecycleSubject);
    if (MAINSTREAM.test(text)) return ask('mainstream', lifecycleSubject);
    if (END.test(text))
      return ask(
        'end-of-support',
        has('version') && has('windows') && /\bwindows|w2k|server 20/i.test(text) && !/\bexchange|ex20|e2k/i.test(text) ? pick('windows') : lifecycleSubject,
      );
    if (STILL.test(text) && !(has('version') && has('windows'))) return ask('still-supported', lifecycleSubject);
    // "is w2k12 supported?", "is exchange 2013 supported": one release and nothing else asks whether it still is.
    if (RELEASE_SUPPORTED.test(text) && Object.keys(facts).length === 1 && !versionsNamed) return ask('still-supported', lifecycleSubject);
  }
  // "does a dag with an odd number of members need a witness": a count inside a yes/no is no count
  // question, and the answer depends on odd or even, which the article's passage says.
  if (ODD_EVEN.test(text)) return undefined;
  // "how big can a db be", "largest supported mailbox database size in exchange 2019" (session 13, q23): a database's size limit.
  if (DATABASES.test(text) && DATABASE_SIZE.test(text) && !SIZING.test(text)) return ask('max-database-size', pick('version'));
  // "exchange 2010 enterprise: databases per server?" (session 12, q22): the count asked without a count word.
  if ((COUNT.test(text) || DATABASES_PER_SERVER.test(text)) && DATABASES.test(text) && !DATABASE_OTHER.test(text)) {
    const counted = COUNTED.exec(text)?.[1];
    if (counted === undefined || DATABASE_COUNTED.test(counted)) return ask('max-databases', pick('version', 'edition', 'update'));
  }
  if (COUNT.test(text) && INSTANCES.test(text)) return ask('max-instances', pick('version', 'windows', 'windowsEdition', 'ha', 'nodes'));
  if ((COUNT.test(text) || NODES_IN.test(text)) && NODES.test(text) && !countsOther(text) && (has('ha') || has('windowsEdition') || /\b(cluster|dag)\b/i.test(text))) {
    // "active/active exchange 2003 cluster max nodes": the cluster mode named bounds the count too (q20: was the Windows limit alone).
    const subject: Record<string, string> = { ...pick('version', 'windows', 'windowsEdition', 'ha', 'update', 'clusterMode') };
    // "how many nodes for exchange 2003 on windows 2000 datacenter": nodes are a cluster's.
    if (subject.ha === undefined && /\bnodes?\b/i.test(text)) subject.ha = 'clustering';
    return ask('max-nodes', subject);
  }
  // "is the edge role in exchange 2013 sp1", "since which cu does exchange 2013 have edge transport": a role at an update level.
  if (has('version') && has('role') && Object.keys(facts).every((d) => ROLE_AT_UPDATE_FACTS.includes(d)) && (has('update') ? ROLE_EXISTS.test(text) : ROLE_SINCE.test(text)))
    return ask('server-roles', pick('version', 'role', 'update'));
  if (ROLES.test(text) && has('version')) return ask('clusterable-roles', pick('version'));
  // "is the e2k7 mailbox role clusterable": one role of the clusterable-roles list, asked as a yes/no.
  if (ROLE_CLUSTERABLE.test(text) && has('version') && has('role') && YES_NO_START.test(text) && Object.keys(facts).every((d) => ['version', 'role', 'ha'].includes(d)))
    return ask('clusterable-roles', pick('version', 'role'));
  // "which windows 2003 editions include the cluster service": the editions with a node limit for a cluster on that release.
  if (has('windows') && !has('version') && CLUSTER_EDITIONS.test(text)) return ask('max-nodes', { ...pick('windows'), ha: 'clustering' });
  // "which roles exist in exchange 2016", "exchange 2010 roles list": the version's server roles.
  // A server described with its Windows ("one Exchange 2010 server with all roles, Windows Server 2008 R2") is a setup to check.
  if (SERVER_ROLES.test(text) && has('version') && !has('role') && !has('ha') && !has('windows')) return ask('server-roles', pick('version'));
  // "which service pack of windows ...": Windows's own service pack, which the tables do not hold (the article does).
  if (has('version') && has('windows') && FROM_UPDATE.test(text) && !WINDOWS_SERVICE_PACK.test(text)) return ask('from-update', pick('version', 'windows', 'update'));
  // The editions for a technology named ("windows editions supported for a 2010 dag") are those where it is allowed.
  if (has('version') && EDITIONS.test(text))
    return has('windows') ? ask('windows-editions', pick('version', 'windows', 'update')) : ask('windows-releases', pick('version', 'update', 'ha'));
  // "is exchange 2016 supported on windows 10": a client release named is the yes/no of limit exchange-server-on-client-windows, not the list.
  if (has('version') && !has('windows') && !has('clientWindows') && WINDOWS_LIST.test(text) && !has('role') && !has('ha'))
    return ask('windows-releases', pick('version', 'update'));
  if (has('windows') && !has('version') && EXCHANGE_LIST.test(text)) return ask('exchange-versions', pick('windows'));
  // "Why is ...?", "how do I ...?" want the explanation or the steps: the article gives them.
  if (EXPLAIN.test(text)) return undefined;
  // A yes/no about a general rule: it names a stated fact (a domain controller, NLB on the same
  // servers, a witness) or a role with a technology, and asks whether it is allowed or needed.
  // "ex2016 on server core?": a version with one fact the check judges, asked in a few words, is a yes/no too.
  const terseFact = has('version') && Object.keys(facts).some((d) => STATED_FOR_TERSE.includes(d));
  // "se on windows 2016?": Exchange SE on a Windows release in a few words is the matrix's yes/no (a retired version so asked is the check's).
  const terseSePlatform = facts.version === 'se' && has('windows') && SUPPORTED_ON.test(text);
  const yesNo =
    YES_NO_START.test(text) || SUPPORT_WORDS.test(text) || NEED.test(text) || (TERSE_QUESTION.test(text) && ((has('role') && has('ha')) || terseFact || terseSePlatform));
  if (!yesNo) return undefined;
  // "can a dag mix windows 2016 and 2019 servers": two Windows releases in one DAG, whatever the
  // recognizer made of the second year, is the general mixed-Windows rule.
  if (facts.ha === 'dag' && MIXED_WINDOWS.test(text)) return ask('rule', { ha: 'dag', mixedWindows: 'yes' });
  const subject: Record<string, string> = { ...facts };
  if (NLB_WITH.test(text) && /\b(dag|cluster\w*|ccr)\b/i.test(text)) {
    subject.nlbOnSameServers = 'yes';
    if (subject.ha === 'nlb' || subject.ha === undefined) subject.ha = /\bdag\b/i.test(text) ? 'dag' : 'clustering';
  }
  const stated = Object.keys(subject).filter((d) => !['version', 'role', 'ha', 'edition', 'windows', 'windowsEdition', 'architecture', 'update'].includes(d));
  // A yes/no naming an Exchange version is about a setup of that version: the check judges it (its
  // verdict card says yes or no, with the same tables). A rule with no version named is general.
  if (versionsNamed) return undefined;
  if (subject.version !== undefined) return versionRule(text, subject, recognizer);
  if (subject.windows !== undefined) return undefined;
  // A stated fact alone ("witness") could be about any setup: too open for one yes or no.
  const narrowed = subject.ha !== undefined || subject.role !== undefined;
  const general = narrowed && (stated.length > 0 || (subject.role !== undefined && subject.ha !== undefined) || (subject.ha !== undefined && subject.edition !== undefined));
  if (!general) return undefined;
  const need = NEED.exec(text);
  // "does a dag need the same windows on all members": what is needed comes after "need"; when the
  // words there name no fact, the DAG before it is not what is asked about (the article answers).
  // ("witness required?" names it before: only the verbs are checked.)
  const verb = need !== null && /^(need|needs|require|requires|have to|has to|must)$/i.test(need[0]);
  // "do all members of a DAG have to be in the same AD domain": the domains after the verb are the DAG's (read with it known).
  if (verb && Object.keys(recognizer.extract(text.slice(need.index + need[0].length), subject.ha === 'dag' ? { ha: 'dag' } : {}).facts).length === 0) return undefined;
  return ask('rule', subject, need ? { needs: true } : {});
}

const WINDOWS_NAMED = /\b(?:windows|win\d*|w2k\w*|ws20\d\d|server\s*20\d\d)\b/i;
const EXCHANGE_NAMED = /\b(?:exchange|exch|ex20\d\d|ex2k\w*|e2k\w*|ex)\b/i;

/** Which product a text names first, Windows or Exchange (undefined when it names neither by name). */
function firstNamed(text: string): 'windows' | 'exchange' | undefined {
  const w = WINDOWS_NAMED.exec(text)?.index;
  const e = EXCHANGE_NAMED.exec(text)?.index;
  if (w === undefined) return e === undefined ? undefined : 'exchange';
  return e === undefined || w < e ? 'windows' : 'exchange';
}

/**
 * "run on", "install on": whether a version runs on a Windows release. "exchange 2013 on windows server 2019 ok?" and
 * "... still supported?" ask whether a setup is supported, which the check judges, its out-of-support heading first.
 */
const RUNS_ON = /\b(run|runs|running|install|installed|installable)\b.{0,30}\bon\b/i;
/**
 * "exchange SE on windows server 2019 - supported?", "is se supported on windows server 2025": Exchange SE on a
 * release, asked about in a few words, is the matrix's question too (the check would only ask for a role). A
 * retired version so asked stays the check's, whose card puts its out-of-support heading first.
 */
const SUPPORTED_ON =
  /^(?:(?:is|are)\s+)?(?:exchange\s+|exch\s+|ex\s+)?\S+\s+(?:supported\s+|ok\s+|okay\s+|fine\s+)?on\s+(?:plain\s+)?(?:windows\s+)?(?:server\s+)?\S+(?:\s+r2)?\s*(?:\([^)]{0,20}\)\s*)?(?:-\s*)?(?:supported|ok|okay|fine|allowed)?\s*\??$/i;
/** The facts a "can <version> <edition> use <technology>" question names (nothing about a plan's servers). */
/** An edition asked about as good enough ("is standard enough", "will standard do"). */
const ENOUGH = /\b(enough|sufficient|suffice|do the job)\b/i;
/** "is ... ok or does it need ...": the yes/no about what is named first, the need only its alternative. */
const EDITION_OK_OR_NEED = /^(?:is|are|can|could|will|would)\b[^?]{0,80}\b(?:ok|okay|fine|supported|allowed|possible)\b[^?]{0,10}\bor\b/i;
/** "do i need ...", "do we really need ...": the asker's need, which issue 11 answers from the articles. */
const ASKER_NEEDS = /^(?:do|would|will) (?:i|we|you|one)(?: really)? (?:need|require|have to)\b/i;
const EDITION_QUESTION_FACTS = ['version', 'edition', 'windowsEdition', 'ha', 'role', 'update'];
/** The technologies an edition allows or not (a DAG, a cluster); load balancing front-ends is no edition's question. */
const EDITION_TECHNOLOGIES = ['dag', 'cluster', 'clustering', 'scc', 'ccr'];
/** The roles such a question may name: none, or the mailbox servers the technology protects. */
const EDITION_ROLES = ['', 'mailbox', 'back-end', 'front-end'];
/** A role an Exchange edition may or may not take, asked with no technology ("exchange 2003 standard as a front-end"). */
const EDITION_ROLES_ALONE = ['front-end'];
/** Facts the check names back but never judges that only say where a judged fact lives (a virtual machine, a backup). */
const CONTEXT_UNJUDGED: ReadonlySet<string> = new Set(['hyper-v', 'virtualization', 'vmware', 'backup']);
/** The ways of spreading client connections over Mailbox servers, asked about per version as a rule. */
const BALANCING = ['dns-round-robin', 'load-balancer'];
/** The facts such a question may name: the version, its platform, the Mailbox role. */
const BALANCING_FACTS = ['version', 'ha', 'role', 'windows', 'update'];
/** The facts a "does <version> run on <Windows>" question may name besides the version and the release. */
const PLATFORM_FACTS = ['version', 'windows', 'windowsEdition', 'update', 'architecture'];

/**
 * A yes/no about a general rule of one Exchange version: "can exchange 2019 run on 2025" (whether
 * it runs on a Windows release, from which update), "does exchange 2019 support server core" (one
 * stated fact with the version). A setup with a role or a technology ("is a 3 node e2k3 cluster ok")
 * is a concrete configuration: the check judges it.
 */
function versionRule(text: string, subject: Facts, recognizer: FactRecognizer): Omit<DirectQuestion, 'text'> | undefined {
  void recognizer;
  // "can exchange 2019 standard edition be in a dag": whether an edition allows a technology is a rule of
  // the version (rule-answers.ts, editionWithTechnology); a role beside them is still that question.
  const editionAndTechnology =
    (subject.edition !== undefined || subject.windowsEdition !== undefined) &&
    (EDITION_TECHNOLOGIES.includes(subject.ha ?? '') || (subject.ha === undefined && subject.edition !== undefined && EDITION_ROLES_ALONE.includes(subject.role ?? ''))) &&
    EDITION_ROLES.includes(subject.role ?? '') &&
    Object.keys(subject).every((d) => EDITION_QUESTION_FACTS.includes(d));
  // "is windows standard enough for a 2019 dag or do i need datacenter" asks whether the edition named first will do.
  // "is a 2003 front end on exchange standard edition ok or does it need enterprise?": the edition named first, asked about first.
  if (editionAndTechnology && (!NEED.test(text) || ENOUGH.test(text) || EDITION_OK_OR_NEED.test(text))) return { attribute: 'rule', subject };
  // "does an SE DAG need windows datacenter edition": whether that edition is required (rule-answers.ts, editionNeeded).
  // An Exchange edition too (session 14, q24): "does exchange 2007 ccr need enterprise edition" started the check, so "and lcr?"
  // after it changed the check's technology instead of asking the same rule of LCR; one edition named, never both. "do i need
  // enterprise edition to cluster exchange 2003?" stays the articles' (issue 11: its passage and the check's button).
  const editionNamed = subject.windowsEdition !== undefined ? subject.edition === undefined : subject.edition !== undefined && !ASKER_NEEDS.test(text);
  if (editionAndTechnology && subject.ha !== undefined && editionNamed) return { attribute: 'rule', subject, needs: true };
  // "is dns round robin supported for load balancing exchange 2016", "round robin dns instead of a kemp for SE - allowed?"
  // (session 12, q22): a way of spreading client connections asked about for a version is a rule of that version, not
  // a design; DirectAnswers.read answers it only when the tables settle it (else the check asks, as before).
  if (BALANCING.includes(subject.ha ?? '') && ['', 'mailbox'].includes(subject.role ?? '') && Object.keys(subject).every((d) => BALANCING_FACTS.includes(d)))
    return { attribute: 'rule', subject };
  if (subject.role !== undefined || subject.ha !== undefined) return undefined;
  // "Is 2019 CU13 supported on 2022?": a typed CU that is behind (or current) decides the verdict itself; the check
  // gives it, with the Windows release answered beside it (main-dialog's platform line), never a bare "Yes, it runs".
  if (subject.updateCurrency !== undefined) return undefined;
  const dims = Object.keys(subject);
  // "is exchange 2003 ok on x64 windows 2003": the architecture is judged by the check, not by the matrix of releases.
  const asksPlatform = RUNS_ON.test(text) || (SUPPORTED_ON.test(text) && !STILL.test(text) && subject.version === 'se');
  if (subject.windows !== undefined && subject.architecture === undefined && dims.every((d) => PLATFORM_FACTS.includes(d)) && asksPlatform) {
    return { attribute: 'runs-on', subject: Object.fromEntries(dims.filter((d) => d !== 'architecture').map((d) => [d, subject[d]!])) };
  }
  // "ex2k3 on x64 windows - does that work", "32 bit exchange 2007 in production, supported?": the architecture
  // with the version and no Windows release is a rule of the version (ruleAnswer over its setups).
  if (subject.architecture !== undefined && subject.windows === undefined && dims.every((d) => PLATFORM_FACTS.includes(d))) return { attribute: 'rule', subject };
  // "is hyper-v dynamic memory supported for exchange 2019 vms", "vm snapshots of exchange 2016 servers are fine for backups":
  // the virtual machine or the backup named beside a fact the check judges is where that fact lives, not a second question
  // (session 11, q21); the answer is the judged fact's alone.
  const judged = dims.filter((d) => !PLATFORM_FACTS.includes(d) && d !== 'edition' && d !== 'unevaluated');
  const context = subject.unevaluated?.split(',').every((v) => CONTEXT_UNJUDGED.has(v)) === true && judged.length === 1;
  const asked = context ? Object.fromEntries(Object.entries(subject).filter(([d]) => d !== 'unevaluated')) : subject;
  const stated = Object.keys(asked).filter((d) => !PLATFORM_FACTS.includes(d) && d !== 'edition');
  if (stated.length !== 1) return undefined;
  // "does exchange 2019 need the desktop experience": whether the other values of that fact are allowed too.
  return { attribute: 'rule', subject: asked, ...(NEED.test(text) ? { needs: true } : {}) };
}
