import type { CoexistingGroup } from '../knowledge/rules/design-coexistence';
import { memoryConversationStore, type ConversationStore } from './conversation-store';
import type { Facts, SetAside } from '../knowledge';
import type { NamedHosts } from '../knowledge/reading/named-hosts';

/** One server group of a checked design ("2 FEs with NLB"), or the whole setup when there is one. */
export interface CheckedGroup {
  facts: Facts;
  setAside: SetAside[];
  /**
   * The update its version was typed with in a design ("2013 cu20"), finer than the update fact's
   * values: what the coexistence minimums of the other groups are held against (design-coexistence.ts).
   */
  typedUpdate?: CoexistingGroup['typedUpdate'];
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
  /**
   * Session 13 (d25): the DAG's witness host and members named by host ("fsw on FS1", "DAG01 = EX01 + EX02"), so that "FS1
   * is a 2016 box" after the verdict is the witness's Windows and "move the fsw to EX02" a witness on a member. Optional:
   * a verdict saved before has none (read with savedHosts, which drops anything that is not host names).
   */
  hosts?: NamedHosts;
}

/** Where the last verdict lives; the bot keeps it in conversation state. */
export type LastCheckStore = ConversationStore<LastCheck>;

/** The last verdicts of at most `limit` conversations, in memory (tests and tools). */
export const memoryLastCheckStore = (limit?: number): LastCheckStore => memoryConversationStore<LastCheck>(limit);
