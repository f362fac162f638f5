import {
  ActivityTypes,
  StatusCodes,
  TeamsActivityHandler,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogContext, runDialogTurn, type DialogState } from '../dialogs/dialog-frame';
import type { MainDialog } from '../dialogs/main-dialog';
import type { Replies } from '../dialogs/replies';
import type { KnowledgeBase } from '../knowledge';
import { renderForChannel } from './cards/channel-markdown';
import { readCardFeedback } from './cards/feedback-actions';
import { cleanUserText, MAX_MESSAGE_LENGTH, MAX_RAW_TEXT_LENGTH, messageLength, NOTHING_TO_READ_MESSAGE, tooLongMessage } from './incoming-text';
import { DEFAULT_REPLY_TIMEOUT_MS } from './config';
import { jsonLogger, type Logger } from './log';
import type { ReportCommand } from './admin/report-command';
import type { KnowledgeHolder } from '../knowledge/knowledge-holder';
import type { AnswerTracking } from './records/answer-tracking';
import type { OwnerRecords } from './records/owner-records';
import { runTurnAndCommitState } from './storage/commit-turn';
import { readTeamsFeedback, TEAMS_FEEDBACK_INVOKE } from './teams/feedback-invoke';
import { searchKnowledgeExtension } from './teams/knowledge-search-extension';

/** Turn state flag: something was sent this turn (held replies included). */
const REPLIED = Symbol('replied');
const MAX_PARSED_VALUE_LENGTH = 4096;
const UNSUPPORTED_INVOKES = new Set(['adaptiveCard/action', 'application/search']);
/** Invokes whose value botbuilder's Teams handler reads as an object (message extensions, file consent, task modules, tabs, configuration, sign-in). */
function readsValue(name: string | undefined): boolean {
  return /^(?:composeExtension\/|fileConsent\/invoke$|task\/|tab\/|config\/|actionableMessage\/|message\/submitAction$|signin\/)/.test(name ?? '');
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const FEEDBACK_THANKS = 'Thank you for the feedback: it goes to the people who keep the knowledge base.';

/** What the bot gives the knowledge owners: records of answers and feedback (see bot/records/), the report command, reloadable knowledge. */
export interface OwnersParts {
  records: OwnerRecords;
  tracking: AnswerTracking;
  reportCommand: ReportCommand;
  /** Each turn runs on the knowledge it started with (see KnowledgeHolder.pin). */
  holder: KnowledgeHolder;
}

/**
 * The bot: Teams and channel specifics around the dialogs. It cleans up incoming messages
 * (@mentions, card submits, control characters), runs the main dialog, welcomes new members, and
 * saves state at the end of every turn, with optimistic concurrency when the states are the
 * optimistic ones from `./storage/optimistic-bot-state`.
 *
 * Every message gets a reply: one too long to read gets {@link tooLongMessage} (a check in progress
 * stays where it was and asks its question again), and one the dialogs had nothing to say to (no
 * text) gets {@link NOTHING_TO_READ_MESSAGE}.
 */
export class ExchangeSupportBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly replies: Replies,
    private readonly knowledge: KnowledgeBase,
    private readonly log: Logger = jsonLogger,
    private readonly owners?: OwnersParts,
    /** How long one send to the channel may take before the turn gives up on it (REPLY_TIMEOUT_MS). */
    private readonly replyTimeoutMs: number = DEFAULT_REPLY_TIMEOUT_MS,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      normalizeIncomingMessage(context.activity);
      const feedback = this.owners && readCardFeedback(context.activity.value);
      if (feedback) {
        // A 👍/👎 card button: recorded, thanked, and the conversation (a check in progress) stays where it was.
        await this.owners!.records.feedback(context, feedback);
        await context.sendActivity({ type: ActivityTypes.Message, text: FEEDBACK_THANKS });
        const dc = await this.createDialogContext(context);
        if (dc.activeDialog) await dc.repromptDialog();
        return next();
      }
      const length = messageLength(context.activity.text ?? '');
      if (length > MAX_MESSAGE_LENGTH) {
        await context.sendActivity(tooLongMessage(length));
        // The check, if one is running, still waits for its answer: show the question again.
        const dc = await this.createDialogContext(context);
        if (dc.activeDialog) await dc.repromptDialog();
      } else if (!(await this.owners?.reportCommand.handle(context))) {
        // A turn run again after a state conflict starts over, so does its record of replies.
        context.turnState.set(REPLIED, false);
        await this.runMainDialog(context);
        if (!context.turnState.get(REPLIED)) await context.sendActivity({ type: ActivityTypes.Message, text: NOTHING_TO_READ_MESSAGE, textFormat: 'markdown' });
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // One welcome per event: when the bot itself is installed, or when people join a conversation it is in.
      if (added.length > 0 && (added.some((m) => m.id === botId) || added.some((m) => m.id !== botId))) {
        // The replies are plain activities (turn/); botbuilder types its own more narrowly.
        await context.sendActivity(this.replies.welcome() as Partial<Activity>);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // Registered before the held replies, so it sees a send when it happens, not when it is released.
    context.onSendActivities(async (ctx, _activities, next) => {
      ctx.turnState.set(REPLIED, true);
      return next();
    });
    context.onSendActivities(async (ctx, activities, next) => {
      for (const activity of activities) convertMarkdownForChannel(activity, ctx.activity.channelId);
      return next();
    });
    this.owners?.tracking.watchAnswers(context);
    if (this.owners) await this.owners.holder.pin(() => this.runAndCommit(context));
    else await this.runAndCommit(context);
  }

  private async runAndCommit(context: TurnContext): Promise<void> {
    // Replies go out only once the state is saved; a turn that raced another turn of the same
    // conversation on another instance runs again on the newer state (see README, "State storage").
    // Owner records, like replies, are written only for the attempt that was saved.
    let bounded = false;
    const committed = await runTurnAndCommitState(
      context,
      async () => {
        this.owners?.tracking.beginAttempt(context);
        // Registered after the held replies', so it runs innermost, around the actual call to the
        // channel (also when held replies are released): a serviceUrl that accepts a reply and never
        // answers must not hold the turn, and all it references, for ever.
        if (!bounded) context.onSendActivities((_ctx, _activities, next) => withinReplyTimeout(next(), this.replyTimeoutMs));
        bounded = true;
        await super.run(context);
      },
      { states: [this.userState, this.conversationState], log: this.log },
    );
    if (committed) await this.owners?.records.commit(context);
  }

  /**
   * Invokes for features the bot does not use (Universal Actions, Adaptive Card search inputs) are
   * answered 501 here: botbuilder's readers for them assume a well-formed value and would fail the
   * turn on a malformed one.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (UNSUPPORTED_INVOKES.has(context.activity.name ?? '')) return { status: StatusCodes.NOT_IMPLEMENTED };
    // TeamsActivityHandler reads fields of these invokes' values before any handler of ours runs:
    // a null value threw inside botbuilder, stalled 5 s and gave a 501 (issue 22).
    if (readsValue(context.activity.name) && !isPlainObject(context.activity.value)) return { status: StatusCodes.BAD_REQUEST };
    if (context.activity.name === TEAMS_FEEDBACK_INVOKE && this.owners) {
      // Teams' own 👍/👎 on an answer sent with channelData.feedbackLoopEnabled.
      const feedback = readTeamsFeedback(context.activity.value, context.activity.replyToId);
      if (!feedback) return { status: StatusCodes.BAD_REQUEST };
      await this.owners.records.feedback(context, feedback);
      return { status: StatusCodes.OK };
    }
    return super.onInvokeActivity(context);
  }

  /** The "Search KB" message extension: compose-box queries answered from the knowledge base. */
  protected override async handleTeamsMessagingExtensionQuery(_context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    // The invoke's value comes from the request as it is; TeamsActivityHandler answers this error with a 400.
    if (!query || typeof query !== 'object') throw new Error('BadRequest');
    return searchKnowledgeExtension(this.knowledge, query);
  }

  private async createDialogContext(context: TurnContext): Promise<DialogContext> {
    return new DialogContext([this.mainDialog], context, await this.dialogState.get(context, { dialogStack: [] }));
  }

  private async runMainDialog(context: TurnContext): Promise<void> {
    await runDialogTurn(this.mainDialog, context, await this.dialogState.get(context, { dialogStack: [] }));
  }
}

/**
 * Makes every message look like typed text to the dialogs:
 * - in Teams channels and group chats the text starts with `<at>Bot</at>`: the mentions Teams lists
 *   in `entities` are removed, and any other `<at>…</at>` tag too;
 * - a card button that "says" something submits `{ text }` as the value (Web Chat, Emulator).
 *
 * Text longer than {@link MAX_RAW_TEXT_LENGTH} is left as it is, untouched by any regular
 * expression, for the caller to refuse as too long: every step here is linear in the text, but
 * none should run over 256 KB.
 */
export function normalizeIncomingMessage(activity: Activity): void {
  // Card submit values are a few dozen characters; a long string is kept as text rather than parsed.
  if (typeof activity.value === 'string' && activity.value.length <= MAX_PARSED_VALUE_LENGTH) {
    try {
      const parsed: unknown = JSON.parse(activity.value);
      if (parsed && typeof parsed === 'object') activity.value = parsed;
    } catch {
      // A plain string value is kept as it is.
    }
  }
  let text = typeof activity.text === 'string' ? activity.text : '';
  const value = activity.value as { text?: unknown } | undefined;
  if (text.length <= MAX_RAW_TEXT_LENGTH && !text.trim() && value && typeof value === 'object' && typeof value.text === 'string') text = value.text;
  if (text.length > MAX_RAW_TEXT_LENGTH) {
    activity.text = text;
    return;
  }
  if (activity.type === ActivityTypes.Message) text = withoutMentions(text, activity.entities);
  // Linear: `[^<]*` cannot run past the next tag, where the next candidate starts (a lazy `[\s\S]*?`
  // made "<at>" repeated 65,000 times take seconds).
  text = text.replace(/<at>[^<]*<\/at>/gi, ' ');
  activity.text = cleanUserText(text.replace(/&nbsp;/g, ' ')).trim();
}

// Mentions a message may carry that are looked for in its text; a real one has a handful.
const MAX_MENTIONS = 20;
const MAX_MENTION_TEXT_LENGTH = 256;

/**
 * The text without the mentions that Teams lists in `entities` (their `text` is the `<at>Name</at>`
 * as it stands in the message): mentions are addressing, not content. Entities come from the request
 * as they are: one without a type or text is skipped, and only the first {@link MAX_MENTIONS}, of
 * reasonable length, are used, so the work stays proportional to the text.
 */
function withoutMentions(text: string, entities: unknown): string {
  if (!Array.isArray(entities)) return text;
  let mentions = 0;
  for (const entity of entities) {
    const mention = entity as { type?: unknown; text?: unknown } | null;
    if (!mention || typeof mention.type !== 'string' || mention.type.toLowerCase() !== 'mention') continue;
    if (typeof mention.text !== 'string' || mention.text === '' || mention.text.length > MAX_MENTION_TEXT_LENGTH) continue;
    text = text.split(mention.text).join(' ');
    if ((mentions += 1) >= MAX_MENTIONS) break;
  }
  return text;
}

/** Thrown when the channel has not answered a reply within REPLY_TIMEOUT_MS; the turn fails and is logged. */
export class ReplyTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the channel did not answer a reply within ${timeoutMs} ms`);
    this.name = 'ReplyTimeoutError';
  }
}

function withinReplyTimeout<T>(send: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new ReplyTimeoutError(timeoutMs)), timeoutMs)));
  // A send that fails after the timeout has nobody waiting for it.
  send.catch(() => undefined);
  return Promise.race([send, timeout]).finally(() => clearTimeout(timer));
}

function convertMarkdownForChannel(activity: Partial<Activity>, channelId: string | undefined): void {
  if (activity.type !== ActivityTypes.Message || activity.textFormat !== 'markdown' || !activity.text) return;
  const rendered = renderForChannel(activity.text, channelId);
  activity.text = rendered.text;
  activity.textFormat = rendered.textFormat;
}
