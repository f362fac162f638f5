import { ActivityTypes } from '../dialogs/turn';
import type { BotTurn, TurnMiddleware } from './bot-turn';
import { BoundedCache } from '../knowledge/bounded-cache';
import type { Logger } from './log';

/** Channels retry within seconds (Teams after about 15 s); a minute covers retries of retries. */
const DEFAULT_WINDOW_MS = 60_000;
const LIMITS = { maxEntries: 20_000, maxBytes: 4 * 1024 * 1024 };
// Ids from the request; anything longer is cut (two ids equal in their first 200 characters count as one).
const MAX_KEY_PART = 200;

/**
 * Message activities seen recently, by channel, conversation and activity id, so that a channel's
 * retry of a message (same `activity.id`) does not run the turn a second time: an answer applied
 * twice would move a check on by two steps. Bounded in entries and bytes; an id is remembered for
 * `windowMs`, or forgotten at once when its turn failed, so the retry can run it.
 */
export class DuplicateActivities {
  private readonly seen = new BoundedCache<string, number>(LIMITS);

  constructor(
    private readonly windowMs: number = DEFAULT_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is seen within the window (and records it). */
  first(key: string): boolean {
    const at = this.seen.get(key);
    const now = this.now();
    if (at !== undefined && now - at < this.windowMs) return false;
    this.seen.set(key, now);
    return true;
  }

  /** Lets the key through again (its turn failed). */
  forget(key: string): void {
    this.seen.set(key, -Infinity);
  }
}

/** Middleware that drops a message activity already processed within the window, logging it. */
export function duplicateActivityMiddleware(duplicates: DuplicateActivities, log: Logger): TurnMiddleware {
  return {
    async onTurn(context: BotTurn, next: () => Promise<void>): Promise<void> {
      const { type, id, channelId, conversation } = context.activity;
      if (type !== ActivityTypes.Message || !id || !conversation?.id) return next();
      const key = [channelId ?? '', conversation.id, id].map((part) => part.slice(0, MAX_KEY_PART)).join('\u0000');
      if (!duplicates.first(key)) {
        log('warn', 'duplicate activity ignored (a channel retry)', { conversationId: conversation.id, activityId: id });
        return;
      }
      try {
        await next();
      } catch (error) {
        duplicates.forget(key);
        throw error;
      }
    },
  };
}
