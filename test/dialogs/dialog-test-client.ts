import type { Dialog, DialogState, DialogTurnResult } from '../../dialogs/dialog-frame';
import { runDialogTurn } from '../../dialogs/dialog-frame';
import { InputHints, type Activity, type IncomingActivity, type SentActivity, type TurnContext } from '../../dialogs/turn';

/**
 * Drives one dialog turn by turn, as botbuilder-testing's DialogTestClient did (same methods), on
 * the project's own turn interface: each message runs a turn of the dialog over the saved frames,
 * and the replies queue up to be read one by one. The frames go through JSON between turns, as
 * they do through storage in the bot.
 */
export class DialogTestClient<O = object> {
  /** How the last turn left the dialog. */
  dialogTurnResult: DialogTurnResult = { status: 'empty' };
  private state: DialogState;
  private readonly replies: Array<Partial<Activity>> = [];
  private nextId = 0;

  constructor(
    private readonly channelId: string,
    private readonly dialog: Dialog<O>,
    private readonly initialDialogOptions?: O,
    /** Frames saved earlier (by a previous release, say) to go on from. */
    saved: DialogState = { dialogStack: [] },
  ) {
    this.state = saved;
  }

  /** Sends a message (text, or an activity such as a card submit) and returns the first reply. */
  async sendActivity(activity: string | Partial<Activity>): Promise<Partial<Activity> | undefined> {
    const incoming: IncomingActivity = {
      type: 'message',
      id: String((this.nextId += 1)),
      channelId: this.channelId,
      conversation: { id: 'convo1' },
      from: { id: 'user1', name: 'User1' },
      recipient: { id: 'bot', name: 'Bot' },
      serviceUrl: 'https://test.example',
      locale: 'en-us',
      ...(typeof activity === 'string' ? { text: activity } : activity),
    } as IncomingActivity;
    const state = JSON.parse(JSON.stringify(this.state)) as DialogState;
    this.dialogTurnResult = await runDialogTurn(this.dialog, new RecordingTurn(incoming, this.replies), state, this.initialDialogOptions);
    this.state = state;
    return this.replies.shift();
  }

  /** The frames as they were saved after the last turn (a copy, through JSON as through storage). */
  savedState(): DialogState {
    return JSON.parse(JSON.stringify(this.state)) as DialogState;
  }

  /** The next reply of the turn, if one is left. */
  getNextReply(): Partial<Activity> | undefined {
    return this.replies.shift();
  }
}

/** A turn whose replies are kept in a list, completed as an SDK's turn completes them (addresses, type, input hint). */
class RecordingTurn implements TurnContext {
  responded = false;
  readonly turnState = new Map<unknown, unknown>();

  constructor(
    readonly activity: IncomingActivity,
    private readonly sent: Array<Partial<Activity>>,
  ) {}

  async sendActivity(activityOrText: string | Partial<Activity>): Promise<SentActivity | undefined> {
    const [sent] = await this.sendActivities([typeof activityOrText === 'string' ? { text: activityOrText, inputHint: InputHints.AcceptingInput } : activityOrText]);
    return sent;
  }

  async sendActivities(activities: Array<Partial<Activity>>): Promise<SentActivity[]> {
    const { channelId, serviceUrl, conversation, from, recipient, id, locale } = this.activity;
    for (const activity of activities) {
      this.sent.push({ type: 'message', ...activity, channelId, serviceUrl, conversation, from: recipient, recipient: from, replyToId: id, locale: activity.locale ?? locale });
    }
    this.responded = true;
    return activities.map(() => ({ id: '' }));
  }
}
