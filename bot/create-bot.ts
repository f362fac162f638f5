import type { Storage } from 'botbuilder';
import { MainDialog } from '../dialogs/main-dialog';
import type { KnowledgeBase } from '../knowledge';
import { CardReplies } from './cards/card-replies';
import { ExchangeSupportBot } from './exchange-support-bot';
import type { Logger } from './log';
import { OptimisticConversationState, OptimisticUserState } from './storage/optimistic-bot-state';
import { UnansweredQuestionLog } from './unanswered-question-log';

/** The bot and the parts of it the server exposes. */
export interface BotParts {
  bot: ExchangeSupportBot;
  unanswered: UnansweredQuestionLog;
}

/**
 * Wires storage, state, dialogs and cards into the bot, the same way for the HTTP server and for
 * tests that drive turns in process.
 */
export function createBot(knowledge: KnowledgeBase, storage: Storage, log: Logger, options: { replyTimeoutMs?: number } = {}): BotParts {
  // Saves carry the eTag they read, so instances sharing the storage never overwrite each other.
  const conversationState = new OptimisticConversationState(storage);
  const userState = new OptimisticUserState(storage);
  const replies = new CardReplies(knowledge);
  const unanswered = new UnansweredQuestionLog(storage, log);
  const bot = new ExchangeSupportBot(conversationState, userState, new MainDialog(knowledge, replies, unanswered), replies, knowledge, log, options.replyTimeoutMs);
  return { bot, unanswered };
}
