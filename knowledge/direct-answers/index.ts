import { BoundedCache } from '../bounded-cache';
import { namesUncoveredRelease } from '../search/question-scope';
import { asksUnheldKind } from '../search/unheld-question';
import type { Facts, FactRecognizer } from '../reading/fact-recognizer';
import { coexistenceAnswer } from './coexistence-answers';
import { definitionAnswer, definitionAsked } from './glossary-answers';
import { howToAnswer, howToAsked } from './how-to-answers';
import { generalRuleAnswer, generalRuleAsked } from './general-rule-answers';
import { normalizeQuestionWords } from '../reading/question-words';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { lifecycleAnswer } from './lifecycle-answers';
import { maxInstancesAnswer, maxNodesAnswer } from './limit-answers';
import { maxDatabaseSizeAnswer, maxDatabasesAnswer } from './database-answers';
import { exchangeVersionsAnswer, runsOnAnswer, windowsReleasesAnswer } from './platform-answers';
import { readAboutSetup, readDirectQuestion, updateReleaseAsked, versionsIn, type PreviousQuestion } from './question-reader';
import { clusterableRolesAnswer, serverRolesAnswer } from './role-answers';
import { ruleAnswer } from './rule-answers';
import { latestUpdateAnswer, updateReleasedAnswer } from './update-answers';
import { pickPassage } from './passage-pick';
import { label, longDate, type AnswerTables } from './table-access';
import { SUPPORTED_PATH } from '../rules/triage-summary';

export type { Attribute, AnswerSource, DirectAnswer, DirectQuestion, FactStatus } from './direct-answer';
export type { PreviousQuestion } from './question-reader';
export type { AnswerTables } from './table-access';
export type { GlossaryEntry } from './glossary-table';
export { definitionAsked } from './glossary-answers';
export { asksHowTo, endsWithHow } from './how-to-answers';
export { upgradePath, upgradesInPlaceToSe, type UpgradePath } from './upgrade-path';
export type { HowToEntry } from './how-to-table';
export { readDirectQuestion } from './question-reader';
export { platformFinding } from './platform-answers';
export { largestAllowed } from './limit-answers';

/**
 * Direct answers from the bot's own tables: dates, numbers, lists and yes/no general rules, read
 * from the same lifecycle table, outcomes and limits the verdicts use (plus the coexistence table),
 * each with the source and status of its facts and the article passage beneath.
 *
 * @example
 * const answers = new DirectAnswers(kb, () => new Date());
 * answers.answer(answers.read('max nodes for an ex2k3 cluster on w2k3 enterprise?')!)?.answer;
 * // 'Up to 8 nodes on Windows Server 2003 Enterprise.'
 */
export class DirectAnswers {
  /** Answers worked out (without their passage): a few hundred subjects at most, bounded anyway. */
  private readonly memo = new BoundedCache<string, DirectAnswer | null>({ maxEntries: 2_000, maxBytes: 8 * 1024 * 1024, sizeOf: () => 2_048 });

  constructor(
    private readonly tables: AnswerTables,
    private readonly recognizer: FactRecognizer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The direct question a message asks, if any (see {@link readDirectQuestion}). */
  read(text: string, previous?: PreviousQuestion): DirectQuestion | undefined {
    // "exchange 2022 end of support": no table row is about a release the knowledge does not cover (not Windows Server 2022's).
    if (namesUncoveredRelease(text)) return undefined;
    // "is exchange SE licensed per core", "when will SE CU3 be released": no table answers an opinion, a future release or a licence.
    if (asksUnheldKind(text)) return undefined;
    // "what is an EVS", "whats a fsw", "scr?": a term of the glossary asked whole is defined from it.
    const term = definitionAsked(text, this.tables.glossary, previous?.attribute);
    if (term) return { attribute: 'definition', subject: {}, other: term.id, text: text.trim() };
    // "how do i add a node to the dag": what the how-to table holds about the task, and where its steps are.
    const task = howToAsked(text, this.tables.howTo, this.recognizer);
    if (task) {
      const subject = this.recognizer.extract(text).facts;
      // A path read per version ("migrate exchange 2007 to SE"): the version moved from, never the SE moved to.
      const from = task.pathFromCoexistence ? versionsIn(text, this.recognizer).find((v) => v !== 'se') : undefined;
      return { attribute: 'how-to', subject: from !== undefined ? { ...subject, version: from } : subject, other: task.id, text: text.trim() };
    }
    // "the 2016 coexistence needs 2010 sp3 ru11 - when was ru11 released?": the release of the update typed, whatever else is named.
    const release = updateReleaseAsked(text, this.recognizer);
    if (release && this.answer(release)) return release;
    // "exchange 2019 on azure supported?", "fsw on a dc ok?": a rule the check cannot judge, from its own table.
    const rule = generalRuleAsked(text, this.tables.generalRules, this.recognizer);
    // A design that names its Windows release or its member count ("SE x4, WS2022, DAG01, FSW on DC01") is the check's.
    const facts = rule ? this.recognizer.extract(text).facts : {};
    // "max dag members if we stretch an SE dag over 3 datacenters" (session 12, q22): a count asked first is that count,
    // whatever rule the setting it names has (the DAG across sites answered "Yes, with a condition").
    if (rule && COUNT_FIRST.test(normalizeQuestionWords(text.trim()))) {
      const counted = readDirectQuestion(text, this.recognizer, previous);
      if (counted && COUNT_ATTRIBUTES.has(counted.attribute) && this.answer(counted)) return counted;
    }
    if (rule && (rule.anySetup === true || DESIGN_FACTS.every((d) => facts[d] === undefined))) {
      const version = versionsIn(text, this.recognizer)[0];
      return { attribute: 'general-rule', subject: version !== undefined ? { version } : {}, other: rule.id, text: text.trim() };
    }
    // "how to migrate from 2013 to 2019": no row holds the steps; what the knowledge holds is whether and
    // from which update the two versions coexist, which a migration between them needs first.
    if (MIGRATION.test(normalizeQuestionWords(text.trim())) && !MIGRATION_OF_SOMETHING.test(text)) {
      const versions = versionsIn(text, this.recognizer);
      if (versions.length === 2) return { attribute: 'coexistence', subject: { version: versions[0]! }, other: versions[1]!, text: text.trim() };
    }
    const question = readDirectQuestion(text, this.recognizer, previous);
    // "2008 r2 standard ok?" after the Windows releases a version's technology runs on (q20): the technology's own "No" (a 2013 DAG
    // on 2008 R2 Standard), else whether the version runs there and from which update (2012 R2 from Exchange 2013 SP1).
    if (
      question?.attribute === 'rule' &&
      (previous?.attribute === 'windows-releases' || previous?.attribute === 'windows-editions') &&
      question.subject.windows !== undefined &&
      question.subject.ha !== undefined
    )
      return /^(No|It depends)\b/.test(this.answer(question)?.answer ?? '') ? question : { ...question, attribute: 'runs-on' };
    // A database size of a version no limit bounds (Exchange 2010 and older): the search's suggestions (session 13, q23).
    if (question?.attribute === 'max-database-size') return this.answer(question) ? question : undefined;
    // A role at an update level is answered only where the role depends on the level (Edge in Exchange 2013); else the check.
    if (question?.attribute === 'server-roles' && question.subject.role !== undefined) return this.answer(question) ? question : undefined;
    // A rule of one version the tables do not settle ("it depends" on facts not named) is the check's to ask.
    if (question?.attribute === 'rule' && question.subject.version !== undefined && question.subject.ha !== undefined) {
      return this.answer(question) ? question : undefined;
    }
    return question;
  }

  /**
   * A short question about a setup, read against its facts ("max members?" after a verdict on a 2010 DAG: that DAG's limit;
   * "since when?": from which update its version runs on its Windows release); only when the tables answer it (see readAboutSetup).
   */
  readAbout(text: string, setup: Facts): DirectQuestion | undefined {
    const question = readAboutSetup(text, this.recognizer, setup);
    return question && this.answer(question) ? question : undefined;
  }

  /** The answer, or undefined when the tables do not settle it (the search answers then). */
  answer(question: DirectQuestion): DirectAnswer | undefined {
    const subject = this.tables.knownFacts(question.subject);
    const normalised: DirectQuestion = { ...question, subject };
    const today = this.now().toISOString().slice(0, 10);
    // Some answers read the words typed too (an update as typed, a typed CU held against a coexistence minimum, "supported" asked): the text is part of their key.
    // A lifecycle date of an update names the service pack typed when its row covers two ("2007 sp1" and "2007 sp2").
    const typed = TEXT_READ.has(question.attribute) || (question.subject.update !== undefined && LIFECYCLE_DATES.has(question.attribute)) ? question.text : '';
    const key = JSON.stringify([question.attribute, subject, question.other ?? '', question.needs ?? false, today, typed]);
    let found = this.memo.get(key);
    if (found === undefined) {
      found = retiredSecond(this.tables, this.compute(normalised, today), today) ?? null;
      this.memo.set(key, found);
    }
    if (!found) return undefined;
    const withQuestion = { ...found, question };
    // No article quotes the build table: a passage beside a build would be about something else.
    if (NO_PASSAGE.has(question.attribute)) return withQuestion;
    let best: ReturnType<typeof pickPassage>;
    for (const id of [found.articleId, ...(found.otherArticles ?? [])]) {
      const article = this.tables.articles.find((a) => a.id === id);
      const picked = article ? pickPassage(article, this.passageWords(withQuestion), this.subjectWords(withQuestion)) : undefined;
      if (picked && (!best || picked.score > best.score)) best = picked;
    }
    return best ? { ...withQuestion, articleId: best.passage.article.id, passage: best.passage } : withQuestion;
  }

  private compute(question: DirectQuestion, today: string): DirectAnswer | undefined {
    switch (question.attribute) {
      case 'end-of-support':
      case 'mainstream':
      case 'esu':
      case 'still-supported':
        return lifecycleAnswer(this.tables, question, today);
      case 'windows-releases':
        return windowsReleasesAnswer(this.tables, question);
      case 'exchange-versions':
        return exchangeVersionsAnswer(this.tables, question);
      case 'windows-editions':
      case 'runs-on':
      case 'from-update':
        return runsOnAnswer(this.tables, question);
      case 'max-nodes':
        return maxNodesAnswer(this.tables, question);
      case 'max-instances':
        return maxInstancesAnswer(this.tables, question);
      case 'max-databases':
        return maxDatabasesAnswer(this.tables, question);
      case 'max-database-size':
        return maxDatabaseSizeAnswer(this.tables, question);
      case 'clusterable-roles':
        return clusterableRolesAnswer(this.tables, question);
      case 'server-roles':
        return serverRolesAnswer(this.tables, question);
      case 'coexistence':
        return coexistenceAnswer(this.tables, question);
      case 'rule':
        return ruleAnswer(this.tables, question);
      case 'general-rule':
        return generalRuleAnswer(this.tables, question);
      case 'definition':
        return definitionAnswer(this.tables, question);
      case 'how-to':
        return howToAnswer(this.tables, question);
      case 'latest-update':
        return latestUpdateAnswer(this.tables, question, today);
      case 'update-released':
        return updateReleasedAnswer(this.tables, question);
    }
  }

  /** What the passage beneath must share: the answer's own words (the fact it states) and the subject. */
  private passageWords(answer: DirectAnswer): string {
    const lifecycle = ['end-of-support', 'mainstream', 'esu', 'still-supported'].includes(answer.question.attribute);
    if (lifecycle) return `${answer.question.attribute === 'mainstream' ? 'mainstream' : 'extended'} support ended ${this.subjectWords(answer).join(' ')}`;
    return [answer.question.text, answer.answer.replace(/^(yes|no|none|it depends)[^:]{0,40}:\s*/i, ''), ...answer.details.slice(0, 1)].join(' ');
  }

  /** The version or release asked about ("2019", "SE"), which the row quoted should name. */
  private subjectWords(answer: DirectAnswer): string[] {
    const { version, windows } = answer.question.subject;
    const value = version ?? windows;
    if (!value) return [];
    return [value === 'se' ? 'SE' : value.replace('-r2', ' R2')];
  }
}

/** The answers that state a rule of an Exchange version (not its dates, which say the end themselves). */
const RULE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'rule',
  'general-rule',
  'runs-on',
  'from-update',
  'windows-editions',
  'windows-releases',
  'clusterable-roles',
  'max-nodes',
  'max-instances',
  'max-databases',
  'max-database-size',
  'latest-update',
]);

/** A count asked for in the first words ("max dag members ...", "how many nodes ..."). */
const COUNT_FIRST = /^(?:what(?:'s|s| is) the )?(?:max(?:imum)?|how many|up to how many|number of)\b/i;
/** The answers that are a count from the limits tables. */
const COUNT_ATTRIBUTES: ReadonlySet<string> = new Set(['max-nodes', 'max-instances', 'max-databases']);

/** Facts that make a message a design to check rather than a general rule asked about. */
const DESIGN_FACTS = ['windows', 'windowsEdition', 'nodes'];

/** A move from one Exchange version to another. */
const MIGRATION =
  /^(?:how (?:do|can|could|should) (?:i|we|you|one) |how to |steps? to |what(?:'s|s| is) the (?:best |right |supported )?(?:way|process|procedure) to )(?:migrat\w*|upgrad\w*|move|go|transition)\b/i;

/** A migration of one thing (public folders, mailboxes) or one that fails: a task no table holds. */
const MIGRATION_OF_SOMETHING = /\b(public folders?|pfs?|mailbox(es)?|archives?|fail\w*|error\w*|stuck|batch\w*)\b/i;

/** The answers that read the question's own words besides its subject (see `answer`'s memo key). */
const TEXT_READ: ReadonlySet<string> = new Set(['coexistence', 'update-released', 'server-roles', 'how-to']);

/** The lifecycle answers, which read a service pack typed when the subject has an update level. */
const LIFECYCLE_DATES: ReadonlySet<string> = new Set(['end-of-support', 'mainstream', 'still-supported']);

/** Answers from the build table, which no article quotes. */
const NO_PASSAGE: ReadonlySet<string> = new Set(['latest-update', 'update-released']);

/** The answers whose first sentence is the whole answer (a Yes or No, an update level). */
const YES_NO_ATTRIBUTES: ReadonlySet<string> = new Set(['rule', 'general-rule', 'runs-on', 'from-update', 'latest-update']);
/** The detail lines a list answer keeps before the out-of-support line (the card shows six). */
const MAX_LIST_DETAILS = 5;

/**
 * A rule of a retired version is still answered first; that the version itself is out of support
 * comes second, so the answer a helpdesk agent pastes starts with the fact asked for.
 */
function retiredSecond(tables: AnswerTables, answer: DirectAnswer | undefined, today: string): DirectAnswer | undefined {
  const version = answer?.question.subject.version;
  if (!answer || version === undefined || !RULE_ATTRIBUTES.has(answer.question.attribute)) return answer;
  const entry = tables.lifecycle.find((e) => e.dimension === 'version' && e.value === version);
  if (entry?.endOfSupport === undefined || entry.endOfSupport >= today) return answer;
  const name = label(tables, 'version', version);
  const rule = answer.question.attribute === 'latest-update' ? '' : ': this is the rule while it was supported';
  const line = `${name} itself has been out of support since ${longDate(entry.endOfSupport)}${rule}. Supported path: ${SUPPORTED_PATH}.`;
  // A yes/no's detail is its reason or recommendation: the line goes right after the answer. A list's
  // details are the rest of the answer (the editions per release), so it follows them.
  const at = YES_NO_ATTRIBUTES.has(answer.question.attribute) ? 0 : Math.min(answer.details.length, MAX_LIST_DETAILS);
  return { ...answer, details: [...answer.details.slice(0, at), line, ...answer.details.slice(at)] };
}
