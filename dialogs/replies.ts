import type { Activity, TurnContext } from 'botbuilder';
import type { Article, Decision, Dimension, DimensionValue, Facts, SearchAnswer, SearchHit, SetAside } from '../knowledge';
import type { FollowUp, SmallTalk } from './conversation-intents';

/** One server group of a design with its verdict. */
export interface GroupVerdict {
  facts: Facts;
  setAside: readonly SetAside[];
  decision: Decision;
}

/**
 * Everything the conversations say, as activities. The dialogs decide *what* to say; the bot's card
 * renderer decides *how* it looks on a channel, so the dialogs stay free of card and channel details.
 */
export interface Replies {
  welcome(): Partial<Activity>;
  /** `inCheck`: the user is in the middle of the guided check. */
  help(inCheck: boolean): Partial<Activity>;
  cancelled(): Partial<Activity>;
  /** Asks the user to type a question for the knowledge base. */
  searchPrompt(): Partial<Activity>;
  /** The best article for a question, with related articles as buttons. */
  answer(best: SearchHit, related: readonly Article[]): Partial<Activity>;
  /** One article asked for by id (a "related article" button). */
  article(article: Article): Partial<Activity>;
  /** Nothing relevant found: say so plainly and offer the guided check. Echoes the question safely. */
  noAnswer(question: string): Partial<Activity>;
  /** A guided-check question with one button per value. */
  question(dimension: Dimension, facts: Facts): Partial<Activity>;
  /** The same question after an answer that could not be understood. */
  retry(dimension: Dimension, facts: Facts): Partial<Activity>;
  /** The verdict card; `setAside` are facts the user gave that do not apply, named back rather than dropped. */
  verdict(decision: Decision, facts: Facts, setAside?: readonly SetAside[]): Partial<Activity>;
  /** A design of several server groups: a verdict per group and the worst of them, in one card. */
  designVerdict(groups: readonly GroupVerdict[]): Partial<Activity>;
  /** "Not sure" at a question: how to find it out, and the verdict per possible answer (undefined where more questions follow). */
  notSure(dimension: Dimension, facts: Facts, outcomes: ReadonlyArray<{ value: DimensionValue; decision?: Decision }>): Partial<Activity>;
  /** A follow-up to the last verdict ("why?", "what should I do instead?", "summary"). */
  followUp(kind: FollowUp, groups: readonly GroupVerdict[]): Partial<Activity>;
  smallTalk(kind: SmallTalk): Partial<Activity>;
  /** A question about another product: this bot covers Exchange. */
  outOfScope(): Partial<Activity>;
}

/** Where questions the knowledge base could not answer are kept for later review. */
export interface UnansweredQuestions {
  record(context: TurnContext, question: string): Promise<void>;
}

/** What a search returns when it found something, narrowed for the dialogs. */
export type FoundAnswer = SearchAnswer & { best: SearchHit };
