/**
 * What a message means in the flow of a conversation, beyond the facts it names: small talk, a
 * request to check a setup, a product this bot does not cover, "not sure", a correction, or a
 * follow-up to the last verdict. Plain, tested pattern tables (no cloud NLU), so the conversation
 * stays deterministic and explainable. Every pattern here runs on text already cut to 4,000
 * characters and is linear (no nested or lazy quantifiers over unbounded input).
 */

/** Small talk that gets a short, friendly reply and is never logged as a knowledge-base gap. */
export type SmallTalk = 'thanks' | 'presence' | 'identity' | 'bye';

const SMALL_TALK: ReadonlyArray<[RegExp, SmallTalk]> = [
  [/^(who|what) (are|r) (you|u)\b/i, 'identity'],
  [/^(are you|r u|u|you) (there|around|alive|awake)\b/i, 'presence'],
  [/^(hello|anyone|anybody) (there|home)?\s*\?+$/i, 'presence'],
  [/^(ping|hello\?+)$/i, 'presence'],
  [/^(ok(ay)?,? )?(thx|thanks|thank you|thank u|ty|cheers|much appreciated|appreciate it|great,? thanks?)\b/i, 'thanks'],
  [/^(that|this) (helped|was helpful|is helpful)\b/i, 'thanks'],
  [/^(ok(ay)?,? )?(bye|goodbye|good bye|see (you|ya)|cya|later)\b/i, 'bye'],
];

/** The small talk a whole message is, if any: short messages only, so a question that starts with "thanks" is still a question. */
export function smallTalk(text: string): SmallTalk | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 80 || /\b(exchange|cluster|nlb|dag|front-?end|back-?end|mailbox|windows)\b/i.test(trimmed)) return undefined;
  return SMALL_TALK.find(([pattern]) => pattern.test(trimmed))?.[1];
}

/** A request to judge a setup that names none of it yet: "Is my setup supported?", "can you check this config". */
const CHECK_REQUESTS: readonly RegExp[] = [
  /\b(check|verify|validate|review|assess|vet)\b[^?.!]{0,60}\b(setup|set-up|design|config|configuration|environment|deployment|plan|topology|architecture|servers?)\b/i,
  /\b(setup|set-up|design|config|configuration|environment|deployment|plan|topology|architecture)\b[^?.!]{0,60}\b(check|verify|validate|review|assess|vet)\b/i,
  /\b(supportability|support check|supported check|support review)\b/i,
  /\b(is|are)\s+(my|our|this|the|these)\b[^?.!]{0,40}\b(setup|set-up|design|config|configuration|environment|deployment|plan|topology|architecture|servers?)\b[^?.!]{0,30}\bsupported\b/i,
  /^(<[^>]{0,40}>\s*)?(is|are) (this|that|it|these) (setup |design |config )?(supported|supportable|ok|okay)\s*\??$/i,
  /\bsupported or not\b/i,
  /\b(in a|set up in a|is a|are in a)\s+(microsoft[- ])?supported\s+(configuration|config|setup|design|way|state)\b/i,
  /\b(is|are)\s+(my|our|the|this)\b[^?.!]{0,40}\b(setup|set-up|design|config|configuration|environment|deployment|topology|architecture)\b[^?.!]{0,40}\b(ok|okay|fine|supported|supportable|valid|compliant)\b/i,
  /\b(config|configuration|setup|design|deployment)\s+is\s+(ok|okay|fine|supported|valid)\b/i,
  // "is my exchange supported?", "are our exchange servers still ok?": the asker's own Exchange, nothing of it named yet (o21, w7-oos-38).
  /^(hi,? |hey,? |hello,? |so,? |quick one:? )?(is|are) (my|our) (exchange|exchange servers?|exchange boxe?s?|exchange org(anization)?|mail servers?|e-?mail servers?)( still)? (supported|supportable|ok|okay|fine|in support|covered)( still)?\s*\??$/i,
  // "we run exchange 2010", "we still have an exchange 2010 box": the asker's own servers told, nothing asked about them yet: the
  // check, with what the message names (o21, w7-oos-40/-53). A question about them ("... when does support end") is not this.
  /^(hi,? |hey,? |hello,? |so,? |ok,? )?(we|i) (still )?(run|have|use|got|'ve got|have got|are on|'re on|are running|'re running|are still on|'re still on)( still)? (an? |one |two |\d )?(old |older |legacy |ancient )?(exchange|ex|e2k\d*|ex2k\d*|msx)\b(?![^?]*\b(when|how|what|why|which|end|ends|ended|eol|eos|support\w*|upgrad\w*|migrat\w*|move|coexist\w*|license|licence|cost|price|is (it|that|this)|are (they|we|these|those)|ok|okay|fine)\b)[^?]{0,40}$/i,
  // "check pls: SE", "please check: 2 servers in a dag": a check asked for, the setup after the colon.
  /^(please |pls |plz )?check( (pls|please|plz|this|it|ours|mine))?\s*[:,-]/i,
];

export function isCheckRequest(text: string): boolean {
  return CHECK_REQUESTS.some((pattern) => pattern.test(text));
}

/** Other products people ask an Exchange bot about; naming one without Exchange is out of scope. */
const OTHER_PRODUCTS =
  /\b(sharepoint|skype|lync|iis|sql( server)?|file ?servers?|print ?servers?|dfs|dhcp|hyper-v|sccm|configmgr|adfs|ad fs|citrix|vmware|dynamics|biztalk|system center|sap|oracle|domino|notes server|groupwise server|active directory password|ad password|password reset|reset my)\b/i;
/** Hypervisors Exchange runs on: another product only when no Exchange version is named. */
const HYPERVISORS = /\b(hyper-v|vmware)\b/gi;
// "2 SE DAGs: DAG1 ... DAG2 ..., witness on a file server": DAGs, named DAGs, mailbox and Edge servers are Exchange's too (issue 21, g21).
// "how do i move the witness to another file server" (session 13, q23): the witness is the DAG's, not a file server question.
const NAMES_EXCHANGE =
  /\b(exchange|exch|e2k\d{0,2}|ex20\d\d|ex2k\d{0,2}|exse|owa|dags?|dag\d{1,3}|ccr|scc|lcr|scr|cas|evs|fsw|witness|mailbox (servers?|role|boxes)|edge (transport )?(servers?|role|boxes))\b/i;
/** "SE" in capitals: Exchange Server Subscription Edition ("our SE DAG"); "se" in lower case is too common a word. */
const NAMES_SE = /\bSE\b/;

/** True when the message is about another product and not about Exchange ("cluster SharePoint web front ends with NLB"). */
export function isOutOfScope(text: string, namesExchangeVersion = false): boolean {
  if (NAMES_EXCHANGE.test(text) || NAMES_SE.test(text)) return false;
  // "2019 cu15 single mailbox vm on 2019 std, hourly vmware snapshots", "2016 cu23 ... it's a hyper-v vm": a hypervisor
  // is where an Exchange server runs (virtualization.md), so with an Exchange version named it is no other product (v22, w8-stated-16, w8-after-22).
  const other = namesExchangeVersion ? text.replace(HYPERVISORS, ' ') : text;
  return OTHER_PRODUCTS.test(other);
}

/** "not sure", "don't know", "dunno", "no idea, how do I check?" as the answer to a check question. */
const NOT_SURE =
  /^((i'?m|im|we'?re|i|we|honestly|hmm,?|sorry,?|tbh,?|really|still|um+,?|uh+,?)\s+){0,3}(not sure|unsure|not certain|(really )?(don'?t|dont|do not) (know|remember|recall)|dunno|idk|(have )?no idea|(have )?no clue|can'?t (tell|remember|recall)|cannot (tell|remember|recall)|unknown|not (yet )?(known|decided)|(haven'?t|have not|not) (yet )?decided|tbd|to be (decided|determined|confirmed)|beats me|let me (check|find out)|(i'?ll|we'?ll|will|need to|have to) (check|find out|ask)|how (do|can|would) (i|we) (check|tell|find out|know|see)|where (do|can|would) (i|we) (see|find|check|look)|(i'?m|i am|i was) not (the one|the person|who)|(someone|somebody) else (set|built|installed|configured|did)|not my (server|setup|box|area|department)|(i )?(can'?t|cannot|don'?t have) (check|see|access|log ?in)|(need to|have to|must|will|gotta) ask\b|no access|(i'?d|i would|we'?d|we would) (have|need) to (check|ask|look)|not (100 ?%|a hundred percent|entirely|totally|completely|fully|quite) (sure|certain)|((i'?ll|we'?ll|will|i will|we will) )?get back to (you|u))\b/i;

/** "skip", "pass", "doesn't matter": the user leaves the fact open, as with "not sure". */
const SKIP =
  /^(please |pls |just |ok,? |okay,? )?(skip( (it|this|that|this one|that one|the question))?( (pls|please|for now))?|pass( on (it|this|that|this one|that one))?|next( question)?|n\/?a|leave it( open| blank)?|(it )?doesn'?t matter|don'?t care|idc|whatever|no preference|not relevant|irrelevant|(whatever|anything)( is|'s| the)? (the )?default( is)?|(use |go with |take |just )?(the )?defaults?( one| value| option| setting| settings)?( is fine| please| pls)?|(it'?s )?up to (you|u)|(you|u) (tell me|decide|choose|pick)|(ask|tell) me later|later|come back to (it|this|that)( later)?|either( one| is fine)?|any( one| of them| is fine)?|whichever( one)?)( too| as well| also| again)?\s*[.!]*$/i;

/**
 * "no idea", "not sure tbh", "no clue, someone else built it": the whole message is a not-sure (or a
 * skip), with nothing after it that could be an answer; `names` says whether some words name a fact.
 * Read before the answer itself, so "no idea" is never taken for "no HA".
 */
export function onlyNotSure(text: string, names: (rest: string) => boolean): boolean {
  const trimmed = text.trim();
  if (SKIP.test(trimmed) || /^\?+$/.test(trimmed)) return true;
  const match = NOT_SURE.exec(trimmed);
  if (!match) return false;
  const rest = trimmed.slice(match[0].length);
  return !/\d/.test(rest) && !names(rest);
}

/** A partial statement about the members: "half the members are still on 2010", "some nodes run 2016", "one of them is on 2019". */
export const SOME_MEMBERS =
  /\bthe (first|second|third|fourth|other|last|new|old) (member|node|server|box)\b|\b(some|half|one|two|a few|few|part|rest|others?|remaining|several|most)\b(?!\s+(?:more|additional|extra)\b)[^.!?]{0,30}\b(members?|nodes?|servers?|of (them|the))\b|\b(still|also) (on|run(s|ning)?)\b/i;

export function isNotSure(text: string): boolean {
  const trimmed = text.trim();
  return NOT_SURE.test(trimmed) || SKIP.test(trimmed) || /^\?+$/.test(trimmed);
}

/** A question about the question being asked, in the middle of the check. */
export type QuestionAboutQuestion = 'why' | 'conditions';

const ABOUT_QUESTION: ReadonlyArray<[RegExp, QuestionAboutQuestion]> = [
  [
    /^(but |and |ok,? |so,? |hmm,? |sorry,? |sry,? )?(why( do(es)?| would| did)? (you|u|that|it|this)( need to)? (ask|matter|want|need|care)|why\s*\?|(can|could) (you|u) explain( why)?|why (is|does) (that|this|it) (important|relevant|needed|matter)|how (come|does (that|this|it) matter)|what (for|difference does (it|that) make)|does (it|that|this) (matter|make a difference)|what does (that|this|it) change|(is|does) (that|this|it) (important|relevant|needed|necessary|matter)|explain\b|what (for|does it matter)\b)/i,
    'why',
  ],
  [/^(so,? |and |ok,? )?(what|which) (are|would be) the (conditions|requirements)|^(any |what )?(conditions|requirements)\s*\?*$|^what do (i|we) need\b/i, 'conditions'],
  // "what's the difference?", "what are the options?", "what do you mean?": how each answer changes the verdict.
  [
    /^(sorry,? |sry,? |hmm,? |ok,? |so,? )?(what'?s|whats|what is|what are) (the )?(diff(erence)?s?|options|choices)\b|^(sorry,? |sry,? )?what do (you|u) mean\b|^(which|what) (one|ones) (should|do|would) (i|we)\b|^(which|what)( one| edition| release| option| version)? (do|would) (you|u) (recommend|suggest|pick|choose|advise)\b|^what would (you|u) (pick|choose|recommend|suggest|do)\b|^(any )?(recommendations?|suggestions?)\s*\?*$|^(what|which) (is|are) (the |my |our )?(options|choices)\b|^(what|which) (options|choices) (are there|do (i|we) have)/i,
    'why',
  ],
];

/** "hang on", "one sec", "brb", "let me look": the user will answer in a moment; the question stays, unasked again. */
const PAUSE =
  /^(ok,? |okay,? |sure,? )?(hang on|hold on|one sec(ond)?|1 sec|a sec(ond)?|just a (sec(ond)?|moment|min(ute)?)|one moment|a moment|wait( a (sec|moment|min(ute)?))?|brb|give me a (sec(ond)?|moment|min(ute)?)|checking|let me look( it up)?|looking( it up)?)\s*[.!…]*$/i;

export function isPause(text: string): boolean {
  return PAUSE.test(text.trim());
}

/** "what is Web Edition?", "what's a witness server?": a question about a term, answered from the knowledge base rather than read as an answer. */
const DEFINITION =
  /^(what|who)(\s+is|\s+are|'s|s)\s+(an?\s+|the\s+)?(?!(the )?(conditions?|requirements?|diff(erence)?s?|options|choices|default)\b)[^?]{2,40}\?\s*$|^what does [^?]{2,40} mean\s*\?*\s*$/i;

export function isDefinitionQuestion(text: string): boolean {
  const trimmed = text.trim();
  return DEFINITION.test(trimmed) && !/\b(if|when)\b/i.test(trimmed);
}

/** "why do you ask?", "what are the conditions?" at a question of the check (short messages only). */
export function questionAboutQuestion(text: string): QuestionAboutQuestion | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 80) return undefined;
  return ABOUT_QUESTION.find(([pattern]) => pattern.test(trimmed))?.[1];
}

/**
 * Words that change a fact already given ("actually it's 2000", "no, Standard", "what if we use NLB instead?"); "we are replacing
 * both with SE edges on 2025 core" changes the servers judged too (session 15 o27, w8-after-37).
 */
const CORRECTION =
  /^(actually|no|nope|nah|wrong|wait|no wait|ah wait|sorry|correction|update|my bad|scratch that|oops|change|make (that|it)|what if|how about|what about|and if|instead|ok,? what if|hmm|oh|same (?:for|with|on|goes for))\b|\b(instead|actually|correction|change (it|that|the [a-z]{2,20}) to|make that|scratch that|rather|what changes if|what if|if (we|i|they) (used?|move[ds]?|went|go|switch(ed)?|upgrade[ds]?|add(ed)?|ran|run|had|put|rebuil[dt]|reinstall(ed)?|redeploy(ed)?|migrated?)|suppose|let'?s say|say we|(is it|would it be|is that|would that be) (still )?(ok|okay|fine|supported|allowed) if|(can|could) (we|i) add (a|an|another|one more)\b|(would|will) (that|it|this) (still )?(be )?(ok|okay|fine|supported|allowed)|(replac(e|es|ed|ing)|swap(s|ped|ping)?) (both|them|it|all( of them| \w+)?|these|those|(the|our) (servers?|boxes|nodes|members|edges?)) (with|for|by))\b/i;

/** "no idea", "not sure" read as a correction would take its "no" for an answer ("no HA"). */
export function isCorrection(text: string): boolean {
  return CORRECTION.test(text.trim()) && !isNotSure(text);
}

/**
 * "datacenter then", "ok, enterprise then", "make it 2022 then": a value said alone with "then" after a verdict changes that
 * fact, as "what if datacenter?" would (issue 21, g21). At most three words before "then".
 */
const BARE_THEN = /^(?:(?:ok(?:ay)?|so|fine|right|alright|well),?\s+)?(?:(?:make it|go with|use|with|on)\s+)?[\w.+-]+(?:\s+[\w.+-]+){0,2}\s+then[?!. ]*$/i;

export function isBareThen(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 40 && BARE_THEN.test(trimmed);
}

/**
 * A fact added after a verdict: "forgot to say both nodes are DCs", "also, it's on 2019", "oh and", "btw"; a server asked to be
 * put beside the one judged ("could we just put a 2016 server beside it", session 14 o26, w9-after-18).
 */
const ADDITION =
  /^(ok,? |oh,? |sorry,? |ah,? |hmm,? )?(oh and|and also|also|btw|by the way|fyi|i forgot|forgot (to (say|mention|add)|(about )?the)|i should (add|mention)|one more thing|another thing|plus|p\.?s\.?|additionally|in addition|and)\b|\b(forgot to (say|mention|add)|i should have (said|mentioned)|(btw|fyi|too|as well|also)\s*[.!]*$)|\b(can|could) (we|i) (just )?(put|place|stand up|install|add|bring in) (a|an|one|a new) [^.?!]{0,30}\b(beside|next to|alongside) (it|them|that|this)\b/i;

export function isAddition(text: string): boolean {
  return ADDITION.test(text.trim());
}

/** A question (as opposed to a statement): a question mark, or a question word first. */
const QUESTION_FORM = /\?|^(what|which|how|why|when|where|who|can|could|is|are|do|does|did|should|would|will|may|must|need)\b/i;

/**
 * After a verdict, a short statement that names facts without a marker ("both nodes are DCs as
 * well", "the dag has 18 members", "windows is 2016") is said about the setup just judged: it is
 * added to it, as "forgot to say" would be. A question, or a long message, is something new.
 */
export function isStatement(text: string): boolean {
  const trimmed = text.trim();
  // "the vm has dynamic memory enabled, is that a problem?": a statement, then a question about it (issue 21, o23: w8-after-22).
  const said = trimmed.replace(QUESTION_TAG, '');
  return trimmed.length <= 160 && said.length > 0 && !QUESTION_FORM.test(said);
}

/** "we'll run it as a vmware vm, is that fine?": a statement with a question about it after it (see {@link isStatement}). */
export function endsWithQuestionTag(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.replace(QUESTION_TAG, '') !== trimmed;
}

/** A question about what was just said, after it: ", is that a problem?", "- any issue?", ", ok?", ", is that still supported?". */
const QUESTION_TAG =
  /[\s,;:.-]*(?:(?:so|and|but|hmm)[\s,]+)?(?:(?:is|would|will|does|could|can) (?:that|this|it) (?:still )?(?:be )?(?:a |an )?(?:problem|issue|concern|blocker|ok|okay|fine|allowed|supported|matter|an issue)|(?:any|a) (?:problem|issue|concern)s?|problem|issue|(?:ok|okay|fine|supported|allowed) (?:for|with) (?:that|this|it|them|those)|ok|okay|fine|thoughts|still ok|still supported)\s*\?+\s*$/i;

/**
 * "is it still ok?", "so that's fine then?", "are we still supported?", "so we're good?": whether the
 * setup just judged is fine, asked after its verdict. The answer is that verdict again, headed by
 * "Out of support" for a retired product: never a search, whose passage would not say which setup.
 */
const STILL_OK =
  /^(ok(ay)?,? |so,? |and |but |right,? |hmm,? |cool,? |great,? )*((so |and )?(is|are) (it|that|this|we|they|these|those|the (setup|design|servers?|dag|cluster))( all)? (still )?(ok|okay|fine|good|supported|in support|alright|all right|covered|valid)|(so )?(it'?s|that'?s|this is|that is|we'?re|we are|they'?re|they are) (all )?(still )?(ok|okay|fine|good|supported|in support|alright|all right|covered)( then| now)?|(so )?(we'?re|we are|i'?m) (good|covered|safe)|(all )?good (then|now)|(can|could) (we|they) (keep|stay|continue)( (running|using|on))?( it| this| that| them)?( (like this|as is))?|(still|are we) (ok|okay|fine|good|supported)|still supported)[?!. ]*(then|now|today|as is|like this)?[?!. ]*$/i;

/**
 * "is that a hard no?", "so is that a yes or a no?", "supported or not?", "is that definitely ok?", "what changed?": the verdict
 * asked for again, plainly (o21). Its
 * answer is the verdict card, never a search (whose "hard" found hardware load balancers).
 */
const YES_OR_NO =
  /^(ok(ay)?,? |so,? |and |but |right,? |hmm,? |wait,? )*((so )?(is|was) (that|it|this) (a |an )?(hard|definite|firm|final|real|clear|straight|flat|absolute)? ?(no|yes|nope|yep|maybe)( then)?|(so )?((is|was) (that|it|this) )?(a )?(yes|no),? or (a )?(no|yes)|(so )?((is|was) (that|it|this) |are we )?(supported|allowed|ok|okay|fine) or not|(so )?(can|could) (we|i) (do (it|that|this) )?or not|(so )?what'?s the (verdict|answer|bottom line|short answer)|bottom line|tl;?dr|in short|(so )?(is|are) (that|it|this|we) (definitely|really|actually|truly|fully|totally|100 ?%|officially) (ok|okay|fine|good|supported|allowed|covered)( then| now)?|what'?s? (has )?changed( then| now)?)[?!. ]*(then)?[?!. ]*$/i;

export function isStatusQuestion(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 80 && (STILL_OK.test(trimmed) || YES_OR_NO.test(trimmed));
}

/**
 * "when did it go out of support?", "what's the supported path?", "is that EOL?": the lifecycle of the
 * setup just judged, asked after its verdict. For a retired product the verdict card says it first
 * (its date and the supported path), so that card is the answer.
 */
const LIFECYCLE_FOLLOW_UP =
  /\b(out of support|end of (support|life|extended support)|eol|eos|end[- ]of[- ]life|supported (path|upgrade|version)|upgrade path|migration path|(when|since when) (did|does|was|is) (it|that|this|support|they|the (setup|version|product))|support (end|ended|ends|date)|lifecycle|(still )?(get|gets|getting) (patches|updates|security updates|fixes))\b/i;

export function isLifecycleFollowUp(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 100 && LIFECYCLE_FOLLOW_UP.test(trimmed);
}

/** Follow-ups to the last verdict. */
export type FollowUp = 'summary' | 'why' | 'instead' | 'sources' | 'conditions';

const FOLLOW_UPS: ReadonlyArray<[RegExp, FollowUp]> = [
  // "short version for the change board pls" (session 15 o27, w8-after-51): the ticket summary, asked for someone else.
  [
    /\b(summary|summarise|summarize|for the ticket|change ticket|copy (it|that)|paste|(short|brief|shorter|condensed|quick) version|tl;? ?dr|(change|advisory) board|for (the |our |my )?(cab|boss|manager|change request)|one[- ]liner|in one line)\b/i,
    'summary',
  ],
  [/^(ok(ay)?,? |so,? |but |and )?(why|how come|how so|reason|what'?s the reason|explain)\b/i, 'why'],
  [
    /\b(what should (i|we) do|(what|which) (should|could|can|do) (i|we) use instead|use instead\??$|what (do|would) (you|u) (recommend|suggest)|what (are|is) the alternatives?|alternatives?\?|what now|how (do|can) (i|we) (fix|make it supported|get (it|this) supported)|what'?s (the|your) recommendation|recommendation\??$|what would make (it|this|that) (supported|work|ok)|how (do|can|would) (i|we) make (it|this|that) (supported|work))/i,
    'instead',
  ],
  [/\b(conditions?|requirements?|prerequisites?|what do (i|we) (need|have) to (meet|do))\b/i, 'conditions'],
  [/\b(kb|kb number|knowledge ?base article|sources?|which article|references?|documentation|docs?|link|where does it say|who says|proof)\b/i, 'sources'],
];

/** What a short message asks about the last direct answer: its reasons ("why?") or its source and how sure it is ("source?"). */
export type AboutAnswer = 'why' | 'sources';

/**
 * "why?", "how come?", "source?", "where does that come from?", "how sure are you?", "is that confirmed?" said alone
 * right after a direct answer (q20): the message is about that answer, not a new question. Whole short messages only,
 * so "why does exchange 2016 not run on 2022" stays a question of its own.
 */
const ABOUT_ANSWER: ReadonlyArray<[RegExp, AboutAnswer]> = [
  [
    /^(?:(?:ok(?:ay)?|so|but|and|hmm+|really|wait)[,!.]?\s+)?(?:why(?: not| so| is that| is it| that)?|how come|how so|what'?s the reason|reason|explain(?: that| why)?)\s*[?!.]*$/i,
    'why',
  ],
  // "is that still true?", "still valid?", "does that still apply?" (session 13, q23): the answer read from the tables again, as of today.
  [
    /^(?:(?:ok(?:ay)?|so|but|and|hmm+|really|wait)[,!.]?\s+)?(?:(?:is|does|would) (?:that|this|it) )?still (?:true|valid|correct|accurate|right|current|the case|hold|holds|apply|applies|up to date)(?: (?:today|now|in 20\d\d))?\s*[?!.]*$/i,
    'why',
  ],
  // "since when?", "as of when?" (session 14, q24): the answer again, which names the date or the update level it holds from.
  [
    /^(?:(?:ok(?:ay)?|so|but|and|hmm+|really|wait)[,!.]?\s+)?(?:since|as of|starting|from) when(?: (?:is|was|has|did) (?:that|this|it)(?: been| changed| so| the case| true)?)?\s*[?!.]*$/i,
    'why',
  ],
  [
    /^(?:(?:ok(?:ay)?|so|but|and|hmm+|really|wait)[,!.]?\s+)?(?:sources?|what'?s (?:the|your) sources?|which source|says who|who says(?: so| that)?|proof|references?|citation|where does (?:that|this|it) (?:come from|say (?:so|that))|where (?:did|do) you get (?:that|this)(?: from)?|how do you know(?: that| this)?|how sure are you|are you sure|how (?:reliable|certain|confident|accurate) is (?:that|this)|how confident are you|is (?:that|this) (?:confirmed|certain|official|verified|accurate|correct|right|true))\s*(?:about (?:that|this|it))?\s*[?!.]*$/i,
    'sources',
  ],
];

export function aboutLastAnswer(text: string): AboutAnswer | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 60) return undefined;
  // "so what should i use instead?" after a "No:" answer: its lines say what to do instead, as its reasons do.
  return ABOUT_ANSWER.find(([pattern]) => pattern.test(trimmed))?.[1] ?? (followUp(trimmed) === 'instead' ? 'why' : undefined);
}

/** The follow-up a short message asks for, if any (read only while a verdict is fresh). */
export function followUp(text: string): FollowUp | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 120) return undefined;
  return FOLLOW_UPS.find(([pattern]) => pattern.test(trimmed))?.[1];
}
