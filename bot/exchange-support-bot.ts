import type { MainDialog } from '../dialogs/main-dialog';
import type { Replies } from '../dialogs/replies';
import { DialogContext, runDialogTurn, type DialogState } from '../dialogs/dialog-frame';
import { MAX_LISTING_CHARACTERS, type KnowledgeBase } from '../knowledge';
import {
  ActivityTypes,
  type Activity,
  type ConversationBot,
  type IncomingActivity,
  type InvokeResponse,
  type StateProperty,
  type TurnChannel,
  type TurnState,
} from '../dialogs/turn';
import { BotTurn, type TurnMiddleware } from './bot-turn';
import { renderForChannel } from './cards/channel-markdown';
import { readCardFeedback } from './cards/feedback-actions';
import { cleanUserText, MAX_MESSAGE_LENGTH, MAX_RAW_TEXT_LENGTH, messageLength, NOTHING_TO_READ_MESSAGE, tooLongMessage } from './incoming-text';
import { readTextAttachment, type TextAttachmentOptions } from './text-attachments';
import { DEFAULT_REPLY_TIMEOUT_MS } from './config';
import { jsonLogger, type Logger } from './log';
import type { ReportCommand } from './admin/report-command';
import type { AnswerTracking } from './records/answer-tracking';
import type { OwnerRecords } from './records/owner-records';
import { runTurnAndCommitState } from './storage/commit-turn';
import { readTeamsFeedback, TEAMS_FEEDBACK_INVOKE } from './teams/feedback-invoke';
import { searchKnowledgeExtension, type MessagingExtensionQuery } from './teams/knowledge-search-extension';

/** What the user reads when a turn failed (the failure is logged). */
export const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Turn state flag: something was sent this turn (held replies included). */
const REPLIED = Symbol('replied');
const MAX_PARSED_VALUE_LENGTH = 4096;
const UNSUPPORTED_INVOKES = new Set(['adaptiveCard/action', 'application/search']);
/** Invokes whose value the Teams handling reads as an object (message extensions, file consent, task modules, tabs, configuration, sign-in). */
function readsValue(name: string | undefined): boolean {
  return /^(?:composeExtension\/|fileConsent\/invoke$|task\/|tab\/|config\/|actionableMessage\/|message\/submitAction$|signin\/)/.test(name ?? '');
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OK = 200;
const BAD_REQUEST = 400;
const NOT_IMPLEMENTED = 501;

export const FEEDBACK_THANKS = 'Thank you for the feedback: it goes to the people who keep the knowledge base.';

/** What the bot gives the knowledge owners: records of answers and feedback (see bot/records/), the report command, reloadable knowledge. */
export interface OwnersParts {
  records: OwnerRecords;
  tracking: AnswerTracking;
  reportCommand: ReportCommand;
}

/**
 * What reads the knowledge, built on one knowledge base. A turn takes the parts of the knowledge
 * served when it starts and keeps them to its end, so a reload never changes the knowledge under a
 * turn in flight (see create-bot.ts).
 */
export interface KnowledgeParts {
  mainDialog: MainDialog;
  replies: Replies;
  knowledge: KnowledgeBase;
}

/**
 * The bot, the conversation core a host runs (see turn/host.ts): Teams and channel specifics around
 * the dialogs, on no SDK. It cleans up incoming messages (@mentions, card submits, control
 * characters), runs the main dialog, welcomes new members, answers Teams invokes (the "Search KB"
 * message extension, Teams' feedback buttons), and saves state at the end of every turn with
 * optimistic concurrency, sending the replies only once the state is saved.
 *
 * Every message gets a reply: one too long to read gets {@link tooLongMessage} (a check in progress
 * stays where it was and asks its question again), and one the dialogs had nothing to say to (no
 * text) gets {@link NOTHING_TO_READ_MESSAGE}. A turn that fails is logged and answered with
 * {@link TURN_ERROR_MESSAGE}.
 */
export class ExchangeSupportBot implements ConversationBot {
  private readonly dialogState: StateProperty<DialogState>;
  private readonly middleware: TurnMiddleware[] = [];

  constructor(
    private readonly conversationState: TurnState,
    private readonly userState: TurnState,
    /** The parts of the knowledge served now (the same object until a reload). */
    private readonly partsNow: () => KnowledgeParts,
    private readonly log: Logger = jsonLogger,
    private readonly owners?: OwnersParts,
    /** How long one send to the channel may take before the turn gives up on it (REPLY_TIMEOUT_MS). */
    private readonly replyTimeoutMs: number = DEFAULT_REPLY_TIMEOUT_MS,
    /** How `.txt` attachments are downloaded (see ./text-attachments). */
    private readonly attachmentOptions: TextAttachmentOptions = {},
  ) {
    this.dialogState = conversationState.property<DialogState>('dialogState');
  }

  /** Adds a step that runs before every turn, after those added before it (duplicates, then the rate limit). */
  use(middleware: TurnMiddleware): this {
    this.middleware.push(middleware);
    return this;
  }

  async run(activity: IncomingActivity, channel: TurnChannel): Promise<InvokeResponse | undefined> {
    const turn = new BotTurn(activity, channel);
    const steps = this.middleware.slice();
    const next = (index: number): Promise<void> => {
      const step = steps[index];
      return step ? step.onTurn(turn, () => next(index + 1)) : this.turn(turn);
    };
    try {
      await next(0);
    } catch (error) {
      // A failed turn must not take the process down or leave the user in silence.
      await this.turnFailed(turn, error);
    }
    if (turn.invokeResponse) return turn.invokeResponse;
    // An invoke nobody answered is one the bot does not implement.
    return activity.type === ActivityTypes.Invoke ? { status: NOT_IMPLEMENTED } : undefined;
  }

  private async turn(turn: BotTurn): Promise<void> {
    // Registered before the held replies, so it sees a send when it happens, not when it is released.
    turn.onSendActivities(async (ctx, _activities, next) => {
      ctx.turnState.set(REPLIED, true);
      return next();
    });
    turn.onSendActivities(async (ctx, activities, next) => {
      for (const activity of activities) convertMarkdownForChannel(activity, ctx.activity.channelId);
      return next();
    });
    this.owners?.tracking.watchAnswers(turn);
    await this.runAndCommit(turn, this.partsNow());
  }

  private async runAndCommit(turn: BotTurn, parts: KnowledgeParts): Promise<void> {
    // Replies go out only once the state is saved; a turn that raced another turn of the same
    // conversation on another instance runs again on the newer state (see README, "State storage").
    // Owner records, like replies, are written only for the attempt that was saved.
    let bounded = false;
    const committed = await runTurnAndCommitState(
      turn,
      async () => {
        this.owners?.tracking.beginAttempt(turn);
        // Registered after the held replies', so it runs innermost, around the actual call to the
        // channel (also when held replies are released): a serviceUrl that accepts a reply and never
        // answers must not hold the turn, and all it references, for ever.
        if (!bounded) turn.onSendActivities((_ctx, _activities, next) => withinReplyTimeout(next(), this.replyTimeoutMs));
        bounded = true;
        await this.dispatch(turn, parts);
      },
      { states: [this.userState, this.conversationState], log: this.log },
    );
    if (committed) await this.owners?.records.commit(turn);
  }

  /** By activity type; other types (typing, reactions, events) need nothing from the bot. */
  private async dispatch(turn: BotTurn, parts: KnowledgeParts): Promise<void> {
    switch (turn.activity.type) {
      case ActivityTypes.Message:
        return this.onMessage(turn, parts);
      case ActivityTypes.ConversationUpdate:
        return this.onConversationUpdate(turn, parts);
      case ActivityTypes.Invoke: {
        // Sent with the replies, so it too waits for the state to be saved.
        const response = await this.onInvoke(turn, parts);
        if (!turn.invokeResponse) await turn.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
        return;
      }
    }
  }

  private async onMessage(turn: BotTurn, parts: KnowledgeParts): Promise<void> {
    normalizeIncomingMessage(turn.activity);
    const feedback = this.owners && readCardFeedback(turn.activity.value);
    if (feedback) {
      // A 👍/👎 card button: recorded, thanked, and the conversation (a check in progress) stays where it was.
      await this.owners!.records.feedback(turn, feedback);
      await turn.sendActivity({ type: ActivityTypes.Message, text: FEEDBACK_THANKS });
      const dc = await this.createDialogContext(turn, parts);
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    if (await this.answerLongListing(turn, parts)) {
      // A check in progress still waits for its answer: show its question again.
      const dc = await this.createDialogContext(turn, parts);
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    const length = messageLength(turn.activity.text ?? '');
    if (length > MAX_MESSAGE_LENGTH) {
      await turn.sendActivity(tooLongMessage(length));
      // The check, if one is running, still waits for its answer: show the question again.
      const dc = await this.createDialogContext(turn, parts);
      if (dc.activeDialog) await dc.repromptDialog();
    } else if (!(await this.owners?.reportCommand.handle(turn))) {
      // A turn run again after a state conflict starts over, so does its record of replies.
      turn.turnState.set(REPLIED, false);
      await runDialogTurn(parts.mainDialog, turn, await this.dialogStack(turn));
      if (!turn.turnState.get(REPLIED)) await turn.sendActivity({ type: ActivityTypes.Message, text: NOTHING_TO_READ_MESSAGE, textFormat: 'markdown' });
    }
  }

  private async onConversationUpdate(turn: BotTurn, parts: KnowledgeParts): Promise<void> {
    const botId = turn.activity.recipient?.id;
    const added = turn.activity.membersAdded ?? [];
    // One welcome per event: when the bot itself is installed, or when people join a conversation it is in.
    if (added.length > 0 && (added.some((m) => m.id === botId) || added.some((m) => m.id !== botId))) {
      await turn.sendActivity(parts.replies.welcome());
    }
  }

  /**
   * Teams invokes: the "Search KB" query and Teams' feedback buttons are answered; a value that is
   * not an object, for an invoke whose value is read, is a 400 (issue 22); everything else the bot
   * does not implement (Universal Actions, task modules, tabs, file consent, sign-in...) is a 501, as
   * botbuilder's Teams handler answered them, with the same 400s for the values it refused.
   */
  private async onInvoke(turn: BotTurn, parts: KnowledgeParts): Promise<InvokeResponse> {
    const { name, value, channelId, replyToId } = turn.activity;
    if (UNSUPPORTED_INVOKES.has(name ?? '')) return { status: NOT_IMPLEMENTED };
    if (readsValue(name) && !isPlainObject(value)) return { status: BAD_REQUEST };
    if (name === TEAMS_FEEDBACK_INVOKE && this.owners) {
      // Teams' own 👍/👎 on an answer sent with channelData.feedbackLoopEnabled.
      const feedback = readTeamsFeedback(value, replyToId);
      if (!feedback) return { status: BAD_REQUEST };
      await this.owners.records.feedback(turn, feedback);
      return { status: OK };
    }
    // A card action invoke without a name (Teams' old card actions).
    if (!name && channelId === 'msteams') return { status: NOT_IMPLEMENTED };
    const fields = (value ?? {}) as Record<string, unknown>;
    switch (name) {
      case 'composeExtension/query':
        // The "Search KB" message extension: compose-box queries answered from the knowledge base.
        return { status: OK, body: searchKnowledgeExtension(parts.knowledge, value as MessagingExtensionQuery) };
      case 'fileConsent/invoke':
        return { status: fields.action === 'accept' || fields.action === 'decline' ? NOT_IMPLEMENTED : BAD_REQUEST };
      case 'composeExtension/submitAction': {
        const preview = fields.botMessagePreviewAction;
        return { status: !preview || preview === 'edit' || preview === 'send' ? NOT_IMPLEMENTED : BAD_REQUEST };
      }
      default:
        return { status: NOT_IMPLEMENTED };
    }
  }

  private async turnFailed(turn: BotTurn, error: unknown): Promise<void> {
    const err = error instanceof Error ? error : new Error(String(error));
    const conversationId = turn.activity.conversation?.id;
    this.log('error', 'turn failed', { conversationId, activityType: turn.activity.type, error: err.message, stack: err.stack });
    try {
      await turn.sendActivity(TURN_ERROR_MESSAGE);
    } catch (sendError) {
      this.log('error', 'could not send the turn error message', { conversationId, error: (sendError as Error).message });
    }
  }

  /**
   * A `.txt` attachment, or a paste longer than a question may be: read as a listing within the
   * listing's own bounds (characters, then lines), answered with the listing reply, or refused with
   * a message that names the file. False when the message is neither (the ordinary path takes it).
   */
  private async answerLongListing(turn: BotTurn, parts: KnowledgeParts): Promise<boolean> {
    const file = await readTextAttachment(turn.activity.attachments, this.attachmentOptions);
    if (file.kind === 'refused') {
      await turn.sendActivity(file.message);
      return true;
    }
    const typed = turn.activity.text ?? '';
    if (file.kind === 'none' && typed.length <= MAX_MESSAGE_LENGTH) return false;
    const raw = file.kind === 'text' ? (typed.trim() === '' ? file.text : `${typed}\n${file.text}`) : typed;
    if (raw.length > MAX_LISTING_CHARACTERS) {
      await turn.sendActivity(
        `${file.kind === 'text' ? file.name : 'That paste'} is ${raw.length.toLocaleString('en-US')} characters long; I read listings of up to ${MAX_LISTING_CHARACTERS.toLocaleString('en-US')} characters (a few thousand lines). Please send it in parts.`,
      );
      return true;
    }
    // Within the listing's bound the same clean-up as a typed message: mentions and control characters out.
    const text = cleanUserText(raw.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/&nbsp;/g, ' '));
    // The dialog answers it and keeps it, so that an answer to one of its questions judges it again.
    if (await parts.mainDialog.pasteListing(turn, text, file.kind === 'text' ? file.name : undefined)) return true;
    if (file.kind === 'text') {
      await turn.sendActivity(
        `I read ${file.name} but found no Exchange server listing in it. I read the output of Get-ExchangeServer, Get-DatabaseAvailabilityGroup, Get-ClusterNode and the Windows lines of systeminfo or Get-ComputerInfo.`,
      );
      return true;
    }
    // A long text that is no listing: the ordinary too-long answer.
    return false;
  }

  private async createDialogContext(turn: BotTurn, parts: KnowledgeParts): Promise<DialogContext> {
    return new DialogContext([parts.mainDialog], turn, await this.dialogStack(turn));
  }

  /** The dialog frames in conversation state, an empty stack put there if there were none. */
  private async dialogStack(turn: BotTurn): Promise<DialogState> {
    const saved = await this.dialogState.get(turn);
    if (saved) return saved;
    const fresh: DialogState = { dialogStack: [] };
    await this.dialogState.set(turn, fresh);
    return fresh;
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
export function normalizeIncomingMessage(activity: IncomingActivity): void {
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
