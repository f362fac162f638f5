import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, ToBotFromBotOrEmulatorTokenValidationParameters, type AuthenticateRequestResult } from 'botframework-connector';
import type { ActivityHost, ConversationBot, IncomingActivity } from '../../../dialogs/turn';
import type { BotConfig } from '../../config';
import { TURN_ERROR_MESSAGE } from '../../exchange-support-bot';
import type { Logger } from '../../log';
import type { ChannelTokenSource, HostFactory } from '../host-factory';
import { unverifiedClaims } from '../../http/unverified-token';
import { ReusingBotFrameworkAuthentication } from './reused-clients';

/** What {@link BotAdapter} checks beyond botbuilder's own validation. */
export interface TokenPolicy {
  appId: string;
  tenantId: string;
  /** The issuer of channel tokens. */
  channelIssuer: string;
  /** Accept tokens the Bot Framework Emulator obtains from Azure AD (ALLOW_EMULATOR_TOKENS=true). */
  allowEmulatorTokens: boolean;
}

/**
 * The Bot Framework adapter, with authentication and the turn split apart so the HTTP endpoint can
 * answer each failure with its own status (401 for any token problem, never a 500 with the
 * library's message).
 */
export class BotAdapter extends CloudAdapter {
  private tokenPolicy?: TokenPolicy;

  /** Sets what {@link authenticate} checks beyond botbuilder (done by {@link createAdapter}). */
  useTokenPolicy(policy: TokenPolicy): void {
    this.tokenPolicy = policy;
  }

  /**
   * Checks the request's `Authorization` header for `activity`: a channel token signed by a key in
   * the channel's OpenID metadata, for this app id, for the activity's `serviceUrl` and channel.
   * Without an app id (local mode) every request passes, anonymously. Throws when refused.
   *
   * botbuilder also takes tokens the Emulator gets from Azure AD (and skill tokens), which carry no
   * channel endorsement and no `serviceurl`: with an app id they are refused unless
   * ALLOW_EMULATOR_TOKENS=true, and then only for this app id and for known tenants. A `serviceurl`
   * claim, when a token has one, must name the activity's serviceUrl.
   */
  async authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    const policy = this.tokenPolicy;
    const claims = policy && policy.appId !== '' ? unverifiedClaims(authorization) : undefined;
    if (policy && claims && claims.iss !== policy.channelIssuer) {
      if (!policy.allowEmulatorTokens)
        throw new Error('Unauthorized. The token was not issued by the Bot Framework channel service (Emulator tokens need ALLOW_EMULATOR_TOKENS=true).');
      refuseUnknownEmulatorToken(claims, policy);
    }
    const result = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    const claimed = result.claimsIdentity.getClaimValue(AuthenticationConstants.ServiceUrlClaim);
    if (claimed && claimed !== activity.serviceUrl) throw new Error('Unauthorized. The ServiceUrl claim does not match the activity.');
    return result;
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
  // Its outbound clients are reused across turns rather than built anew on each (see reused-clients).
  const adapter = new BotAdapter(new ReusingBotFrameworkAuthentication(settings));
  adapter.useTokenPolicy({
    appId: config.microsoftAppId,
    tenantId: config.microsoftAppTenantId,
    channelIssuer: tokenSource?.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    allowEmulatorTokens: config.allowEmulatorTokens,
  });
  // The bot handles its own turn's failures; this catches what fails around it (sending the invoke
  // response), so that too neither takes the process down nor leaves the user in silence.
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

/**
 * The conversation core as a botbuilder turn handler: the core runs the turn's activity and replies
 * through botbuilder's TurnContext (which completes the addresses, sends to serviceUrl or buffers
 * for `expectReplies`); its invoke response goes where botbuilder's CloudAdapter takes it from.
 */
export function botbuilderLogic(bot: ConversationBot): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const response = await bot.run(context.activity as IncomingActivity, { send: (activities) => context.sendActivities(activities as Partial<Activity>[]) });
    if (response) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
  };
}

/** The botbuilder host: CloudAdapter's authentication and turns, for the server's `POST /api/messages`. */
export class BotbuilderHost implements ActivityHost<AuthenticateRequestResult> {
  constructor(readonly adapter: BotAdapter) {}

  authenticate(activity: IncomingActivity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.adapter.authenticate(activity as Activity, authorization);
  }

  runTurn(authentication: AuthenticateRequestResult, activity: IncomingActivity, bot: ConversationBot): Promise<InvokeResponse | undefined> {
    return this.adapter.runTurn(authentication, activity as Activity, botbuilderLogic(bot));
  }
}

/** The server's host on botbuilder (the default, `npm start`). */
export const botbuilderHost: HostFactory = (config, log, tokenSource) => new BotbuilderHost(createAdapter(config, log, tokenSource));

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
    ToBotFromEmulatorOpenIdMetadataUrl: source.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

// Issuers botbuilder accepts for Emulator tokens, as shipped (it appends to this list at run time).
const EMULATOR_ISSUERS: readonly string[] = [...(ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[])];

/**
 * An allowed Emulator token must still be for this bot (`aud`) and from a tenant botbuilder knows
 * or this bot's own: botbuilder adds the issuers of every new `tid` it sees to a global list, which
 * forged tokens with random tenants would grow without end.
 */
function refuseUnknownEmulatorToken(claims: Record<string, unknown>, policy: TokenPolicy): void {
  if (claims.aud !== policy.appId) throw new Error('Unauthorized. The Emulator token is not for this app id.');
  const tid = claims.tid;
  if (tid === undefined) return;
  if (typeof tid !== 'string' || !(tid === policy.tenantId || EMULATOR_ISSUERS.some((issuer) => issuer.includes(tid)))) {
    throw new Error('Unauthorized. The Emulator token is from an unknown tenant.');
  }
}
