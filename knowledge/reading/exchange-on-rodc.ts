/**
 * Lead, session 15: the Exchange server itself said to be a read-only domain controller ("oh and it's an RODC too", "the
 * mailbox server is also a read-only DC", "we installed exchange on our rodc"). The phrase tables read any RODC as a
 * domain controller, which a single server may be (with conditions); but Exchange Setup refuses a read-only domain
 * controller as its target (readiness check ComputerRODC) and Exchange works only with writable domain controllers.
 * Only an RODC said of the server: "the branch site only has an RODC" is the site's (siteDomainControllers), not this.
 */

/** An RODC by its name or in words. */
const RODC = String.raw`(?:an?\s+)?(?:rodc|read-?only\s+(?:domain\s+controller|dc))`;
/** The server, then a verb that makes it one: "it's an RODC too", "the mailbox server is also a read-only DC". */
const SERVER_IS_RODC = new RegExp(
  String.raw`\b(?:it|it's|its|this\s+(?:server|box)|that\s+(?:server|box)|the\s+(?:same\s+)?(?:server|box|vm)|(?:the\s+)?exchange\s+(?:server|box)|(?:the\s+)?(?:mailbox|mbx)\s+(?:server|box))\s+(?:is\s+|'s\s+|was\s+|will\s+be\s+)?(?:also\s+|actually\s+)?(?:promoted\s+to\s+|made\s+|(?:also\s+)?(?:doubles|acts|serves)\s+as\s+|became\s+)?${RODC}\b`,
  'i',
);
/** Exchange placed on one: "exchange installed on our rodc", "install exchange 2019 on a read-only DC". */
const EXCHANGE_ON_RODC = new RegExp(String.raw`\bexchange\b[^.;!?\n]{0,40}?\b(?:on|onto)\s+(?:our\s+|the\s+|a\s+|an\s+)?(?:rodc|read-?only\s+(?:domain\s+controller|dc))\b`, 'i');
/** Words that deny it ("it is not an RODC", "no rodc"). */
const DENIED = /\b(?:not|no|isn't|never)\s+(?:an?\s+)?(?:rodc|read-?only)/i;

/** True when the text says the Exchange server is itself a read-only domain controller. */
export function exchangeOnReadOnlyDc(text: string): boolean {
  if (DENIED.test(text)) return false;
  const said = text.replace(/\bit\s+is\b/gi, 'it');
  return SERVER_IS_RODC.test(said) || EXCHANGE_ON_RODC.test(text);
}
