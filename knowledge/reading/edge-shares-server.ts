/**
 * Lead, session 15: an Edge Transport role said to share one server with another Exchange role in words the phrase
 * tables (fact-dimensions.yaml edgeWithOtherRoles) cannot list: "one server does mailbox, and that same box also has the
 * edge transport role", "one server with mailbox and edge transport roles", "a mailbox server that also runs the edge
 * role". The check judged these as a single Edge server, Supported with conditions (a wrong yes: A-46, the Edge role
 * shares its server with no other role). Read per sentence: the Edge role, another role and words that put them on one
 * server, and nothing that keeps them apart.
 */

/** The Edge Transport role. */
const EDGE = /\bedge\b/i;
/** Another Exchange role, or all of them. */
const OTHER_ROLE = /\b(?:mailbox|mbx|cas|client\s+access|hub(?:\s+transport)?|multi-?role|all\s+(?:the\s+)?(?:other\s+)?roles)\b/i;
/** Words that keep the Edge apart or deny the sharing ("edge on its own server", "not on the same box"). */
const APART = /\b(?:separate|separately|dedicated|own|apart|different|not|isn't|aren't|never|no\s+longer|no\s+edge|without)\b|n't\b/i;
/**
 * Words that put two roles on one server: "the same box", "that box also has the edge", "also runs the edge role",
 * "installed the edge role on it".
 */
const ONE_SERVER =
  /\bsame\s+(?:server|box|machine|vm)\b(?!\s+host)|\b(?:that|this)\s+(?:server|box|machine|vm)\s+also\b|\balso\s+(?:has|have|runs?|holds?|hosts?|carries|got|gets)\s+(?:the\s+)?edge\b|\bedge(?:\s+transport)?(?:\s+role)?\s+(?:installed\s+)?(?:on|onto)\s+(?:it|that\s+(?:server|box|machine|vm))\b/i;
/** "one server with mailbox and edge transport roles", "one 2019 box with the hub and edge roles": a server, then the roles it holds. */
const SERVER_HOLDING =
  /\b(?:one|single|a|the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:server|box|machine|vm)\s+(?:with|running|holding|hosting|having|that\s+(?:has|runs|holds|hosts))\s+([^.;\n]{0,60})/gi;

/** Sentences: a full stop before a space, a semicolon, a question mark or a line break ends one. */
function sentences(text: string): string[] {
  return text.split(/(?:[.!?](?:\s|$)|[;\n])/);
}

/** True when some sentence puts the Edge role and another role on one server. */
export function edgeSharesServer(text: string): boolean {
  if (!EDGE.test(text)) return false;
  return sentences(text).some((sentence) => {
    if (!EDGE.test(sentence) || !OTHER_ROLE.test(sentence) || APART.test(sentence)) return false;
    if (ONE_SERVER.test(sentence)) return true;
    for (const held of sentence.matchAll(SERVER_HOLDING)) if (EDGE.test(held[1]!) && OTHER_ROLE.test(held[1]!)) return true;
    return false;
  });
}
