import type { LastAnswerStore } from '../dialogs/last-answer';
import type { LastListing, LastListingStore } from '../dialogs/listing-follow-up';
import type { LastCheck, LastCheckStore } from '../dialogs/last-check';
import { MainDialog, type SaidBeforeStore } from '../dialogs/main-dialog';
import { InMemorySuggestionPicks } from '../dialogs/replies';
import { KnowledgeHolder, type KnowledgeBase, type PreviousQuestion } from '../knowledge';
import { ReportCommand } from './admin/report-command';
import { CardReplies } from './cards/card-replies';
import { ExchangeSupportBot, type KnowledgeParts } from './exchange-support-bot';
import type { Logger } from './log';
import type { TextAttachmentOptions } from './text-attachments';
import { AnswerTracking } from './records/answer-tracking';
import { OwnerRecords } from './records/owner-records';
import { MemoryRecordStore, type RecordStore } from './records/record-store';
import { OptimisticConversationState, OptimisticUserState } from './storage/optimistic-bot-state';
import type { Storage } from '../dialogs/turn';

/** The bot and the parts of it the server exposes. */
export interface BotParts {
  bot: ExchangeSupportBot;
  /** Unanswered questions, answers, feedback and suggestion picks, for the knowledge owners' report. */
  records: OwnerRecords;
}

/** Where owner records go and how user ids are hashed; memory and a per-process salt by default. */
export interface RecordOptions {
  records?: RecordStore;
  /** Salt for the hashes of user and conversation ids (RECORDS_SALT): the same on every instance to count distinct users. */
  recordSalt?: string;
  /** Teams AAD object ids allowed the "kb report" chat command. */
  admins?: readonly string[];
  /** How long one send to the channel may take (REPLY_TIMEOUT_MS). */
  replyTimeoutMs?: number;
  /** How `.txt` attachments are downloaded (tests allow a loopback file store). */
  attachments?: TextAttachmentOptions;
}

/**
 * Wires storage, state, dialogs and cards into the bot, the same way for the HTTP server and for
 * tests that drive turns in process.
 */
export function createBot(knowledge: KnowledgeBase | KnowledgeHolder, storage: Storage, log: Logger, options: RecordOptions = {}): BotParts {
  const holder = knowledge instanceof KnowledgeHolder ? knowledge : new KnowledgeHolder(knowledge);
  // Saves carry the eTag they read, so instances sharing the storage never overwrite each other.
  const conversationState = new OptimisticConversationState(storage);
  const userState = new OptimisticUserState(storage);
  const records = new OwnerRecords(options.records ?? new MemoryRecordStore(), log, options.recordSalt);
  const owners = { records, tracking: new AnswerTracking(records), reportCommand: new ReportCommand(records, options.admins ?? [], log) };
  // The last verdict lives in conversation state, so follow-ups and "what if" survive a restart on Blob storage.
  const lastCheckProperty = conversationState.property<LastCheck>('lastCheck');
  const lastCheck: LastCheckStore = {
    get: (context) => lastCheckProperty.get(context),
    set: (context, value) => (value === undefined ? lastCheckProperty.delete(context) : lastCheckProperty.set(context, value)),
  };
  // The last direct question too, so "and 2019?" after an answer asks the same about Exchange 2019.
  const lastAnswerProperty = conversationState.property<PreviousQuestion>('lastAnswer');
  const lastAnswer: LastAnswerStore = {
    get: (context) => lastAnswerProperty.get(context),
    set: (context, value) => (value === undefined ? lastAnswerProperty.delete(context) : lastAnswerProperty.set(context, value)),
  };
  // The last pasted listing (bounded), so that an answer to one of its questions judges it again.
  const lastListingProperty = conversationState.property<LastListing>('lastListing');
  const lastListing: LastListingStore = {
    get: (context) => lastListingProperty.get(context),
    set: (context, value) => (value === undefined ? lastListingProperty.delete(context) : lastListingProperty.set(context, value)),
  };
  // The statements said before a check started (a few short ones), so the check that follows keeps their facts.
  const saidBeforeProperty = conversationState.property<string[]>('saidBefore');
  const saidBefore: SaidBeforeStore = {
    get: (context) => saidBeforeProperty.get(context),
    set: (context, value) => (value === undefined ? saidBeforeProperty.delete(context) : saidBeforeProperty.set(context, value)),
  };
  // One for the bot's life, whatever knowledge is served.
  const picks = new InMemorySuggestionPicks();
  // The dialogs and cards are built on a plain KnowledgeBase, once per knowledge served: a reload
  // builds a new set for the turns that start after it, and a turn in flight keeps the set it
  // started with. (An AsyncLocalStorage pin did this before; it made Node run a hook on every
  // promise of every request, about 15% of a knowledge answer's CPU, issue 24.)
  const parts = (kb: KnowledgeBase): KnowledgeParts => {
    const replies = new CardReplies(kb);
    return { knowledge: kb, replies, mainDialog: new MainDialog(kb, replies, records, lastCheck, picks, lastAnswer, lastListing, saidBefore) };
  };
  let served: { kb: KnowledgeBase; parts: KnowledgeParts } | undefined;
  const partsNow = (): KnowledgeParts => {
    const kb = holder.current();
    if (served?.kb !== kb) served = { kb, parts: parts(kb) };
    return served.parts;
  };
  // Built now, so the first turn does not pay for it.
  partsNow();
  const bot = new ExchangeSupportBot(conversationState, userState, partsNow, log, owners, options.replyTimeoutMs, options.attachments);
  return { bot, records };
}
