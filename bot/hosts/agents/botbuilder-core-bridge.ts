import { BotAdapter, INVOKE_RESPONSE_KEY, TurnContext, type Activity, type ConversationReference, type Middleware, type ResourceResponse } from 'botbuilder';
import type { ConversationBot, InvokeResponse, TurnChannel } from '../../../turn';

const CHANNEL = Symbol('turn channel');

/**
 * INTERIM, until the SDK-free conversation core of branch a23 lands: the current bot (a botbuilder
 * ActivityHandler with its middleware) as a {@link ConversationBot}, so that another host can run it.
 * Its replies leave through the {@link TurnChannel} the host gives (the Agents SDK's TurnContext),
 * never through botbuilder's connector; an invoke's response is handed back as botbuilder's
 * CloudAdapter would read it.
 */
class ChannelAdapter extends BotAdapter {
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    const outgoing: Partial<Activity>[] = [];
    for (const activity of activities) {
      // As botbuilder's CloudAdapter: the invoke response is kept for the HTTP answer, never sent.
      if (activity.type === 'invokeResponse') context.turnState.set(INVOKE_RESPONSE_KEY, activity);
      else outgoing.push(activity);
    }
    const channel = context.turnState.get(CHANNEL) as TurnChannel;
    const sent = outgoing.length > 0 ? await channel.send(outgoing as Array<Record<string, unknown>>) : [];
    let next = 0;
    for (const activity of activities) responses.push(activity.type === 'invokeResponse' ? { id: '' } : { id: sent[next++]?.id ?? '' });
    return responses;
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error('The bot does not update activities.'));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('The bot does not delete activities.'));
  }

  continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    return Promise.reject(new Error('The bot does not continue conversations.'));
  }

  run(context: TurnContext, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.runMiddleware(context, logic);
  }
}

export function botbuilderCoreBridge(
  logic: (context: TurnContext) => Promise<void>,
  middleware: Middleware[],
  onTurnError: (context: TurnContext, error: Error) => Promise<void>,
): ConversationBot {
  const adapter = new ChannelAdapter();
  for (const m of middleware) adapter.use(m);
  adapter.onTurnError = onTurnError;
  return {
    async run(activity, channel): Promise<InvokeResponse | undefined> {
      // Without deliveryMode: botbuilder's TurnContext would buffer expectReplies itself; the host's SDK does that.
      const { deliveryMode: _host, ...own } = activity;
      const context = new TurnContext(adapter, own as unknown as Activity);
      context.turnState.set(CHANNEL, channel);
      await adapter.run(context, logic);
      const invoke = context.turnState.get(INVOKE_RESPONSE_KEY) as { value?: InvokeResponse } | undefined;
      return invoke?.value;
    },
  };
}
