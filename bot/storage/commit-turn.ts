import type { Activity, TurnState } from '../../dialogs/turn';
import type { BotTurn } from '../bot-turn';
import type { Logger } from '../log';
import { isETagConflict } from './etag-conflict';
import { HeldReplies } from './held-replies';

/** What the user reads when their message lost every retry against other messages of the same conversation. */
export const SEND_AGAIN_MESSAGE = 'I got two messages from you at the same moment and could not take this one in. Please send it again.';

/**
 * Tries per turn. Each refused save means another turn of the conversation committed meanwhile, so the
 * next attempt starts from newer state; three covers a double click plus one more message at once.
 */
const DEFAULT_ATTEMPTS = 3;

/** What {@link runTurnAndCommitState} saves and where it reports conflicts. */
export interface CommitOptions {
  /**
   * The states the turn uses, saved in this order after it. Put the conversation state, which holds
   * the dialogs, last: it is the commit point. A conflict on an earlier one leaves nothing saved.
   */
  states: readonly TurnState[];
  log: Logger;
  attempts?: number;
}

/**
 * Runs a turn and saves its state with optimistic concurrency (see `OptimisticConversationState`),
 * sending its replies only once the state is saved. When another instance saved a turn of the same
 * conversation in between (eTag conflict), the turn runs again on the newer state, as if the two
 * messages had arrived one after the other: both count, and the user sees the replies of the attempt
 * that was saved. After {@link CommitOptions.attempts} conflicts in a row the user is asked to send
 * the message again ({@link SEND_AGAIN_MESSAGE}). Nothing is ever saved over a change the turn did
 * not see. Other errors propagate (to the bot's turn error handling) with the held replies dropped.
 * Resolves true when the turn was saved, false when it was dropped.
 */
export async function runTurnAndCommitState(context: BotTurn, turn: () => Promise<void>, options: CommitOptions): Promise<boolean> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const replies = new HeldReplies(context);
  // Handlers may rewrite the incoming activity (mentions, card values); each attempt starts from the original.
  const original = copyOf(context.activity);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await turn();
      for (const state of options.states) await state.saveChanges(context, false);
      await replies.release();
      return true;
    } catch (error) {
      if (!isETagConflict(error)) {
        replies.stop();
        throw error;
      }
      replies.discard();
      const conversationId = context.activity.conversation?.id;
      if (attempt >= attempts) {
        options.log('warn', 'state conflict: turn dropped, user asked to send again', { conversationId, attempt });
        replies.stop();
        await context.sendActivity(SEND_AGAIN_MESSAGE);
        return false;
      }
      options.log('warn', 'state conflict: another turn of this conversation saved first; running this turn again', { conversationId, attempt });
      restore(context.activity, original);
      for (const state of options.states) {
        if (state.get(context) !== undefined) await state.load(context, true);
      }
    }
  }
}

function restore(activity: Activity, original: Activity): void {
  const target = activity as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) if (!(key in original)) delete target[key];
  Object.assign(target, copyOf(original));
}

const NOT_PLAIN = Symbol('not plain data');

/**
 * A deep copy of an activity. Those from the endpoint are parsed JSON plus Dates, which a plain
 * copy takes in a fifth of `structuredClone`'s time (it ran on every turn); anything else falls back to it.
 */
function copyOf<T>(value: T): T {
  const copy = plainCopy(value);
  return copy === NOT_PLAIN ? structuredClone(value) : (copy as T);
}

function plainCopy(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return NOT_PLAIN;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i += 1) {
      const item = plainCopy(value[i]);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      copy[i] = item;
    }
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = plainCopy((value as Record<string, unknown>)[key]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = item;
  }
  return copy;
}
