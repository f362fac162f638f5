import type { Activity, TurnContext } from './turn';
import type { Article, Decision, Dimension, DimensionValue, DirectAnswer, Facts, ListingView, PassageAnswer, SearchAnswer, SearchHit, SetAside } from '../knowledge';
import type { FollowUp, QuestionAboutQuestion, SmallTalk } from './conversation-intents';

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
  /**
   * The best article for a question, with related articles as buttons. With a passage, the answer
   * is the passage that holds it (its article and section named, "Read the whole article" offered).
   */
  answer(best: SearchHit, related: readonly Article[], passage?: PassageAnswer): Partial<Activity>;
  /**
   * A direct answer from the tables: the answer first, the source and status of its facts, then
   * the article passage with "Read the whole article", and "Check my setup" with the named facts.
   */
  directAnswer(answer: DirectAnswer): Partial<Activity>;
  /** Several questions of one message answered from the tables, each answer first with its source; `unanswered` parts named back. */
  directAnswers(answers: readonly DirectAnswer[], unanswered: readonly string[]): Partial<Activity>;
  /**
   * No confident answer but plausible articles: "did you mean" with one button each (echoes the question safely);
   * with `noSteps`, steps were asked for that the knowledge base does not hold, and the card says so plainly.
   */
  suggestions(question: string, suggestions: readonly SearchHit[], noSteps?: boolean): Partial<Activity>;
  /** One article asked for by id (a "related article" button). */
  article(article: Article): Partial<Activity>;
  /** Nothing relevant found: say so plainly and offer the guided check, search and help. Echoes the question safely. */
  noAnswer(question: string): Partial<Activity>;
  /** A guided-check question with one button per value. */
  /** `assumed`: facts the check takes as given (assumed-facts.yaml), which narrow the choices but are not shown as known. */
  question(dimension: Dimension, facts: Facts, note?: string, assumed?: Facts): Partial<Activity>;
  /** The same question after an answer that could not be understood: worded differently, with examples and the choices. */
  retry(dimension: Dimension, facts: Facts, assumed?: Facts): Partial<Activity>;
  /** "hang on" at a question: the question waits (not asked again), the user answers when ready. */
  pause(dimension: Dimension): Partial<Activity>;
  /** A fact left open: after "not sure" the verdict names it; after two misses or two askings the check goes on without it. */
  leftOpen(dimension: Dimension, why: 'not-understood' | 'asked-twice', known?: Facts, note?: string): Partial<Activity>;
  /** "why do you ask?" / "what are the conditions?" at a question: how its answers change the verdict. */
  whyAsked(kind: QuestionAboutQuestion, dimension: Dimension, outcomes: ReadonlyArray<{ value: DimensionValue; decision?: Decision }>): Partial<Activity>;
  /** The verdict card; `setAside` are facts the user gave that do not apply, named back rather than dropped. */
  verdict(decision: Decision, facts: Facts, setAside?: readonly SetAside[], changed?: string): Partial<Activity>;
  /** A design of several server groups: a verdict per group and the worst of them, in one card. */
  designVerdict(groups: readonly GroupVerdict[], changed?: string): Partial<Activity>;
  /** "Not sure" at a question: how to find it out, and the verdict per possible answer (undefined where more questions follow). */
  notSure(dimension: Dimension, facts: Facts, outcomes: ReadonlyArray<{ value: DimensionValue; decision?: Decision }>): Partial<Activity>;
  /** "not sure" / "no idea" after a verdict: nothing changes; say how to add a fact later. */
  /** `open`: the labels of the facts the verdict left open, named back ("the Windows release"). */
  notSureAfterVerdict(open?: readonly string[]): Partial<Activity>;
  /** A button of a question from an earlier card, pressed after the verdict, that does not fit the setup judged: the verdict stands. */
  staleButton(): Partial<Activity>;
  /** A follow-up to the last verdict ("why?", "what should I do instead?", "summary"). */
  followUp(kind: FollowUp, groups: readonly GroupVerdict[]): Partial<Activity>;
  smallTalk(kind: SmallTalk): Partial<Activity>;
  /** A question about another product: this bot covers Exchange. */
  outOfScope(): Partial<Activity>;
  /** A pasted listing: a card per server group, the questions still open, and the ticket summary of every server (a message of its own). */
  listing(view: ListingView): Partial<Activity>[];
}

/** Where questions the knowledge base could not answer are kept for later review. */
export interface UnansweredQuestions {
  record(context: TurnContext, question: string): Promise<void>;
}

/**
 * Which "did you mean" suggestion a user picked for a question: a labelled example for the
 * knowledge owners (the question, and the article that answered it). The store behind it is
 * injected; {@link InMemorySuggestionPicks} is the default.
 */
export interface SuggestionPicks {
  record(question: string, articleId: string): Promise<void> | void;
}

/**
 * The longest question a pick keeps. The question comes back from the client in the button's
 * value, so it can be anything: 1,000 picks of 240,000 characters held 231 MB (issue 22).
 */
export const MAX_PICK_QUESTION = 500;

/**
 * The latest picks in memory, oldest dropped beyond `max` (for tests and for a bot without a store):
 * with each question cut to {@link MAX_PICK_QUESTION}, at most about 1 MB.
 */
export class InMemorySuggestionPicks implements SuggestionPicks {
  readonly picks: Array<{ question: string; articleId: string }> = [];

  constructor(private readonly max = 1000) {}

  record(question: string, articleId: string): void {
    this.picks.push({ question: question.slice(0, MAX_PICK_QUESTION), articleId: articleId.slice(0, 20) });
    if (this.picks.length > this.max) this.picks.splice(0, this.picks.length - this.max);
  }
}

/** What a suggestion button sends besides its text ("Show EXB-003"), so the pick can be recorded. */
export interface SuggestionPickValue {
  suggestionFor: string;
  article: string;
}

/** The pick a message carries, if it came from a suggestion button for `articleId`. */
export function suggestionPick(value: unknown, articleId: string): SuggestionPickValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { suggestionFor, article } = value as Partial<Record<keyof SuggestionPickValue, unknown>>;
  if (typeof suggestionFor !== 'string' || suggestionFor.trim() === '' || typeof article !== 'string' || article.toUpperCase() !== articleId) return undefined;
  return { suggestionFor: suggestionFor.slice(0, MAX_PICK_QUESTION), article: articleId };
}

/** What a search returns when it found something, narrowed for the dialogs. */
export type FoundAnswer = SearchAnswer & { best: SearchHit };
