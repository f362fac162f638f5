import type { TurnContext } from './turn';

/** One value per conversation that a dialog keeps between turns; the bot keeps it in conversation state. */
export interface ConversationStore<T> {
  get(context: TurnContext): Promise<T | undefined>;
  set(context: TurnContext, value: T | undefined): Promise<void>;
}

/**
 * A store for tests and tools without conversation state: one entry per conversation, the oldest
 * forgotten beyond `limit` conversations, so it cannot grow without bound.
 */
export function memoryConversationStore<T>(limit = 1_000): ConversationStore<T> {
  const entries = new Map<string, T>();
  const key = (context: TurnContext) => context.activity.conversation?.id ?? '';
  return {
    async get(context) {
      return entries.get(key(context));
    },
    async set(context, value) {
      entries.delete(key(context));
      if (value === undefined) return;
      entries.set(key(context), value);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
  };
}
