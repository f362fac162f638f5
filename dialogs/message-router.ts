import { reportedQuestion } from './reported-question';
import {
  asksCapacity,
  asksUnheldKind,
  asksHowTo,
  asksUnheldTopic,
  endsWithHow,
  describesFault,
  namesUncoveredRelease,
  normalizeQuestionWords,
  withoutEndPunctuation,
  type DirectQuestion,
  type Facts,
  type KnowledgeBase,
  type PreviousQuestion,
} from '../knowledge';
import { isCheckRequest, isOutOfScope, smallTalk, type SmallTalk } from './conversation-intents';
import { severalQuestions } from './several-questions';
import { withoutOfficeProductReleases } from '../knowledge/reading/office-products';

/** What a message asks for. */
export type Route =
  | { kind: 'empty' }
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'greeting' }
  | { kind: 'search-prompt' }
  | { kind: 'article'; id: string }
  | { kind: 'answer'; question: DirectQuestion }
  /** Several questions in one message, each answered from the tables (up to three), and the parts that were not. */
  | { kind: 'answers'; questions: DirectQuestion[]; unanswered: string[] }
  | { kind: 'check'; facts: Facts; groups?: Facts[] }
  | { kind: 'small-talk'; talk: SmallTalk }
  | { kind: 'out-of-scope' }
  | { kind: 'search'; query: string };

// Commands are whole messages, so a question that merely contains "help" is still a question.
/** Facts that place another product on the Exchange server itself or on servers of its own (fact-dimensions.yaml): the message is about that Exchange server. */
const PRODUCT_ON_EXCHANGE: readonly string[] = ['officeServerOnExchange'];

const COMMANDS: ReadonlyArray<[RegExp, Route['kind']]> = [
  [/^(help|\?|what can you do|commands|menu)$/i, 'help'],
  [/^(cancel|stop|quit|exit|never ?mind|abort)$/i, 'cancel'],
  [/^(ok(ay)?,? |let'?s |can we |please )?(start over|start again|restart|reset|begin again|new check)( please)?$/i, 'restart'],
  [/\b(from scratch|another (one|check|setup)|new (one|check|setup)|one more (check|setup)|start (over|again|fresh))\b/i, 'restart'],
  [/^(hi|hello|hey|good (morning|afternoon|evening)|yo)( there)?( bot)?$/i, 'greeting'],
  [/^(search|search (the )?(knowledge ?base|kb)|look something up)$/i, 'search-prompt'],
];
const CHECK_COMMAND = /^(check( my)?( exchange)? (setup|design|plan)|guided check|support check|(run|start|do|begin) (a|the) (support )?check|check)$/i;
const ARTICLE_COMMAND = /^(?:show|open|read)?\s*(KB\d{6}|EXB-\d{3})$/i;
/**
 * An article id in any form people type: "KB837852", "KB 837852", "kb837852", "Q837852",
 * "article 837852", "EXB-004", "exb 4". Read only in a short message that is about the article
 * ("what is KB 837852 about?", "show me q837852"), so a longer question citing a KB is still searched.
 */
const ARTICLE_ID = /(?<![\p{L}\p{N}])(?:(?:kb|q)\s?-?(\d{6})|article\s+(?:kb\s?)?(\d{6})|exb\s?-?\s?(\d{1,3}))(?![\p{L}\p{N}])/iu;
const ABOUT_ARTICLE =
  /^(?:(?:please |pls |can you |could you )?(?:show|open|read|display|pull up|get|give|find|summari[sz]e|explain|what(?:'s| is| does)?|whats|tell me about|about|info on|details (?:of|on)|look up)\b)/i;
const MAX_ARTICLE_QUESTION_WORDS = 9;
const SEARCH_COMMAND = /^(?:search|find|look up)\s+(?:for\s+)?(.+)$/i;
/** Lookup questions ("what is...", "which editions...") are answered from articles, even when they mention support. */
const LOOKUP_START = /^(what|which|why|how|when|where|who|explain|define|describe|tell me|is there|are there|list|steps?|prereq\w*|prep|checklist)\b/i;
/** Words that turn a mention of a setup into a request to judge it. */
const SUPPORT_CUE =
  /\b(supported|unsupported|support|supportable|can (i|we|you|it)|could (i|we)|is (it|that|this) (ok|okay|possible|allowed|fine|supported)|allowed|permitted|should (i|we)|plan(ning|ned)?|want to|going to|will (it|that) work|ok to|able to|valid|legit)\b/i;
const MODAL_START = /^(can|could|may)\b/i;
/** "what's the support status of ...", "what is the supportability of ...": whether a setup is supported, asked as a lookup. */
const STATUS_OF = /^(what|how)('?s| is| about)? (the )?(support(ed)? status|supportability|support situation|status of support|support stance)\b/i;
/** Words that make a question about the asker's own setup ("our cluster", "we plan", "my front-end"). */
const OWN_SETUP = /\b(my|our|ours|we|we're|we've|us|i have|i've got|i'm (planning|going)|planning|plan to|currently|existing|setting up|rolling out|next (week|month))\b/i;
/** A question about a general requirement ("do I need Enterprise to ...", "is SP4 required"): the knowledge base answers it. */
const GENERAL_RULE = /^(do|does|would|will) (i|you|one|it|exchange|the cluster|a cluster)( really)? (need|require|have to)\b|\b(required|requirement|prerequisites?|mandatory)\b/i;
/** Someone else's plan told by the helpdesk ("customer wants exchange 2019 installed on ...", "they plan a DAG"): a plan to judge like the asker's own. */
const THIRD_PARTY_PLAN =
  /\b(customer|customers|client|clients|they|the business|management|the team)\b[^.?!]{0,40}?\b(wants?|plans?|planning|would like|intends?|is going to|are going to)\b/i;
const SLOTS_FOR_IMPLICIT_CHECK = 3;
/** The asker's own plan in the first person singular ("can I put ...", "I want to ..."): OWN_SETUP reads the plural. */
const OWN_PLAN = /\b(can|could|should|may) i\b|\bi (want|would like|wanna|plan|intend|am planning|am going)\b|\bi'?m (planning|going to)\b|\bi'?d like\b/i;
/** "how many EVS can I have", "max dbs i can mount": asks for a number, whoever's setup it is about. */
/** "does exchange 2019 cu11 run on windows server 2022", "will 2016 cu22 install on 2019?": whether a release hosts a version. */
const RUNS_ON_QUESTION = /^(does|do|will|would|can|could)\b[^?]*\b(run|runs|install|installs|work|works)\s+on\b/i;
const ASKS_COUNT = /\b(how many|max(imum)?|up to how many|limit (of|on|for)|number of)\b/i;
/** A maximum told with its size ("startup 16 gb, maximum 64 gb": a VM's memory setting, session 15 i27), no count asked. */
const SIZE_SETTING = /\bmax(?:imum)?\s+(?:memory\s+|ram\s+)?(?:of\s+)?\d+\s*(?:gb|tb|mb)\b/gi;
/** A count asked ("max nodes", "how many EVS"), not a size setting told. */
function asksCount(question: string): boolean {
  return ASKS_COUNT.test(question.replace(SIZE_SETTING, ' '));
}
/** The direct answers that give a count (a limit of the limits table). */
/** The modal verb of a count question ("how many EVS can i have", "max dbs we can mount"). */
const COUNT_VERB = /\b(?:can|could|may|should) (?:i|we) (?:have|run|get|put|use|mount|add|host|install)\b|\b(?:i|we) can (?:have|run|get|put|use|mount|add|host|install)\b/gi;
const COUNT_ATTRIBUTES: ReadonlySet<string> = new Set(['max-nodes', 'max-instances', 'max-databases']);
/**
 * Direct answers that are one fact of a release, whatever the asker's own setup: its dates, its last update, an update's release;
 * and the general rules the check cannot judge (Azure hosting, a witness on a DC), which its verdict would only name back.
 */
const FACT_FOR_ANYONE: ReadonlySet<string> = new Set(['end-of-support', 'mainstream', 'esu', 'latest-update', 'update-released', 'general-rule']);
/** "how can we go from ex2016 to SE": the lead of a how-to, whose "can we" asks for the way, not whether a plan is allowed. */
const HOW_CAN_LEAD = /^how (?:can|could) (i|we|you|one)\b/i;
/**
 * Coexistence asked for in so many words ("coexist with our 2016 servers", "alongside", "next to", "in the same org ... ok?"),
 * or a version added to an organization of another ("we want to add exchange 2019 to our 2016 org - supported?", session 14
 * o26: was checked as a setup of an unknown version, "Supported with conditions" even beside 2007, which 2016 cannot join).
 */
const COEXISTENCE_ASKED = /\b(co-?exist\w*|alongside|next to|side[- ]by[- ]side)\b|\bsame org\w*\b.{0,30}\b(ok|okay|fine|supported|possible|allowed)\b/i;
/** A version added to an organization of another, both named ("add exchange 2019 to our 2016 org"): asked with two versions only. */
const ADDED_TO_ORG =
  /\b(?:add(?:ing)?|install(?:ing)?|introduc\w*|deploy(?:ing)?|bring(?:ing)?)\b[^.?!]{0,40}\b(?:to|into)\s+(?:our|the|an?|my|their|this|that)\b[^.?!]{0,30}\b(?:org|orgs|organi[sz]ations?|environment|estate|forest)\b/i;
/** An in-place upgrade asked about ("can we upgrade the OS in place"): a how-to's path, whoever's servers it names. */
const IN_PLACE = /\bin[ -]place\b/i;
/** A container platform (no Microsoft page we read speaks of one). */
const CONTAINER = /\b(?:docker|containers?|containeri[sz]ed|kubernetes|k8s|podman)\b/i;
/** The ways of spreading client connections a version's rule answers (question-reader's balancing rule). */
const BALANCING_HA: ReadonlySet<string> = new Set(['dns-round-robin', 'load-balancer']);
/** Facts of a version alone, no setup: "is our exchange 2016 cu23 still supported" asks about the product. */
const VERSION_ONLY: ReadonlySet<string> = new Set(['version', 'update', 'updateCurrency', 'edition']);
/** A setting or a task asked about ("owa timeout setting", "how to fix"), not a setup described. */
const NOT_A_DESCRIPTION = /\b(settings|setting(?! up)|timeouts?|how to|how do i|how can i|steps|size|sizes)\b/i;
/** A licence asked about ("do we need a separate licence for the passive node"): nothing the check or the articles hold. */
const LICENCE_QUESTION = /\b(need|needs|require|requires|buy|cost|costs|price|how many)\b.{0,40}\blicen[cs](e|es|ing)\b|\bcals?\b/i;

/**
 * A release of another product ("outlook 2013", "office 2016", "windows 10", "sharepoint 2019"): its
 * year is that product's, not an Exchange version, so the message is neither a setup to check nor a
 * question the tables answer ("is outlook 2013 supported with exchange se" asks about a client the
 * bot holds no facts on). Bounded and linear.
 */
const OTHER_RELEASE =
  /\b(?:outlook|office|word|excel|teams|sharepoint|skype(?: for business)?|lync|sql(?: server)?|system center|sccm|dynamics|windows (?:xp|vista|7|8(?:\.1)?|10|11))(?:\s+(?:client|server|for mac))?\s+(?:20\d\d|\d{2,4})\b|\bwindows (?:xp|vista|7|8(?:\.1)?|10|11)\b/i;

/**
 * Another product's release named ("outlook 2016 on windows 11"). A client release of Windows named beside an Exchange
 * version is that Exchange server's host ("can exchange 2019 be installed on windows 10 pro"): the check judges it
 * (limit exchange-server-on-client-windows), so it is no other product then (session 13).
 */
function namesOtherRelease(trimmed: string, exchangeNamed: boolean): boolean {
  const found = [...trimmed.matchAll(OTHER_RELEASES)];
  if (found.length === 0) return false;
  return found.some((m) => !/^windows\b/i.test(m[0])) || !exchangeNamed;
}
const OTHER_RELEASES = new RegExp(OTHER_RELEASE.source, 'gi');

/** Exchange Online and Microsoft 365: another product than the Exchange Server releases the bot knows. */
const EXCHANGE_ONLINE = /\b(exchange online|exo|office 365|o365|microsoft 365|m365)\b/i;
/** A request for a download, a link, known issues, release notes, security flaws or prices: nothing the articles or the check hold (a cost kept down is a reason for a design, session 15 i27). */
const DOWNLOAD =
  /\b(download|downloads|iso|installer|link|url|known issues?|bugs?|release notes|changelog|cve|vulnerabilit(y|ies)|vulnerable|exploit(s|ed)?|proxylogon|proxyshell|hafnium|price|prices|pricing|(?<!\b(?:keep|keeping|cut|cutting|save|saving|reduce|reducing|lower|lowering) )costs?(?! down\b))\b/i;

/** True when a message reads as a question to look up ("what is an EVS?", "how many nodes…"). */
export function isLookupQuestion(text: string): boolean {
  const trimmed = normalizeQuestionWords(text.trim());
  return LOOKUP_START.test(trimmed) || trimmed.endsWith('?');
}

/**
 * The whole-message commands that work at any step of the guided check (help, cancel, start over,
 * and an empty message), or undefined: while the check waits for an answer, this is all the
 * routing a message needs (see {@link routeMessage}, which reads the same commands first).
 */
/**
 * "Check my setup: Exchange 2010, Mailbox" (the button under a direct answer), "check our design", "run a
 * new check": a check asked for by name. It starts a new check, never a follow-up of the last verdict (whose
 * servers it would otherwise join as another group) nor an answer to the question a check waits on.
 */
const NEW_CHECK_BY_NAME =
  /^(please\s+)?(check (my|our|this|the) (exchange )?(setup|design|plan|config|configuration)|guided check|support check|(run|start|do|begin) (a|the|a new) (support |guided )?check)\b/i;

export function asksForNewCheck(text: string): boolean {
  return NEW_CHECK_BY_NAME.test(text.trim());
}

/** "search nlb", "Show KB837852": a command typed in full, never a fact added to the last verdict ("nlb" read as a what-if). */
export function isSearchOrArticleCommand(text: string): boolean {
  const trimmed = withoutEndPunctuation(text);
  return searchCommand(trimmed) !== undefined || ARTICLE_COMMAND.test(trimmed);
}

/** "Show KB837852", "EXB-004": the article a whole message opens, read the same way mid-check as at any other time. */
export function articleCommand(text: string): string | undefined {
  return ARTICLE_COMMAND.exec(withoutEndPunctuation(text))?.[1]?.toUpperCase();
}

export function routeCommand(text: string): Route | undefined {
  return commandOf(text, withoutEndPunctuation(text));
}

/** "new setup:", "another one:", "from scratch": a restart said inside a message, with what it stands before or after. */
const RESTART_WORDS = /\b(?:from scratch|another (?:one|check|setup)|new (?:one|check|setup)|one more (?:check|setup)|start (?:over|again|fresh))\b\s*(?:now\b)?\s*[:,;.!-]*/gi;

/**
 * "new setup: 2019 cu15 single server on 2019 standard", "different one now, new setup: exchange 2013 ...": a restart that
 * names the setup to check, whose text without the restart words is that setup's (o21). Undefined for a restart said alone
 * ("start over", "new check") or one naming no Exchange version.
 */
export function newSetupText(text: string, kb: Pick<KnowledgeBase, 'recognizer'>): string | undefined {
  const trimmed = withoutEndPunctuation(text);
  if (commandOf(text, trimmed)?.kind !== 'restart') return undefined;
  const rest = trimmed
    .replace(RESTART_WORDS, ' ')
    .replace(/^\W*(?:(?:ok(?:ay)?|so|and|different one|different|now)\b\W*)*/i, '')
    .trim();
  if (rest.length < 6 || kb.recognizer.extract(rest).facts.version === undefined) return undefined;
  return rest;
}

function commandOf(text: string, trimmed: string): Route | undefined {
  if (trimmed === '') return text.includes('?') ? { kind: 'help' } : { kind: 'empty' };
  for (const [pattern, kind] of COMMANDS) {
    if (pattern.test(trimmed)) return { kind } as Route;
  }
  return undefined;
}

/** What must precede the last line break of a search command: `(.+)$` cannot run across one. */
const SEARCH_HEAD = /^(?:search|find|look up)\s+(?:for\s+)?$/i;

/**
 * The query of "search for ...", "find ...", "look up ...". The query (`.+`) runs to the end without
 * a line break, so with one in the text only whitespace (and "for") may stand between the command
 * word and the last break: checked first, so {@link SEARCH_COMMAND} never backtracks through a long
 * line before a break ("search" + 3,990 spaces + "x\ny" cost thirteen normal turns). Same results.
 */
function searchCommand(trimmed: string): string | undefined {
  const lastBreak = Math.max(trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('\r'), trimmed.lastIndexOf('\u2028'), trimmed.lastIndexOf('\u2029'));
  if (lastBreak >= 0 && !SEARCH_HEAD.test(trimmed.slice(0, lastBreak + 1))) return undefined;
  return SEARCH_COMMAND.exec(trimmed)?.[1];
}

/**
 * Decides what a message is: a command, a support question for the guided check (with the facts it
 * already names), or a lookup for the knowledge base. No cloud NLU: plain, tested rules.
 *
 * - Whole-message commands: help, cancel, start over, check my setup, search, an article id.
 * - A question that names a setup and asks whether it is allowed ("Can I put an Exchange 2003
 *   front-end on a cluster?") starts the check, pre-filled.
 * - Three or more facts without a question word ("E2K3 FE MSCS") also start the check.
 * - Everything else, including "what is not supported on a cluster?", is a lookup.
 *
 * @example
 * routeMessage('Can I put an E2K3 FE on MSCS?', kb); // { kind: 'check', facts: { version: '2003', role: 'front-end', ha: 'cluster' } }
 * routeMessage('what is an EVS', kb); // { kind: 'search', query: 'what is an EVS' }
 */
export function routeMessage(text: string, kb: Pick<KnowledgeBase, 'recognizer' | 'directAnswers' | 'dimensions' | 'limits'>, previous?: PreviousQuestion, onePart = false): Route {
  const trimmed = withoutEndPunctuation(text);
  const command = commandOf(text, trimmed);
  // "new setup: 2019 cu15 single server on 2019 standard": that setup checked, not an empty new check.
  const setup = command?.kind === 'restart' ? newSetupText(text, kb) : undefined;
  if (setup !== undefined) return routeMessage(setup, kb, previous, onePart);
  if (command) return command;
  if (CHECK_COMMAND.test(trimmed)) return { kind: 'check', facts: {} };
  const article = ARTICLE_COMMAND.exec(trimmed);
  if (article) return { kind: 'article', id: article[1]!.toUpperCase() };
  const articleId = articleIdAsked(trimmed);
  if (articleId) return { kind: 'article', id: articleId };
  const search = searchCommand(trimmed);
  if (search !== undefined) return { kind: 'search', query: search };

  // "customer asks if they can cluster exchange": the question a helpdesk agent passes on, read in the asker's place.
  const reported = reportedQuestion(text.trim());
  if (reported !== undefined) return routeMessage(reported, kb, previous, onePart);
  const talk = smallTalk(trimmed);
  if (talk) return { kind: 'small-talk', talk };
  const read = kb.recognizer.extract(trimmed).facts;
  // "2019 cu15 single mailbox on 2022 std, we also put sharepoint server 2019 on the same box": the other product placed on
  // the Exchange server (or on a server of its own) is a fact of that Exchange server (A-57), no question about the product
  // (session 13, d25: w9-red-53).
  const placedOnExchange = read.version !== undefined && PRODUCT_ON_EXCHANGE.some((d) => read[d] !== undefined);
  if (!placedOnExchange && isOutOfScope(trimmed, read.version !== undefined)) return { kind: 'out-of-scope' };
  // "exchange 5.5 cluster nodes max", "exchange 2022 end of support": a release the knowledge does not cover (the search refuses).
  // An opinion, a release still to come, a licence or a price ("is it worth going to SE", "when will SE CU3 be released"): the search, which offers suggestions only.
  // The release of a product placed on the Exchange server ("sharepoint server 2016") is that product's, no release the knowledge lacks.
  const releases = placedOnExchange ? withoutOfficeProductReleases(trimmed) : trimmed;
  if (namesOtherRelease(releases, read.version !== undefined) || DOWNLOAD.test(trimmed) || namesUncoveredRelease(releases) || asksUnheldKind(trimmed))
    return { kind: 'search', query: text.trim() };
  // Exchange Online questions are out of scope unless they name an Exchange Server release too (hybrid, migration).
  if (EXCHANGE_ONLINE.test(trimmed) && kb.recognizer.extract(trimmed).facts.version === undefined) return { kind: 'out-of-scope' };
  // "when does 2016 end and can i go straight to SE?": each question answered, in order (up to three), when two or more are the tables'.
  if (!onePart) {
    const several = severalQuestions(text, kb, (part, before) => routeMessage(part, kb, before, true), previous);
    if (several) return { kind: 'answers', ...several };
  }
  // Question words typed in a hurry ("wat is", "hw many") still make a lookup.
  const question = normalizeQuestionWords(trimmed);
  const lookup = LOOKUP_START.test(question);
  const groups = lookup ? undefined : kb.recognizer.designGroups(trimmed);
  if (groups && groups.length >= 2) return { kind: 'check', facts: groups[0]!, groups };
  // Listed lines that all build one DAG ("- MBX1-MBX4: SE, one DAG ..." / "- MBX5: SE, same DAG, ..."): that DAG's check (d25).
  if (groups && groups.length === 1) return { kind: 'check', facts: groups[0]! };
  const extracted = kb.recognizer.extract(trimmed);
  const { ambiguous } = extracted;
  // "2 node CCR cluster on windows 2008 enterprise x64, ...": a technology only one version has (CCR, LCR and SCR are Exchange
  // 2007's, their `appliesWhen` in fact-dimensions.yaml) names that version in a description, as "Exchange 2007" would; a question
  // about the technology ("is lcr a cluster") stays a question (issue 21, o22).
  // A described setup says more than the technology ("2 node", "windows 2008 enterprise"); "does ccr need shared storage",
  // "whats the difference between scc and ccr" ask about it.
  const describes =
    extracted.facts.version === undefined &&
    !ambiguous.includes('version') &&
    !lookup &&
    !trimmed.includes('?') &&
    !ASKS_ABOUT.test(question) &&
    Object.keys(extracted.facts).some((d) => d !== 'ha' && d !== 'role');
  const onlyVersion = describes ? onlyVersionOf(kb, extracted.facts) : undefined;
  const facts: Facts = onlyVersion !== undefined ? { ...extracted.facts, version: onlyVersion } : extracted.facts;
  if (isCheckRequest(trimmed) && !lookup) return { kind: 'check', facts };
  const ownSetup = OWN_SETUP.test(question) || THIRD_PARTY_PLAN.test(question);
  // "which is better for our 2 exchange 2016 servers, NLB or a DAG?", "how do I make our 2 node exchange
  // 2010 dag supported? it runs on 2008 r2 standard": a question word in front of the asker's own plan,
  // with a choice between two designs or asking whether it is supported, still asks for a verdict on
  // that plan (before the how-to answers, which "how do I make ... supported" would otherwise get).
  const choosing = ambiguous.includes('ha');
  const namesOwnPlan =
    lookup &&
    ownSetup &&
    (facts.version !== undefined || ambiguous.includes('version')) &&
    (facts.role !== undefined || facts.ha !== undefined || choosing) &&
    (choosing || (SUPPORT_CUE.test(question) && (facts.nodes !== undefined || facts.windows !== undefined)));
  // "when did windows server 2003 go out of support, we still have one ex2k3 box on it": a Windows release's date asked
  // beside the asker's servers is that date, whatever the servers are (the check would judge them instead).
  if (namesOwnPlan) {
    const dated = kb.directAnswers.read(text.trim(), previous);
    if (dated && FACT_FOR_ANYONE.has(dated.attribute) && dated.subject.windows !== undefined && dated.subject.version === undefined) return { kind: 'answer', question: dated };
    // "... our 2019 DAG - can we just upgrade the OS in place?": an in-place upgrade asked about is the how-to's answer (the way there), not a verdict.
    if (dated?.attribute === 'how-to' && IN_PLACE.test(question)) return { kind: 'answer', question: dated };
    // "how do i turn our single exchange 2019 server into a dag" (session 13, q23): "single" and "dag" read as a choice, but a
    // how-to that asks no verdict is the task's answer.
    if (dated?.attribute === 'how-to' && asksHowTo(question) && !SUPPORT_CUE.test(question.replace(HOW_CAN_LEAD, 'how do $1'))) return { kind: 'answer', question: dated };
    return { kind: 'check', facts };
  }
  // "what's the support status of Exchange 2019 CU15 on Windows Server 2022 in a 2-node DAG?": a whole setup
  // (version, its high availability and where it runs) asked about is judged, not answered as a lookup (issue 21, t21).
  if (lookup && STATUS_OF.test(question) && facts.version !== undefined && facts.ha !== undefined && (facts.windows !== undefined || facts.nodes !== undefined))
    return { kind: 'check', facts };
  // "windows 2019 is supported until 2029 so our exchange 2019 cu15 single mailbox server on 2019 std is fine until then?" (session 12
  // o24, w9-oos-24): a Windows date said as the premise of a whole setup asked about is no date question; the setup is judged, and
  // its card names the Exchange version's own end first (the Windows date answered first read as a yes).
  if (facts.version !== undefined && facts.windows !== undefined && (facts.role !== undefined || facts.ha !== undefined) && DATE_PREMISE.test(question))
    return { kind: 'check', facts };
  // "Is 2019 CU13 supported on 2022?" ("does 2019 cu11 run on 2022" is the matrix's question, answered): a setup down to its running update (a typed CU the build table places) is a
  // server someone runs or plans, judged with a verdict that says both the update's and the platform's reasons.
  if (
    facts.updateCurrency !== undefined &&
    facts.version !== undefined &&
    (facts.windows !== undefined || facts.ha !== undefined) &&
    SUPPORT_CUE.test(question) &&
    !asksCount(question) &&
    !RUNS_ON_QUESTION.test(question) &&
    // "when did 2013 get support for windows 2012 r2 (sp1 date)": a date asked (session 11, q21).
    !/^when\b/i.test(question)
  )
    return { kind: 'check', facts };
  // A general question the tables answer (a date, a number, a list, a yes/no rule) is answered;
  // only the asker's own plan starts the check.
  // "how do i check which cu a server is on", "how to verify what build our servers run" (session 13, q23): a how-to whose
  // task is checking a server asks for the command, not for the check; only a how-to answer is taken from such a message.
  const checkWords = isCheckRequest(trimmed);
  if (!checkWords || (lookup && asksHowTo(trimmed))) {
    // "memory: startup 16 gb, maximum 48 gb" is a setting told, never the maximum asked of a count.
    const read = kb.directAnswers.read(
      text.trim().replace(SIZE_SETTING, (all) => ' '.repeat(all.length)),
      previous,
    );
    const direct = checkWords && read?.attribute !== 'how-to' ? undefined : read;
    // "how do we move our fsw", "what is an EVS": a how-to or a definition is answered whoever asks,
    // but "how do I make our dag supported? it runs on ..." asks for a verdict on the asker's setup.
    // A date or an update level is the same whoever asks ("windows 2012 r2 end of support - our 2016 boxes still run on it").
    const anyAsker =
      direct !== undefined &&
      (direct.attribute === 'definition' ||
        FACT_FOR_ANYONE.has(direct.attribute) ||
        // "can exchange 2019 coexist with our 2016 cu10 servers?": whether two versions share an organization, asked in those words (the check never judges it).
        // "what do i need before adding a 2019 server to our 2013 org" (session 13, q23): a how-to about adding a version is its coexistence.
        (direct.attribute === 'coexistence' && (COEXISTENCE_ASKED.test(question) || asksHowTo(question) || (direct.other !== undefined && ADDED_TO_ORG.test(question)))) ||
        (direct.attribute === 'how-to' && (IN_PLACE.test(question) || endsWithHow(question) || !(ownSetup && SUPPORT_CUE.test(question.replace(HOW_CAN_LEAD, 'how do $1'))))) ||
        // "our exchange 2013 is it still supported": the asker's own version and nothing of its setup is a
        // lifecycle question (issue 21, s21); the answer keeps the version for the check that follows.
        (direct.attribute === 'still-supported' && Object.keys(facts).every((d) => VERSION_ONLY.has(d))));
    // "which os can I install 2007 on", "how many EVS can I run on 3 nodes": a lookup asking for a
    // date, a number or a list is answered whoever asks; "can I ...?" about a rule is the asker's plan.
    // "8 node e2k3 cluster - how many EVS can i have": a count asked for is a question, even with "can i".
    // Its "can i have"/"can we run" asks for the limit; "our"/"my" still make it the asker's own plan.
    // "can we run exchange 2019 on server 2025, from which CU" asks for the update level the same way.
    const countAsked =
      direct !== undefined &&
      ((COUNT_ATTRIBUTES.has(direct.attribute) && asksCount(question)) || direct.attribute === 'from-update') &&
      !OWN_SETUP.test(question.replace(COUNT_VERB, ' '));
    // "dns round robin for our SE mailbox servers - is that supported?" (session 13, q23): a way of spreading client connections
    // asked of the asker's own servers is the version's rule (load-balancing.md, M-6), answered when the tables settle it with a
    // plain Yes or No and the message names nothing the rule leaves out (a Windows release, a member count: the check asks those).
    // "can we use dns round robin instead of a load balancer with exchange 2019 on windows 2019" (session 14, q24): with the
    // Windows release named, an answer split by the Windows edition alone ("yes for Standard and Datacenter; no for Essentials")
    // says all the check would (it asked the role, then ended Supported).
    const balancingAnswer = direct?.attribute === 'rule' ? (kb.directAnswers.answer(direct)?.answer ?? '') : '';
    const balancingAsked =
      direct?.attribute === 'rule' &&
      BALANCING_HA.has(direct.subject.ha ?? '') &&
      Object.entries(facts).every(([d, v]) => direct.subject[d] === v) &&
      (direct.subject.windows === undefined ? /^(Yes|No)\b/.test(balancingAnswer) : /^(Yes|No|It depends on the windows edition)\b/.test(balancingAnswer));
    if (direct && (anyAsker || countAsked || balancingAsked || (!ownSetup && (!OWN_PLAN.test(question) || (lookup && direct.attribute !== 'rule')))))
      return { kind: 'answer', question: direct };
  }
  if (lookup) return { kind: 'search', query: text.trim() };
  // "Do I need Enterprise to cluster Exchange 2003?" asks for a rule, not a verdict on a plan: answer
  // it from the articles (their card offers the check). "Do we need ... for our cluster?" is a plan.
  if (GENERAL_RULE.test(question) && !ownSetup) return { kind: 'search', query: text.trim() };
  // Facts the check names back but does not judge ("also mentioned": backups, antivirus, hardware;
  // sites) make no setup: "exchange 2016 ram requirements" is a question the knowledge cannot answer.
  // Asked whether it is supported, or told of the asker's own servers ("can i run exchange 2019 on
  // vmware"), the check still takes it and names the fact back as not judged.
  const unjudgedAside = !SUPPORT_CUE.test(question) && !ownSetup;
  // "veeam or commvault for backing up a 2019 DAG? which one is better": the topic asked about is one the
  // check never judges (backups, antivirus, hardware ...), whatever setup it is named for.
  if (unjudgedAside && facts['unevaluated'] !== undefined && (lookup || text.includes('?'))) return { kind: 'search', query: text.trim() };
  if (LICENCE_QUESTION.test(question)) return { kind: 'search', query: text.trim() };
  // "can i run exchange 2016 in a docker container" (session 13, q23): whether a version runs in a container, asked with nothing
  // else of a setup, is no design to judge (no Microsoft page we read speaks of containers): the search's suggestions. A setup
  // described in one ("exchange se single mailbox server on windows server 2025 ... inside a docker container") is still checked.
  if (
    CONTAINER.test(question) &&
    Object.keys(facts).every((d) => d === 'version' || d === 'unevaluated') &&
    (lookup || text.includes('?') || SUPPORT_CUE.test(question) || MODAL_START.test(question))
  )
    return { kind: 'search', query: text.trim() };
  // A statement naming a topic a limit weighs (the snapshots, TLS settings or other software of limit unjudged-mentioned)
  // describes the setup as a judged fact does: "exchange 2019 on windows server 2022 with ipv6 disabled" was searched
  // ("not sure I understood") for want of a third fact, though its verdict names the IPv6 setting (session 12).
  const weighed = (d: string) => d === 'unevaluated' && !text.includes('?') && (facts[d] ?? '').split(',').some((v) => weighedAsides(kb).has(v));
  const named = Object.keys(facts).filter((d) => !unjudgedAside || kb.dimensions.find((x) => x.id === d)?.evaluated !== false || weighed(d)).length;
  // A setup to judge names an Exchange version (or two, "2016 and 2019 in one DAG") and something
  // about how it is built or where it runs ("Can an Exchange 2000 front-end be clustered?",
  // "exchange 2000 on server 2008 r2?", "Ex2016 on Server Core?"), or two of version, role and
  // technology, or is the asker's own plan ("can we cluster our servers?"). The general "Can a
  // front-end be clustered?" or "can I install the binaries on the shared disk?" is better answered
  // by the articles.
  const namesVersion = facts.version !== undefined || ambiguous.includes('version');
  const namesVersionAndMore = namesVersion && named - (facts.version !== undefined ? 1 : 0) >= 1;
  const namesConfiguration = [facts.version, facts.role, facts.ha].filter((v) => v !== undefined).length >= 2;
  const namesSetup = facts.role !== undefined || facts.ha !== undefined;
  const isQuestion = SUPPORT_CUE.test(question) || MODAL_START.test(question) || text.trim().endsWith('?');
  // A fault or a setting asked about ("OWA on our 2016 box is really slow", "kemp health check settings for 2019 owa?") is no design to judge.
  // So is an administration topic the knowledge never speaks of ("exchange 2019 dag replication port number?", "circular logging on a 2016 dag").
  // Session 9: a sizing question about a named setup ("exchange 2013 cu23 on 2012 r2 std: how much ram per 1000 mailboxes") too.
  // A topic the knowledge never speaks of (NICs, JBOD) beside a fact a limit judges, told not asked ("ipv4 disabled on the nic",
  // "single disks, no raid (jbod)"), is that fact's setting: the setup is judged (session 15 i27, w9-red-46/-116/-123/-124).
  const aside = describesFault(question) || NOT_A_DESCRIPTION.test(question) || (asksUnheldTopic(question) && !statesJudgedFact(kb, facts, text)) || asksCapacity(question);
  const asksToJudge = (isQuestion && namesVersionAndMore && !aside) || (SUPPORT_CUE.test(question) && (namesConfiguration || (ownSetup && namesSetup)));
  // A short description of a setup ("Exchange 2010 mailbox server") is a setup to check.
  const shortDescription = facts.version !== undefined && named >= 2 && trimmed.split(/\s+/).length <= 8 && !text.includes('?') && !aside && !asksCount(question);
  // The asker's own servers described with something the check judges ("we have 17 mailbox servers
  // and want them all in one dag", "our edge box is joined to the domain"): their plan, so the check.
  const ownDescription =
    ownSetup && !lookup && !aside && (namesSetup || (namesVersion && facts.windows !== undefined) || facts.nodes !== undefined || facts.domainController !== undefined);
  // A fault or a task told with three facts ("exchange 2010 dag replication lag how to fix") is no design either.
  // "ex2k3 cluster failover: how many storage groups can i run on one node": a count asked about something the tables do not count is searched.
  const rest = question.replace(COUNT_VERB, ' ');
  if (asksCount(rest) && !OWN_SETUP.test(rest) && !SUPPORT_CUE.test(rest)) return { kind: 'search', query: text.trim() };
  const implicit = named >= SLOTS_FOR_IMPLICIT_CHECK && namesVersion && !aside;
  if (shortDescription || asksToJudge || ownDescription || implicit) {
    return { kind: 'check', facts };
  }
  return { kind: 'search', query: text.trim() };
}

/** A question word anywhere ("e2k7 ccr: how long does seeding a 200 gb database take"): the topic is asked about. */
const QUESTION_WORD = /\b(?:how|what|whats|which|why|when|where)\b/i;

/** A statement (no question mark) naming a stated fact some limit judges: not the "also mentioned" facts (`unevaluated`). */
function statesJudgedFact(kb: Pick<KnowledgeBase, 'dimensions'>, facts: Facts, text: string): boolean {
  if (text.includes('?') || QUESTION_WORD.test(text)) return false;
  return Object.keys(facts).some((d) => {
    const dimension = kb.dimensions.find((x) => x.id === d);
    return dimension?.kind === 'stated' && dimension.evaluated !== false && d !== 'nodes';
  });
}

/** A support date said as a premise, then a conclusion drawn from it: "... is supported until 2029 so ...", "ends in 2027, so". */
const DATE_PREMISE =
  /\b(?:(?:is|are|stays?|remains?)\s+(?:still\s+)?(?:supported|in\s+(?:extended\s+|mainstream\s+)?support|patched|covered)\s+(?:until|till|til|through|thru|to|into)|(?:ends?|runs?\s+out|expires?)\s+(?:in\s+)?)\s*(?:\w+\s+)?(?:\d{1,2},?\s+)?20\d\d\b[,;:]?\s+(?:so|therefore|which means|meaning)\b/i;

/** A message that asks rather than describes: a question word first ("does", "whats"), or a comparison. */
const ASKS_ABOUT = /^(what|whats|what's|which|how|why|when|where|who|does|do|did|is|are|can|could|should|would|will)\b|\bdifference\b|\bvs\.?\b|\bversus\b/i;

/** The one Exchange version every stated fact that exists in a single version only belongs to ("ccr": Exchange 2007), or undefined. */
function onlyVersionOf(kb: Pick<KnowledgeBase, 'dimensions'>, facts: Facts): string | undefined {
  const versions = new Set<string>();
  for (const [dimension, value] of Object.entries(facts)) {
    const test = kb.dimensions.find((d) => d.id === dimension)?.values.find((v) => v.id === value)?.appliesWhen?.version;
    const list = typeof test === 'string' ? [test] : Array.isArray(test) ? test.map(String) : [];
    if (list.length === 1) versions.add(list[0]!);
  }
  return versions.size === 1 ? [...versions][0] : undefined;
}

/** The article id a short message asks about, normalised ("KB837852", "EXB-004"), or undefined. */
export function articleIdAsked(trimmed: string): string | undefined {
  const found = ARTICLE_ID.exec(trimmed);
  if (!found) return undefined;
  const words = trimmed.split(/\s+/).length;
  const bare =
    trimmed
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ').length <= 3;
  // "KB 837852 summary pls", "Q837852 - what does it say": the id first, then a few words about it.
  const first = found.index === 0 && words <= MAX_ARTICLE_QUESTION_WORDS;
  if (!bare && !first && !(words <= MAX_ARTICLE_QUESTION_WORDS && ABOUT_ARTICLE.test(normalizeQuestionWords(trimmed)))) return undefined;
  if (found[3] !== undefined) return `EXB-${found[3].padStart(3, '0')}`;
  return `KB${found[1] ?? found[2]}`;
}

const WEIGHED = new WeakMap<object, ReadonlySet<string>>();

/** The "also mentioned" values some limit reads (they change a verdict), once per knowledge base. */
function weighedAsides(kb: Pick<KnowledgeBase, 'limits'>): ReadonlySet<string> {
  let found = WEIGHED.get(kb.limits);
  if (!found) {
    found = new Set(kb.limits.flatMap((l) => l.breaks.flatMap((test) => (test.dimension === 'unevaluated' && test.accepts ? [...test.accepts] : []))));
    WEIGHED.set(kb.limits, found);
  }
  return found;
}
