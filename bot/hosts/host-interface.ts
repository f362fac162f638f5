/**
 * What a host gives the conversation core and what it gets back (issue 23): the shape of the core
 * interface of branch a23 (turn/host.ts), kept here until that lands, so the Agents host is written
 * against it from the start.
 */

/** An activity as the wire carries it, once bot/http/activity-check.ts has checked it. */
export interface IncomingActivity {
  type: string;
  channelId: string;
  serviceUrl: string;
  conversation: { id: string };
  from: { id: string };
  [field: string]: unknown;
}

/** What the HTTP response to an activity carries: an invoke's status and body, or the replies for expectReplies. */
export interface InvokeResponse {
  status: number;
  body?: unknown;
}

/** What the channel answered to a sent activity. */
export interface SentActivity {
  id: string;
}

/** The way to the channel for one turn, through the host's SDK (which addresses replies and handles expectReplies). */
export interface TurnChannel {
  send(activities: Array<Record<string, unknown>>): Promise<SentActivity[]>;
}

/** The conversation core as a host sees it: one call per authenticated activity; resolves with the invoke response, if any. */
export interface ConversationBot {
  run(activity: IncomingActivity, channel: TurnChannel): Promise<InvokeResponse | undefined>;
}

/** One SDK's part of POST /api/messages: its token check, then the turn through it. */
export interface ActivityHost<A = unknown> {
  authenticate(activity: IncomingActivity, authorization: string): Promise<A>;
  runTurn(authentication: A, activity: IncomingActivity, bot: ConversationBot): Promise<InvokeResponse | undefined>;
}
