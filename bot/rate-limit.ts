import { ActivityTypes } from '../dialogs/turn';
import type { BotTurn, TurnMiddleware } from './bot-turn';
import type { RateLimitConfig } from './config';
import type { Logger } from './log';

/** What someone sending too fast reads instead of an answer. */
export const SLOW_DOWN_MESSAGE = "You're sending messages faster than I can answer them, so I skipped your last one. Please slow down: wait a few seconds and send it again.";

/** What {@link ConversationRateLimiter.take} decided for one activity. */
export type RateDecision = 'allow' | 'refuse-with-notice' | 'refuse';

/** Options of a {@link ConversationRateLimiter}; `now` is for tests. */
export interface RateLimiterOptions extends RateLimitConfig {
  /** At most one "slow down" per conversation this often, so a flood does not get a flood of notices back. */
  noticeIntervalMs?: number;
  now?: () => number;
}

const DEFAULT_NOTICE_INTERVAL_MS = 10_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
  noticeAt: number;
}

/**
 * A token bucket per conversation: up to `burst` activities at once, refilled at `perMinute`. An
 * activity over the limit is refused at once rather than queued, so a flooding client costs little
 * and cannot hold up other conversations; the first refusal (then one per notice interval) tells
 * the user to slow down.
 *
 * Memory stays bounded by the conversations active recently: a bucket that has refilled completely is
 * indistinguishable from a new one and is dropped on the next sweep.
 */
export class ConversationRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly refillMs: number;
  private readonly noticeIntervalMs: number;
  private readonly now: () => number;
  private lastSweep: number;

  constructor(private readonly options: RateLimiterOptions) {
    if (options.perMinute <= 0) throw new Error('A rate limiter needs perMinute > 0; leave it out to turn limiting off');
    this.perMs = options.perMinute / 60_000;
    this.refillMs = options.burst / this.perMs;
    this.noticeIntervalMs = options.noticeIntervalMs ?? DEFAULT_NOTICE_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** Counts one activity of conversation `key` and says whether it may be processed. */
  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedAt: now, noticeAt: -Infinity };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 'allow';
    }
    if (now - bucket.noticeAt >= this.noticeIntervalMs) {
      bucket.noticeAt = now;
      return 'refuse-with-notice';
    }
    return 'refuse';
  }

  /** Conversations currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.refillMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      const full = bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.options.burst;
      if (full && now - bucket.noticeAt >= this.noticeIntervalMs) this.buckets.delete(key);
    }
  }
}

/** The invoke of Teams' own feedback buttons: it writes an owner record, so it counts like a message. */
const RECORDING_INVOKES = new Set(['message/submitAction']);

/**
 * Middleware that applies a {@link ConversationRateLimiter} to messages (and to the
 * Teams feedback invokes, which write records) before the bot runs: a refused activity never
 * reaches the dialogs or the state storage; a message gets {@link SLOW_DOWN_MESSAGE} (once per
 * notice interval, then nothing), an invoke a 429.
 *
 * Feedback invokes (2,900/s were accepted: issue 22) count per conversation like messages, and per
 * user as well, so rotating conversation ids does not get around the limit. (Records have a daily
 * cap per user besides, see bot/records/owner-records.ts.)
 *
 * Message-extension queries do not count: Teams sends them at each pause in typing, for a whole
 * channel under one conversation id, and they are an in-memory search; other activities (members
 * joining, reactions) come from the channel itself, not from someone typing.
 */
export function rateLimitMiddleware(limiter: ConversationRateLimiter, log: Logger): TurnMiddleware {
  return {
    async onTurn(context: BotTurn, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      const conversationId = activity.conversation?.id;
      const counted = activity.type === ActivityTypes.Message || (activity.type === ActivityTypes.Invoke && RECORDING_INVOKES.has(activity.name ?? ''));
      if (!counted || !conversationId) return next();
      const byConversation = limiter.take(conversationId);
      // Feedback invokes are also counted per user: rotating conversation ids must not get around the limit.
      const user = activity.type === ActivityTypes.Invoke ? userKey(activity.from) : undefined;
      const byUser = user === undefined || byConversation !== 'allow' ? 'allow' : limiter.take(`user\u0000${user}`);
      if (byConversation === 'allow' && byUser === 'allow') return next();
      if (activity.type === ActivityTypes.Invoke) {
        if (byConversation === 'refuse-with-notice' || byUser === 'refuse-with-notice') log('warn', 'rate limit: feedback invokes too fast; refusing them', { conversationId });
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 429, body: { error: { code: 'TooManyRequests', message: 'Too many requests: slow down.' } } },
        });
        return;
      }
      if (byConversation === 'refuse-with-notice') {
        // One line per notice rather than per refusal: a flood must not flood the log either.
        log('warn', 'rate limit: conversation is sending messages too fast; refusing them', { conversationId });
        await context.sendActivity(SLOW_DOWN_MESSAGE);
      }
    },
  };
}

/** Who sent an activity, for the per-user bucket: the Azure AD object id when the channel gives one, else the channel's user id. */
function userKey(from: { id?: unknown; aadObjectId?: unknown } | undefined): string | undefined {
  const id = typeof from?.aadObjectId === 'string' && from.aadObjectId ? from.aadObjectId : from?.id;
  return typeof id === 'string' && id ? id.slice(0, 200) : undefined;
}
