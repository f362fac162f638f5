import type { SentActivity } from '../../dialogs/turn';
import type { BotTurn } from '../bot-turn';

/**
 * Holds back a turn's replies until it is known whether the turn's state could be saved. A turn
 * whose save is refused (another turn of the conversation saved first) runs again, and the user must
 * see the replies of the attempt that counted, not those of one whose effects were thrown away.
 *
 * Works wherever it sits among the turn's send handlers: it keeps each `next` and calls it later,
 * so the handlers after it (channel formatting) and the actual send run once, on release.
 */
export class HeldReplies {
  private held: Array<() => Promise<SentActivity[]>> = [];
  private holding = true;

  constructor(context: BotTurn) {
    context.onSendActivities(async (_context, activities, next) => {
      if (!this.holding) return next();
      this.held.push(next);
      // The dialogs do not use the ids of what they send; the real ones exist only once sent.
      return activities.map(() => ({ id: '' }));
    });
  }

  /** Sends what was held, in order, and lets later replies straight through. */
  async release(): Promise<void> {
    this.holding = false;
    for (const send of this.held.splice(0)) await send();
  }

  /** Forgets what was held (an attempt that will be run again) and keeps holding. */
  discard(): void {
    this.held = [];
  }

  /** Forgets what was held and lets later replies through: the turn failed and its error reply must go out. */
  stop(): void {
    this.discard();
    this.holding = false;
  }
}
