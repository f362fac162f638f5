import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type ConversationState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../dialogs/main-dialog';
import type { Replies } from '../dialogs/replies';
import type { KnowledgeBase } from '../knowledge';
import { renderForChannel } from './cards/channel-markdown';
import { jsonLogger, type Logger } from './log';
import { runTurnAndCommitState } from './storage/commit-turn';
import { searchKnowledgeExtension } from './teams/knowledge-search-extension';

/**
 * The bot: Teams and channel specifics around the dialogs. It cleans up incoming messages
 * (@mentions, card submits), runs the main dialog, welcomes new members, and saves state at the
 * end of every turn, with optimistic concurrency when the states are the optimistic ones from
 * `./storage/optimistic-bot-state`.
 */
export class ExchangeSupportBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly replies: Replies,
    private readonly knowledge: KnowledgeBase,
    private readonly log: Logger = jsonLogger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(mainDialog);

    this.onMessage(async (context, next) => {
      normalizeIncomingMessage(context.activity);
      await this.runMainDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // One welcome per event: when the bot itself is installed, or when people join a conversation it is in.
      if (added.length > 0 && (added.some((m) => m.id === botId) || added.some((m) => m.id !== botId))) {
        await context.sendActivity(this.replies.welcome());
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    context.onSendActivities(async (ctx, activities, next) => {
      for (const activity of activities) convertMarkdownForChannel(activity, ctx.activity.channelId);
      return next();
    });
    // Replies go out only once the state is saved; a turn that raced another turn of the same
    // conversation on another instance runs again on the newer state (see README, "State storage").
    await runTurnAndCommitState(context, () => super.run(context), {
      states: [this.userState, this.conversationState],
      log: this.log,
    });
  }

  /** The "Search KB" message extension: compose-box queries answered from the knowledge base. */
  protected override async handleTeamsMessagingExtensionQuery(_context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return searchKnowledgeExtension(this.knowledge, query);
  }

  private async runMainDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.mainDialog.id);
  }
}

/**
 * Makes every message look like typed text to the dialogs:
 * - in Teams channels and group chats the text starts with `<at>Bot</at>`: the mention is removed;
 * - a card button that "says" something submits `{ text }` as the value (Web Chat, Emulator).
 */
export function normalizeIncomingMessage(activity: Activity): void {
  if (typeof activity.value === 'string') {
    try {
      const parsed: unknown = JSON.parse(activity.value);
      if (parsed && typeof parsed === 'object') activity.value = parsed;
    } catch {
      // A plain string value is kept as it is.
    }
  }
  if (activity.type === ActivityTypes.Message && activity.entities?.length && activity.recipient) {
    TurnContext.removeRecipientMention(activity);
  }
  let text = (activity.text ?? '').replace(/<at>[\s\S]*?<\/at>/gi, ' ');
  const value = activity.value as { text?: unknown } | undefined;
  if (!text.trim() && value && typeof value === 'object' && typeof value.text === 'string') text = value.text;
  activity.text = text.replace(/&nbsp;/g, ' ').trim();
}

function convertMarkdownForChannel(activity: Partial<Activity>, channelId: string | undefined): void {
  if (activity.type !== ActivityTypes.Message || activity.textFormat !== 'markdown' || !activity.text) return;
  const rendered = renderForChannel(activity.text, channelId);
  activity.text = rendered.text;
  activity.textFormat = rendered.textFormat;
}
