import { upgradePath, type KnowledgeBase } from '../knowledge';

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
