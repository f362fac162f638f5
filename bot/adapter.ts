import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotConfig } from './config';
import type { Logger } from './log';

export const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side. Please try again in a moment.';

/**
 * Where tokens from the channel are checked, instead of the public Bot Framework's
 * `https://login.botframework.com/v1/.well-known/openidconfiguration`. For tests and isolated
 * clouds only: the tests serve OpenID metadata and signing keys from a loopback server. It is never
 * read from the environment, so a deployed bot always checks against the real Bot Framework.
 */
export interface ChannelTokenSource {
  /** The OpenID metadata document; its `jwks_uri` lists the signing keys. */
  openIdMetadataUrl: string;
  /** The `iss` tokens must carry; the public Bot Framework's `https://api.botframework.com` when left out. */
  tokenIssuer?: string;
}

/**
 * The Bot Framework adapter, with authentication and the turn split apart so the HTTP endpoint can
 * answer each failure with its own status (401 for any token problem, never a 500 with the
 * library's message).
 */
export class BotAdapter extends CloudAdapter {
  /**
   * Checks the request's `Authorization` header for `activity`: a channel token signed by a key in
   * the channel's OpenID metadata, for this app id, for the activity's `serviceUrl` and channel.
   * Without an app id (local mode) every request passes, anonymously. Throws when refused.
   */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs the turn of an authenticated activity; resolves with what the HTTP response must carry, if anything. */
  runTurn(authentication: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}

/**
 * The Bot Framework adapter. Authentication comes from the configuration: with an empty app id
 * there is none (local use); otherwise incoming requests must carry a valid channel token.
 */
export function createAdapter(config: BotConfig, log: Logger, tokenSource?: ChannelTokenSource): BotAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
    ...(tokenSource ? publicCloudWith(tokenSource) : {}),
  };
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(settings));
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

// Setting any one endpoint makes botbuilder take every endpoint from the settings, so the others are
// given their public-cloud values explicitly.
function publicCloudWith(source: ChannelTokenSource): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: source.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: source.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
