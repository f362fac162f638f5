import { ActivityTypes, InputHints, type Activity, type IncomingActivity, type InvokeResponse, type SentActivity, type TurnChannel, type TurnContext } from '../dialogs/turn';

/**
 * Runs around each send of a turn, in the order registered: it may change the activities, hold
 * them back (see storage/held-replies.ts) or look at what the channel answered; `next` goes on to
 * the next handler and, after the last, to the channel.
 */
export type SendHandler = (turn: BotTurn, activities: Partial<Activity>[], next: () => Promise<SentActivity[]>) => Promise<SentActivity[]>;

/** A step before the bot's own turn (duplicate suppression, rate limit): it calls `next` to let the turn run, or answers itself. */
export interface TurnMiddleware {
  onTurn(turn: BotTurn, next: () => Promise<void>): Promise<void>;
}

/**
 * The conversation core's turn: the {@link TurnContext} the dialogs and the bot's parts see, over the
 * {@link TurnChannel} a host gives it. Replies pass through the send handlers (held until the state is
 * saved, fitted to the channel, bounded in time) and then go to the channel, which completes their
 * addresses. An activity of type `invokeResponse` is not sent: it becomes the turn's
 * {@link invokeResponse}, which the host puts in the HTTP response (the schema's meaning, and what
 * both SDKs do with it).
 */
export class BotTurn implements TurnContext {
  readonly turnState = new Map<unknown, unknown>();
  /** What the HTTP response to an invoke carries, once the turn has one. */
  invokeResponse?: InvokeResponse;
  private readonly handlers: SendHandler[] = [];
  private sent = false;

  constructor(
    readonly activity: IncomingActivity,
    private readonly channel: TurnChannel,
  ) {}

  /** True once something reached the channel this turn (held replies count once released). */
  get responded(): boolean {
    return this.sent;
  }

  /** Adds a send handler, run after those registered before it. */
  onSendActivities(handler: SendHandler): this {
    this.handlers.push(handler);
    return this;
  }

  async sendActivity(activityOrText: string | Partial<Activity>): Promise<SentActivity | undefined> {
    // A text is a plain message that accepts input, as both SDKs make it.
    const activity = typeof activityOrText === 'string' ? { text: activityOrText, inputHint: InputHints.AcceptingInput } : activityOrText;
    const [sent] = await this.sendActivities([activity]);
    return sent;
  }

  async sendActivities(activities: Partial<Activity>[]): Promise<SentActivity[]> {
    // Copies: the handlers change what they send (Markdown for the channel), never the caller's object.
    const output = activities.map((activity) => {
      const copy: Partial<Activity> = { ...activity };
      copy.type ??= ActivityTypes.Message;
      delete copy.id;
      return copy;
    });
    const handlers = this.handlers.slice();
    const run = (index: number): Promise<SentActivity[]> => {
      const handler = handlers[index];
      return handler ? handler(this, output, () => run(index + 1)) : this.deliver(output);
    };
    return run(0);
  }

  private async deliver(activities: Partial<Activity>[]): Promise<SentActivity[]> {
    const toChannel = activities.filter((activity) => activity.type !== ActivityTypes.InvokeResponse);
    for (const activity of activities) if (activity.type === ActivityTypes.InvokeResponse) this.invokeResponse = activity.value as InvokeResponse;
    const sent = toChannel.length > 0 ? await this.channel.send(toChannel) : [];
    if (toChannel.length > 0) this.sent = true;
    // One answer per activity given, in order (an invoke response has no id).
    let next = 0;
    return activities.map((activity) => (activity.type === ActivityTypes.InvokeResponse ? { id: '' } : (sent[next++] ?? { id: '' })));
  }
}
