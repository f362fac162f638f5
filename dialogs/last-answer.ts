import type { TurnContext } from 'botbuilder';
import type { PreviousQuestion } from '../knowledge';

/**
 * The last direct answer's question (its attribute and subject), kept in conversation state so that
 * "and 2019?" or "what about SE?" asks the same thing about a new subject, after a restart too.
 * Only the question is kept: the answer is read from the tables again.
 */
export interface LastAnswerStore {
  get(context: TurnContext): Promise<PreviousQuestion | undefined>;
  set(context: TurnContext, value: PreviousQuestion | undefined): Promise<void>;
}

/** A store for tests and tools without conversation state: at most `limit` conversations, the oldest forgotten. */
export function memoryLastAnswerStore(limit = 1_000): LastAnswerStore {
  const entries = new Map<string, PreviousQuestion>();
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
