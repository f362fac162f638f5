import type { FactRecognizer } from '../reading/fact-recognizer';
import { normalizeQuestionWords } from '../reading/question-words';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import type { HowToEntry } from './how-to-table';
import { versionsIn } from './question-reader';
import { runsOnAnswer } from './platform-answers';
import { upgradePath } from './upgrade-path';
import { asksUnheldTopic } from '../search/unheld-question';
import { sourcesOf, statusWords, type AnswerTables } from './table-access';

/*
 * How-to questions answered from the how-to table (knowledge/data/how-to.yaml): what the knowledge
 * holds about the task (the requirement, the limit, the supported path), and, said plainly, that the
 * steps are not in it and where they are. The table's rows say what a question must name; the first
 * row that fits answers. Anchored, linear patterns on text already cut to 4,000 characters.
 */
const HOW_TO =
  // "can i go straight to SE", "is there an in-place upgrade to SE": a path asked as a yes/no is the same task.
  // "what do i run on 2012 r2 to get desktop experience" (session 12, q22): the command asked for is a how-to.
  // "what's the cmdlet to add a mailbox server to a dag", "where do i see which cu is installed" (session 13, q23): so is the
  // command named, or where a fact is seen; a task no row holds still gets the search's suggestions.
  /^(?:how (?:do|can|could|should|would|shall|to|does one|do you)\b|steps? (?:to|for)\b|what (?:are )?(?:the )?steps\b|(?:what(?:'s|s| is) )?(?:the |my |our )?(?:upgrade|migration|move) path\b|(?:what(?:'s|s| is) )?(?:the )?(?:best|right|supported|recommended) way to\b|what(?:'s|s| is) the (?:way|procedure|process) (?:to|for)\b|procedure (?:to|for)\b|walk me through\b|guide (?:to|for)\b|what do (?:i|we) (?:need|do) (?:to|before|for)\b|what (?:do|should|must) (?:i|we) run\b|(?:what(?:'s|s| is| are)|which(?: is)?) (?:the )?(?:command|cmdlet|powershell|ps|shell|exchange shell|ems)(?: command| cmdlet| line)?s? (?:to|for|that)\b|where (?:do|can|could|would|should) (?:i|we|you|one) (?:see|find|check|look|read|get)\b|(?:can|could|should|do) (?:i|we|you|one) (?:go|upgrade|move|migrate|jump|switch|get)(?: (?:straight|directly|direct|in[ -]place))?(?: from [\w.-]+(?: [\w.-]+)?)? (?:to|onto|into)\b|is there an? (?:direct |in[ -]place )?(?:upgrade|migration)(?: path)? (?:from|to)\b|(?:an? )?(?:direct |in[ -]place )(?:upgrade|migration) (?:from|of)\b|(?:can|could|should) (?:i|we|you|one) (?:just |simply )?(?:do an? )?(?:in[ -]place )?upgrade\b.{0,30}\bin[ -]place\b)/i;
/** "can i add a fourth member to our exchange 2019 dag, how" (session 13, q23): "how" alone as the last clause asks the steps. */
/** An in-place upgrade named: "in place" or "in-place" beside an upgrade word, either way round. */
const IN_PLACE_UPGRADE = /\bin[\s-]?place\b.{0,40}\b(?:upgrad|updat|convert)\w*|\b(?:upgrad|updat|convert)\w*\b.{0,40}\bin[\s-]?place\b/i;
/** The upgrade asked about or planned ("can ...", "we plan ...", "... supported?"), not one done or under way. */
const IN_PLACE_ASKED =
  /\b(?:can|could|may|possible|allowed|ok|okay|plan\w*|want\w*|going to|gonna|intend\w*|would like|should|supported|(?:are|is|'re) (?:moving|going|upgrading|migrating))\b/i;
/** "someone did an in-place os upgrade ..., it's now server 2019", "while we upgrade in place": a server as it is, for the check. */
const IN_PLACE_DONE = /\b(?:did|done|was|were|has been|have been|had been|it'?s now|now runs?|after (?:the|an|our)|while|during|currently|already)\b/i;
const HOW_ALONE = /^(?:and |but |so )?how(?: (?:so|exactly|though))?\s*\??$/i;
/** Where a message's clauses part: a dash between spaces, a comma, semicolon or colon and a space. */
const CLAUSE_BREAK = /\s[-\u2013\u2014]\s|[,;:]\s/;
/** A question that asks for the steps themselves ("steps to", "how do i", "walk me through"), not whether or what. */
const STEPS_WORDS = /\b(?:steps?|how (?:do|can|could|should|would|to)|walk me through|procedure|process|command|cmdlet|powershell)\b/i;
/** The product named before a how-to ("exchange 2019 - how do i ..."), which the version reading keeps. */
const PRODUCT_LEAD = /^(?:exchange|exch|ex|e2k\d{0,2}|ex2k\d{0,2}|ex20\d\d)(?:\s*(?:server\s*)?(?:20\d\d|se))?\s*[-:,]?\s*(?=how\b|steps?\b)/i;
/** What a question moves to: "to SE", "onto server 2025", "into windows 2022". */
const TO_SE = /\b(?:to|onto|into|towards?|->|→)\s+(?:the\s+)?(?:exchange\s+)?(?:server\s+)?(?:se|subscription edition)\b/i;
// A bare year is a Windows release only where no Exchange version has it ("migrating to 2019" is Exchange 2019).
const TO_WINDOWS = /\b(?:to|onto|into|towards?|on|->|→)\s+(?:the\s+)?(?:new\s+)?(?:windows|win|ws|w2k\d*|server\s*20\d\d|20(?:12|22|25)\b|os\b|operating system)/i;
/** Windows itself as what is upgraded: "upgrade windows under exchange 2019", "in-place os upgrade", "replace the windows 2012 r2 under ..." (q22). */
const WINDOWS_UPGRADED =
  /\b(?:upgrad\w*|updat\w*|mov\w*|migrat\w*|replac\w*)\s+(?:the\s+)?(?:windows|os|operating system)\b|\b(?:windows|os|operating system)\s+(?:in[\s-]place\s+)?upgrad\w*|\bin[\s-]place\s+(?:windows|os)\b/i;

/** Compiled word groups, one pattern a group (a word start, any of its words). */
const compiled = new WeakMap<readonly (readonly string[])[], RegExp[]>();

/** One pattern per group of words (a word start, any of the group's words); compiled once per table row. */
export function wordPatterns(groups: readonly (readonly string[])[]): RegExp[] {
  let patterns = compiled.get(groups);
  if (!patterns) {
    patterns = groups.map((group) => new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${group.map(escaped).join('|')})`, 'iu'));
    compiled.set(groups, patterns);
  }
  return patterns;
}

const NO_WORDS: readonly (readonly string[])[] = [];

/** Words of this length or more match at a word start ("migrat" → "migration"); shorter ones whole, bar a number ("ha" is not "have", "cu" is "cu15"). */
const PREFIX_LENGTH = 5;

function escaped(word: string): string {
  const pattern = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
  return word.length >= PREFIX_LENGTH ? pattern : `${pattern}(?!\\p{L})`;
}

/** True when the message asks how to do something ("how do i", "steps to", "upgrade path ..."). */
export function asksHowTo(typed: string): boolean {
  return HOW_TO.test(normalizeQuestionWords(typed.trim()));
}

/** True when the message's last clause is "how" alone ("can i add a fourth member to our dag, how"): the steps asked, whoever asks. */
export function endsWithHow(typed: string): boolean {
  const clauses = normalizeQuestionWords(typed.trim()).split(CLAUSE_BREAK);
  return clauses.length > 1 && HOW_ALONE.test(clauses.at(-1)!.trim());
}

/** The how-to row that answers the question, if any. */
export function howToAsked(typed: string, table: readonly HowToEntry[], recognizer: FactRecognizer): HowToEntry | undefined {
  const text = normalizeQuestionWords(typed.replace(/<at>[^<]{0,80}<\/at>/gi, ' ').trim());
  // "exchange 2019 - how do i add a node to the dag": the product said first, then the how-to.
  // "we want to go to Windows Server 2025 under our 2019 DAG - can we just upgrade the OS in place?": the how-to may follow what it is about.
  // "can exchange 2016 be upgraded in place to 2019", "we plan an in-place upgrade of windows 2019 to 2022 on our exchange servers"
  // (session 14, lead): an in-place upgrade asked in any form is a task of the table (its rows say whether there is one); the
  // check took the two versions or releases for a mixed DAG and judged an unknown version "Supported with conditions".
  if (
    !HOW_TO.test(text.replace(PRODUCT_LEAD, '')) &&
    !(IN_PLACE_UPGRADE.test(text) && IN_PLACE_ASKED.test(text) && !IN_PLACE_DONE.test(text)) &&
    !text
      .split(CLAUSE_BREAK)
      .slice(1)
      .some((clause) => HOW_TO.test(clause.trim()) || HOW_ALONE.test(clause.trim()))
  )
    return undefined;
  // "exchange 2013 dag autoreseed - how to configure the spare disks": a topic the knowledge never speaks of is no row's task.
  if (asksUnheldTopic(text)) return undefined;
  const { facts } = recognizer.extract(text);
  const named = versionsIn(text, recognizer);
  const toSe = TO_SE.test(text);
  // The version moved from: the first one named that is not the target.
  const from = named.filter((v) => !(toSe && v === 'se'));
  // "wants to upgrade the os in place ... exchange 2016 cu23 dag": Windows said to be upgraded makes the Windows rows come first (the
  // update row's "cu" matched "cu23").
  const windowsFirst = WINDOWS_UPGRADED.test(text) ? [...table.filter((e) => e.asks.target === 'windows'), ...table.filter((e) => e.asks.target !== 'windows')] : table;
  return windowsFirst.find((entry) => {
    const { asks } = entry;
    if (asks.target === 'se' && !toSe) return false;
    if (asks.target === 'windows' && !(TO_WINDOWS.test(text) || WINDOWS_UPGRADED.test(text) || facts.windows !== undefined)) return false;
    if (from.length === 0 ? !asks.anyVersion && asks.versions !== undefined : asks.versions !== undefined && !asks.versions.includes(from[0]!)) return false;
    for (const [dimension, values] of Object.entries(asks.facts ?? {})) {
      if (!values.includes(facts[dimension] ?? '')) return false;
    }
    return wordPatterns(entry.asks.words ?? NO_WORDS).every((pattern) => pattern.test(text));
  });
}

/** The answer of a how-to row (`question.other` is its id). */
export function howToAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const entry = tables.howTo.find((e) => e.id === question.other);
  if (!entry) return undefined;
  // "how do I migrate Exchange 2007 to SE?": the hops for that version, from the table the after-verdict path reads too.
  const path = entry.pathFromCoexistence && question.subject.version !== undefined ? upgradePath(tables, question.subject.version) : undefined;
  if (path) return { question, answer: path.line, details: [entry.steps, ...(entry.details ?? [])], sources: path.sources, articleId: entry.article, checkFacts: question.subject };
  const sources = sourcesOf(tables, entry.basis ?? []);
  if ((entry.sources ?? []).length > 0 || (entry.basis ?? []).length === 0) {
    sources.push({ status: statusWords(entry.status ?? 'recalled'), label: (entry.sources ?? []).join(', ') || 'no source read' });
  }
  // "steps to add a dag member": the steps first when the table holds them, what the task needs after.
  const stepsFirst = entry.procedure !== undefined && STEPS_WORDS.test(normalizeQuestionWords(question.text));
  const answer: DirectAnswer = {
    question,
    answer: stepsFirst ? entry.procedure! : entry.answer,
    details: [...(stepsFirst ? [entry.answer] : entry.procedure ? [entry.procedure] : []), entry.steps, ...(entry.details ?? [])],
    sources,
    articleId: entry.article,
    checkFacts: question.subject,
  };
  // A move onto a named Windows release: first whether the version runs there at all, and from
  // which update level, from the same platform table the verdicts read.
  const { version, windows } = question.subject;
  if (entry.asks.target !== 'windows' || version === undefined || windows === undefined) return answer;
  const platform = runsOnAnswer(tables, { ...question, attribute: 'from-update', subject: { version, windows } });
  if (!platform) return answer;
  return {
    ...answer,
    answer: `${platform.answer} ${entry.answer}`,
    sources: [...platform.sources, ...sources.filter((s) => !platform.sources.some((p) => p.status === s.status && p.label === s.label))],
    checkFacts: platform.checkFacts,
  };
}
