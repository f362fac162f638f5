import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotConfig } from './config';
import type { Logger } from './log';

export const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side. Please try again in a moment.';

/**
 * The Bot Framework adapter. Authentication comes from the configuration: with an empty app id
 * there is none (local use); otherwise incoming requests must carry a valid channel token.
 */
export function createAdapter(config: BotConfig, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  // A failed turn must not take the process down or leave the user in silence.
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    log('error', 'turn failed', {
      conversationId: context.activity.conversation?.id,
      activityType: context.activity.type,
      error: err.message,
      stack: err.stack,
    });
    try {
      await context.sendActivity(TURN_ERROR_MESSAGE);
    } catch (sendError) {
      log('error', 'could not send the turn error message', { conversationId: context.activity.conversation?.id, error: (sendError as Error).message });
    }
  };
  return adapter;
}
