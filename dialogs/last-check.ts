import type { TurnContext } from 'botbuilder';
import type { Facts, SetAside } from '../knowledge';

/** One server group of a checked design ("2 FEs with NLB"), or the whole setup when there is one. */
export interface CheckedGroup {
  facts: Facts;
  setAside: SetAside[];
}

/**
 * The last verdict of a conversation, kept in conversation state so that "why?", "what if we use
 * NLB instead?" or "summary" after a verdict still work after a restart. Only facts are kept: the
 * decision is worked out again from the rules, so a knowledge update never shows a stale reason.
 */
export interface LastCheck {
  groups: CheckedGroup[];
  /** Dimensions in the order they were answered, latest last: what a bare correction ("no, Standard") most likely changes. */
  answered: string[];
  /** Facts the user left open ("not sure", "skip"): named as conditions, never asked again. */
  open?: string[];
}

/** Where the last verdict lives; the bot keeps it in conversation state. */
export interface LastCheckStore {
  get(context: TurnContext): Promise<LastCheck | undefined>;
  set(context: TurnContext, value: LastCheck | undefined): Promise<void>;
}

/**
 * A store for tests and tools without conversation state: one entry per conversation, the oldest
 * forgotten beyond `limit` conversations, so it cannot grow without bound.
 */
export function memoryLastCheckStore(limit = 1_000): LastCheckStore {
  const entries = new Map<string, LastCheck>();
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
