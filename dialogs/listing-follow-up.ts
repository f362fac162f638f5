import type { TurnContext } from './turn';
import { answerListing, tooLongListingMessage, type KnowledgeBase } from '../knowledge';
import { memoryConversationStore, type ConversationStore } from './conversation-store';
import type { Replies } from './replies';

/**
 * The last pasted listing of a conversation and what the user answered about it since, so that the
 * answer to one of its questions ("which edition?" - "all enterprise") judges the same servers again
 * instead of asking for a new paste. Kept in conversation state, bounded: a paste longer than
 * {@link MAX_KEPT_LISTING_CHARACTERS} is answered but not kept.
 */
export interface LastListing {
  text: string;
  /** The user's answers so far, by fact ("edition" -> "all enterprise"), as typed (the listing reads them per group). */
  answers: Record<string, string>;
  /** The facts the listing's reply still asks about. */
  asks: string[];
}

export type LastListingStore = ConversationStore<LastListing>;

/** The last listing of at most `limit` conversations, in memory (tests and tools). */
export const memoryLastListingStore = (limit?: number): LastListingStore => memoryConversationStore<LastListing>(limit);

/** Longest paste kept for follow-up answers: a few hundred servers' worth, small enough for conversation state. */
export const MAX_KEPT_LISTING_CHARACTERS = 96 * 1024;
/** Longest message read as an answer to a listing's question (a short reply, not a new question or paste). */
const MAX_ANSWER_CHARACTERS = 160;
/** "CU14", "cu 12", "SP3", "RTM": an update named without its version. */
const UPDATE_WORDS = /\b(?:cu\s?\d{1,2}|sp\s?\d|rtm)\b/i;
/** A question or a new request, not an answer. */
const NOT_AN_ANSWER = /\?\s*$|^\s*(what|why|how|when|where|which|who|can|could|is|are|does|do|should|would|will)\b/i;

/**
 * Replies to a pasted listing, and to an answer about the last one: the listing is judged again with
 * every answer given so far, and the whole reply sent again (groups, questions left, ticket summary).
 */
export class ListingFollowUp {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
    private readonly store: LastListingStore = memoryLastListingStore(),
  ) {}

  /** A new paste (typed, or a `.txt` file named `file`): its reply, and the listing kept for answers. True when the message was a listing. */
  async paste(context: TurnContext, text: string, file?: string): Promise<boolean> {
    const answer = answerListing(text, this.kb);
    if (answer.kind === 'too-long') {
      await context.sendActivity(tooLongListingMessage(answer.lines, answer.limit, file));
      return true;
    }
    if (answer.kind !== 'listing') return false;
    await context.sendActivities(this.replies.listing(answer.view));
    const asks = answer.view.questions.map((q) => q.dimension);
    await this.store.set(context, text.length <= MAX_KEPT_LISTING_CHARACTERS && asks.length > 0 ? { text, answers: {}, asks } : undefined);
    return true;
  }

  /** An answer to one of the last listing's questions: the listing judged again with it. True when the message was one. */
  async answer(context: TurnContext, text: string): Promise<boolean> {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.length > MAX_ANSWER_CHARACTERS || NOT_AN_ANSWER.test(trimmed)) return false;
    const last = await this.store.get(context);
    if (!last) return false;
    const facts = last.asks.filter((dimension) => {
      // "CU14" names no version: the listing reads it for each group's own version (group-answers.ts).
      if (dimension === 'update' && UPDATE_WORDS.test(trimmed)) return true;
      const read = this.kb.recognizer.readAnswer(dimension, trimmed);
      return read[dimension] !== undefined;
    });
    if (facts.length === 0) return false;
    const answers = { ...last.answers };
    for (const fact of facts) answers[fact] = trimmed;
    const judged = answerListing(last.text, this.kb, answers);
    if (judged.kind !== 'listing') return false;
    await context.sendActivity(`Taking "${trimmed.replace(/[[\]()*_`<>#|\\]/g, ' ')}" for the servers of your last paste, here they are judged again:`);
    await context.sendActivities(this.replies.listing(judged.view));
    // Every fact asked so far stays open to answers: "actually Standard" corrects an answer given before.
    const asks = [...new Set([...last.asks, ...judged.view.questions.map((q) => q.dimension)])];
    await this.store.set(context, { text: last.text, answers, asks });
    return true;
  }

  /** Forgets the last listing (the conversation moved on to a guided check). */
  async forget(context: TurnContext): Promise<void> {
    await this.store.set(context, undefined);
  }
}
