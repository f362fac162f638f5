import type { Token } from './text-tokens';

/** Nouns that count the members of one DAG or cluster. */
const MEMBER_NOUNS = new Set(['members', 'member', 'nodes', 'node', 'servers', 'server', 'boxes', 'box']);
/** Words that may stand between a count and its noun and say what kind of member it is ("1 lagged-copy member"). */
const KINDS = new Set(['active', 'passive', 'lagged', 'lag', 'copy', 'standby', 'dr', 'mailbox', 'mbx', 'exchange', 'dag', 'more', 'extra', 'additional', 'other']);
/** Words joining the parts of one total ("3 members plus 1 lagged member", "2 nodes and 1 passive node"). */
const JOINERS = new Set(['plus', 'and', 'with']);
/** Words after a part that place it out of the DAG or cluster. */
const APART = new Set(['outside', 'separate', 'standalone', 'alone', 'not', 'apart', 'besides', 'beside', 'outwith']);
/** At most this many words may stand between one part's noun and the next part's count ("... in the main site plus 1"). */
const GAP = 5;

/**
 * Issue 21: "3 members in the main site plus 1 lagged-copy member in DR", "2 active nodes + 1 passive
 * node": counts of members of different kinds joined one after another add up to the members of one
 * DAG or cluster; the total is what a limit (16 members, a witness for an even count) judges. Read one by
 * one, the larger part (3) was taken for the whole. Undefined unless two or more parts follow each other.
 */
export function memberPartsTotal(tokens: readonly Token[], counts: readonly (number | undefined)[]): number | undefined {
  // The index after "N [kinds] member-noun", or undefined.
  const partEnd = (i: number): number | undefined => {
    if (counts[i] === undefined) return undefined;
    let k = i + 1;
    while (k < tokens.length && k - i <= 3 && KINDS.has(tokens[k]!.text)) k += 1;
    if (k >= tokens.length || !MEMBER_NOUNS.has(tokens[k]!.text)) return undefined;
    // "1 server outside the DAG for journaling" is no member.
    return tokens.slice(k + 1, k + 3).some((t) => APART.has(t.text)) ? undefined : k + 1;
  };
  let best: number | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    let end = partEnd(i);
    if (end === undefined) continue;
    let total = counts[i]!;
    let parts = 1;
    for (;;) {
      let next: number | undefined;
      for (let k = end; k < end + GAP && k < tokens.length; k += 1) {
        if (counts[k] === undefined) continue;
        // Joined by "plus"/"and", or right after the noun ("3 members + 1 lagged member": the "+" is no token).
        if (k === end || JOINERS.has(tokens[k - 1]!.text)) next = k;
        break;
      }
      const after = next === undefined ? undefined : partEnd(next);
      if (next === undefined || after === undefined) break;
      total += counts[next]!;
      parts += 1;
      end = after;
    }
    if (parts >= 2 && total > (best ?? 0)) best = total;
    i = end - 1;
  }
  return best;
}
