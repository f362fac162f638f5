import type { Activity, IncomingActivity, SentActivity } from './activity';

/**
 * One turn of a conversation as the dialogs and the bot see it: the activity received and a way to
 * reply. This is the project's own interface, not an SDK's: it is named and shaped like the
 * `TurnContext` of botbuilder and of the Microsoft 365 Agents SDK (a subset of both), so the code
 * that uses it reads the same, but neither SDK is imported. The bot creates one per turn over
 * what a host gives it (see {@link TurnChannel}).
 */
export interface TurnContext {
  /** The activity received, after the bot's clean-up (mentions removed, card submits read as text). */
  readonly activity: IncomingActivity;
  /** Sends one reply: text (a plain message) or an activity the host completes with the conversation's addresses. */
  sendActivity(activityOrText: string | Partial<Activity>): Promise<SentActivity | undefined>;
  /** Sends several replies, in order. */
  sendActivities(activities: Partial<Activity>[]): Promise<SentActivity[]>;
  /** True once something was sent this turn. */
  readonly responded: boolean;
  /**
   * What parts of the bot keep for the length of the turn (the state read, records waiting for the
   * save), under keys of their own (symbols). Both SDKs' turn contexts carry such a map too.
   */
  readonly turnState: Map<unknown, unknown>;
}

/**
 * What a host gives the bot for one turn: the way to the channel, through its SDK (botbuilder's
 * `TurnContext.sendActivities`, the Agents SDK's the same). The SDK fills in the addresses
 * (conversation, from, recipient, serviceUrl, replyToId) and handles `expectReplies`.
 *
 * Typing indicators and message updates are not used by the bot, so a channel offers neither.
 */
export interface TurnChannel {
  /** Sends activities in order; resolves with what the channel answered for each (its id, or '' when it gave none). */
  send(activities: Partial<Activity>[]): Promise<SentActivity[]>;
}
