import type { Token } from './text-tokens';

/**
 * Issue 21: the members of one DAG or cluster are often counted in parts that add up: "3 members plus 1
 * lagged-copy member", "10 servers in AMS and 8 in FRA", "2 Exchange 2013 and 2 Exchange 2016 mailbox
 * servers". Read one by one, the larger part was taken for the whole, and a limit (16 members, a witness for
 * an even count) judged the wrong number. One reading here sums parts joined one after another, by kind, by
 * site, or by Exchange version; the caller keeps the largest of this and the single counts it read.
 *
 * The caller drops the words naming an Exchange version or update that follow a count ("2 [Exchange 2013]"),
 * so they never stand between a count and its noun, and passes the indices of such counts as `named`.
 */

/** Nouns that count the members of one DAG or cluster. */
const MEMBER_NOUNS = new Set(['members', 'member', 'nodes', 'node', 'servers', 'server', 'boxes', 'box']);
/** Words that may stand between a count and its noun and say what kind of member it is ("1 lagged-copy member"). */
const KINDS = new Set(['active', 'passive', 'lagged', 'lag', 'copy', 'standby', 'dr', 'mailbox', 'mbx', 'exchange', 'dag', 'more', 'extra', 'additional', 'other']);
/** Words joining the parts of one total ("3 members plus 1 lagged member", "2 nodes and 1 passive node"). */
const JOINERS = new Set(['plus', 'and', 'with']);
/** Words after a part that place it out of the DAG or cluster. */
const APART = new Set(['outside', 'separate', 'standalone', 'alone', 'not', 'apart', 'besides', 'beside', 'outwith']);
/** At most this many words may stand between one part's noun and the next part's count ("... in the main site plus 1"). */
const GAP = 6;

/** Words between a count and "in"/"at" that keep it a count of members ("9 mailbox servers in AMS"); a role such as "edge" or "CAS" does not. */
const PLACED_NOUNS = new Set(['servers', 'server', 'nodes', 'node', 'members', 'member', 'mailbox', 'mbx', 'dag', 'exchange', 'boxes', 'vms', 'of', 'them', 'more']);
const PLACE_WORDS = new Set(['in', 'at']);
/** Places said without "in": where the writer is. */
const HERE = new Set(['here', 'locally', 'onsite', 'there']);
const SITE_JOINERS = new Set(['and', 'plus', 'another']);
/** Tokens a place name may take before the next site's count ("the primary datacenter", "the DR site"). */
const MAX_PLACE_WORDS = 4;

type Counts = readonly (number | undefined)[];

/** A DAG or cluster named between two counts ("10 servers in DAG1 and 8 in DAG2"): the counts are of different DAGs, never one total. */
const GROUP_NAME = /^(?:dag|dags|cluster|clusters)(?:\d{1,2}|[a-z])?$/;

/** True when a DAG or cluster is named among tokens `from` to `to` (exclusive). */
function namesGroupBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (GROUP_NAME.test(tokens[k]!.text)) return true;
  return false;
}

/** The members the parts of one DAG or cluster add up to, or undefined unless two or more parts follow each other. */
export function memberTotal(tokens: readonly Token[], counts: Counts, named: ReadonlySet<number> = new Set()): number | undefined {
  const parts = partsTotal(tokens, counts, named);
  const sites = siteTotal(tokens, counts);
  return parts === undefined ? sites : sites === undefined ? parts : Math.max(parts, sites);
}

/**
 * "3 members in the main site plus 1 lagged-copy member in DR", "2 active nodes + 1 passive node", "2 Exchange
 * 2013 and 2 Exchange 2016 mailbox servers", "two 2013 and three 2016 boxes": counts of members joined one after
 * another. A part counted by its version alone ("2 Exchange 2013 and ...") takes the noun of the part after it.
 */
function partsTotal(tokens: readonly Token[], counts: Counts, named: ReadonlySet<number>): number | undefined {
  // The index after "N [kinds] member-noun", or undefined.
  const partEnd = (i: number): number | undefined => {
    if (counts[i] === undefined) return undefined;
    let k = i + 1;
    while (k < tokens.length && k - i <= 3 && KINDS.has(tokens[k]!.text)) k += 1;
    if (k >= tokens.length || !MEMBER_NOUNS.has(tokens[k]!.text)) return undefined;
    // "1 server outside the DAG for journaling" is no member.
    return tokens.slice(k + 1, k + 3).some((t) => APART.has(t.text)) ? undefined : k + 1;
  };
  // "2 [Exchange 2013] and 2 ...": a count of one version, joined straight on to the next count; the index of that count.
  // "twelve plus six members" (w10, j-red-09): a bare count added by "plus" to the next one shares its noun too; "and" alone
  // joins no bare count ("between 2 and 4 members" is a range, not a sum).
  const versionPartNext = (i: number): number | undefined =>
    (named.has(i) ? JOINERS.has(tokens[i + 1]?.text ?? '') : tokens[i + 1]?.text === 'plus') && counts[i + 2] !== undefined ? i + 2 : undefined;
  let best: number | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    if (counts[i] === undefined) continue;
    // Version-counted parts before the first part with a noun share that noun.
    let total = 0;
    let parts = 0;
    let start = i;
    for (let next = versionPartNext(start); next !== undefined; next = versionPartNext(start)) {
      total += counts[start]!;
      parts += 1;
      start = next;
    }
    let end: number | undefined = partEnd(start);
    if (end === undefined) continue;
    total += counts[start]!;
    parts += 1;
    for (;;) {
      let next: number | undefined;
      for (let k: number = end; k < end + GAP && k < tokens.length; k += 1) {
        if (counts[k] === undefined) continue;
        // Joined by "plus"/"and", or right after the noun ("3 members + 1 lagged member": the "+" is no token).
        if (k === end || JOINERS.has(tokens[k - 1]!.text)) next = k;
        break;
      }
      const after: number | undefined = next === undefined || namesGroupBetween(tokens, end, next) ? undefined : partEnd(next);
      if (next === undefined || after === undefined) break;
      total += counts[next]!;
      parts += 1;
      end = after;
    }
    // "one node on 2019 and the other on 2022", "1 member in AMS, another in FRA": the one left counts as a part of one member.
    if (theOtherAfter(tokens, end)) {
      total += 1;
      parts += 1;
    }
    if (parts >= 2 && total > (best ?? 0)) best = total;
    i = end - 1;
  }
  return best;
}

/** Words after "the other" or "another" that make it no member: another group, or a thing placed apart. */
const NOT_A_MEMBER_AFTER = new Set([
  'dag',
  'dags',
  'cluster',
  'clusters',
  'site',
  'sites',
  'domain',
  'forest',
  'org',
  'version',
  'release',
  'way',
  'side',
  'hand',
  'day',
  'week',
  'time',
]);

/**
 * True when "the other" (one, not "the others") or "another" follows a part within a few words, as one more member:
 * "one node on 2019 and the other on 2022", "one member in AMS, another in FRA" (session 14, lead). Not "the other DAG",
 * nor one placed apart ("another server outside the DAG").
 */
function theOtherAfter(tokens: readonly Token[], end: number): boolean {
  for (let k = end; k < end + GAP && k < tokens.length; k += 1) {
    const word = tokens[k]!.text;
    const at = word === 'another' ? k + 1 : word === 'the' && tokens[k + 1]?.text === 'other' ? k + 2 : undefined;
    if (at === undefined) continue;
    const next = tokens[at]?.text ?? '';
    if (NOT_A_MEMBER_AFTER.has(next)) return false;
    const after = MEMBER_NOUNS.has(next) || next === 'one' ? at + 1 : at;
    return !tokens.slice(after, after + 2).some((t) => APART.has(t.text));
  }
  return false;
}

/**
 * "one DAG: 10 servers in AMS and 8 in FRA", "4 in the primary site + 4 in DR": counts of members each
 * placed in a site, one after another, are one DAG's members spread over the sites; their sum is the
 * member count a limit can break (each count alone is not). Undefined unless two or more placed counts
 * follow each other, the first of members ("servers", "nodes", "mailbox servers" or no noun).
 */
function siteTotal(tokens: readonly Token[], counts: Counts): number | undefined {
  // The index after "N [member nouns] in|at", or undefined.
  const placedAt = (i: number): number | undefined => {
    if (counts[i] === undefined) return undefined;
    let k = i + 1;
    while (k < tokens.length && k - i <= 3 && PLACED_NOUNS.has(tokens[k]!.text)) k += 1;
    // "6 members here, 6 in Madrid": "here" is a place of one word (the next count follows it at once).
    if (k > i + 1 && k < tokens.length && HERE.has(tokens[k]!.text)) return k;
    if (k >= tokens.length || !PLACE_WORDS.has(tokens[k]!.text)) return undefined;
    // "10 servers in DAG1 and 8 in DAG2": a place that is a DAG is no site of one DAG.
    return namesGroupBetween(tokens, k + 1, Math.min(k + 3, tokens.length)) ? undefined : k + 1;
  };
  let best: number | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    let at = placedAt(i);
    if (at === undefined) continue;
    let total = counts[i]!;
    let sites = 1;
    // The next placed count within a place name's length, joined by "and"/"plus" or punctuation.
    for (;;) {
      let next: number | undefined;
      for (let k = at + 1; k <= at + MAX_PLACE_WORDS && k < tokens.length; k += 1) {
        if (counts[k] !== undefined) {
          // Joined by "and"/"plus", or right after a one-word place ("in London + 6 in Dublin"): "in AMS, CAS 2 in FRA" is another role.
          if (SITE_JOINERS.has(tokens[k - 1]!.text) || k === at + 1) next = k;
          break;
        }
      }
      const after = next === undefined ? undefined : placedAt(next);
      if (next === undefined || after === undefined) break;
      total += counts[next]!;
      sites += 1;
      at = after;
    }
    if (sites >= 2 && total > (best ?? 0)) best = total;
    i = at;
  }
  return best;
}
