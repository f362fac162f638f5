import type { Activity, TurnContext } from 'botbuilder';
import type { Article, Decision, Dimension, Facts, SearchAnswer, SearchHit } from '../knowledge';

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
  verdict(decision: Decision, facts: Facts): Partial<Activity>;
}

/** Where questions the knowledge base could not answer are kept for later review. */
export interface UnansweredQuestions {
  record(context: TurnContext, question: string): Promise<void>;
}

/** What a search returns when it found something, narrowed for the dialogs. */
export type FoundAnswer = SearchAnswer & { best: SearchHit };
