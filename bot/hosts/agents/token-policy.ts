/**
 * What the bot checks of a channel token beyond what the Agents SDK's `authorizeJWT` checks, so that
 * the Agents host refuses the same tokens as the botbuilder host (test/security/authentication.test.ts):
 *
 * - the issuer is the Bot Framework channel's, unless ALLOW_EMULATOR_TOKENS lets Entra ID tokens in
 *   (then only for this app id and a known tenant): the SDK would otherwise take an Entra token of any
 *   first-party tenant, and fetch keys for whatever issuer a token names;
 * - a `serviceurl` claim names the activity's serviceUrl exactly (the SDK compares hosts only, and
 *   only logs a mismatch unless told otherwise);
 * - the signing key is endorsed for the activity's channel (the SDK does not read endorsements).
 */
export interface AgentsTokenPolicy {
  appId: string;
  tenantId: string;
  channelIssuer: string;
  allowEmulatorTokens: boolean;
}

/** Tenants whose Entra ID tokens the Bot Framework Emulator carries (botbuilder's list, as the Agents SDK's first-party tenants). */
const EMULATOR_TENANTS = ['d6d49420-f39b-4df7-a1dc-d59a935871db', 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'];

/** Before the SDK runs: refuses a token of an issuer the bot does not take, so the SDK never fetches keys for it. Throws when refused. */
export function checkIssuerBeforeValidation(claims: Record<string, unknown> | undefined, policy: AgentsTokenPolicy): void {
  if (!claims || claims.iss === policy.channelIssuer) return;
  if (!policy.allowEmulatorTokens)
    throw new Error('Unauthorized. The token was not issued by the Bot Framework channel service (Emulator tokens need ALLOW_EMULATOR_TOKENS=true).');
  if (claims.aud !== policy.appId) throw new Error('Unauthorized. The Emulator token is not for this app id.');
  const tid = claims.tid;
  if (tid === undefined) return;
  if (typeof tid !== 'string' || !(tid === policy.tenantId || EMULATOR_TENANTS.includes(tid.toLowerCase()))) {
    throw new Error('Unauthorized. The Emulator token is from an unknown tenant.');
  }
}

/** After the SDK verified the token: its `serviceurl` claim, when it has one, must be the activity's serviceUrl. */
export function checkServiceUrlClaim(verified: Record<string, unknown>, serviceUrl: string): void {
  const claimed = verified.serviceurl;
  if (typeof claimed === 'string' && claimed !== serviceUrl) throw new Error('Unauthorized. The ServiceUrl claim does not match the activity.');
}
