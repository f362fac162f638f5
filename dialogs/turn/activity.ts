/**
 * The activities the bot reads and writes: the part of the Bot Framework Activity schema it uses,
 * as plain JSON objects (the wire format both the Bot Framework SDK and the Microsoft 365 Agents
 * SDK carry), so that neither SDK's classes reach the conversation code. Field names and values are
 * the schema's, so an SDK's activity object can be handed over as it is.
 */

/** The activity types the bot tells apart (the schema's values; the names are botbuilder's `ActivityTypes`). */
export const ActivityTypes = {
  Message: 'message',
  ConversationUpdate: 'conversationUpdate',
  Invoke: 'invoke',
  InvokeResponse: 'invokeResponse',
  Typing: 'typing',
  Event: 'event',
} as const;

/** What a reply tells the client about the next message (the schema's `inputHint`). */
export const InputHints = {
  AcceptingInput: 'acceptingInput',
  IgnoringInput: 'ignoringInput',
  ExpectingInput: 'expectingInput',
} as const;

/** A user, the bot, or a member joining (the schema's ChannelAccount). */
export interface ChannelAccount {
  id: string;
  name?: string;
  /** Teams: the Entra ID (Azure AD) object id of the user. */
  aadObjectId?: string;
  role?: string;
}

/** The conversation an activity belongs to (the schema's ConversationAccount). */
export interface ConversationAccount {
  id: string;
  name?: string;
  isGroup?: boolean;
  conversationType?: string;
  tenantId?: string;
}

/** An entity of an activity: Teams lists @mentions here (`type: 'mention'`, `text: '<at>Bot</at>'`). */
export interface Entity {
  type: string;
  [field: string]: unknown;
}

/**
 * A card or file: `contentType` says what `content` is, e.g. `application/vnd.microsoft.card.adaptive`
 * with the Adaptive Card's JSON, or `application/vnd.microsoft.card.thumbnail`. Built as plain
 * objects (see bot/cards/), never through an SDK's card factory.
 */
export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
  thumbnailUrl?: string;
}

/** A button of a hero or thumbnail card, or of suggested actions (the schema's CardAction). */
export interface CardAction {
  type: string;
  title?: string;
  value?: unknown;
  text?: string;
  displayText?: string;
  image?: string;
}

/** Buttons offered under a message (the schema's SuggestedActions). */
export interface SuggestedActions {
  to?: string[];
  actions: CardAction[];
}

/**
 * One activity, in either direction. Incoming ones are {@link IncomingActivity}; what the bot sends
 * is a `Partial<Activity>` the host completes (conversation, from, recipient, serviceUrl, replyToId)
 * as each SDK does from the incoming one.
 */
export interface Activity {
  type: string;
  id?: string;
  /** The message text; Markdown when `textFormat` is `markdown`, HTML on Teams once rendered (bot/cards/channel-markdown.ts). */
  text?: string;
  textFormat?: string;
  /** Card submits (Action.Submit data), invoke payloads (message-extension queries, feedback), a suggestion's pick. */
  value?: unknown;
  /** Invokes: `composeExtension/query`, `message/submitAction`, ... */
  name?: string;
  attachments?: Attachment[];
  attachmentLayout?: string;
  suggestedActions?: SuggestedActions;
  inputHint?: string;
  speak?: string;
  /** A short text shown where the client cannot render the attachments (notifications, some clients). */
  summary?: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: ConversationAccount;
  channelId?: string;
  /** Channel-specific data: Teams' tenant and team ids, `feedbackLoopEnabled` on replies. */
  channelData?: unknown;
  entities?: Entity[];
  replyToId?: string;
  serviceUrl?: string;
  locale?: string;
  /** conversationUpdate: who joined or left. */
  membersAdded?: ChannelAccount[];
  membersRemoved?: ChannelAccount[];
  /** `expectReplies` asks for the replies in the HTTP response rather than sent to serviceUrl (the host handles it). */
  deliveryMode?: string;
}

/**
 * An activity as the bot receives it, once bot/http/activity-check.ts has checked it: these fields
 * are always there (the bot keys its state on the channel, conversation and user ids, and replies
 * through serviceUrl).
 */
export interface IncomingActivity extends Activity {
  channelId: string;
  conversation: ConversationAccount;
  from: ChannelAccount;
  serviceUrl: string;
}

/** What the HTTP response to an activity carries: an invoke's status and body (message extensions, feedback, 4xx/5xx). */
export interface InvokeResponse {
  status: number;
  body?: unknown;
}

/** What the channel answered to a sent activity: its id there (Teams names answers by it in its feedback). */
export interface SentActivity {
  id: string;
}
