import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createBot, type BotParts } from '../../bot/create-bot';
import { botbuilderLogic } from '../../bot/hosts/botbuilder/adapter';
import { memoryLogger } from '../../bot/log';
import type { KnowledgeBase } from '../../knowledge';

/**
 * The real bot (dialogs, cards, optimistic state, commit of replies) driven in process through
 * botbuilder's TestAdapter: no HTTP, no connector, a turn in well under a millisecond. The state
 * lives in a MemoryStorage whose backing object the tests can read, and the bot can be "restarted"
 * (built again on the same storage) as a new process would be.
 *
 * The adapter has no onTurnError: an exception in a turn reaches the caller.
 */
export class InProcessBot {
  readonly log = memoryLogger();
  private readonly memory: Record<string, string> = {};
  private readonly storage = new MemoryStorage(this.memory);
  private readonly adapter = new TestAdapter();
  private parts: BotParts;

  constructor(private readonly knowledge: KnowledgeBase) {
    this.parts = createBot(knowledge, this.storage, this.log);
  }

  /** A new bot on the same storage, as after a process restart. */
  restart(): void {
    this.parts = createBot(this.knowledge, this.storage, this.log);
  }

  /** Runs one turn and returns every activity it sent, in order. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const sent: Partial<Activity>[] = [];
    await this.adapter.processActivity(activity, async (context) => {
      context.onSendActivities(async (_context, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await botbuilderLogic(this.parts.bot)(context);
    });
    // The adapter queues every reply for its own assertions; these tests read them above.
    this.adapter.activeQueue.splice(0);
    return sent;
  }

  /** The stored conversation state (what the next turn will read), or undefined. */
  conversationState(channelId: string, conversationId: string): Record<string, unknown> | undefined {
    const stored = this.storedConversation(channelId, conversationId);
    return stored === undefined ? undefined : (JSON.parse(stored) as Record<string, unknown>);
  }

  /** The stored conversation state as serialized, to compare byte for byte. */
  storedConversation(channelId: string, conversationId: string): string | undefined {
    return this.memory[`${channelId}/conversations/${conversationId}/`];
  }
}
