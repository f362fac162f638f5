import { buildJwksUri, CloudAdapter, INVOKE_RESPONSE_KEY, type AuthConfiguration, type Request } from '@microsoft/agents-hosting';
import type { Activity as AgentsActivity } from '@microsoft/agents-activity';
import type { ActivityHost, ConversationBot, IncomingActivity, InvokeResponse, SentActivity } from '../../../dialogs/turn';
import type { BotConfig } from '../../config';
import { TURN_ERROR_MESSAGE } from '../../exchange-support-bot';
import type { Logger } from '../../log';
import type { HostFactory } from '../host-factory';
import { agentsAuthConfiguration, BOT_FRAMEWORK_ISSUER, type AgentsTokenSource } from './agents-auth-config';
import { CapturedResponse } from './captured-response';
import { KeyEndorsements } from './key-endorsements';
import { unverifiedClaims, unverifiedKeyId } from '../../http/unverified-token';
import { checkIssuerBeforeValidation, checkServiceUrlClaim, type AgentsTokenPolicy } from './token-policy';

/** The caller's identity as the Agents SDK hands it to its adapter (`request.user`): verified claims, or anonymous. */
export type AgentsIdentity = NonNullable<Request['user']>;

/**
 * The SDK's CloudAdapter, except that an `expectReplies` activity gets no connector client: its
 * replies go back in the HTTP answer, yet the SDK builds one whenever the activity has a serviceUrl,
 * and building one acquires an outgoing token at once (MSAL, from the app's authority), on every
 * such request. botbuilder builds its client without a token and asks for one at the first send.
 */
class RepliesInResponseAdapter extends CloudAdapter {
  protected override resolveIfConnectorClientIsNeeded(activity: AgentsActivity): boolean {
    return activity.deliveryMode === 'expectReplies' ? false : super.resolveIfConnectorClientIsNeeded(activity);
  }
}

/** The identity of every request in local mode: no `aud`, so the SDK sends replies without a token. */
const ANONYMOUS: AgentsIdentity = { name: 'anonymous' };

/**
 * The bot on the Microsoft 365 Agents SDK (`@microsoft/agents-hosting`): its `CloudAdapter` checks
 * the token (`authorizeJWT`, through `authorizeRequest`) and runs the turn (`process`: the SDK's
 * TurnContext, its connector client to the channel, `expectReplies` buffering, the invoke response),
 * and the conversation core does the rest, as on the botbuilder host.
 *
 * The endpoint has already read and checked the body (the SDK expects a parsed `req.body`, from
 * a body parser the bot does not use), so the SDK gets the checked activity and writes its answer to
 * a {@link CapturedResponse} that the endpoint turns into the HTTP response.
 */
export class AgentsHost implements ActivityHost<AgentsIdentity> {
  private readonly adapter: CloudAdapter;
  private readonly authConfig: AuthConfiguration;
  private readonly policy: AgentsTokenPolicy;
  private readonly endorsements = new KeyEndorsements();

  constructor(
    private readonly config: BotConfig,
    log: Logger,
    tokenSource?: AgentsTokenSource,
  ) {
    this.authConfig = agentsAuthConfiguration(config, tokenSource);
    // Options given here, not from CloudAdapterOptions__* variables: the host's behaviour is the bot's configuration's.
    this.adapter = new RepliesInResponseAdapter(this.authConfig, undefined, undefined, { emitStackTrace: false, validateServiceUrl: true });
    // The SDK's default handler sends "The agent encountered an error or bug." and "To continue to run
    // this agent, please fix the source code."; the core answers its own failures, and what fails around
    // it (sending the invoke response) is logged and answered as on the botbuilder host.
    this.adapter.onTurnError = async (context, error) => {
      log('error', 'turn failed', { conversationId: context.activity.conversation?.id, activityType: context.activity.type, error: error.message, stack: error.stack });
      try {
        await context.sendActivity(TURN_ERROR_MESSAGE);
      } catch (sendError) {
        log('error', 'could not send the turn error message', { conversationId: context.activity.conversation?.id, error: (sendError as Error).message });
      }
    };
    this.policy = {
      appId: config.microsoftAppId,
      tenantId: config.microsoftAppTenantId,
      channelIssuer: tokenSource?.issuer ?? BOT_FRAMEWORK_ISSUER,
      allowEmulatorTokens: config.allowEmulatorTokens,
    };
  }

  async authenticate(activity: IncomingActivity, authorization: string): Promise<AgentsIdentity> {
    if (this.config.microsoftAppId === '') return ANONYMOUS;
    checkIssuerBeforeValidation(unverifiedClaims(authorization), this.policy);
    const request: Request = { method: 'POST', headers: { authorization } };
    const refusal = new CapturedResponse();
    let passed = false;
    await this.adapter.authorizeRequest(request, refusal, () => {
      passed = true;
    });
    if (!passed || !request.user) throw new Error(`Unauthorized. ${refusalReason(refusal.body)}`);
    const verified = request.user;
    checkServiceUrlClaim(verified, activity.serviceUrl);
    if (verified.iss === this.policy.channelIssuer) {
      await this.endorsements.requireEndorsed(buildJwksUri(verified.iss, this.keysConfiguration()), unverifiedKeyId(authorization), activity.channelId);
    }
    return verified;
  }

  async runTurn(identity: AgentsIdentity, activity: IncomingActivity, bot: ConversationBot): Promise<InvokeResponse | undefined> {
    const response = new CapturedResponse();
    let turnStarted = false;
    // The core reads the activity as it came (the same object on both hosts); the SDK keeps its own
    // parsed copy for the conversation reference its replies are addressed with.
    const turn = this.adapter.process({ method: 'POST', headers: {}, body: activity as unknown as Record<string, unknown>, user: identity }, response, async (context) => {
      turnStarted = true;
      const invokeResponse = await bot.run(activity, {
        send: async (activities): Promise<SentActivity[]> => {
          const sent = await context.sendActivities(activities as AgentsActivity[]);
          return sent.map((resource) => ({ id: resource?.id ?? '' }));
        },
      });
      // processTurnResults answers an invoke with the value of the invokeResponse activity kept here (501 without one).
      if (invokeResponse) context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: invokeResponse });
    });
    try {
      await turn;
    } catch (error) {
      // The SDK parses the activity with its own schema (zod), stricter than the bot's check in places
      // (an entity without a type, say): a body it refuses before any turn is the sender's error, a 400.
      const refused = turnStarted ? undefined : schemaProblem(error);
      if (refused) return { status: 400, body: { error: { code: 'BadRequest', message: refused.message, field: refused.field } } };
      throw error;
    }
    if (response.statusCode === 200 && response.body === undefined) return undefined;
    return { status: response.statusCode, ...(response.body !== undefined ? { body: plainJson(response.body) } : {}) };
  }

  private keysConfiguration(): AuthConfiguration {
    return { ...this.authConfig, authorityEndpoint: this.authConfig.authorityEndpoint ?? 'https://login.microsoftonline.com' };
  }
}

/** The first problem of a ZodError the SDK threw while reading an activity, with the field named as bot/http/activity-check.ts names fields. */
function schemaProblem(error: unknown): { field: string; message: string } | undefined {
  const issues = (error as { name?: unknown; issues?: unknown } | undefined)?.name === 'ZodError' ? (error as { issues: unknown }).issues : undefined;
  const first = Array.isArray(issues) ? (issues[0] as { path?: unknown; message?: unknown } | undefined) : undefined;
  if (!first || !Array.isArray(first.path)) return undefined;
  const field = first.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('');
  return { field, message: `Activity field "${field}" is not valid: ${String(first.message)}.` };
}

/** What `authorizeJWT` wrote: `{ "jwt-auth-error": reason }`. For the log only, never the caller. */
function refusalReason(body: unknown): string {
  const reason = body && typeof body === 'object' ? (body as Record<string, unknown>)['jwt-auth-error'] : undefined;
  return typeof reason === 'string' ? reason : 'The token was refused.';
}

/**
 * The body as the wire carries it. The SDK's buffered `expectReplies` replies are its Activity class,
 * which keeps the channel id in a `_channelId` field: JSON.stringify writes that name (the SDK's
 * connector client renames it when it POSTs a reply, but its `expectReplies` answer does not), so
 * it is named `channelId` here, in its place. Only each reply's top level is copied: the endpoint
 * writes the body with JSON.stringify, which writes the rest as a JSON round trip here would have
 * (that round trip cost 0.02-0.06 ms of CPU per answer of 2-8 KB on top of the write, measured in one process; issue 24).
 */
function plainJson(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const { activities } = body as { activities?: unknown };
  if (!Array.isArray(activities)) return body;
  return {
    ...(body as Record<string, unknown>),
    activities: activities.map((activity: unknown) => {
      if (!activity || typeof activity !== 'object') return activity;
      const wire: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(activity)) wire[key === '_channelId' ? 'channelId' : key] = value;
      return wire;
    }),
  };
}

/** The server's host on the Microsoft 365 Agents SDK (`npm run start:agents`). */
export const agentsHost: HostFactory = (config, log, tokenSource) => {
  if (tokenSource && (!tokenSource.authority || !tokenSource.tokenIssuer)) {
    throw new Error('The Agents host checks test tokens against a loopback authority: give the token source an authority and a tokenIssuer');
  }
  return new AgentsHost(config, log, tokenSource ? { authority: tokenSource.authority!, issuer: tokenSource.tokenIssuer! } : undefined);
};
