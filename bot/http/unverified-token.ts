/**
 * What a `Bearer` JWT says before anyone has checked it: only to tell which kind of token it is (a
 * channel's, an Emulator's) and which key signed it, so that each host knows which checks to run.
 * Never trusted for anything else.
 */

/** The claims of a `Bearer` JWT, not verified. */
export function unverifiedClaims(authorization: string): Record<string, unknown> | undefined {
  return jsonPart(authorization, 1);
}

/** The `kid` of a `Bearer` JWT's header, not verified. */
export function unverifiedKeyId(authorization: string): string | undefined {
  const kid = jsonPart(authorization, 0)?.kid;
  return typeof kid === 'string' ? kid : undefined;
}

function jsonPart(authorization: string, index: 0 | 1): Record<string, unknown> | undefined {
  const [scheme, token, ...rest] = authorization.trim().split(' ');
  if (scheme !== 'Bearer' || !token || rest.length > 0) return undefined;
  const part = token.split('.')[index];
  if (!part) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
