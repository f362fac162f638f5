import type { KnowledgeBase } from './knowledge-base';

/**
 * The one place the running bot gets its knowledge from, so new knowledge can be swapped in without
 * a restart. A turn reads {@link current} once when it starts and works on that knowledge base to its
 * end (bot/create-bot.ts builds the dialogs and cards on it), so a reload that lands meanwhile never
 * changes the knowledge under a turn in flight.
 */
export class KnowledgeHolder {
  private kb: KnowledgeBase;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
  }

  /** The knowledge served now. */
  current(): KnowledgeBase {
    return this.kb;
  }

  /** Serves `kb` from now on (turns already running keep theirs). One assignment: nobody sees half of it. */
  swap(kb: KnowledgeBase): void {
    this.kb = kb;
  }
}
