import type { ActivityHost } from '../../dialogs/turn';
import type { BotConfig } from '../config';
import type { Logger } from '../log';

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
  /** Where Emulator-issued (Azure AD) tokens are checked, when ALLOW_EMULATOR_TOKENS lets them in at all. */
  emulatorOpenIdMetadataUrl?: string;
  /**
   * The Agents host only: the Entra authority whose `<authority>/<tenant>/discovery/v2.0/keys` it asks
   * for the keys of any token not issued by the Bot Framework (the Agents SDK fetches those from
   * login.botframework.com whatever it is told), so its tests sign as `tokenIssuer` and serve the keys here.
   */
  authority?: string;
}

/**
 * Makes one SDK's host for a configuration: authentication from the `MicrosoftApp*` settings (none
 * without an app id), and the way turns run through that SDK. The server (bot/server.ts) takes one,
 * and is otherwise the same for every SDK.
 */
export type HostFactory = (config: BotConfig, log: Logger, tokenSource?: ChannelTokenSource) => ActivityHost;
