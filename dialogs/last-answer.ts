import { memoryConversationStore, type ConversationStore } from './conversation-store';
import type { PreviousQuestion } from '../knowledge';

/**
 * The last direct answer's question (its attribute and subject), kept in conversation state so that
 * "and 2019?" or "what about SE?" asks the same thing about a new subject, after a restart too.
 * Only the question is kept: the answer is read from the tables again.
 */
export type LastAnswerStore = ConversationStore<PreviousQuestion>;

/** The last direct questions of at most `limit` conversations, in memory (tests and tools). */
export const memoryLastAnswerStore = (limit?: number): LastAnswerStore => memoryConversationStore<PreviousQuestion>(limit);
