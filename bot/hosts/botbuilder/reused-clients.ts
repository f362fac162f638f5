import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { BoundedCache } from '../../../knowledge/bounded-cache';

// A bot talks to a handful of channel endpoints (one per region and channel) and has one app id.
// Every serviceUrl here already passed authentication (a token's serviceurl claim, or loopback in
// local mode); the bounds are so that nothing a request says can grow the cache without end.
const CONNECTOR_LIMITS = { maxEntries: 256, maxBytes: 1024 * 1024, sizeOf: () => 4096 };
const USER_TOKEN_LIMITS = { maxEntries: 16, maxBytes: 128 * 1024, sizeOf: () => 4096 };

/**
 * Botbuilder's configured authentication, reusing its outbound clients: one ConnectorClient per
 * (app id, serviceUrl, audience) and one UserTokenClient per app id, instead of new ones (each with
 * its credentials and HTTP pipeline) on every turn, as CloudAdapter asks for. The clients hold no
 * turn's data; their credentials cache the bot's outbound token, so reuse also spares token requests.
 *
 * Credentials stay per app id: the app id is part of every key, read from the claims the same way
 * botbuilder picks the app id of the credentials it creates, so a client made for one app id is
 * never handed to a turn of another.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<string, ConnectorClient>(CONNECTOR_LIMITS);
  private readonly userTokenClients = new BoundedCache<string, UserTokenClient>(USER_TOKEN_LIMITS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.claimsIdentity, result.connectorFactory) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity));
  }

  override async createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = JSON.stringify([appIdOf(claimsIdentity) ?? null]);
    const known = this.userTokenClients.get(key);
    if (known) return known;
    const created = await super.createUserTokenClient(claimsIdentity);
    this.userTokenClients.set(key, created);
    return created;
  }

  /** Connector clients made by `factory` (which is for the claims' app id), reused by serviceUrl and audience. */
  private reusing(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return new ReusingConnectorFactory(appIdOf(claimsIdentity) ?? null, factory, this.connectors);
  }
}

/** A ConnectorFactory that hands out the clients of a shared cache, made by the app id's own factory when missing. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly appId: string | null,
    private readonly factory: ConnectorFactory,
    private readonly connectors: BoundedCache<string, ConnectorClient>,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    const known = this.connectors.get(key);
    if (known) return known;
    const created = await this.factory.create(serviceUrl, audience);
    this.connectors.set(key, created);
    return created;
  }
}

/**
 * The app id botbuilder creates outbound credentials for: the audience claim for channel tokens,
 * the app id claim for Emulator tokens, none for anonymous requests (local mode).
 */
function appIdOf(claimsIdentity: ClaimsIdentity): string | undefined {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? undefined;
}
