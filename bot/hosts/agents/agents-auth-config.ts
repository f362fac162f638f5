import { AuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { BotConfig } from '../../config';

/** The issuer of the public Bot Framework's channel tokens (the Agents SDK fetches their keys from login.botframework.com). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** The tenant multi-tenant Bot Framework apps get their outgoing tokens from, as botbuilder does. */
const MULTI_TENANT_AUTHORITY_TENANT = 'botframework.com';
/**
 * The Agents SDK will not build its adapter without a client id when NODE_ENV=production (it throws
 * "ClientId required in production"). Local mode never checks a token (the host lets every request
 * through, loopback only) and sends replies without one, so it gets this id, which no token is ever
 * checked against.
 */
export const LOCAL_MODE_CLIENT_ID = 'local-mode-no-authentication';

/**
 * Where the Agents host checks tokens in tests: keys served on loopback instead of the public
 * clouds'. The SDK takes the keys of a token from its issuer: Bot Framework tokens from
 * login.botframework.com (fixed in the SDK), any other from `<authority>/<tenant>/discovery/v2.0/keys`,
 * so the tests sign with a loopback `issuer` and serve the keys under `authority`. Never read from
 * the environment.
 */
export interface AgentsTokenSource {
  /** Serves `/<tenant>/discovery/v2.0/keys`. */
  authority: string;
  /** The `iss` channel tokens carry in place of the Bot Framework's. */
  issuer: string;
}

/**
 * The Agents SDK's authentication settings (`clientId`, `clientSecret`, `tenantId`, `authType`) read
 * from the bot's own `MicrosoftApp*` settings, so one `.env` serves both hosts. bot/config.ts has
 * already refused a missing piece with one line naming the variable:
 *
 * | MicrosoftAppType | Agents SDK |
 * |---|---|
 * | MultiTenant | ClientSecret, tenant `botframework.com` unless MicrosoftAppTenantId is set |
 * | SingleTenant | ClientSecret, tenant MicrosoftAppTenantId |
 * | UserAssignedMSI | UserManagedIdentity (MicrosoftAppId is the identity's client id), tenant MicrosoftAppTenantId |
 *
 * The SDK checks a token's issuer only when told to (`validateIssuer`, off by default); here it is
 * always on, with the issuers botbuilder accepts: the Bot Framework's and the app's tenant's.
 */
export function agentsAuthConfiguration(config: BotConfig, tokenSource?: AgentsTokenSource): AuthConfiguration {
  if (config.microsoftAppId === '') return { clientId: LOCAL_MODE_CLIENT_ID };
  const tenantId = config.microsoftAppTenantId || MULTI_TENANT_AUTHORITY_TENANT;
  const channelIssuer = tokenSource?.issuer ?? BOT_FRAMEWORK_ISSUER;
  const credentials =
    config.microsoftAppType === 'UserAssignedMSI' ? { authType: AuthType.UserManagedIdentity } : { authType: AuthType.ClientSecret, clientSecret: config.microsoftAppPassword };
  return {
    clientId: config.microsoftAppId,
    tenantId,
    ...credentials,
    validateIssuer: true,
    issuers: [channelIssuer, `https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`],
    ...(tokenSource ? { authorityEndpoint: tokenSource.authority } : {}),
  };
}
