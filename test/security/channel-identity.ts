import { createHmac, generateKeyPairSync, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of the public Bot Framework's channel tokens, which the bot checks by default. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** A signing key: its id, the private half for signing, and what the JWKS lists for it. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Channels the key may sign for (Bot Framework keys carry these); empty = any channel. */
  endorsements: string[];
}

/** A token's header fields the tests vary. */
export interface TokenHeader {
  alg?: string;
  kid?: string;
}

/**
 * The Bot Framework's token service, played on loopback: an OpenID metadata document and its JWKS
 * (the keys the bot trusts), and a signer for channel tokens. Tokens are signed with node:crypto;
 * nothing leaves the machine.
 */
export class FakeChannelIdentity {
  readonly keys: SigningKey[] = [];
  /** Requests the bot made for the metadata and the keys. */
  readonly fetched: string[] = [];
  private server?: Server;
  private base = '';

  private constructor() {}

  /** Starts the metadata server with `keys` listed: each is a key id and the channels it is endorsed for. */
  static async start(keys: Array<{ kid: string; endorsements: string[] }>): Promise<FakeChannelIdentity> {
    const identity = new FakeChannelIdentity();
    for (const { kid, endorsements } of keys) identity.keys.push({ kid, endorsements, ...newKeyPair() });
    identity.server = createServer((req, res) => {
      identity.fetched.push(req.url ?? '');
      const body =
        req.url === '/openid-configuration'
          ? { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${identity.base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }
          : // The botbuilder host reads /keys from the metadata; the Agents host asks <authority>/<tenant>/discovery/v2.0/keys.
            req.url === '/keys' || /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(req.url ?? '')
            ? { keys: identity.keys.map(jwk) }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => identity.server!.listen(0, '127.0.0.1', resolve));
    identity.base = `http://127.0.0.1:${(identity.server!.address() as AddressInfo).port}`;
    return identity;
  }

  get metadataUrl(): string {
    return `${this.base}/openid-configuration`;
  }

  /** The loopback address that plays the Entra authority for the Agents host (it asks `<authority>/<tenant>/discovery/v2.0/keys`). */
  get authority(): string {
    return this.base;
  }

  /**
   * The issuer of channel tokens on the Agents host in tests: the Agents SDK fetches the keys of
   * Bot Framework tokens from login.botframework.com whatever it is told, so its tests sign as this
   * loopback issuer, whose keys it asks of {@link authority}.
   */
  get loopbackIssuer(): string {
    return `${this.base}/issuer`;
  }

  key(kid: string): SigningKey {
    const found = this.keys.find((k) => k.kid === kid);
    if (!found) throw new Error(`no key ${kid}`);
    return found;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A fresh RSA key pair, as an unlisted key would be. */
export function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** The claims a channel token for `appId` and `serviceUrl` carries, valid for an hour; `overrides` win. */
export function channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  // The Bot Framework's claim name is lower case.
  return { iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, jti: randomUUID(), ...overrides };
}

/** Signs a JWT with RS256 (or the `alg` in `header`: HS256 uses `hmacSecret`, none signs nothing). */
export function signToken(claims: Record<string, unknown>, privateKey: KeyObject, header: TokenHeader, hmacSecret?: Buffer): string {
  const alg = header.alg ?? 'RS256';
  const head = base64url(JSON.stringify({ typ: 'JWT', alg, ...(header.kid !== undefined ? { kid: header.kid } : {}) }));
  const payload = base64url(JSON.stringify(claims));
  const input = `${head}.${payload}`;
  if (alg === 'none') return `${input}.`;
  if (alg === 'HS256')
    return `${input}.${base64url(
      createHmac('sha256', hmacSecret ?? Buffer.alloc(32))
        .update(input)
        .digest(),
    )}`;
  return `${input}.${base64url(sign('sha256', Buffer.from(input), privateKey))}`;
}

function jwk(key: SigningKey): JsonWebKey & { kid: string; use: string; endorsements: string[] } {
  const { n, e, kty } = key.publicKey.export({ format: 'jwk' });
  return { kty, n, e, kid: key.kid, use: 'sig', endorsements: key.endorsements };
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}
