import type { Storage, StoreItem } from 'botbuilder';
import type { UnansweredQuestions } from '../dialogs/replies';
import type { Logger } from './log';
import { NEW_ITEM_ETAG } from './storage/etag-conflict';

/** One question the knowledge base could not answer. */
export interface UnansweredQuestion {
  question: string;
  conversationId: string;
  askedAt: string;
}

interface LogDocument extends StoreItem {
  items: UnansweredQuestion[];
}

const STORAGE_KEY = 'unanswered-questions';
/** Keeps the document small; the newest questions are the useful ones for writing articles. */
const MAX_ITEMS = 1000;
const MAX_QUESTION_LENGTH = 500;
const WRITE_ATTEMPTS = 3;

/**
 * Keeps questions without an answer in the bot's Storage (memory locally, Blob storage in
 * production), so they survive restarts and can be reported on. Writes use the ETag so two bot
 * instances recording at once do not overwrite each other.
 */
export class UnansweredQuestionLog implements UnansweredQuestions {
  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(question: string, conversationId: string): Promise<void> {
    const item: UnansweredQuestion = { question: question.slice(0, MAX_QUESTION_LENGTH), conversationId, askedAt: this.now().toISOString() };
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
      const current = (await this.storage.read([STORAGE_KEY]))[STORAGE_KEY] as LogDocument | undefined;
      const items = [...(current?.items ?? []), item].slice(-MAX_ITEMS);
      try {
        // The first question is written as new, so two instances recording the very first one at once
        // do not overwrite each other (a plain '*' would keep only the last).
        await this.storage.write({ [STORAGE_KEY]: { items, eTag: current?.eTag ?? NEW_ITEM_ETAG } });
        this.log('info', 'unanswered question recorded', { conversationId, length: question.length });
        return;
      } catch (error) {
        if (attempt === WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** All recorded questions, oldest first. */
  async list(): Promise<UnansweredQuestion[]> {
    const current = (await this.storage.read([STORAGE_KEY]))[STORAGE_KEY] as LogDocument | undefined;
    return current?.items ?? [];
  }
}
