import { upgradePath, type Facts, type KnowledgeBase } from '../knowledge';

/*
 * "can we go straight from this to SE?", "what's our upgrade path?" after a verdict on a retired version (issue 21,
 * helpers v21 and d21): the way to Exchange SE, from the table the direct answers read (knowledge's upgradePath: an
 * in-place upgrade where the how-to table holds one, Exchange 2019 CU14/CU15, M-11; otherwise the hops the coexistence
 * table allows, each newer version joining an organization of the older one, each with its status).
 */

/** A move asked about: "upgrade", "migrate", "move to", "go straight to", "path", "in place". */
const ASKS_MOVE = /\b(upgrad\w*|migrat\w*|move|moving|go|jump|get|switch|path|in[\s-]place|straight|directly)\b/i;

/** The move's target is Exchange SE: "to SE", "onto Subscription Edition", "-> SE". */
const TO_SE = /(?:\b(?:to|onto|into|towards?)|->|→)\s+(?:the\s+)?(?:exchange\s+)?(?:server\s+)?(?:se|subscription edition)\b/i;

export function movesToSe(text: string): boolean {
  return TO_SE.test(text);
}

export function asksForMove(text: string): boolean {
  return ASKS_MOVE.test(text);
}

/** The line saying how Exchange `version` gets to SE, or undefined when the tables hold nothing for it. */
export function migrationLine(kb: Pick<KnowledgeBase, 'coexistence' | 'howTo' | 'dimensions'>, version: string): string | undefined {
  return upgradePath(kb, version)?.line;
}

/**
 * SE set up over the very server judged: "could we just run the SE setup on that same box?", "install SE on top of it",
 * "upgrade it in place to SE". New servers for SE ("new boxes for SE") are not in place.
 */
const SE_IN_PLACE =
  /\b(?:install|put|run|upgrad\w*|set\s*up)\s+(?:the\s+)?(?:exchange\s+)?(?:se|subscription edition)(?:\s+setup)?\s+(?:on top|over|in[\s-]place|on (?:these|them|it|this|those|(?:the|that|this) same))\b|\b(?:upgrad\w*|convert\w*)\s+(?:it|this|them|these|that|the (?:server|box|vm))\s+in[\s-]place\s+to\s+(?:exchange\s+)?(?:se|subscription edition)\b/i;

/**
 * The `seInPlaceOver` value (fact-dimensions.yaml) of Exchange SE set up in place over the server these facts describe, or
 * undefined when the message asks no such thing or the update of an Exchange 2019 server is unknown (A-62, M-11: only 2019
 * CU14 or CU15 takes SE in place; the rules table says so, this only names what SE would be set up over).
 */
export function seInPlaceOver(text: string, facts: Facts): string | undefined {
  if (text.length > 160 || !SE_IN_PLACE.test(text)) return undefined;
  const { version, update } = facts;
  if (version === undefined || version === 'se') return undefined;
  if (version !== '2019') return version;
  if (update === undefined) return undefined;
  return update === 'e2019-cu14' || update === 'e2019-cu15-or-later' ? '2019-cu14-or-later' : '2019-before-cu14';
}
